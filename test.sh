#!/usr/bin/env bash
# Builds the whole solution and runs every test, starting whatever the tests need on loopback.
# Ends with the line: Tests: N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Tool output stays in English so the summary lines can be read; the tests themselves run under LANG below.
export DOTNET_CLI_UI_LANGUAGE=en-US
# Run far from UTC and under Turkish culture: code that leans on the server's zone or culture fails here.
export TZ="${CUSTOMERCARE_TEST_TZ:-Pacific/Kiritimati}"
export LANG="${CUSTOMERCARE_TEST_LANG:-tr_TR.UTF-8}"
configuration="${CONFIGURATION:-Release}"
export CUSTOMERCARE_TEST_SH=1

log() { printf '[test.sh] %s\n' "$*" >&2; }

apt_updated=0
ensure_apt() { # ensure_apt <check-command> <package...>
  local check="$1"; shift
  if eval "$check" >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" != 0 ]; then log "missing $*; install it (needs root)"; return 1; fi
  if [ "$apt_updated" = 0 ]; then apt-get update -qq >/dev/null && apt_updated=1; fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v dotnet >/dev/null || { log "the .NET 10 SDK is required (dotnet on PATH)"; exit 1; }
ensure_apt "ldconfig -p | grep -q libicuuc" libicu72 || exit 1
ensure_apt "test -d /usr/share/zoneinfo" tzdata || exit 1

results="$(mktemp -d)"
chmod 755 "$results"
pids=()
cleanup() {
  if [ -n "${pg_bin:-}" ] && [ -f "$results/pgdata/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl -D '$results/pgdata' -m fast -w stop" >/dev/null 2>&1 || true
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$results"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# The tests run under a Turkish LANG that the image may not have generated; the server gets a locale it has.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then LANG=C.UTF-8 LC_ALL=C.UTF-8 su postgres -s /bin/sh -c "$1"; else LANG=C.UTF-8 LC_ALL=C.UTF-8 sh -c "$1"; fi
}

# A throwaway PostgreSQL cluster on loopback for the PostgreSQL plugin's tests.
start_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$pg_bin" ]; then ensure_apt "ls /usr/lib/postgresql/*/bin/initdb" postgresql || return 1; pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; fi
  local port; port="$(free_port)"
  install -d -m 700 "$results/pgdata"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$results/pgdata"
  as_postgres "$pg_bin/initdb -D '$results/pgdata' -U postgres -A trust --no-sync" > "$results/initdb.log" 2>&1 || { cat "$results/initdb.log"; return 1; }
  as_postgres "$pg_bin/pg_ctl -D '$results/pgdata' -l '$results/pgdata/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$results/pgdata' -c max_connections=300 -c fsync=off\" start" > /dev/null || { cat "$results/pgdata/server.log"; return 1; }
  export CUSTOMERCARE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  export CUSTOMERCARE_TEST_PG_BIN="$pg_bin" CUSTOMERCARE_TEST_PG_DATA="$results/pgdata"
  log "PostgreSQL on 127.0.0.1:$port"
}

# An SMTP server on loopback that writes what it receives to a Maildir, for the MailKit plugin's tests.
start_smtp() {
  ensure_apt "/usr/bin/python3 -c 'import aiosmtpd'" python3-aiosmtpd || return 1
  local port; port="$(free_port)"
  /usr/bin/python3 -m aiosmtpd -n -u -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$results/maildir" > "$results/smtp.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  export CUSTOMERCARE_TEST_SMTP="127.0.0.1:$port" CUSTOMERCARE_TEST_MAILDIR="$results/maildir"
  # The restart test starts servers of its own with this interpreter.
  export CUSTOMERCARE_TEST_AIOSMTPD_PYTHON=/usr/bin/python3
  log "SMTP on 127.0.0.1:$port, Maildir $results/maildir"
}

start_postgres || { echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
start_smtp || { echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

log "building CustomerCare.sln ($configuration)"
if ! dotnet build CustomerCare.sln -c "$configuration" -nologo -clp:ErrorsOnly > "$results/build.log" 2>&1; then
  cat "$results/build.log"
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

log "running tests"
dotnet test CustomerCare.sln -c "$configuration" --no-build --nologo 2>&1 | tee "$results/test.log"
status=${PIPESTATUS[0]}

# VSTest prints one summary line per test assembly; sum them.
read -r passed failed skipped assemblies < <(
  grep -E '^(Passed|Failed)!' "$results/test.log" | awk -F'[:,]' '
    { for (i = 1; i <= NF; i++) {
        if ($i ~ /Failed$/) f += $(i+1); if ($i ~ /Passed$/) p += $(i+1); if ($i ~ /Skipped$/) s += $(i+1) }
      n++ }
    END { printf "%d %d %d %d\n", p, f, s, n }')

aborted=$(grep -cE 'Test Run Aborted|exited with error' "$results/test.log" || true)
if [ "$aborted" -gt 0 ]; then
  log "a test host aborted; counting it as a failure"
  failed=$((failed + aborted))
  status=1
fi
if [ "${assemblies:-0}" -eq 0 ]; then
  log "no test assembly reported a result"
  failed=$((failed + 1))
  status=1
fi
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
