using BenchmarkDotNet.Running;
using PolicyExtract.Benchmarks;

// icu-pass <folder>: the whole-process baseline of scale.sh, one single-threaded ICU word-break pass over the corpus.
// Anything else runs the stage benchmarks (BenchmarkDotNet; pass its own options, e.g. --filter '*' --job short).
if (args is ["icu-pass", var folder])
{
    return IcuPass.Run(folder);
}

BenchmarkSwitcher.FromAssembly(typeof(StageBenchmarks).Assembly).Run(args);
return 0;
