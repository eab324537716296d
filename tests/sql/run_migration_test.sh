#!/usr/bin/env bash
# Proves the public.users migration in a real PostgreSQL 15: a throwaway
# cluster, Supabase's auth pieces stubbed (auth_stub.sql), the migration
# applied (twice, to prove it can be re-run), then policies_test.sql, whose
# every assertion raises on failure. Exit status is non-zero on any failure.
#
# Usage: run_migration_test.sh [MIGRATION.sql | MIGRATIONS_DIR]
#   Default: the repository's supabase/migrations. A directory is applied in
#   file-name order, as the Supabase CLI does.
#
# Needs postgresql-15 (scripts/install-deps.sh). No network: the server
# listens on a unix socket inside its own temporary directory only.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
target=${1:-$here/../../supabase/migrations}
pgbin=${PG_BINDIR:-/usr/lib/postgresql/15/bin}

# Exit 2: the test could not run (setup, or the migration itself failed).
die() { echo "run_migration_test: $*" >&2; exit 2; }

[ -x "$pgbin/initdb" ] || die "no $pgbin/initdb; install postgresql-15 (scripts/install-deps.sh)"
[ -f "$here/auth_stub.sql" ] && [ -f "$here/policies_test.sql" ] || die "test SQL missing next to $0"

migrations=()
if [ -d "$target" ]; then
  shopt -s nullglob
  migrations=("$target"/*.sql)
  shopt -u nullglob
elif [ -f "$target" ]; then
  migrations=("$target")
fi
[ ${#migrations[@]} -gt 0 ] || die "no migration found at $target"

# PostgreSQL refuses to run as root, so as root everything server-side runs
# as the postgres system user; otherwise as ourselves.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no postgres user"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

# Under /tmp rather than $TMPDIR: the postgres user must be able to reach it,
# and a unix socket path must stay under ~107 bytes.
work=$(mktemp -d /tmp/exegia-sql.XXXXXX)
data=$work/data
started=0

cleanup() {
  local rc=$?
  if [ "$started" -eq 1 ]; then
    as_pg "$pgbin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
# Make Ctrl-C and ctest's SIGTERM go through the EXIT trap too.
trap 'exit 130' INT
trap 'exit 143' TERM

# The SQL is copied in so the postgres user can read it wherever the
# checkout lives (e.g. under /root); psql still reports file and line.
mkdir -p "$work/sql"
cp "$here/auth_stub.sql" "$here/policies_test.sql" "$here/mfa_policies_test.sql" "$work/sql/"
applied=()
i=0
for m in "${migrations[@]}"; do
  i=$((i + 1))
  copy=$work/sql/$(printf '%03d' "$i")-$(basename "$m")
  cp "$m" "$copy"
  applied+=("$copy")
done
if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$work"; fi

# Trust auth is fine: the socket sits in a directory only its owner can enter.
as_pg "$pgbin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; die "initdb failed"; }

# No TCP at all; durability is pointless for a cluster that lives seconds.
cat >>"$data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$work'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

started=1
as_pg "$pgbin/pg_ctl" -D "$data" -l "$work/server.log" -w -t 30 start >/dev/null \
  || { cat "$work/server.log" >&2 || true; die "server did not start"; }

# The schema scripts' "does not exist, skipping" notices are noise; the
# test's own "ok N" notices are the progress report.
# Run from the copies' directory so messages read "psql:policies_test.sql:42:".
psql_file() {
  local level=${2:-notice}
  ( cd "$work/sql" &&
    PGOPTIONS="-c client_min_messages=$level" as_pg "$pgbin/psql" -X -q -h "$work" -p 5432 -U postgres \
      -d postgres -v ON_ERROR_STOP=1 -f "$(basename "$1")" )
}

psql_file "$work/sql/auth_stub.sql" warning
for pass in 1 2; do
  for m in "${applied[@]}"; do
    psql_file "$m" warning || die "migration $(basename "$m") failed (pass $pass)"
  done
done
# Exit 1 (not die's 2) so a failed assertion reads differently from a
# machine that could not run the test at all.
psql_file "$work/sql/policies_test.sql" || { echo "run_migration_test: FAIL" >&2; exit 1; }
# The optional MFA migration has its own assertions, run when it is applied.
case " ${migrations[*]}" in
  *_users_mfa.sql*)
    psql_file "$work/sql/mfa_policies_test.sql" || { echo "run_migration_test: FAIL" >&2; exit 1; } ;;
esac
echo "run_migration_test: PASS"
