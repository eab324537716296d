#!/usr/bin/env bash
# The emulator under load over loopback, with keep-alive, measured by wrk
# (Debian package wrk): GET /user, refresh-token rotation and anonymous
# sign-ups (the sign-in that writes rows) at 1, 8 and 64 connections.
# Bounded in time (seconds per run) and in count (requests per wrk thread);
# loopback only. The emulator keeps its data on disk (--data, SQLite WAL) and
# is killed with SIGKILL at the end, then the rows are counted with sqlite3
# against what the emulator says it answered: nothing acknowledged is lost.
# Usage: bench/load/emulator_load.sh [path-to-emulator] [seconds] [max-per-thread]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/src/emulator/exegia-auth-emulator}
seconds=${2:-5}
max=${3:-20000}
for tool in wrk sqlite3 python3 curl; do
  command -v "$tool" >/dev/null || { echo "install $tool (apt-get install $tool)" >&2; exit 2; }
done
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir "$tmp/data"
"$bin" --port 0 --data "$tmp/data" >"$tmp/info" 2>/dev/null & pid=$!
for _ in $(seq 100); do [ -s "$tmp/info" ] && break; sleep 0.05; done
field() { python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$tmp/info" "$1"; }
url=$(field url); key=$(field publishable_key); service=$(field secret_key)
case $url in http://127.0.0.1:*) ;; *) echo "not loopback: $url" >&2; exit 1 ;; esac
signup() { curl -s -XPOST "$url/auth/v1/signup" -H "apikey: $key" -H 'Content-Type: application/json' -d '{}'; }
token=$(signup | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])')
# Fresh sessions for every run: a spent token reused later revokes its session.
fresh_tokens() {
  for _ in $(seq "$1"); do signup | python3 -c 'import json,sys;print(json.load(sys.stdin)["refresh_token"])'; done >"$tmp/tokens"
}

# One wrk run -> one table row: requests/s, p50, p99, non-2xx, socket errors.
errors_total=0
rows=()
# THREADS=1 for refresh: every wrk thread runs init() and would load the
# same tokens, and a token spent twice takes the reuse-interval path instead
# of a rotation.
run() {
  local label=$1 c=$2; shift 2
  local threads=${THREADS:-$(( c < 2 ? 1 : 2 ))}
  wrk -t"$threads" -c"$c" -d"${seconds}s" --latency "$@" >"$tmp/wrk.out"
  local rps p50 p99 non2xx sockerr total
  rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk.out")
  p50=$(awk '$1 == "50%" {print $2}' "$tmp/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.out")
  total=$(awk '/requests in/ {print $1}' "$tmp/wrk.out")
  non2xx=$(awk -F': *' '/Non-2xx/ {print $2}' "$tmp/wrk.out"); non2xx=${non2xx:-0}
  sockerr=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$tmp/wrk.out"); sockerr=${sockerr:-0}
  errors_total=$(( errors_total + non2xx + sockerr ))
  rows+=("| $label | $c | $total | $rps | $p50 | $p99 | $non2xx | $sockerr |")
  echo "${rows[-1]}"
}

echo "| endpoint | connections | requests | requests/s | p50 | p99 | non-2xx | socket errors |"
echo "|---|---|---|---|---|---|---|---|"
for c in 1 8 64; do
  run "GET /auth/v1/user" "$c" -H "apikey: $key" -H "Authorization: Bearer $token" "$url/auth/v1/user"
  # One more token than connections: wrk calls request() once per thread
  # before connecting (and drops that request), which spends one token.
  fresh_tokens "$(( c + 1 ))"
  THREADS=1 MAX_PER_THREAD=$max TOKENS="$tmp/tokens" APIKEY="$key" \
    run "POST /token?grant_type=refresh_token" "$c" -s "$here/refresh.lua" "$url"
  MAX_PER_THREAD=$max APIKEY="$key" run "POST /signup (anonymous sign-in)" "$c" -s "$here/signup.lua" "$url"
done

# No data lost: what the emulator counted as answered must be in the
# database after a hard kill. With zero errors every sign-up made one user
# and one session, and every sign-up and refresh one refresh token.
curl -s "$url/_emulator/stats" -H "apikey: $service" -H "Authorization: Bearer $service" >"$tmp/stats"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=
read -r signups refreshes < <(python3 -c 'import json,sys
r = json.load(open(sys.argv[1]))["requests"]
print(r.get("POST /auth/v1/signup", 0), r.get("POST /auth/v1/token?grant_type=refresh_token", 0))' "$tmp/stats")
db=$tmp/data/emulator.sqlite3
users=$(sqlite3 "$db" 'SELECT count(*) FROM users')
sessions=$(sqlite3 "$db" 'SELECT count(*) FROM sessions')
tokens=$(sqlite3 "$db" 'SELECT count(*) FROM refresh_tokens')
echo
echo "errors (non-2xx + socket) over all runs: $errors_total"
echo "answered: $signups sign-ups, $refreshes refreshes; after kill -9: $users users, $sessions sessions, $tokens refresh tokens"
if [ "$errors_total" -eq 0 ] && [ "$users" -eq "$signups" ] && [ "$sessions" -eq "$signups" ] &&
   [ "$tokens" -eq $(( signups + refreshes )) ]; then
  echo "no data lost: rows match the answered requests"
else
  echo "MISMATCH: rows do not match the answered requests (or there were errors)"
  exit 1
fi
