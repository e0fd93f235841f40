#!/usr/bin/env bash
# Starts the databases (scripts/databases.sh), runs the schema step, starts the projector and the API on 127.0.0.1
# as the app role, seeds the first admin (from configuration) and a demo customer (through the API), prints their
# credentials and a demo token with a ready curl line, and stops everything it started on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/databases.sh

API_PORT=${API_PORT:-5080}
ADMIN_EMAIL=admin@solarevents.local
DEMO_EMAIL=demo.customer@solarevents.local
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

# Personal-data keys (master key and blind-index key), made once per machine in a file outside the repository,
# readable by this user only. Losing the file makes every stored personal value unreadable.
key_file=${SOLAREVENTS_KEY_FILE:-${XDG_CONFIG_HOME:-$HOME/.config}/solarevents/personal-data-keys.env}
if [ ! -s "$key_file" ]; then
  mkdir -p "$(dirname "$key_file")"
  (umask 077; {
    echo "PersonalData__ActiveMasterKey=local1"
    echo "PersonalData__MasterKeys__local1=$(head -c 32 /dev/urandom | base64)"
    echo "PersonalData__BlindIndexKey=$(head -c 32 /dev/urandom | base64)"
  } > "$key_file")
fi
set -a; source "$key_file"; set +a

# The first admin is seeded from configuration on an empty database (docs/security.md, "First admin").
# Its password and TOTP secret are made on this machine once and kept in .local, outside git.
random_text() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "$1"; }
[ -s .local/admin-password ] || random_text 20 > .local/admin-password
[ -s .local/admin-totp-secret ] || head -c 20 /dev/urandom | base32 | tr -d '=' > .local/admin-totp-secret
[ -s .local/demo-password ] || random_text 20 > .local/demo-password
export Bootstrap__Admin__Email=$ADMIN_EMAIL
export Bootstrap__Admin__Password=$(cat .local/admin-password)
export Bootstrap__Admin__TotpSecret=$(cat .local/admin-totp-secret)
# Demo employees, one per role (created in Development only), sharing the demo password; TOTP secret per role.
# The demo installer is in the demo field crew.
DEMO_ROLES=(SupportAgent Sales Engineer Compliance Installer)
[ -s .local/demo-crew-id ] || cat /proc/sys/kernel/random/uuid > .local/demo-crew-id
for i in "${!DEMO_ROLES[@]}"; do
  role=${DEMO_ROLES[$i]}
  [ -s ".local/demo-totp-$role" ] || head -c 20 /dev/urandom | base32 | tr -d '=' > ".local/demo-totp-$role"
  export "Bootstrap__DemoEmployees__${i}__Email=${role,,}@solarevents.local"
  export "Bootstrap__DemoEmployees__${i}__Password=$(cat .local/demo-password)"
  export "Bootstrap__DemoEmployees__${i}__TotpSecret=$(cat ".local/demo-totp-$role")"
  export "Bootstrap__DemoEmployees__${i}__Role=$role"
  export "Bootstrap__DemoEmployees__${i}__DisplayName=Demo $role"
  [ "$role" = Installer ] && export "Bootstrap__DemoEmployees__${i}__CrewId=$(cat .local/demo-crew-id)"
done
# The secret the payment provider signs its reports with (scripts/sign-payment.sh signs with it too).
[ -s .local/payment-signing-secret ] || random_text 32 > .local/payment-signing-secret
export Payments__SigningSecrets__0=$(cat .local/payment-signing-secret)
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
# Mail to customers (their email verification and password reset codes) lands as .eml files here.
export Mail__PickupDirectory=$PWD/.local/mail

databases_start run
command -v mariadbd >/dev/null 2>&1 && [ -z "${ReadModels__ServerVersion:-}" ] && export ReadModels__ServerVersion=10.11.0-mariadb
dotnet build SolarEvents.sln -c Release -nologo -v q

out=bin/Release/net10.0
# The schema step, as production deploys: the privileged connections apply the event store's and the read models'
# schema, the tamper guards, the roles and the MySQL accounts; then the API and the projector connect as the app role,
# which may read and append events but not change them, and each through its own MySQL account (the API's may only
# read), and do not touch the schema themselves.
(cd "src/Api/$out" && dotnet SolarEvents.Api.dll migrate)
export ConnectionStrings__Postgres=$ConnectionStrings__PostgresApp Database__ApplySchemaOnStartup=false
(cd "src/Api/$out" && ConnectionStrings__MySql=$ConnectionStrings__MySqlApi \
  exec dotnet SolarEvents.Api.dll --urls "http://127.0.0.1:$API_PORT") & pids+=($!)
for _ in $(seq 1 150); do
  curl -fsS "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
(cd "src/Projections/$out" && ConnectionStrings__MySql=$ConnectionStrings__MySqlProjector exec dotnet SolarEvents.Projections.dll) & pids+=($!)
# The demo customer registers and signs in like any app user would.
demo_password=$(cat .local/demo-password)
curl -fsS -o /dev/null -X POST "http://127.0.0.1:$API_PORT/api/v1/accounts" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$DEMO_EMAIL\",\"password\":\"$demo_password\",\"name\":\"Demo Customer\",\"phone\":\"+49 170 5550100\",\"address\":\"1 Demo Street, 10115 Berlin\"}"
token=$(curl -fsS -X POST "http://127.0.0.1:$API_PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$DEMO_EMAIL\",\"password\":\"$demo_password\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

cat <<TXT

SolarEvents is running.
  API:        http://127.0.0.1:$API_PORT   (health: /health/live, /health/ready)
  Projector:  follows the event log into MySQL
  Mail:       customers' mail (verification and reset codes) lands in .local/mail/*.eml
  Demo customer $DEMO_EMAIL, password $demo_password; access token (valid 10 minutes; POST
  /api/v1/auth/token or /api/v1/auth/refresh for a new one):
    export TOKEN=$token

  First admin $ADMIN_EMAIL, password $(cat .local/admin-password), TOTP secret $(cat .local/admin-totp-secret)
    (add otpauth://totp/SolarEvents:$ADMIN_EMAIL?secret=$(cat .local/admin-totp-secret)&issuer=SolarEvents
     to an authenticator app, or: oathtool --totp -b \$(cat .local/admin-totp-secret))
    curl -s -X POST http://127.0.0.1:$API_PORT/api/v1/auth/token -H 'Content-Type: application/json' \\
      -d '{"email":"$ADMIN_EMAIL","password":"'\$(cat .local/admin-password)'","totp":"<code>"}'

  Demo employees (password $demo_password; TOTP secret in .local/demo-totp-<Role>):
$(for role in "${DEMO_ROLES[@]}"; do printf '    %-34s TOTP secret %s\n' "${role,,}@solarevents.local" "$(cat ".local/demo-totp-$role")"; done)

  Demo field crew: $(cat .local/demo-crew-id) (installer@solarevents.local is in it)

  Try:
    curl -s -X POST http://127.0.0.1:$API_PORT/api/v1/orders -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
      -d '{"site":{"postalCode":"10115","city":"Berlin","countryCode":"DE"},"roof":"PitchedTile","estimatedKwp":8.4,"system":{"panelCount":20,"panelModel":"SunPeak 420","inverterModel":"GridMax 8K","withBattery":true}}'

  A test payment from the payment provider, once the order's quote is accepted (README, "The order lifecycle"):
    body='{"eventId":"evt_demo_'\$RANDOM'","orderId":"<order id>","amount":3000.00,"currency":"EUR","kind":"Deposit","paidAt":"'\$(date -u +%FT%TZ)'"}'
    curl -s -X POST http://127.0.0.1:$API_PORT/api/v1/payments/notifications -H 'Content-Type: application/json' \\
      -H "Payment-Signature: \$(scripts/sign-payment.sh "\$body")" -d "\$body"

Ctrl-C stops the API, the projector and the databases.
TXT
wait -n "${pids[@]}"
