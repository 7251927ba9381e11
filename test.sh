#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine too: installs what the tests need and is missing (Java 17 and
# Maven; Debian's headless Chromium and its driver, in which the status page is tested), then runs the unit tests
# and the end-to-end tests (`mvn -B verify`). About 18 minutes on 2 cores. Installing needs root, or sudo.
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

missing=()
if ! command -v mvn >/dev/null || ! command -v javac >/dev/null; then
  missing+=(openjdk-17-jdk-headless maven)
fi
if [[ ! -x /usr/bin/chromium ]] || [[ ! -x /usr/bin/chromedriver ]]; then
  missing+=(chromium chromium-driver)
fi
if (( ${#missing[@]} )); then
  echo "test.sh: installing ${missing[*]}" >&2
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

exec mvn -B verify "$@"
