using System.Diagnostics;
using System.Globalization;
using PolicyExtract.Diagnostics;
using PolicyExtract.Extract;
using PolicyExtract.Grammar;
using PolicyExtract.Ingest;
using PolicyExtract.Metadata;
using PolicyExtract.Normalize;
using PolicyExtract.Output;
using PolicyExtract.Pipeline;
using PolicyExtract.Structure;
using SharpFuzz;

namespace PolicyExtract.Fuzz;

/// <summary>
/// <c>policyextract-fuzz</c> (no arguments): the AFL++ target. SharpFuzz feeds each input on standard input; it goes
/// through the pipeline once as a .txt file and once as an .html page, and any exception escaping is a crash.
/// <c>policyextract-fuzz replay FILE…</c>: runs saved inputs (AFL's findings/crashes, a slow input) the same way and
/// prints each stage's time, so a crash shows its stack trace and a hang shows which stage is slow.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "replay")
        {
            // Run replays with the uninstrumented build (dotnet run): instrumented code outside Fuzzer.Run crashes.
            var grammar = LoadGrammar();
            var pipeline = new PolicyPipeline(grammar);
            foreach (var file in args.Skip(1))
            {
                Replay(grammar, pipeline, file);
            }

            return 0;
        }

        if (args.Length > 0)
        {
            Console.Error.WriteLine("usage: policyextract-fuzz            (AFL++ target, input on stdin)\n       policyextract-fuzz replay FILE…");
            return 2;
        }

        // Out of process: the pipeline runs in a child process, so a StackOverflowException is reported as a crash too.
        // The pipeline is built inside the callback: instrumented code may only run once SharpFuzz has set up its
        // coverage map, and the child process keeps it for the inputs that follow.
        PolicyPipeline? target = null;
        Fuzzer.OutOfProcess.Run(stream =>
        {
            target ??= new PolicyPipeline(LoadGrammar());
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Check(target, buffer.ToArray());
        });
        return 0;
    }

    private static PolicyGrammar LoadGrammar() =>
        PolicyGrammar.Load(Path.Combine(AppContext.BaseDirectory, "grammar"), out var problems)
            ?? throw new InvalidOperationException(string.Join('\n', problems));

    /// <summary>The target: both formats, the JSON written for every document. Throws on any escaping exception.</summary>
    private static void Check(PolicyPipeline pipeline, byte[] bytes)
    {
        foreach (var name in new[] { "fuzz.txt", "fuzz.html" })
        {
            var result = pipeline.Process(bytes, name);
            if (result.Document is { } document)
            {
                PolicyJson.Serialize(document);
            }
        }
    }

    private static void Replay(PolicyGrammar grammar, PolicyPipeline pipeline, string file)
    {
        var bytes = File.ReadAllBytes(file);
        Console.WriteLine($"{file}: {bytes.Length.ToString(CultureInfo.InvariantCulture)} bytes");
        foreach (var name in new[] { "replay.txt", "replay.html" })
        {
            try
            {
                Stages(grammar, bytes, name);
                var clock = Stopwatch.StartNew();
                var result = pipeline.Process(bytes, name);
                var json = result.Document is { } d ? PolicyJson.Serialize(d).Length : 0;
                Console.WriteLine($"  {name}: whole pipeline {clock.Elapsed.TotalSeconds:0.000} s, {(result.Failed ? "failed" : "document")}, JSON {json} bytes, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
                foreach (var diagnostic in result.Diagnostics.Take(10))
                {
                    Console.WriteLine("    " + diagnostic);
                }
            }
            catch (Exception e)
            {
                Console.WriteLine($"  {name}: CRASH {e}");
            }
        }
    }

    /// <summary>The pipeline's stages one by one, each timed (mirrors <see cref="PolicyPipeline.Process"/>).</summary>
    private static void Stages(PolicyGrammar grammar, byte[] bytes, string name)
    {
        var clock = Stopwatch.StartNew();
        void Lap(string stage)
        {
            Console.WriteLine($"    {stage,-10} {clock.Elapsed.TotalSeconds:0.000} s");
            clock.Restart();
        }

        var html = name.EndsWith(".html", StringComparison.Ordinal);
        var decoded = html ? HtmlText.DecodeHtml(bytes, name) : TextDecoding.Decode(bytes, name);
        Lap("decode");
        if (decoded.Text is not { } source)
        {
            return;
        }

        html |= FormatDetection.SniffHtml(source);
        NormalizedText normalized;
        if (html)
        {
            var text = HtmlText.Extract(source);
            Lap("html");
            normalized = Normalizer.Normalize(text.Text, source, text.SourceOffsets);
        }
        else
        {
            normalized = Normalizer.Normalize(source, source);
        }

        Lap("normalize");
        var layout = new ClauseSegmenter(grammar).Segment(normalized, name);
        Lap("segment");
        if (layout.Clauses.IsEmpty)
        {
            return;
        }

        var diagnostics = new List<Diagnostic>();
        var metadata = new MetadataExtractor(grammar).Extract(layout, "replay", new SourceInfo(name, "", "", "", null), name, diagnostics);
        Lap("metadata");
        var evidence = new EvidenceMap(normalized);
        var clauses = layout.AllClauses.ToList();
        var reader = new DocumentRulesReader(grammar);
        var boundary = reader.ReadBoundary(clauses, evidence, grammar.Quantities.DefaultInclusive);
        reader.ReadConstraints(clauses, evidence);
        Lap("doc rules");
        new RuleExtractor(grammar, new WordBreaker(grammar.Lexicon)).Extract(metadata.Id, clauses, boundary, evidence);
        Lap("rules");
    }
}
