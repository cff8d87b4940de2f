#!/usr/bin/env bash
# What the image must do beyond ../shared/docker-smoke.sh (health, non-root, exit 0 on SIGTERM), run as its
# SMOKE_CMD while the smoke container is up at $SIM_URL:
#   1. every scenario journey against that container, and the README's integrator pact verified against it;
#   2. the image is under 250 MB;
#   3. the data volume: a container on a named /data volume takes a payment, is stopped (SIGTERM: exit 0),
#      and a new container on the same volume still has the merchant, the payment, its callback and the
#      signing key. Settings come from the environment (-e), as QA gives them;
#   4. the image validates with the validators `npm run generate` wrote (docs/decisions/0058), as a checkout does.
set -euo pipefail
IMAGE=${IMAGE:-app:ci}
MAX_IMAGE_BYTES=${MAX_IMAGE_BYTES:-250000000}
VOLUME_PORT=${VOLUME_PORT:-18081}
name="littlepay-volume-check-$$"
volume="$name"
state=$(mktemp)
cleanup() {
  docker rm -fv "$name" >/dev/null 2>&1 || true
  docker volume rm -f "$volume" >/dev/null 2>&1 || true
  rm -f "$state"
}
trap cleanup EXIT

npm run -s scenarios -- --base-url "$SIM_URL"
echo "ok - scenario journeys against the container"

npm run -s pact:verify -- --base-url "$SIM_URL" examples/pacts/my-shop-littlepay-sim.json
echo "ok - the README's integrator pact verifies against the container"

size=$(docker image inspect -f '{{.Size}}' "$IMAGE")
if [ "$size" -lt "$MAX_IMAGE_BYTES" ]; then echo "ok - image is $((size / 1000000)) MB (under $((MAX_IMAGE_BYTES / 1000000)) MB)";
else echo "not ok - image is $((size / 1000000)) MB, over $((MAX_IMAGE_BYTES / 1000000)) MB"; exit 1; fi

label() { docker image inspect -f "{{ index .Config.Labels \"org.opencontainers.image.$1\" }}" "$IMAGE"; }
labels="$(label version) $(label licenses)"
expected=$(node -p 'const p = require("./package.json"); `${p.version} ${p.license}`')
if [ "$labels" = "$expected" ]; then echo "ok - the image's OCI labels: version and licenses $labels, as package.json";
else echo "not ok - the image's OCI labels say '$labels', package.json '$expected'"; exit 1; fi

run_on_volume() {
  docker run -d --name "$name" -p "127.0.0.1:$VOLUME_PORT:3000" -v "$volume:/data" \
    -e PIN_DELAY_MS=200 -e LOG_LEVEL="$1" "$IMAGE" >/dev/null
  for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$VOLUME_PORT/_sim/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "not ok - container on the volume did not become healthy"; docker logs "$name" 2>&1 | tail -30; return 1
}
docker volume create "$volume" >/dev/null
run_on_volume warn
node --import tsx scripts/docker-volume-check.ts --base-url "http://127.0.0.1:$VOLUME_PORT" --phase write --state "$state"
docker stop -t 10 "$name" >/dev/null
code=$(docker inspect -f '{{.State.ExitCode}}' "$name")
[ "$code" = 0 ] || { echo "not ok - exit code $code on SIGTERM"; docker logs "$name" 2>&1 | tail -30; exit 1; }
docker rm -v "$name" >/dev/null
run_on_volume info
node --import tsx scripts/docker-volume-check.ts --base-url "http://127.0.0.1:$VOLUME_PORT" --phase read --state "$state"
echo "ok - data in the /data volume survives a new container"

# Read the whole log first: with pipefail, `grep -q` leaving early would fail the pipe (SIGPIPE) once the log is long.
logs=$(docker logs "$name" 2>&1)
if grep -q '"validators":"generated"' <<<"$logs"; then echo "ok - the image validates with the generated validators";
else echo "not ok - the image compiles its validators at run time (is simulator/src/generated/validators.cjs in dist/?)"; tail -5 <<<"$logs"; exit 1; fi
