#!/usr/bin/env bash
# Signs a payment report the way the payment provider does, for trying the webhook locally:
#   scripts/sign-payment.sh '<json body>' [secret-file]   →   t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">
# Send the output as the Payment-Signature header, with exactly the same body, within five minutes.
set -euo pipefail
body=${1:?usage: scripts/sign-payment.sh '<json body>' [secret-file]}
secret_file=${2:-"$(dirname "$0")/../.local/payment-signing-secret"}
t=$(date +%s)
mac=$(printf '%s.%s' "$t" "$body" | openssl dgst -sha256 -hmac "$(cat "$secret_file")" | sed -E 's/^.*= //')
echo "t=$t,v1=$mac"
