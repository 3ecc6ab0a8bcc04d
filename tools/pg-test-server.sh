#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (and for trying Dateline on PostgreSQL by hand).
#   tools/pg-test-server.sh start [DIR]   initdb into DIR (default /tmp/dateline-pg), start it on 127.0.0.1 (the first free
#                                         port from 54329, or $DATELINE_PG_PORT), print its URL
#   tools/pg-test-server.sh stop  [DIR]   stop it and delete DIR
#   tools/pg-test-server.sh bounce DIR SECONDS   stop it at once (as a crash would), wait, start it again (fault tests)
# Uses Debian's PostgreSQL binaries (package postgresql); as root, the server runs as the postgres user (initdb refuses root).
# Trust authentication on loopback only, fsync off (a crashed server process loses nothing, a crashed machine may):
# a test server, never a real one. Commits stay synchronous: with synchronous_commit=off a server crash loses the last
# acknowledged transactions, which the restart test caught as a missing ledger row and a missing event report.
set -euo pipefail
action=${1:?usage: pg-test-server.sh start|stop|bounce [DIR]}
dir=${2:-/tmp/dateline-pg}
port=${DATELINE_PG_PORT:-}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "no PostgreSQL server found in /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    if [ -f "$dir/data/postmaster.pid" ] && [ -f "$dir/port" ] && as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "postgres://postgres@127.0.0.1:$(cat "$dir/port")/postgres"
      exit 0
    fi
    if [ -z "$port" ]; then
      # The first free port from 54329 up, so a server already running (another checkout, a developer's) is left alone.
      for candidate in $(seq 54329 54429); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
      done
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c full_page_writes=off -c max_connections=200"
    echo "$opts" >"$dir/options"
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$opts" start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  bounce)
    pause=${3:-2}
    opts=$(cat "$dir/options")
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null
    sleep "$pause"
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$opts" start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-test-server.sh start|stop [DIR]" >&2
    exit 2
    ;;
esac
