using System.Diagnostics;
using System.Net;
using System.Text;
using PolicyExtract.Output;
using PolicyExtract.Tests.TestSupport;
using PolicyExtract.Validation;
using Xunit.Abstractions;

namespace PolicyExtract.Tests.Robustness;

/// <summary>
/// A seeded mutation fuzzer for CI (the AFL++ harness in tests/PolicyExtract.Fuzz needs afl-fuzz; this needs nothing).
/// Mutants of the seeds and of an HTML rendering of them (byte flips, deletions, duplicated spans, splices between
/// seeds, inserted numbering labels, numerals, units and tags, truncation) go through the pipeline as .txt and .html
/// for a fixed time budget. Every call must return (no exception), within a time limit, with schema-valid JSON, and the
/// same bytes twice must give the same JSON. A failure names the run seed and the mutant's index, and
/// <c>POLICYEXTRACT_FUZZ_SEED=&lt;seed&gt;</c> replays the run; the mutant is written to the temp folder.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("POLICYEXTRACT_FUZZ_SECONDS") is { } s ? double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 20);

    /// <summary>Per input, generous for a loaded 2-core CI machine: seeds take 10-50 ms each.</summary>
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(15);

    private static readonly string[] Insertions =
    [
        "一、", "（一）", "1.", "（1）", "①", "第一条", "第十条", "第一章", "三、", "（十二）", "999.", "\n", "\r\n", "\n\n", "。", "；", "，",
        "万元", "亿元", "元", "%", "％", "‰", "百分之", "分之", "最高", "不超过", "以上", "以下", "不低于", "每", "分别", "给予",
        "一千亿亿万", "99999999999亿元", "0.0000000001%", "1e400", "零", "〇", "两", "壹拾伍万", "三四十万", "1,000,000",
        "1.5", "．", "、", "：", "“", "”", "《", "》", "（", "）", "(", ")", "年", "月", "日", "2023年10月12日", "〔2022〕31号",
        "<p>", "</p>", "<div>", "</div>", "<br>", "<table><tr><td>", "</td><td>", "<script>", "</script>", "<!--", "-->",
        "&nbsp;", "&amp", "&#20108;", "&#99999999;", "<", ">", "\"", "\uFEFF", "\u3000", "\u200B", "\uFFFD", "\0", "𠮷",
    ];

    private static readonly Lazy<List<byte[]>> Corpus = new(() =>
    {
        var corpus = new List<byte[]>();
        foreach (var seed in Directory.GetFiles(Repo.Seeds).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(seed);
            corpus.Add(bytes);
            corpus.Add(Encoding.UTF8.GetBytes(AsPage(Encoding.UTF8.GetString(bytes))));
        }

        return corpus;
    });

    private static string AsPage(string text)
    {
        var body = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            body.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>\n");
        }

        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>var a = 1;</script></head><body><div class=\"nav\">首页</div><div class=\"content\">\n{body}</div></body></html>";
    }

    [Fact]
    public void Mutated_seeds_and_pages_never_crash_hang_or_break_the_schema()
    {
        var runSeed = Environment.GetEnvironmentVariable("POLICYEXTRACT_FUZZ_SEED") is { } fixedSeed
            ? int.Parse(fixedSeed, System.Globalization.CultureInfo.InvariantCulture)
            : Environment.TickCount & int.MaxValue;
        output.WriteLine($"fuzz run seed {runSeed} (replay: POLICYEXTRACT_FUZZ_SEED={runSeed})");
        var random = new Random(runSeed);
        var clock = Stopwatch.StartNew();
        var count = 0;
        var documents = 0;
        while (clock.Elapsed < Budget)
        {
            var mutant = Mutate(random);
            var name = random.Next(2) == 0 ? "fuzz.txt" : "fuzz.html";
            var failure = Check(mutant, name, out var hadDocument);
            if (failure is not null)
            {
                var saved = Path.Combine(Path.GetTempPath(), $"policyextract-fuzz-{runSeed}-{count}{Path.GetExtension(name)}");
                File.WriteAllBytes(saved, mutant);
                Assert.Fail($"run seed {runSeed}, mutant {count} ({name}, {mutant.Length} bytes, saved as {saved}): {failure}\nreplay: POLICYEXTRACT_FUZZ_SEED={runSeed} dotnet test --filter {nameof(MutationFuzzTests)}");
            }

            count++;
            documents += hadDocument ? 1 : 0;
        }

        output.WriteLine($"{count} mutants in {clock.Elapsed.TotalSeconds:0.0} s, {documents} gave a document");
        Assert.True(count >= 20, $"only {count} mutants ran in the budget");
    }

    /// <summary>Null when the input passes; otherwise what went wrong.</summary>
    private static string? Check(byte[] bytes, string name, out bool hadDocument)
    {
        hadDocument = false;
        var first = Run(bytes, name);
        if (first.Failure is not null)
        {
            return first.Failure;
        }

        hadDocument = first.Json is not null;
        if (first.Json is { } json && OutputSchema.Published.Validate(json, name) is { IsEmpty: false } violations)
        {
            return "schema violations: " + string.Join("; ", violations);
        }

        var second = Run(bytes, name);
        return second.Failure ?? (second.Json == first.Json ? null : "not deterministic: the same bytes gave different JSON");
    }

    /// <summary>The pipeline on its own thread, watched: an exception or a hang is a failure, never a lost test run.</summary>
    private static (string? Json, string? Failure) Run(byte[] bytes, string name)
    {
        (string? Json, string? Failure) outcome = (null, "did not finish");
        var thread = new Thread(
            () =>
            {
                try
                {
                    var result = Repo.Pipeline.Process(bytes, name);
                    outcome = (result.Document is { } d ? Encoding.UTF8.GetString(PolicyJson.Serialize(d)) : null, null);
                    if (result.Diagnostics.Any(d => d.File != name))
                    {
                        outcome = (null, "a diagnostic names another file");
                    }
                }
                catch (Exception e)
                {
                    outcome = (null, "exception escaped: " + e);
                }
            },
            maxStackSize: 1024 * 1024) { IsBackground = true };
        thread.Start();
        if (!thread.Join(PerInput))
        {
            // The thread cannot be stopped; it is a background thread and the run fails with the input saved.
            return (null, $"hang: no result after {PerInput.TotalSeconds:0} s");
        }

        return outcome;
    }

    private static byte[] Mutate(Random random)
    {
        var corpus = Corpus.Value;
        var data = new List<byte>(corpus[random.Next(corpus.Count)]);
        var steps = 1 + random.Next(8);
        for (var i = 0; i < steps; i++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
            switch (random.Next(9))
            {
                case 0: // flip bits of a few bytes
                    for (var k = 0; k < 1 + random.Next(4) && data.Count > 0; k++)
                    {
                        var p = random.Next(data.Count);
                        data[p] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1: // set a random byte
                    if (data.Count > 0)
                    {
                        data[random.Next(data.Count)] = (byte)random.Next(256);
                    }

                    break;
                case 2: // delete a span
                    {
                        var length = Math.Min(data.Count - Math.Min(at, data.Count), random.Next(1, 400));
                        data.RemoveRange(Math.Min(at, data.Count), Math.Max(0, length));
                        break;
                    }

                case 3: // duplicate a span, possibly many times
                    if (data.Count > 0)
                    {
                        var from = random.Next(data.Count);
                        var span = data.GetRange(from, Math.Min(data.Count - from, random.Next(1, 300)));
                        var times = random.Next(10) == 0 ? random.Next(2, 200) : 1;
                        for (var t = 0; t < times; t++)
                        {
                            data.InsertRange(at, span);
                        }
                    }

                    break;
                case 4: // splice in a span of another seed
                    {
                        var other = corpus[random.Next(corpus.Count)];
                        var from = random.Next(other.Length);
                        data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, random.Next(1, 2000))).ToArray());
                        break;
                    }

                case 5:
                case 6: // insert a label, numeral, unit, cue or tag, UTF-8 or now and then GB18030
                    {
                        var word = Insertions[random.Next(Insertions.Length)];
                        var encoding = random.Next(20) == 0 ? Encoding.GetEncoding(54936) : Encoding.UTF8;
                        data.InsertRange(at, encoding.GetBytes(word));
                        break;
                    }

                case 7: // truncate
                    if (data.Count > 0)
                    {
                        data.RemoveRange(at == data.Count ? data.Count - 1 : at, data.Count - (at == data.Count ? data.Count - 1 : at));
                    }

                    break;
                default: // nest: wrap a span in many tags or labels
                    {
                        var open = random.Next(2) == 0 ? "<div>" : "<b><i>";
                        var depth = random.Next(1, 2000);
                        data.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth))));
                        break;
                    }
            }
        }

        return [.. data];
    }

    static MutationFuzzTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
