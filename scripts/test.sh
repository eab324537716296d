#!/usr/bin/env bash
# Builds everything and runs every test (unit, integration against the
# emulator, SQL against a throwaway PostgreSQL, GUI offscreen).
# Installs missing Debian packages first, so a fresh Debian 12 machine needs
# nothing else. The tests start the services they need themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEXEGIA_WERROR=ON
cmake --build "$build" --parallel "$(nproc)"

export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" --timeout 300 "$@"
