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
trap 'rm -rf "$results"' EXIT

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
