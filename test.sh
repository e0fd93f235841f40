#!/usr/bin/env bash
# The whole test suite against real PostgreSQL and MySQL-compatible servers (see scripts/databases.sh for
# which ones). Exits non-zero on any failure; the last line is "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/databases.sh

results=.local/test-results/$$
rm -rf "$results" "$results.log"
mkdir -p .local/test-results
trap databases_stop EXIT
databases_start test || { echo "could not start the databases"; echo "0 passed, 0 failed, 0 skipped"; exit 1; }
export ReadModels__ServerVersion=${ReadModels__ServerVersion:-10.11.0-mariadb}

status=0
dotnet build SolarEvents.sln -c Release -nologo -v q || status=$?
# Known-vulnerable packages, where the registry answers such queries (reported, not fatal: a registry that
# cannot answer must not fail the run).
vulnerable=$(timeout 120 dotnet list SolarEvents.sln package --vulnerable --include-transitive 2>&1 || true)
if grep -q "has the following vulnerable" <<<"$vulnerable"; then grep -E "has the following vulnerable|^ *>" <<<"$vulnerable"
elif grep -q "no vulnerable packages" <<<"$vulnerable"; then echo "vulnerable packages: none known to the registry"
else echo "vulnerable packages: the registry could not be asked"; fi
if [ "$status" -eq 0 ]; then
  # One test project at a time: on two cores, parallel projects only add contention and timing noise.
  dotnet test SolarEvents.sln -c Release --no-build -nologo -v q -m:1 --blame-hang-timeout 5m \
    --logger "console;verbosity=minimal" --results-directory "$results" 2>&1 | tee "$results.log"
  status=${PIPESTATUS[0]}
fi

# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ...").
read -r passed failed skipped < <(
  grep -hE '^(Passed|Failed)! +- ' "$results.log" 2>/dev/null |
  sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{ p += $1; f += $2; s += $3 } END { printf "%d %d %d\n", p, f, s }')
[ "$passed" -eq 0 ] && status=1   # a run that executed no test is not a green run
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
