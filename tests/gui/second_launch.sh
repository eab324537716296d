#!/bin/sh
# second_launch.sh APP: run under with-keyring.sh (a throwaway HOME and an
# unlocked Secret Service). The first run continues as a guest and quits;
# the second, a new process, must restore that session from the keychain
# and open on Account for the same user. A third, started while another
# copy holds the lock, must refuse to run.
set -eu
app=$1
run() {
    EXEGIA_TEST_PROBE=$1 timeout 90 "$app" --local --lang en
}
first=$(run guest)
echo "first run:  $first"
second=$(run report)
echo "second run: $second"
case "$first" in
"settled page=Account user="*" guest=1") ;;
*) echo "FAIL: the first run did not reach Account as a guest" >&2; exit 1 ;;
esac
user=${first#*user=}
user=${user%% *}
[ "$second" = "settled page=Account user=$user guest=1" ] || {
    echo "FAIL: the second run did not open on Account for $user" >&2
    exit 1
}
# Single instance: hold the lock with a running copy (it waits for a guest
# sign-in that never happens: EXEGIA_TEST_PROBE=hold does nothing), then
# start another.
EXEGIA_TEST_PROBE=hold "$app" --local >/dev/null 2>&1 &
holder=$!
lock="$XDG_DATA_HOME/Exegia/exegia-signin/exegia-signin.lock"
i=0
while [ ! -f "$lock" ] && [ $i -lt 200 ]; do
    i=$((i + 1))
    sleep 0.05
done
status=0
run report >/dev/null 2>&1 || status=$?
kill "$holder" 2>/dev/null || true
wait "$holder" 2>/dev/null || true
[ "$status" -eq 3 ] || { echo "FAIL: a second copy ran (exit $status)" >&2; exit 1; }
echo "PASS"
