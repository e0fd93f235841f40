#!/usr/bin/env bash
# Benchmarks against bare baselines in the same run (docs/benchmarks.md says what each scenario measures).
#   ./bench.sh           full run: 200,000-event projector backlog, longer slices (~7 minutes on 2 cores)
#   ./bench.sh --quick   the same scenarios, smaller and shorter (under 2 minutes)
# While working on one scenario: BENCH_ONLY=reads (or commands, contention, replay, none: a comma list) runs only
# those after the projector's backlog and leaves the committed results alone; BENCH_BACKLOG_ORDERS sets the backlog.
# Starts durable databases (scripts/databases.sh "run" settings, never the test tuning), builds Release, starts the
# API as its own process, and runs the load client bench/SolarEvents.Benchmarks, which starts the projector (it
# needs a backlog written first). Writes bench/results/latest.json and the results table of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")"
quick=""
case "${1:-}" in
  "") ;;
  --quick) quick=--quick ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac
source scripts/databases.sh

work=.local/bench/$$
mkdir -p "$work"
api_pid=""
cleanup() {
  [ -s "$work/projector.pid" ] && kill "$(cat "$work/projector.pid")" 2>/dev/null || true
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  databases_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$(date +%s)
databases_start run
command -v mariadbd >/dev/null 2>&1 && [ -z "${ReadModels__ServerVersion:-}" ] && export ReadModels__ServerVersion=10.11.0-mariadb
# The client references the API, which references the projector: this builds exactly the three of them.
dotnet build bench/SolarEvents.Benchmarks/SolarEvents.Benchmarks.csproj -c Release -nologo -v q

# Production settings, except: a signing key and personal-data keys made for this run only, tokens at the longest
# lifetime the API allows (each scenario mints its own), per-user rate limits high enough that 64 clients measure
# the service rather than the limiter, and schema applied at start-up.
export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production
# The hosts connect as the databases' superuser here, so they apply the schema themselves at start-up (Production
# leaves that to the schema step, `SolarEvents.Api.dll migrate`, by default).
export Database__ApplySchemaOnStartup=true
export Auth__SigningKey=$(head -c 32 /dev/urandom | base64)
export PersonalData__ActiveMasterKey=bench PersonalData__MasterKeys__bench=$(head -c 32 /dev/urandom | base64)
export PersonalData__BlindIndexKey=$(head -c 32 /dev/urandom | base64)
export Auth__AccessTokenMinutes=15
export Mail__PickupDirectory=$PWD/$work/mail
export RateLimits__PerUser=100000000 RateLimits__PerClient=100000000 RateLimits__Payments__PermitLimit=100000000
export Payments__SigningSecrets__0=$(head -c 24 /dev/urandom | base64)
export BENCH_PROJECTOR_PIDFILE=$work/projector.pid BENCH_PROJECTOR_LOG=$work/projector.log
servers=()
[ -n "${SOLAR_PGBIN:-}" ] && servers+=("$("$SOLAR_PGBIN/postgres" -V)")
command -v mariadbd >/dev/null 2>&1 && servers+=("$(mariadbd --version | sed -E 's/.*Ver ([^ ]+).*/MariaDB \1/')")
export BENCH_SERVER_VERSIONS="${servers[*]:-servers named by the connection strings}"

out=bin/Release/net10.0
api_port=$(_db_free_port)
(cd "src/Api/$out" && exec dotnet SolarEvents.Api.dll --urls "http://127.0.0.1:$api_port") >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$api_port/health/live" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { echo "the API exited; see $work/api.log" >&2; exit 1; }
  sleep 0.2
done

dotnet "bench/SolarEvents.Benchmarks/$out/SolarEvents.Benchmarks.dll" $quick \
  --api "http://127.0.0.1:$api_port" --api-pid "$api_pid" \
  --projector "src/Projections/$out/SolarEvents.Projections.dll" --out "bench/results/${BENCH_ONLY:+partial-}latest.json"

# A partial run (BENCH_ONLY, see Program.cs) leaves the committed results alone.
[ -n "${BENCH_ONLY:-}" ] && { echo "bench: partial run ($BENCH_ONLY); docs/benchmarks.md left as it was"; exit 0; }
# The generated table replaces whatever stood between the markers; the analysis around it is written by hand.
awk -v table=bench/results/latest.md '
  /<!-- results:start -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
  /<!-- results:end -->/ { skip = 0 }
  !skip' docs/benchmarks.md >"$work/benchmarks.md" && mv "$work/benchmarks.md" docs/benchmarks.md
echo "bench: done in $(( $(date +%s) - started )) s; bench/results/latest.json, docs/benchmarks.md"
