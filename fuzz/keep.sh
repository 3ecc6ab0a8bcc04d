#!/usr/bin/env bash
# Adds what a fuzzing run found to the committed corpus: AFL's queue minimised to the inputs that reach new coverage
# (afl-cmin), plus every crash and hang input (fix them first: FuzzCorpusTests replays the corpus in CI).
# Usage: fuzz/keep.sh TARGET [WORKDIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${1:?target}"
work="${2:-/tmp/dateline-fuzz}"
out="$work/findings/$target/default"
min="$work/min/$target"
rm -rf "$min"
mkdir -p "$work/min"
cd "$work"
# AFL_ALLOW_TMP: afl-cmin refuses /tmp by default (shared-machine safety); the work folder is ours.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_ALLOW_TMP=1
# Seeds and new inputs together, so the minimised set still covers what the seeds did.
afl-cmin -i "$out/queue" -o "$min" -t 5000 -m none -- "$(command -v dotnet)" "$work/build/Dateline.Fuzz.dll" "$target" > "$work/$target.cmin.log" 2>&1
n=0
for f in "$min"/*; do
  name="found-$(sha1sum "$f" | cut -c1-12)"
  [ -e "$here/corpus/$target/$name" ] || { cp "$f" "$here/corpus/$target/$name"; n=$((n+1)); }
done
for kind in crashes hangs; do
  for f in "$out/$kind"/id:*; do
    [ -e "$f" ] || continue
    cp "$f" "$here/corpus/$target/$kind-$(sha1sum "$f" | cut -c1-12)"
    n=$((n+1))
  done
done
echo "$target: $n inputs added to fuzz/corpus/$target ($(ls "$here/corpus/$target" | wc -l) in all)"
