#!/usr/bin/env bash
# Whole-process scale run (README, "Speed and memory"): generates a corpus, then measures, as separate processes,
#   - extract on one worker against one single-threaded ICU word-break pass over the same corpus (icu-pass), alternated,
#     CPU time (user + system) each, and their ratio per round;
#   - extract's wall-clock time on 1 worker and on every core;
#   - extract's peak memory (max RSS);
#   - a single-document run, end to end (median of 11).
# Usage: tests/PolicyExtract.Benchmarks/scale.sh [documents=10000] [rounds=2]. Needs /usr/bin/time. Writes under $WORK.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-10000}
rounds=${2:-2}
work=${WORK:-/tmp/policyextract-scale}
mkdir -p "$work"

echo "building (Release; the CLI published ReadyToRun, as a user would install it)"
dotnet publish src/PolicyExtract.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/cli" -v q >/dev/null
dotnet build tests/PolicyExtract.Benchmarks -c Release -o "$work/bench" -v q >/dev/null
dotnet build tests/PolicyExtract.Corpus -c Release -o "$work/generator" -v q >/dev/null

corpus="$work/corpus-$count"
if [ ! -d "$corpus" ]; then
  dotnet "$work/generator/PolicyExtract.Corpus.dll" "$corpus" "$count" 1 seeds tests/PolicyExtract.Tests/Specs/Genre
fi
echo "corpus: $count documents, $(du -sm "$corpus" | cut -f1) MB, in $corpus; $(nproc) cores"

# measure NAME COMMAND…: runs it once; prints NAME, CPU seconds, wall seconds, max RSS MB; keeps the numbers in $cpu $wall $rss.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%U %S %e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/$name.log" || { echo "$name failed:"; tail -n 5 "$work/$name.log"; exit 1; }
  read -r user sys wall kb <"$work/time.txt"
  cpu=$(awk "BEGIN { print $user + $sys }"); rss=$((kb / 1024))
  printf '%-22s cpu %7.2f s  wall %7.2f s  max RSS %5d MB\n' "$name" "$cpu" "$wall" "$rss"
}

for round in $(seq 1 "$rounds"); do
  rm -rf "$work/out"
  measure "extract --jobs 1" dotnet "$work/cli/policyextract.dll" extract "$corpus" --out "$work/out" --jobs 1
  extract_cpu=$cpu; extract_wall=$wall
  measure "icu-pass" dotnet "$work/bench/PolicyExtract.Benchmarks.dll" icu-pass "$corpus"
  echo "round $round: extract CPU / ICU pass CPU = $(awk "BEGIN { printf \"%.2f\", $extract_cpu / $cpu }")"
done

rm -rf "$work/out"
measure "extract --jobs $(nproc)" dotnet "$work/cli/policyextract.dll" extract "$corpus" --out "$work/out" --jobs "$(nproc)"
echo "wall on 1 worker / wall on $(nproc): $(awk "BEGIN { printf \"%.2f\", $extract_wall / $wall }"); peak memory on $(nproc) workers: $rss MB"
grep -E "^[0-9]+ inputs:" "$work/extract --jobs $(nproc).log" || true

one=$(ls seeds/*.txt | head -n 1)
times=()
for i in $(seq 1 11); do
  /usr/bin/time -f "%e" -o "$work/time.txt" dotnet "$work/cli/policyextract.dll" extract "$one" --out "$work/one" >/dev/null 2>&1
  times+=("$(cat "$work/time.txt")")
done
echo "single document ($(basename "$one")), median of 11: $(printf '%s\n' "${times[@]}" | sort -n | sed -n 6p) s"
