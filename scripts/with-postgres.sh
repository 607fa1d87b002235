#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL: starts a fresh cluster on 127.0.0.1 (port
# RUMINATE_PG_PORT, 54329 by default) in a temporary directory, exports its URL as
# RUMINATE_TEST_DATABASE_URL, runs the command, then stops the cluster and deletes it.
#
#   scripts/with-postgres.sh npm test
#   scripts/with-postgres.sh npx vitest run server
#
# Needs PostgreSQL's server binaries (Debian: `apt-get install postgresql`). As root, the cluster
# runs as the `postgres` user, since PostgreSQL refuses to run as root.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "Usage: $0 <command> [args…]" >&2
  exit 2
fi

bin_dir=""
for dir in /usr/lib/postgresql/*/bin; do
  [ -x "$dir/pg_ctl" ] && bin_dir="$dir"
done
if [ -z "$bin_dir" ] && command -v pg_ctl > /dev/null; then
  bin_dir="$(dirname "$(command -v pg_ctl)")"
fi
if [ -z "$bin_dir" ]; then
  echo "No PostgreSQL server found (pg_ctl). On Debian or Ubuntu: sudo apt-get install -y postgresql" >&2
  exit 1
fi

port="${RUMINATE_PG_PORT:-54329}"
tmp_base="${TMPDIR:-/tmp}"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  # The postgres user must be able to reach the cluster's folder and its own working directory.
  tmp_base=/tmp
  as_owner=(runuser -u postgres --)
fi
work_dir="$(mktemp -d "$tmp_base/ruminate-pg.XXXXXX")"
data_dir="$work_dir/data"
[ "${#as_owner[@]}" -gt 0 ] && chown postgres: "$work_dir"
repo_dir="$(pwd)"

stop_cluster() {
  cd "$work_dir" 2> /dev/null || cd /
  "${as_owner[@]}" "$bin_dir/pg_ctl" -D "$data_dir" -m immediate stop > /dev/null 2>&1 || true
  cd /
  rm -rf "$work_dir"
}
trap stop_cluster EXIT

cd "$work_dir"

"${as_owner[@]}" "$bin_dir/initdb" -D "$data_dir" -U postgres --auth=trust -E UTF8 > "$work_dir/initdb.log" 2>&1 \
  || { cat "$work_dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bin_dir/pg_ctl" -D "$data_dir" -l "$work_dir/server.log" -w -t 30 \
  -o "-h 127.0.0.1 -p $port -k $work_dir -c fsync=off" start > /dev/null \
  || { cat "$work_dir/server.log" >&2; exit 1; }
"${as_owner[@]}" "$bin_dir/createdb" -h 127.0.0.1 -p "$port" -U postgres ruminate_test

export RUMINATE_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/ruminate_test"
echo "PostgreSQL $("$bin_dir/postgres" --version | awk '{print $3}') is running for the tests at $RUMINATE_TEST_DATABASE_URL"
cd "$repo_dir"
set +e
"$@"
status=$?
set -e
exit "$status"
