#!/usr/bin/env bash
# Throughput and latency of the emulator's hottest endpoints over loopback,
# with keep-alive, measured by wrk (Debian package wrk). Bounded in time;
# loopback only. Usage: bench/load/emulator_load.sh [path-to-emulator] [seconds]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/src/emulator/exegia-auth-emulator}
seconds=${2:-5}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
"$bin" --port 0 --in-memory >"$tmp/info" 2>/dev/null & pid=$!
for _ in $(seq 100); do [ -s "$tmp/info" ] && break; sleep 0.05; done
url=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["url"])' "$tmp/info")
key=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["publishable_key"])' "$tmp/info")
signup() { curl -s -XPOST "$url/auth/v1/signup" -H "apikey: $key" -H 'Content-Type: application/json' -d '{}'; }
token=$(signup | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])')
# Fresh sessions for every run: a spent token reused later revokes its session.
fresh_tokens() {
  for _ in $(seq "$1"); do signup | python3 -c 'import json,sys;print(json.load(sys.stdin)["refresh_token"])'; done >"$tmp/tokens"
}

for c in 1 8 64; do
  echo "== GET /auth/v1/user, $c connections"
  wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"${seconds}s" --latency -H "apikey: $key" -H "Authorization: Bearer $token" \
    "$url/auth/v1/user" | grep -E 'Requests/sec|  50%|  99%|Non-2xx|Socket errors'
  echo "== POST /auth/v1/token?grant_type=refresh_token, $c connections"
  fresh_tokens "$c"
  TOKENS="$tmp/tokens" APIKEY="$key" wrk -t1 -c"$c" -d"${seconds}s" --latency -s "$here/refresh.lua" \
    "$url" | grep -E 'Requests/sec|  50%|  99%|Non-2xx|Socket errors'
done
# No data lost: every session made above still exists, each with one live token.
echo "== sessions: $(curl -s "$url/_emulator/stats" -H "Authorization: Bearer $(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["service_role_key"])' "$tmp/info")" | python3 -c 'import json,sys;r=json.load(sys.stdin)["requests"];print(r.get("POST /auth/v1/signup",0), "sign-ups,", r.get("POST /auth/v1/token?grant_type=refresh_token",0), "refreshes")')"
