#!/usr/bin/env bash
# Writes the connector's class archive (class data sharing, docs/deployment.md): usage
#   train-class-archive.sh <jar> <archive>
# One start of the jar with -XX:ArchiveClassesAtExit, sent the requests a running connector first gets (a webhook
# accepted, one refused for its token, a path it does not serve, the status page), then, once that hire is a dry
# run, stopped: the archive then holds the classes of the request path too, which a start that serves nothing never
# loads, so the first answer of every later start does not wait for them to be read from the jar. JAVA_OPTS, if set,
# is given to that start (its -XX:SharedArchiveFile left out). The start is the connector's own, isolated from the
# operator's: a scratch folder for DATA_DIR and working directory, tokens of its own, no other setting (no Lucca: a
# dry run, nothing sent anywhere; no JOURNAL_JDBC_URL: the embedded journal, removed with the folder). Exits
# non-zero, printing the start's log, if the answers were not the expected ones or no archive was written, or the
# whole took over TRAINING_SECONDS (600 by default: about 20 s here, far more on an emulated build of another CPU's
# image).
set -euo pipefail
export LC_ALL=C # ${#body} below counts bytes, as Content-Length does
if [[ $# -ne 2 ]]; then
  echo "usage: $0 <jar> <archive>" >&2
  exit 64
fi
jar=$(realpath "$1")
archive=$(realpath -m "$2")
options=()
for option in ${JAVA_OPTS-}; do
  [[ $option == -XX:SharedArchiveFile=* ]] || options+=("$option")
done
scratch=$(mktemp -d)
pid=
finish() {
  [[ -z $pid ]] || kill "$pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap finish EXIT
fail() {
  echo "train-class-archive: $1; the start's log:" >&2
  cat "$scratch/out.log" >&2
  exit 1
}

token=training-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
admin_token=training-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n') # the status page is served with one only
# a port nothing answers on (the installed connector may hold 8080); the connector refuses one taken meanwhile
port=$((20000 + RANDOM % 30000))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((20000 + RANDOM % 30000)); done
rm -f "$archive"
cd "$scratch"
env -i PATH="$PATH" DATA_DIR="$scratch/data" SERVER_PORT="$port" FLATCHR_WEBHOOK_TOKEN="$token" ADMIN_TOKEN="$admin_token" \
  java "${options[@]}" "-XX:ArchiveClassesAtExit=$archive" -jar "$jar" >out.log 2>&1 &
pid=$!

# The requests by bash's /dev/tcp: the eclipse-temurin image the Dockerfile builds on is not known to have curl.
# Prints the answer's status code.
request() { # method path [JSON body]
  local body=${3-} status
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n' "$1" "$2" >&3
  printf 'Content-Length: %d\r\n\r\n%s' "${#body}" "$body" >&3
  read -r _ status _ <&3
  cat <&3 >/dev/null
  exec 3<&-
  echo "$status"
}
expect() { # status method path [body]
  local status
  status=$(request "${@:2}") || fail "$2 ${3%%\?*} got no answer"
  [[ $status == "$1" ]] || fail "$2 ${3%%\?*} answered $status, not $1"
}

limit=${TRAINING_SECONDS:-600}
SECONDS=0
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || fail "the connector stopped before it answered"
  ((SECONDS < limit)) || fail "the connector did not answer within $limit s"
  sleep 0.1
done
# A hire as Flatchr sends it (examples/drag-applicant-hired.json, its people made up)
hire='{"event":"drag_applicant","company_id":4242,"data":{"applicant":{"id":918273},
"candidate":{"id":77,"firstname":"Éloïse","lastname":"Müller","email":"eloise.muller@example.org","phone":"06 12 34 56 78"},
"column":{"id":9,"title":"Recruté","hired":true},"vacancy":{"id":5,"title":"Développeuse Java","contract_type_id":1,
"start_date":"2027-01-04","end_date":null,"tags":[{"id":"7jKJ0Mpz60pXNgxa","tag_id":1174,"title":"Service IT","type":"vacancies"}]},
"user":{"firstname":"Marie","lastname":"Curie","email":"marie.curie@example.org"}}}'
expect 202 POST "/webhooks/flatchr?token=$token" "$hire"
expect 401 POST /webhooks/flatchr "$hire"
expect 404 GET /nothing-here
# The status page is among the routes built after the first answer: asked until they are there.
until [[ $(request GET /admin/) == 200 ]]; do
  ((SECONDS < limit)) || fail "the status page did not answer within $limit s"
  sleep 0.1
done

# and the hire's delivery, a dry run, which the journal logs
until grep -q ' dry-run: ' out.log; do
  ((SECONDS < limit)) || fail "the hire was not delivered (a dry run) within $limit s"
  sleep 0.1
done
# SIGTERM: the connector stops as it would under systemd or Docker, and the JVM writes the archive as it exits.
kill -TERM "$pid"
wait "$pid" || true
pid=
[[ -s $archive ]] || fail "no archive was written at $archive"
echo "train-class-archive: wrote $archive in $SECONDS s"
