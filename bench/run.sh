#!/usr/bin/env bash
# Side by side: the same five auth flows driven by our library
# (exegia-auth-bench) and by the official @supabase/supabase-js (bench/js)
# against one emulator, in one run. Writes bench/results/table.md and draws
# it as bench/results/flows.png (gnuplot). Loopback only; bounded by the
# iteration count.
#
# Usage: bench/run.sh [iterations] [warm-up] [rounds]     (default 400 100 2)
# The warm-up is per round and generous on purpose: V8 optimises hot code
# only after many calls, and a fair comparison meets both clients warm.
# BUILD_DIR picks the CMake build folder (default build-release, Release).
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-400}
warmup=${2:-100}
rounds=${3:-2}
build=${BUILD_DIR:-build-release}
results=bench/results

for tool in cmake node npm gnuplot; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is missing" >&2; exit 2; }
done

# Release: CPU numbers of a debug build say little about the shipped library.
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEXEGIA_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target exegia-auth-emulator exegia-auth-bench >/dev/null

# The lock file pins supabase-js and everything under it.
if [ ! -d bench/js/node_modules/@supabase/supabase-js ]; then
  (cd bench/js && npm ci --no-audit --no-fund >/dev/null)
fi
# Node 20 has WebSocket (which supabase-js's realtime client looks for at
# construction, though these flows never open one) only behind a flag.
node_flags=()
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 22 ] || node_flags+=(--experimental-websocket)

tmp=$(mktemp -d)
emulator_pid=
trap '[ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
"$build/src/emulator/exegia-auth-emulator" --port 0 --in-memory >"$tmp/info" 2>"$tmp/emulator.log" &
emulator_pid=$!
for _ in $(seq 100); do [ -s "$tmp/info" ] && break; sleep 0.05; done
[ -s "$tmp/info" ] || { echo "bench/run.sh: the emulator did not start" >&2; exit 1; }

# Alternating rounds (theirs, ours, theirs, ours, ...) with the samples
# pooled afterwards: a burst of other load on the machine then lands on
# both clients alike. Each round uses its own addresses (--prefix).
per_round=$(( (iterations + rounds - 1) / rounds ))
ours_files=(); theirs_files=()
for round in $(seq "$rounds"); do
  echo "== round $round of $rounds: $per_round iterations per flow and client"
  node "${node_flags[@]}" --no-warnings bench/js/bench.mjs --attach "$tmp/info" --prefix "js-r$round" \
    --iterations "$per_round" --warmup "$warmup" --json "$tmp/theirs-$round.json" >/dev/null
  "$build/bench/exegia-auth-bench" --attach "$tmp/info" --prefix "cpp-r$round" \
    --iterations "$per_round" --warmup "$warmup" --json "$tmp/ours-$round.json" >/dev/null
  ours_files+=("$tmp/ours-$round.json"); theirs_files+=("$tmp/theirs-$round.json")
done
echo

mkdir -p "$results"
note="Machine: $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $(date -u +%Y-%m-%d). Command: bench/run.sh $iterations $warmup $rounds"
join() { local IFS=,; echo "$*"; }
node bench/js/table.mjs --ours "$(join "${ours_files[@]}")" --theirs "$(join "${theirs_files[@]}")" \
  --table "$results/table.md" --data "$results/flows.dat" --note "$note"
gnuplot -e "data='$results/flows.dat'; out='$results/flows.png'" bench/flows.gp
echo "wrote $results/table.md and $results/flows.png"
