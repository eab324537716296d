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

# Reliability (issue 7). EXEGIA_RELIABILITY=0 skips both runs, for a quick
# local check; CI always runs them.
if [ "${EXEGIA_RELIABILITY:-1}" = 1 ]; then
  step() { echo "test.sh: $1 took $(( SECONDS - $2 )) s" >&2; }

  # libFuzzer (clang): every parser of outside bytes, EXEGIA_FUZZ_SECONDS
  # (15) each on a scratch copy of its seed corpus in tests/fuzz/corpus.
  t=$SECONDS
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEXEGIA_WERROR=ON \
    -DCMAKE_CXX_COMPILER=clang++ -DEXEGIA_FUZZ=ON
  cmake --build build-fuzz --parallel "$(nproc)" --target exegia-fuzzers
  step "fuzz build" $t
  t=$SECONDS
  ctest --test-dir build-fuzz --output-on-failure --parallel "$(nproc)" -L '^fuzz$'
  step "fuzzing" $t

  # AddressSanitizer + UBSan (+ LeakSanitizer) over the unit, integration
  # and GUI suites; the options come from build-asan/sanitizer-env.cmake.
  # The SQL tests (PostgreSQL only) and the packaging test (builds and
  # installs a .deb) stay in the run above.
  t=$SECONDS
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEXEGIA_WERROR=ON \
    -DEXEGIA_SANITIZE=ON
  cmake --build build-asan --parallel "$(nproc)"
  step "sanitizer build" $t
  t=$SECONDS
  ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)" --timeout 600 \
    -L '^(unit|integration|gui)$'
  step "sanitizer tests" $t
fi
