#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite: trust auth, 127.0.0.1 on a free port, gone on stop.
#   pg_fixture.sh start STATE_DIR   writes STATE_DIR/pg_url (postgresql://postgres@127.0.0.1:PORT/hamhub_test)
#   pg_fixture.sh stop STATE_DIR    stops the server and removes its data directory
# HAMHUB_TEST_SKIP_PG=1 makes both a no-op, for machines without PostgreSQL (the PG tests then skip).
# PG_BINDIR overrides where initdb/pg_ctl are looked for.
set -euo pipefail

usage() { echo "usage: $0 start|stop STATE_DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
state_dir=$2

if [ "${HAMHUB_TEST_SKIP_PG:-}" = 1 ]; then
  echo "pg_fixture: HAMHUB_TEST_SKIP_PG=1, not ${action}ing PostgreSQL"
  exit 0
fi

find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
  # Debian keeps the server binaries off PATH, one directory per major version; take the newest.
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ]; then echo "$dir"; return; fi
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
}

# The server refuses to run as root, so as root everything runs as the postgres OS user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

do_stop() {
  [ -f "$state_dir/pg_dir" ] || { echo "pg_fixture: nothing to stop in $state_dir"; return 0; }
  local tmp bindir
  tmp=$(cat "$state_dir/pg_dir")
  bindir=$(cat "$state_dir/pg_bindir" 2>/dev/null || find_bindir)
  if [ -d "$tmp/data" ]; then
    as_owner "$bindir/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  # Only remove what start created: a directory named like ours.
  case "$tmp" in
    */hamhub-pg.*) rm -rf -- "$tmp" ;;
  esac
  rm -f "$state_dir/pg_dir" "$state_dir/pg_url" "$state_dir/pg_bindir"
  echo "pg_fixture: stopped"
}

do_start() {
  local bindir
  bindir=$(find_bindir || true)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
    echo "pg_fixture: PostgreSQL server binaries (initdb, pg_ctl) not found." >&2
    echo "  Install them with: apt-get install postgresql   (or set PG_BINDIR)," >&2
    echo "  or set HAMHUB_TEST_SKIP_PG=1 to skip the PostgreSQL tests." >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "pg_fixture: running as root but there is no 'postgres' OS user to run the server as" >&2
    echo "  (apt-get install postgresql creates it)." >&2
    exit 1
  fi

  mkdir -p "$state_dir"
  do_stop >/dev/null  # a previous run that was killed before its cleanup

  local tmp
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/hamhub-pg.XXXXXX")
  chmod 700 "$tmp"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$tmp"; fi
  echo "$tmp" >"$state_dir/pg_dir"
  echo "$bindir" >"$state_dir/pg_bindir"

  if ! as_owner "$bindir/initdb" -D "$tmp/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
      >"$tmp/initdb.log" 2>&1; then
    cat "$tmp/initdb.log" >&2
    echo "pg_fixture: initdb failed" >&2
    do_stop >/dev/null
    exit 1
  fi

  # A free port can be taken between the probe and the bind, so try a few.
  local port started=0 attempt
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    port_is_free "$port" || continue
    # Durability is irrelevant for a throwaway cluster; skipping fsync keeps the tests quick.
    if as_owner "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
      started=1
      break
    fi
    echo "pg_fixture: start on port $port failed (attempt $attempt), retrying" >&2
  done
  if [ "$started" != 1 ]; then
    tail -n 20 "$tmp/server.log" >&2 || true
    echo "pg_fixture: could not start PostgreSQL" >&2
    do_stop >/dev/null
    exit 1
  fi

  if ! as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres hamhub_test; then
    echo "pg_fixture: createdb hamhub_test failed" >&2
    do_stop >/dev/null
    exit 1
  fi
  echo "postgresql://postgres@127.0.0.1:$port/hamhub_test" >"$state_dir/pg_url"
  echo "pg_fixture: PostgreSQL on 127.0.0.1:$port, data in $tmp; URL in $state_dir/pg_url"
}

case "$action" in
  start) do_start ;;
  stop) do_stop ;;
  *) usage ;;
esac
