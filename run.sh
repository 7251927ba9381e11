#!/usr/bin/env bash
# Builds the connector if its Java code changed (or was never built), then starts it from this directory,
# where it reads application.properties and routes/*.camel.yaml (edit those and restart: no rebuild).
set -euo pipefail
cd "$(dirname "$0")"
jar=target/flatchr-lucca.jar
if [[ ! -f $jar ]] || [[ -n $(find pom.xml src/main -newer "$jar" -print -quit) ]]; then
  mvn -q -B package -DskipTests
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
