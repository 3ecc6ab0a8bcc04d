#!/usr/bin/env bash
# What one stored article costs a PostgreSQL server (issue 13; docs/PERFORMANCE.md, "Where a fleet's database saturates").
#   bench/pg-footprint.sh [INPUT...]     default inputs: samples/, ../shared/seed, ../shared/corpora/raw/bbc/politics
# Starts a throwaway server (tools/pg-test-server.sh), ingests the inputs with full analysis into one database, then
# the same inputs without analysis (`--no-annotate`) into another, and prints per article: rows and bytes per table,
# WAL bytes, transactions, tuples written, and the server's CPU time (postmaster and backends, from /proc), with the
# wall time of each ingest. The store-only run bounds the serial part of a save: the story lock is held for the whole
# save transaction, so a fleet cannot store more articles per second than one writer with nothing to analyse.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ $# -eq 0 ]; then set -- samples ../shared/seed ../shared/corpora/raw/bbc/politics; fi
./dateline --help >/dev/null   # build once, outside the timings
pgdir=$(mktemp -d /tmp/dateline-pg.XXXXXX)
server=$(tools/pg-test-server.sh start "$pgdir")
trap 'tools/pg-test-server.sh stop "$pgdir"' EXIT
base=${server%/*}

# CPU seconds of the server: the postmaster's own and its reaped children's (backends that have exited), plus live ones.
server_cpu() {
  local pm ticks=0
  pm=$(head -1 "$pgdir/data/postmaster.pid")
  ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for p in $(pgrep -P "$pm"); do ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "scale=2; $ticks / $(getconf CLK_TCK)" | bc
}

measure() { # name, database, ingest options...
  local name=$1 db=$2
  shift 2
  ./dateline stats --db "$db" >/dev/null   # the schema, outside the measurement
  local lsn0 cpu0 start end cpu1 lsn1 articles
  lsn0=$(psql "$db" -Atc "select pg_current_wal_lsn()")
  cpu0=$(server_cpu)
  start=$(date +%s.%N)
  ./dateline ingest "$@" --db "$db" >/dev/null 2>&1
  end=$(date +%s.%N)
  sleep 2   # backends exit and their statistics reach the collector
  cpu1=$(server_cpu)
  lsn1=$(psql "$db" -Atc "select pg_current_wal_lsn()")
  articles=$(./dateline stats --db "$db" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
  echo "== $name: $articles articles in $(echo "$end - $start" | bc) s"
  psql "$db" -Atc "select 'per article: WAL ' || round(pg_wal_lsn_diff('$lsn1', '$lsn0') / $articles) || ' bytes, '
      || round(xact_commit::numeric / $articles, 1) || ' transactions, ' || round((tup_inserted + tup_updated + tup_deleted)::numeric / $articles, 1)
      || ' tuples written (' || tup_inserted || ' inserted, ' || tup_updated || ' updated, ' || tup_deleted || ' deleted in all)'
    from pg_stat_database where datname = current_database()"
  echo "per article: server CPU $(echo "scale=2; ($cpu1 - $cpu0) * 1000 / $articles" | bc) ms"
  psql "$db" -Atc "select relname || ': ' || n_live_tup || ' rows (' || round(n_live_tup::numeric / $articles, 1) || ' per article), '
      || pg_size_pretty(pg_total_relation_size(relid)) || ' (' || round(pg_total_relation_size(relid)::numeric / $articles) || ' bytes per article)'
    from pg_stat_user_tables where n_live_tup > 0 order by pg_total_relation_size(relid) desc"
  psql "$db" -Atc "select 'database: ' || pg_size_pretty(pg_database_size(current_database())) || ' (' || round(pg_database_size(current_database())::numeric / $articles) || ' bytes per article)'"
}

measure "full analysis" "$base/footprint" "$@"
measure "store only (--no-annotate)" "$base/storeonly" "$@" --no-annotate
