#!/usr/bin/env bash
# Coverage-guided fuzzing of the pipeline with AFL++ and SharpFuzz (see README.md in this folder).
# Usage: tests/PolicyExtract.Fuzz/fuzz.sh [seconds] [work folder]
# Needs afl-fuzz (apt-get install afl++) and the sharpfuzz tool (dotnet tool install --global SharpFuzz.CommandLine
# --version 2.3.0, or SHARPFUZZ=/path/to/sharpfuzz). Findings go to <work>/findings/{crashes,hangs}; replay one with
#   dotnet <work>/bin/policyextract-fuzz.dll replay <work>/findings/default/crashes/id:…
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-600}
work=${2:-$(mktemp -d -t policyextract-afl-XXXX)}
sharpfuzz=${SHARPFUZZ:-sharpfuzz}
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
command -v "$sharpfuzz" >/dev/null || { echo "sharpfuzz not found: dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0" >&2; exit 2; }

echo "work folder: $work"
dotnet publish tests/PolicyExtract.Fuzz -c Release -o "$work/bin" --nologo -v quiet

# Instrument the code under test: ours and the HTML parser it depends on. Not the harness, SharpFuzz or the runtime.
for dll in PolicyExtract.Core.dll AngleSharp.dll; do
  "$sharpfuzz" "$work/bin/$dll"
done

# Starting inputs: the head of each seed (AFL++ works best on small files), as text and as a page.
mkdir -p "$work/in"
for seed in seeds/*.txt; do
  name=$(basename "$seed" .txt)
  head -c 2048 "$seed" > "$work/in/$name.txt"
  { printf '<html><body><div class="content">\n'; head -n 25 "$seed" | sed 's/^/<p>/; s/$/<\/p>/'; printf '</div></body></html>\n'; } > "$work/in/$name.html"
done

# -t: per-input time limit (ms) for a .NET process; -m none: the runtime reserves much address space.
# AFL_SKIP_BIN_CHECK: the instrumented code is in the .NET assemblies, not in the dotnet host AFL++ inspects.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=${AFL_NO_UI:-1}
timeout --preserve-status "$seconds" afl-fuzz -i "$work/in" -o "$work/findings" -t 5000 -m none -- dotnet "$work/bin/policyextract-fuzz.dll" || true

echo "crashes: $(find "$work/findings" -path '*crashes/id:*' | wc -l), hangs: $(find "$work/findings" -path '*hangs/id:*' | wc -l)"
echo "stats: $work/findings/default/fuzzer_stats"
