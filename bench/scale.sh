#!/usr/bin/env bash
# The store at 100,000 articles (issue 13; docs/PERFORMANCE.md, "At 100,000 articles").
#   bench/scale.sh [COUNT=100000] [SMALL=5000] [--keep DIR]
# 1. Generates COUNT articles from the BBC corpus (bench/Dateline.CorpusGen, seed 1; the first SMALL are the SMALL-article
#    corpus, byte for byte), 2. ingests SMALL and COUNT of them with --no-annotate into fresh SQLite stores (wall time,
#    user/system CPU, articles/s, the ratio), 3. times `stories` and `stats` on the big store, 4. serves it with --no-cache
#    on a loopback port and measures read latency per query class (bench/Dateline.LoadTest --classes).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count=${1:-100000}
small=${2:-5000}
keep=""
if [ "${3:-}" = "--keep" ]; then keep=${4:?--keep needs a folder}; fi
work=${keep:-$(mktemp -d /tmp/dateline-scale.XXXXXX)}
mkdir -p "$work"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -z "$keep" ] && rm -rf "$work"' EXIT

./dateline --help >/dev/null   # build once, outside the timings
dotnet build bench/Dateline.CorpusGen -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet build bench/Dateline.LoadTest -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet bench/Dateline.CorpusGen/bin/Release/net10.0/Dateline.CorpusGen.dll --count "$count" --out "$work/big.jsonl"
head -n "$small" "$work/big.jsonl" >"$work/small.jsonl"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load now: $(cut -d' ' -f1-3 /proc/loadavg)"

ingest() { # corpus, store; leaves "seconds user system" in $work/time.txt (a failed ingest stops the script)
  rm -f "$2" "$2-wal" "$2-shm"
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" ./dateline ingest "$1" --db "$2" --no-annotate >"$work/ingest.log" 2>&1 \
    || { cat "$work/ingest.log" >&2; exit 1; }
}

ingest "$work/small.jsonl" "$work/small.db"
read -r s_wall s_user s_sys <"$work/time.txt"
ingest "$work/big.jsonl" "$work/big.db"
read -r b_wall b_user b_sys <"$work/time.txt"
python3 - "$small" "$s_wall" "$s_user" "$s_sys" "$count" "$b_wall" "$b_user" "$b_sys" <<'PY'
import sys
n1, w1, u1, s1, n2, w2, u2, s2 = sys.argv[1:]
r1, r2 = int(n1) / float(w1), int(n2) / float(w2)
print(f"ingest {n1:>7} articles: {float(w1):7.1f} s wall, {u1} s user, {s1} s system: {r1:6.1f} articles/s")
print(f"ingest {n2:>7} articles: {float(w2):7.1f} s wall, {u2} s user, {s2} s system: {r2:6.1f} articles/s")
print(f"rate at {n2} / rate at {n1}: {r2 / r1:.2f} (bar >= 0.80)")
PY
ls -l "$work/big.db" | awk '{printf "big store: %.0f MB\n", $5 / 1048576}'

for cmd in "stories" "stories --all" "stats"; do
  /usr/bin/time -f "%e" -o "$work/time.txt" ./dateline $cmd --db "$work/big.db" >/dev/null 2>&1
  echo "./dateline $cmd: $(cat "$work/time.txt") s (whole process)"
done

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
./dateline serve --db "$work/big.db" --urls "http://127.0.0.1:$port" --no-cache >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.5; done
dotnet bench/Dateline.LoadTest/bin/Release/net10.0/Dateline.LoadTest.dll --url "http://127.0.0.1:$port" --classes --rounds 5
