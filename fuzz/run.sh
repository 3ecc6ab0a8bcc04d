#!/usr/bin/env bash
# Fuzz one input reader with AFL++ and SharpFuzz (see fuzz/README.md).
# Usage: fuzz/run.sh TARGET SECONDS [WORKDIR]     e.g. fuzz/run.sh html 3600
# Needs: afl++ (Debian package), the SharpFuzz.CommandLine dotnet tool (`dotnet tool install -g SharpFuzz.CommandLine --version 2.3.0`).
# Leaves WORKDIR/findings/TARGET (AFL's output: queue/, crashes/, hangs/, fuzzer_stats); `fuzz/keep.sh TARGET WORKDIR`
# adds the new inputs, minimised, to fuzz/corpus/TARGET.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${1:?target: sniffer html textdump plaintext jsonl json feed warc gzip reuters extractor}"
seconds="${2:?seconds}"
work="${3:-/tmp/dateline-fuzz}"
build="$work/build"
export PATH="$PATH:$HOME/.dotnet/tools"
if [ ! -f "$build/.instrumented" ]; then
  rm -rf "$build"
  dotnet build "$here/Dateline.Fuzz/Dateline.Fuzz.csproj" -c Release -o "$build" --nologo -v quiet -clp:ErrorsOnly
  # Only the readers are instrumented: coverage of the runtime would drown theirs.
  sharpfuzz "$build/Dateline.Extraction.dll"
  touch "$build/.instrumented"
fi
mkdir -p "$work/findings"
# Seeds: the committed corpus plus the test fixtures listed for the target in fuzz/seeds.tsv.
seeds="$work/seeds/$target"
rm -rf "$seeds"
mkdir -p "$seeds"
cp "$here/corpus/$target"/* "$seeds"/
folders="$(awk -F'\t' -v t="$target" '$1 == t { print $2 }' "$here/seeds.tsv")"
for folder in ${folders//,/ }; do
  for f in "$here/../$folder"/*; do
    [ -f "$f" ] && cp "$f" "$seeds/fixture-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
done
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_AUTORESUME=1
# -t: a single input may take 5 s before it counts as a hang (the HTML reader's own budget is 2 s here).
afl-fuzz -i "$seeds" -o "$work/findings/$target" -t 5000 -m none -V "$seconds" -- dotnet "$build/Dateline.Fuzz.dll" "$target" > "$work/$target.log" 2>&1 || true
stats="$work/findings/$target/default/fuzzer_stats"
if [ -f "$stats" ]; then
  grep -E "^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)" "$stats" | tr -s ' ' | paste -sd' '
else
  echo "no stats: see $work/$target.log" >&2
  tail -20 "$work/$target.log" >&2
  exit 1
fi
