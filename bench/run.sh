#!/usr/bin/env bash
# Runs the benchmarks (about eight minutes on two cores) and writes their figures into BENCHMARKS.md, then
# prints them. Parts of it, only printed: 'bench/run.sh intake hire' the intake (about three minutes) and the hire
# to employee (about two); 'bench/run.sh lucca' the hire to employee and the Lucca budget; 'bench/run.sh budget' only
# the budget; 'bench/run.sh latency' only the hire to employee alone. Builds the jar and the benchmark classes first
# if the sources changed. Every server runs
# on 127.0.0.1 only. JAVA_OPTS, if set, is given to the connector and the floor alike; unset, both get the JVM's
# defaults (not ./run.sh's options: BENCHMARKS.md's runs pass the deployment files' options, archive included).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/flatchr-lucca.jar
if [[ ! -f $jar ]] || [[ ! -d target/test-classes ]] || [[ -n $(find pom.xml src -newer "$jar" -print -quit) ]]; then
  # Maven's output is shown only if the build fails: even quiet, it writes terminal codes that would come
  # before the connector's first log line.
  if ! build=$(mvn -q -B package -DskipTests 2>&1); then
    printf '%s\n' "$build" >&2
    exit 1
  fi
fi
exec java -cp "target/test-classes:$jar" io.github.flatchrlucca.bench.Benchmarks "$@"
