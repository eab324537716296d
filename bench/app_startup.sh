#!/usr/bin/env bash
# exegia-signin: cold start to the first painted window, and memory after a
# guest sign-in, under Xvfb (the X server is started first and not timed).
# Start-up: the wall clock from just before exec to the app's own report of
# its first painted frame (EXEGIA_STARTUP_PROBE=1 makes it print
# "first-paint-epoch-ms N" on stderr), in local mode with a scratch HOME.
# The first run meets a cold page cache only if nothing read the binaries
# before; later runs are warm.
# Usage: bench/app_startup.sh [build-dir] [runs]      (default build-release 10)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
runs=${2:-10}
app=$build/src/app/exegia-signin
memory=$build/bench/exegia-signin-memory
for tool in Xvfb python3; do
  command -v "$tool" >/dev/null || { echo "install $tool" >&2; exit 2; }
done
[ -x "$app" ] || { echo "build $app first (cmake --build $build --target exegia-signin exegia-signin-memory)" >&2; exit 2; }

tmp=$(mktemp -d)
xvfb_pid=
app_pgid=
cleanup() {
  [ -n "$app_pgid" ] && kill -- "-$app_pgid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
# -displayfd: Xvfb picks a free display and tells us which.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.05; done
export DISPLAY=:$(cat "$tmp/display")
export QT_QPA_PLATFORM=xcb

times=()
for run in $(seq "$runs"); do
  home=$tmp/home-$run; mkdir -p "$home"
  start=$(date +%s%3N)
  # Own session, so the app and the emulator it starts stop together.
  HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
    XDG_RUNTIME_DIR=$home EXEGIA_STARTUP_PROBE=1 \
    setsid "$app" --local 2>"$tmp/err-$run" >/dev/null &
  app_pgid=$!
  for _ in $(seq 300); do grep -q first-paint-epoch-ms "$tmp/err-$run" && break; sleep 0.02; done
  painted=$(awk '/first-paint-epoch-ms/ {print $2; exit}' "$tmp/err-$run")
  kill -- "-$app_pgid" 2>/dev/null; wait "$app_pgid" 2>/dev/null || true; app_pgid=
  [ -n "$painted" ] || { echo "run $run: no first paint reported"; cat "$tmp/err-$run"; exit 1; }
  times+=($(( painted - start )))
done
python3 - "${times[@]}" <<'PY'
import statistics, sys
t = [int(x) for x in sys.argv[1:]]
print(f"exegia-signin start to first painted window (Xvfb, local mode), {len(t)} runs:")
print(f"  first run {t[0]} ms; median {statistics.median(t):.0f} ms, min {min(t)} ms, max {max(t)} ms")
PY

if [ -x "$memory" ]; then
  echo "memory after a guest sign-in (Xvfb, local mode):"
  "$memory" 2>/dev/null | sed 's/^/  /'
else
  echo "($memory not built: no memory numbers)"
fi
