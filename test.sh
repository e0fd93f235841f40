#!/usr/bin/env bash
# The whole test suite against real PostgreSQL and MySQL-compatible servers (see scripts/databases.sh for
# which ones). Exits non-zero on any failure; the last line is "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/databases.sh

results=.local/test-results
rm -rf "$results"
trap databases_stop EXIT
databases_start test || { echo "could not start the databases"; echo "0 passed, 0 failed, 0 skipped"; exit 1; }
export ReadModels__ServerVersion=${ReadModels__ServerVersion:-10.11.0-mariadb}

status=0
dotnet build SolarEvents.sln -c Release -nologo -v q || status=$?
if [ "$status" -eq 0 ]; then
  dotnet test SolarEvents.sln -c Release --no-build -nologo -v q --blame-hang-timeout 5m \
    --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
fi

# Sum the counters of every test project's TRX report.
read -r passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' |
  awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "=\""); v = kv[2]; sub(/".*/, "", v);
           if (kv[1] == "passed") p += v; if (kv[1] == "failed") f += v; if (kv[1] == "notExecuted") s += v } }
       END { printf "%d %d %d\n", p, f, s }')
[ "$passed" -eq 0 ] && status=1   # a run that executed no test is not a green run
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
