using BenchmarkDotNet.Running;
using PolicyExtract.Benchmarks;

// The stage benchmarks (BenchmarkDotNet; pass its own options, e.g. --filter '*' --job short). The whole-process
// yardstick of scale.sh is its own program, PolicyExtract.Baseline (icu-pass).
BenchmarkSwitcher.FromAssembly(typeof(StageBenchmarks).Assembly).Run(args);
return 0;
