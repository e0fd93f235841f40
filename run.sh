#!/usr/bin/env bash
# Starts the databases (scripts/databases.sh), the projector and the API on 127.0.0.1, prints a demo
# customer's token and a ready curl line, and stops everything it started on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/databases.sh

API_PORT=${API_PORT:-5080}
DEMO_CUSTOMER_ID=0193d1c0-5a1e-7000-8000-00000000d3e0
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  databases_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A development signing key made on this machine, kept outside git; production keys come from a secret store.
mkdir -p .local
[ -s .local/dev-signing-key ] || head -c 32 /dev/urandom | base64 > .local/dev-signing-key
export Auth__SigningKey=$(cat .local/dev-signing-key)
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development

databases_start run
command -v mariadbd >/dev/null 2>&1 && [ -z "${ReadModels__ServerVersion:-}" ] && export ReadModels__ServerVersion=10.11.0-mariadb
dotnet build SolarEvents.sln -c Release -nologo -v q

out=bin/Release/net10.0
(cd "src/Projections/$out" && exec dotnet SolarEvents.Projections.dll) & pids+=($!)
(cd "src/Api/$out" && exec dotnet SolarEvents.Api.dll --urls "http://127.0.0.1:$API_PORT") & pids+=($!)

for _ in $(seq 1 150); do
  curl -fsS "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
token=$(cd "src/Api/$out" && dotnet SolarEvents.Api.dll dev-token "$DEMO_CUSTOMER_ID" Customer)

cat <<TXT

SolarEvents is running.
  API:        http://127.0.0.1:$API_PORT   (health: /health/live, /health/ready)
  Projector:  follows the event log into MySQL
  Demo customer $DEMO_CUSTOMER_ID, access token (valid 10 minutes; run this script again for a new one):
    export TOKEN=$token

  Try:
    curl -s -X POST http://127.0.0.1:$API_PORT/api/v1/orders -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
      -d '{"site":{"postalCode":"10115","city":"Berlin","countryCode":"DE"},"roof":"PitchedTile","estimatedKwp":8.4,"system":{"panelCount":20,"panelModel":"SunPeak 420","inverterModel":"GridMax 8K","withBattery":true}}'

Ctrl-C stops the API, the projector and the databases.
TXT
wait -n "${pids[@]}"
