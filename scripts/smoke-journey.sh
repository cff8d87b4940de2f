#!/usr/bin/env bash
# A create → process (long-polled) → status journey with curl against a running simulator at SIM_URL
# (used by the Docker smoke test until the scenario runner exists). Exits non-zero on any surprise.
set -euo pipefail
: "${SIM_URL:?SIM_URL must point at a running simulator}"
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);const f=new Function("v","return "+process.argv[1]);console.log(f(v))})' "$1"; }

merchant=$(curl -fsS "$SIM_URL/_sim/merchants" | json 'JSON.stringify(v.merchants.find(m=>m.environment==="sandbox"))')
cid=$(echo "$merchant" | json v.clientId); secret=$(echo "$merchant" | json v.clientSecret)
token=$(echo "$merchant" | json v.tokenId); apikey=$(echo "$merchant" | json v.apiKey)
key="SMOKE$(date +%s%N)"

created=$(curl -fsS -u "$cid:$secret" -H 'content-type: application/json' "$SIM_URL/api/payments/$token/pay" \
  -d "{\"amount\":10,\"description\":\"smoke\",\"callbackUrl\":\"$SIM_URL/_sim/inbox/smoke\",\"key\":\"$key\",\"payload\":{\"billingAddress\":{\"email\":\"qa@example.com\"}}}")
ref=$(echo "$created" | json v.data.reference)
echo "created $ref"
processed=$(curl -fsS -H 'content-type: application/json' "$SIM_URL/pay/$ref/process?longPoll=true" -d '{"type":"MPESA","payment":{"mobile":"254712345678"}}')
echo "processed: $(echo "$processed" | json v.data.status)"
[ "$(echo "$processed" | json v.data.status)" = COMPLETED ]
status=$(curl -fsS -H "X-API-KEY: $apikey" "$SIM_URL/api/payments-v2/$key" | json v.data.status)
echo "status by key: $status"
[ "$status" = COMPLETED ]
