#!/usr/bin/env bash
# Whole-process scale run (README, "Speed and memory"): generates a corpus, then measures, as separate processes,
#   - extract on one worker against one single-threaded ICU word-break pass over the same corpus (icu-pass,
#     tests/PolicyExtract.Baseline), alternated; CPU time (user + system) each, and their ratio per round. Both programs
#     are built the same way, once as Native AOT (how the CLI is installed) and once ReadyToRun (JIT), and each build
#     is compared with its like;
#   - extract's wall-clock time on 1 worker and on every core;
#   - extract's peak memory (max RSS);
#   - the cost of reading in worker processes (each document's budget, the default) against --in-process, which the
#     rows above use so that they measure the extraction itself, as the ICU pass does;
#   - a single-document run, end to end (median of 11), for both builds.
# Usage: tests/PolicyExtract.Benchmarks/scale.sh [documents=10000] [rounds=2]. Needs /usr/bin/time. Writes under $WORK.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-10000}
rounds=${2:-2}
work=${WORK:-/tmp/policyextract-scale}
mkdir -p "$work"

echo "building: the CLI and icu-pass, each Native AOT and ReadyToRun (Release); the corpus generator"
for build in aot r2r; do
  if [ "$build" = aot ]; then flags=(-p:PublishAot=true); else flags=(--self-contained false -p:PublishReadyToRun=true); fi
  dotnet publish src/PolicyExtract.Cli -c Release -r linux-x64 "${flags[@]}" -o "$work/cli-$build" -v q >/dev/null
  dotnet publish tests/PolicyExtract.Baseline -c Release -r linux-x64 "${flags[@]}" -o "$work/icu-$build" -v q >/dev/null
done
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
  printf '%-26s cpu %7.2f s  wall %7.2f s  max RSS %5d MB\n' "$name" "$cpu" "$wall" "$rss"
}

for round in $(seq 1 "$rounds"); do
  for build in aot r2r; do
    rm -rf "$work/out"
    measure "extract --jobs 1 ($build)" "$work/cli-$build/policyextract" extract "$corpus" --out "$work/out" --jobs 1 --in-process
    extract_cpu=$cpu
    measure "icu-pass ($build)" "$work/icu-$build/icu-pass" "$corpus"
    echo "round $round, $build: extract CPU / ICU pass CPU = $(awk "BEGIN { printf \"%.2f\", $extract_cpu / $cpu }")"
  done
done

rm -rf "$work/out"
measure "extract --jobs 1 (aot)" "$work/cli-aot/policyextract" extract "$corpus" --out "$work/out" --jobs 1 --in-process
one_wall=$wall
rm -rf "$work/out"
measure "extract --jobs $(nproc) (aot)" "$work/cli-aot/policyextract" extract "$corpus" --out "$work/out" --jobs "$(nproc)" --in-process
echo "wall on 1 worker / wall on $(nproc): $(awk "BEGIN { printf \"%.2f\", $one_wall / $wall }"); peak memory on $(nproc) workers: $rss MB"
grep -E "^[0-9]+ inputs:" "$work/extract --jobs $(nproc) (aot).log" || true
in_process_cpu=$cpu
rm -rf "$work/out"
measure "extract, workers (aot)" "$work/cli-aot/policyextract" extract "$corpus" --out "$work/out" --jobs "$(nproc)"
echo "CPU in workers / in-process on $(nproc): $(awk "BEGIN { printf \"%.2f\", $cpu / $in_process_cpu }")"

one=$(ls seeds/*.txt | head -n 1)
for build in aot r2r; do
  times=()
  for i in $(seq 1 11); do
    /usr/bin/time -f "%e" -o "$work/time.txt" "$work/cli-$build/policyextract" extract "$one" --out "$work/one" >/dev/null 2>&1
    times+=("$(cat "$work/time.txt")")
  done
  echo "single document ($(basename "$one")), $build, median of 11: $(printf '%s\n' "${times[@]}" | sort -n | sed -n 6p) s"
done
