using BenchmarkDotNet.Attributes;
using Icu;
using Normalizer = PolicyExtract.Normalize.Normalizer;
using PolicyExtract.Extract;
using PolicyExtract.Grammar;
using PolicyExtract.Ingest;
using PolicyExtract.Normalize;
using PolicyExtract.Pipeline;
using PolicyExtract.Structure;

namespace PolicyExtract.Benchmarks;

/// <summary>
/// Each stage over the five seeds (64 KB), beside one ICU word-break pass over the same text: the stage that costs most
/// against the yardstick is where speed work pays. The grammar and the pipeline are built once, as the tool does.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private readonly List<(string Name, byte[] Bytes)> _seeds = [];
    private readonly List<string> _texts = [];
    private readonly List<NormalizedText> _normalized = [];
    private readonly List<string> _clauses = [];
    private PolicyPipeline _pipeline = null!;
    private ClauseSegmenter _segmenter = null!;
    private RuleBasedBreakIterator _iterator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var grammar = PolicyGrammar.Load(PolicyGrammar.DefaultDirectory, out var problems) ?? throw new InvalidOperationException(string.Join('\n', problems));
        _pipeline = new PolicyPipeline(grammar);
        _segmenter = new ClauseSegmenter(grammar);
        var seeds = Path.Combine(FindRoot(), "seeds");
        foreach (var file in Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            _seeds.Add((Path.GetFileName(file), bytes));
            var text = TextDecoding.Decode(bytes, file).Text!;
            _texts.Add(text);
            var normalized = Normalizer.Normalize(text, text);
            _normalized.Add(normalized);
            _clauses.AddRange(_segmenter.Segment(normalized, file).AllClauses.Select(c => c.Text));
        }

        Wrapper.Init();
        _iterator = new RuleBasedBreakIterator(BreakIterator.UBreakIteratorType.WORD, new Locale("zh_CN"));
    }

    [GlobalCleanup]
    public void Cleanup() => _iterator.Dispose();

    [Benchmark(Baseline = true, Description = "ICU word-break pass (yardstick)")]
    public int IcuPass()
    {
        var boundaries = 0;
        foreach (var text in _texts)
        {
            _iterator.SetText(text);
            while (_iterator.MoveNext() != BreakIterator.DONE)
            {
                boundaries++;
            }
        }

        return boundaries;
    }

    [Benchmark(Description = "decode")]
    public int Decode() => _seeds.Sum(s => TextDecoding.Decode(s.Bytes, s.Name).Text!.Length);

    [Benchmark(Description = "normalize")]
    public int Normalize() => _texts.Sum(t => Normalizer.Normalize(t, t).Text.Length);

    [Benchmark(Description = "clause tree")]
    public int Segment() => _normalized.Sum(n => _segmenter.Segment(n, "seed.txt").Clauses.Length);

    [Benchmark(Description = "quantities")]
    public int Quantities() => _clauses.Sum(c => QuantityFinder.Find(c, _pipeline.Grammar.Quantities).Length);

    [Benchmark(Description = "whole pipeline")]
    public int Pipeline() => _seeds.Sum(s => _pipeline.Process(s.Bytes, s.Name).Document!.Rules.Length);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyExtract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository");
    }
}
