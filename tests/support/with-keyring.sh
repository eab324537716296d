#!/bin/sh
# with-keyring.sh keyring|none COMMAND...
# Runs COMMAND with a throwaway HOME (and XDG folders) and either
#   keyring: a private D-Bus session with gnome-keyring's Secret Service,
#            unlocked with an empty password, gone when COMMAND ends;
#   none:    no D-Bus session at all (the address points at nothing), as on
#            a machine without a keychain.
# Nothing touches the real user's keyring or home.
set -eu
mode=$1
shift
tmp=$(mktemp -d "${TMPDIR:-/tmp}/exegia-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME="$tmp/home"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# QtKeychain prefers KWallet on a KDE desktop; the Secret Service is what
# is tested here.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION
export EXEGIA_KEYRING_MODE="$mode"
status=0
case "$mode" in
keyring)
    dbus-run-session -- sh -c '
        # The password is one empty line: with no line at all (echo -n)
        # gnome-keyring 42 creates no login keyring and asks a prompter
        # that cannot open a display.
        echo | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 90
        "$@"' sh "$@" || status=$?
    ;;
none)
    export DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/no-such-bus"
    "$@" || status=$?
    ;;
*)
    echo "usage: $0 keyring|none COMMAND..." >&2
    exit 2
    ;;
esac
exit "$status"
