#!/usr/bin/env bash
# Installs the build into a scratch DESTDIR, then builds the Debian packages
# with cpack and unpacks them into a scratch root, and checks both trees the
# same way: exactly the expected files, each program answers --version, the
# installed emulator starts, the desktop entry and the metainfo validate.
# Usage: check_install.sh <build-dir> <version>
# EXEGIA_PACKAGING_SKIP_DEB=1 checks the DESTDIR install only.
set -euo pipefail
build=$1
version=$2
scratch=$(mktemp -d)
emulator_pid=
trap '[ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; rm -rf "$scratch"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null || fail "$1 is missing (Debian package $2; scripts/install-deps.sh installs it)"; }
need desktop-file-validate desktop-file-utils
need appstreamcli appstream

# Width x height from a PNG's IHDR chunk (big-endian at bytes 16..23).
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $3*256+$4 "x" $7*256+$8}'; }

expected_files() {
  printf '%s\n' \
    usr/bin/exegia-admin \
    usr/bin/exegia-auth-emulator \
    usr/bin/exegia-signin \
    usr/share/applications/exegia-signin.desktop \
    usr/share/metainfo/example.exegia.signin.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/exegia-signin.svg
  for size in 16 22 24 32 48 64 128 256; do
    echo "usr/share/icons/hicolor/${size}x${size}/apps/exegia-signin.png"
  done
}

check_tree() {
  local root=$1 what=$2
  echo "== $what"
  # Exactly these files: nothing missing, and no test or bench binary or
  # static library slipped into the install.
  diff <(expected_files | sort) <(cd "$root" && find . -type f | sed 's|^\./||' | sort) ||
    fail "$what: installed files differ from the expected list (< missing, > extra)"

  local bin=$root/usr/bin
  for program in exegia-admin exegia-auth-emulator; do
    out=$("$bin/$program" --version) || fail "$what: $program --version exited with $?"
    [[ $out == *"$version"* ]] || fail "$what: $program --version said '$out', expected $version"
    echo "$out"
  done
  out=$(QT_QPA_PLATFORM=offscreen "$bin/exegia-signin" --version) ||
    fail "$what: exegia-signin --version exited with $?"
  [[ $out == *"$version"* ]] || fail "$what: exegia-signin --version said '$out'"
  echo "$out"

  # The installed emulator runs (its SQLite driver is a plugin that
  # dpkg-shlibdeps cannot see) and prints its start-up line.
  "$bin/exegia-auth-emulator" --port 0 --in-memory >"$scratch/start-line" 2>/dev/null &
  emulator_pid=$!
  for _ in $(seq 100); do [ -s "$scratch/start-line" ] && break; sleep 0.1; done
  grep -q '"url": *"http://127.0.0.1:' "$scratch/start-line" ||
    fail "$what: the installed emulator printed no start-up line"
  kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=

  desktop-file-validate "$root/usr/share/applications/exegia-signin.desktop" ||
    fail "$what: desktop-file-validate"
  appstreamcli validate --no-net "$root/usr/share/metainfo/example.exegia.signin.metainfo.xml" ||
    fail "$what: appstreamcli validate"
  for size in 16 22 24 32 48 64 128 256; do
    got=$(png_size "$root/usr/share/icons/hicolor/${size}x${size}/apps/exegia-signin.png")
    [ "$got" = "${size}x${size}" ] || fail "$what: the ${size}x${size} icon is $got"
  done
}

DESTDIR=$scratch/destdir cmake --install "$build" --prefix /usr >/dev/null
check_tree "$scratch/destdir" "cmake --install (DESTDIR)"

if [ "${EXEGIA_PACKAGING_SKIP_DEB:-0}" = 1 ]; then
  echo "skipping the .deb check (EXEGIA_PACKAGING_SKIP_DEB=1)"
  exit 0
fi
need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
cpack --config "$build/CPackConfig.cmake" -B "$scratch/cpack" >"$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log" >&2; fail "cpack"; }
signin_deb=$(ls "$scratch"/cpack/exegia-signin_"$version"_*.deb)
admin_deb=$(ls "$scratch"/cpack/exegia-admin_"$version"_*.deb)
for deb in "$signin_deb" "$admin_deb"; do
  echo "== $(basename "$deb"): $(dpkg-deb -f "$deb" Depends)"
  dpkg-deb -x "$deb" "$scratch/debroot"
done
# The library dependencies came from dpkg-shlibdeps, the plugin ones by hand.
for dep in libqt6widgets6 libqt6network6 libqt6sql6-sqlite libssl3; do
  dpkg-deb -f "$signin_deb" Depends | grep -q "$dep" ||
    fail "exegia-signin .deb does not depend on $dep"
done
dpkg-deb -c "$admin_deb" | grep -q 'usr/bin/exegia-signin' &&
  fail "the admin package must not carry the desktop app"
check_tree "$scratch/debroot" "cpack DEB, unpacked with dpkg-deb -x"
echo "packaging: all checks passed"
