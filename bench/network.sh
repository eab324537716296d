#!/usr/bin/env bash
# The flows of bench/run.sh over a realistic path, on loopback: the client
# talks TLS to nginx (HTTP/2 and HTTP/1.1, a throwaway CA both clients trust)
# through a TCP relay that adds the round-trip time (network/delay-relay.mjs);
# nginx proxies to the emulator. exegia-auth (exegia-auth-bench) and
# supabase-js (bench/js) run the same flows in one run:
#   cold: the first call of a fresh process (TCP and TLS handshakes included),
#         one process per flow and sample;
#   warm: after a warm-up, on open connections, one process per flow.
# Setup steps (IdP, mailbox, request counts) go straight to the emulator.
# Writes bench/results/network.md and network.png. Loopback only; bounded by
# the sample counts; stops everything it started.
#
# Usage: bench/network.sh [rtt-ms]      (default 40)
# COLD_SAMPLES (default 7) fresh processes per flow and client;
# WARM_ITERATIONS (default 20) and WARM_WARMUP (default 5) per flow, two
# alternating rounds; PRECONNECT_MS (default 1000): a third cold set of ours
# that pre-connects as the app does and calls after that long; BUILD_DIR (default build-release, else build);
# HTTP2=off makes nginx offer HTTP/1.1 only (to compare what Qt does there);
# RESULTS (default bench/results) is where network.md and network.png go.
set -euo pipefail
cd "$(dirname "$0")/.."
rtt=${1:-40}
samples=${COLD_SAMPLES:-7}
iterations=${WARM_ITERATIONS:-20}
warmup=${WARM_WARMUP:-5}
preconnect=${PRECONNECT_MS:-1000}
http2=" http2"
[ "${HTTP2:-on}" != off ] || http2=""
results=${RESULTS:-bench/results}
flows=(anonymous email idtoken newuser refresh user floor)

for tool in node npm nginx openssl gnuplot curl; do
  command -v "$tool" >/dev/null || { echo "bench/network.sh: $tool is missing (scripts/install-deps.sh)" >&2; exit 2; }
done
build=${BUILD_DIR:-}
if [ -z "$build" ]; then
  build=build-release
  [ -x "$build/bench/exegia-auth-bench" ] || [ ! -x build/bench/exegia-auth-bench ] || build=build
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEXEGIA_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target exegia-auth-emulator exegia-auth-bench >/dev/null
if [ ! -d bench/js/node_modules/@supabase/supabase-js ]; then
  (cd bench/js && npm ci --no-audit --no-fund >/dev/null)
fi
node_flags=(--no-warnings)
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 22 ] || node_flags+=(--experimental-websocket)

tmp=$(mktemp -d)
chmod 755 "$tmp" # nginx workers may run as another user
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

wait_for() { # file, what
  for _ in $(seq 200); do [ -s "$1" ] && return 0; sleep 0.05; done
  echo "bench/network.sh: $2 did not start" >&2
  exit 1
}
free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

# A throwaway CA and a certificate for 127.0.0.1, valid for a day.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
  -subj "/CN=exegia bench CA" -keyout "$tmp/ca.key" -out "$tmp/ca.pem" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
  -keyout "$tmp/server.key" -out "$tmp/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$tmp/server.ext"
openssl x509 -req -in "$tmp/server.csr" -CA "$tmp/ca.pem" -CAkey "$tmp/ca.key" -CAcreateserial \
  -days 1 -extfile "$tmp/server.ext" -out "$tmp/server.pem" 2>/dev/null

"$build/src/emulator/exegia-auth-emulator" --port 0 --in-memory >"$tmp/info" 2>"$tmp/emulator.log" &
pids+=($!)
wait_for "$tmp/info" "the emulator"
emulator_port=$(node -p "new URL(JSON.parse(require('fs').readFileSync('$tmp/info', 'utf8').split('\n')[0]).url).port")

# nginx as an ordinary process with its own prefix; the access log records
# per request the connection serial number and the protocol, which show
# whether a client speaks HTTP/2 and shares one connection across paths.
# Paths only ($uri): no query strings, no tokens.
nginx_port=$(free_port)
mkdir -p "$tmp/nginx/logs"
cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
  log_format bench '\$connection \$connection_requests \$server_protocol \$ssl_protocol \$request_method \$uri \$status';
  access_log $tmp/nginx/logs/access.log bench;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  upstream emulator { server 127.0.0.1:$emulator_port; keepalive 16; }
  server {
    listen 127.0.0.1:$nginx_port ssl$http2;
    ssl_certificate $tmp/server.pem;
    ssl_certificate_key $tmp/server.key;
    ssl_protocols TLSv1.2 TLSv1.3;
    location / {
      proxy_pass http://emulator;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
    }
  }
}
EOF
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/logs/error.log" &
pids+=($!)

node bench/network/delay-relay.mjs --upstream "$nginx_port" --rtt "$rtt" >"$tmp/relay" &
pids+=($!)
wait_for "$tmp/relay" "the delay relay"
relay_port=$(node -p "JSON.parse(require('fs').readFileSync('$tmp/relay', 'utf8')).port")
control=http://127.0.0.1:$(node -p "JSON.parse(require('fs').readFileSync('$tmp/relay', 'utf8')).control")
url=https://127.0.0.1:$relay_port
health() { curl -s --cacert "$tmp/ca.pem" -H "apikey: $key" -o /dev/null -w '%{http_code}' "$1/auth/v1/health" || true; }
key=$(node -p "JSON.parse(require('fs').readFileSync('$tmp/info', 'utf8').split('\\n')[0]).publishable_key")
for _ in $(seq 100); do
  [ "$(health "https://127.0.0.1:$nginx_port")" = 200 ] && break
  sleep 0.05
done
[ "$(health "$url")" = 200 ] ||
  { echo "bench/network.sh: no answer through TLS and the relay" >&2; cat "$tmp/nginx/logs/error.log" >&2; exit 1; }
: >"$tmp/nginx/logs/access.log"

theirs() { NODE_EXTRA_CA_CERTS="$tmp/ca.pem" node "${node_flags[@]}" bench/js/bench.mjs --attach "$tmp/info" --url "$url" "$@" >/dev/null; }
ours() { "$build/bench/exegia-auth-bench" --attach "$tmp/info" --url "$url" --ca "$tmp/ca.pem" "$@" >/dev/null; }

# One client process; keeps its JSON, the relay's counters before and after,
# and the nginx log lines it caused. name: <client>-<mode>-<tag>
measure() { # client name args...
  local client=$1 name=$2
  shift 2
  local lines
  lines=$(wc -l <"$tmp/nginx/logs/access.log")
  curl -s "$control" >"$tmp/out/$name.relay-before"
  "$client" --json "$tmp/out/$name.json" --prefix "$name" "$@"
  curl -s "$control" >"$tmp/out/$name.relay-after"
  tail -n +$((lines + 1)) "$tmp/nginx/logs/access.log" >"$tmp/out/$name.nginx"
}

mkdir -p "$tmp/out"
echo "== cold: $samples fresh processes per flow and client (ours also pre-connected), RTT $rtt ms"
for sample in $(seq "$samples"); do
  for flow in "${flows[@]}"; do
    measure theirs "theirs-cold-$flow-$sample" --only "$flow" --iterations 1 --warmup 0
    measure ours "ours-cold-$flow-$sample" --only "$flow" --iterations 1 --warmup 0
    [ "$flow" = floor ] || # a bare QNetworkAccessManager: nothing to pre-connect
      measure ours "ourspre-cold-$flow-$sample" --only "$flow" --iterations 1 --warmup 0 \
        --preconnect "$preconnect"
  done
done
# One process per flow, so the relay's round trips per process belong to
# one flow: table.mjs takes the cold call's share off and divides the rest.
echo "== warm: $iterations calls per flow and client after $warmup, two rounds"
for round in 1 2; do
  for flow in "${flows[@]}"; do
    measure theirs "theirs-warm-$flow-$round" --only "$flow" --iterations "$iterations" --warmup "$warmup"
    measure ours "ours-warm-$flow-$round" --only "$flow" --iterations "$iterations" --warmup "$warmup"
  done
done
echo

mkdir -p "$results"
note="Machine: $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $(date -u +%Y-%m-%d). nginx $(nginx -v 2>&1 | sed 's|.*/||'), node $(node --version). Command: bench/network.sh $rtt (COLD_SAMPLES=$samples WARM_ITERATIONS=$iterations WARM_WARMUP=$warmup PRECONNECT_MS=$preconnect HTTP2=${HTTP2:-on}, $build)"
node bench/network/table.mjs --dir "$tmp/out" --rtt "$rtt" --flows "$(IFS=,; echo "${flows[*]}")" \
  --table "$results/network.md" --data "$results/network.dat" --note "$note"
gnuplot -e "data='$results/network.dat'; out='$results/network.png'; rtt=$rtt" bench/network.gp
echo "wrote $results/network.md and $results/network.png"
