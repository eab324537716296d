#!/usr/bin/env bash
# Builds the project and starts it on the local backend.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$(nproc)"

if [ -x "$build/src/app/exegia-signin" ]; then
    exec "$build/src/app/exegia-signin" --local "$@"
fi
# Until the desktop app exists: the local backend alone, in the foreground.
exec "$build/src/emulator/exegia-auth-emulator" "$@"
