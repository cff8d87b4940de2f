#!/usr/bin/env bash
# The integrator kits of examples/ (Node, Python, PHP, Java), run for real: installs what is missing from
# Debian (php-cli php-curl python3 python3-cryptography default-jdk-headless), then scripts/check-kits.ts
# starts a simulator on a free port of 127.0.0.1, runs each kit's journey against it and grades each kit's
# callback endpoint with the receiver check. Last line: "kits: N passed, N failed". Decision 0090.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v php >/dev/null || missing+=(php-cli)
php -r 'exit(function_exists("curl_init") ? 0 : 1);' 2>/dev/null || missing+=(php-curl)
command -v python3 >/dev/null || missing+=(python3)
python3 -c 'import cryptography' 2>/dev/null || missing+=(python3-cryptography)
{ command -v javac && command -v java; } >/dev/null || missing+=(default-jdk-headless)
if [ ${#missing[@]} -gt 0 ]; then
  echo "kits: apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
    >/tmp/ci-kits-apt.log 2>&1 || { tail -30 /tmp/ci-kits-apt.log; echo "kits: 0 passed, 1 failed"; exit 1; }
fi
echo "kits: $(node --version), $(python3 --version), $(php -r 'echo "PHP ", PHP_VERSION;'), $(javac -version 2>&1)"

npx tsx scripts/check-kits.ts
