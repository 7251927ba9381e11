#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine too: installs what the tests need and is missing or too old (a
# JDK 17.0.9 or later, and Maven; Debian's headless Chromium and its driver, in which the status page is tested;
# promtool, of Debian's prometheus package, which tests the alert rules),
# then runs the unit tests and the end-to-end tests (`mvn -B verify`). About 18 minutes on 2 cores. Installing
# needs root, or sudo.
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# The JDK: javac, and a java that takes -XX:TrimNativeHeapInterval, as run.sh and the Dockerfile start the
# connector with it (LargestBodiesIT does too): 17.0.9 or later in 17 (21.0.1 or later in 21). Both the java on
# the PATH (run.sh's) and JAVA_HOME's, if set (Maven's and so the end-to-end tests'), are checked.
jdk_fits() {
  local java
  command -v javac >/dev/null || return 1
  local feature
  for java in java ${JAVA_HOME:+"$JAVA_HOME/bin/java"}; do
    "$java" -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1 || return 1
    feature=$("$java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
    (( ${feature:-0} >= 17 )) || return 1
  done
}

# Debian's JDK 17 where it has one (bookworm), else its default JDK (trixie: 21).
debian_jdk() {
  if apt-cache policy openjdk-17-jdk-headless 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    echo openjdk-17-jdk-headless
  else
    echo default-jdk-headless
  fi
}

missing=()
updated=
if ! jdk_fits; then
  echo "test.sh: no JDK 17.0.9 or later (javac, and a java taking -XX:TrimNativeHeapInterval)" >&2
  as_root apt-get update -q
  updated=yes
  missing+=("$(debian_jdk)")
fi
if ! command -v mvn >/dev/null; then
  missing+=(maven)
fi
if [[ ! -x /usr/bin/chromium ]] || [[ ! -x /usr/bin/chromedriver ]]; then
  missing+=(chromium chromium-driver)
fi
# promtool, which runs the alert rules' tests (deploy/prometheus/flatchr-lucca-rules.test.yaml)
if ! command -v promtool >/dev/null; then
  missing+=(prometheus)
fi
if (( ${#missing[@]} )); then
  echo "test.sh: installing ${missing[*]}" >&2
  [[ -n $updated ]] || as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
if ! jdk_fits; then
  echo "test.sh: still no JDK 17.0.9 or later on the PATH (or in JAVA_HOME): $(java -version 2>&1 | head -1)" >&2
  exit 1
fi

exec mvn -B verify "$@"
