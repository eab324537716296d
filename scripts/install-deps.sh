#!/usr/bin/env bash
# Installs the Debian 12 packages that building, running and testing need,
# but only when something is missing, so a second run costs a dpkg query.
set -euo pipefail

packages=(
  # toolchain
  cmake ninja-build g++ pkg-config git
  # fuzzing (libFuzzer, sanitizer runtimes, llvm-symbolizer for readable reports)
  clang libclang-rt-14-dev llvm
  # Qt 6.4 and friends
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-httpserver-dev qt6-websockets-dev qt6-networkauth-dev qt6-svg-dev
  qt6-qpa-plugins qt6-translations-l10n libqt6sql6-sqlite libgl-dev
  qtkeychain-qt6-dev
  # crypto, tests
  libssl-dev googletest libgtest-dev libgmock-dev
  # the emulator's TOTP factors: base32 secrets, QR codes
  liboath-dev libqrencode-dev
  # services the tests start
  postgresql-15 postgresql-client-15 xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  fonts-dejavu-core
  # the end-to-end accessibility test (tests/a11y): AT-SPI bus, pyatspi,
  # X tools to find and close the window
  at-spi2-core python3-pyatspi x11-utils curl
  # a real browser for the end-to-end browser sign-in test
  chromium
  # packaging (PNG icons, .deb, the tests/packaging checks) and bench/ charts
  librsvg2-bin dpkg-dev desktop-file-utils appstream gnuplot-nox
  # bench/network.sh: a TLS front with HTTP/2, its throwaway CA, the relay's counters
  nginx openssl curl
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
