#!/usr/bin/env bash
# Ingest throughput on PostgreSQL against SQLite, and how it scales with workers (issue 13; docs/PERFORMANCE.md).
#   bench/fleet.sh [INPUT...]     default inputs: samples/, ../shared/seed, ../shared/corpora/raw/bbc/politics
# Starts a throwaway PostgreSQL server (tools/pg-test-server.sh), then, with full analysis, in this order:
#   1. one worker, all cores (--parallel 2), into SQLite and into PostgreSQL
#   2. one worker pinned to one core (taskset -c 0, --parallel 1) into PostgreSQL
#   3. two workers pinned to one core each (taskset -c 0 / -c 1, --parallel 1) sharing one PostgreSQL database
# and prints articles/s for each (wall time of the whole run, start-up included) and the ratios the issue asks for.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ $# -eq 0 ]; then set -- samples ../shared/seed ../shared/corpora/raw/bbc/politics; fi
./dateline --help >/dev/null   # build once, outside the timings
work=$(mktemp -d /tmp/dateline-fleet.XXXXXX)
pgdir=$(mktemp -d /tmp/dateline-pg.XXXXXX)   # beside work, not in it: the postgres user must reach it
server=$(tools/pg-test-server.sh start "$pgdir")
trap 'tools/pg-test-server.sh stop "$pgdir"; rm -rf "$work"' EXIT
base=${server%/*}
articles=0

run() { # name, then the command; prints seconds
  local start end
  start=$(date +%s.%N)
  "$@" >"$work/out.log" 2>&1 || { cat "$work/out.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

count() { ./dateline stats --db "$1" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])'; }

t_sqlite=$(run ./dateline ingest "$@" --db "$work/one.db" --parallel 2)
articles=$(count "$work/one.db")
t_pg=$(run ./dateline ingest "$@" --db "$base/one" --parallel 2)
t_pg1=$(run taskset -c 0 ./dateline ingest "$@" --db "$base/pinned" --parallel 1)
./dateline stats --db "$base/two" >/dev/null   # schema first, so neither worker's time includes creating it
start=$(date +%s.%N)
taskset -c 0 ./dateline ingest "$@" --db "$base/two" --parallel 1 >"$work/w1.log" 2>&1 &
p1=$!
taskset -c 1 ./dateline ingest "$@" --db "$base/two" --parallel 1 >"$work/w2.log" 2>&1 &
p2=$!
wait $p1 $p2
t_pg2=$(echo "$(date +%s.%N) - $start" | bc)
[ "$(count "$base/two")" = "$articles" ] || { echo "two workers stored $(count "$base/two") articles, not $articles" >&2; exit 1; }

rate() { echo "scale=1; $articles / $1" | bc; }
echo "articles: $articles (inputs: $*)"
echo "sqlite, 1 worker, 2 cores:     $(rate "$t_sqlite") articles/s ($t_sqlite s)"
echo "postgres, 1 worker, 2 cores:   $(rate "$t_pg") articles/s ($t_pg s)  = $(echo "scale=2; $t_sqlite / $t_pg" | bc) x SQLite"
echo "postgres, 1 worker, 1 core:    $(rate "$t_pg1") articles/s ($t_pg1 s)"
echo "postgres, 2 workers, 1 core each: $(rate "$t_pg2") articles/s ($t_pg2 s) = $(echo "scale=2; $t_pg1 / $t_pg2" | bc) x one pinned worker"
