using System.Text;
using PolicyExtract.Output;
using PolicyExtract.Pipeline;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Robustness;

/// <summary>A folder of bad inputs among the five seeds: each bad file fails or warns alone, the seeds are untouched.</summary>
public sealed class BadFolderTests
{
    static BadFolderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Each bad input with the code it must report (an error, or a warning on a document that is still written).</summary>
    private static IEnumerable<(string Name, byte[] Bytes, string Code)> BadInputs()
    {
        var seed = File.ReadAllText(Repo.Seed("002"));
        var lines = seed.Split('\n');
        var random = new byte[2048];
        new Random(61).NextBytes(random);
        yield return ("bad/empty.txt", [], "IN001");
        yield return ("bad/logo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "IN002");
        yield return ("bad/random.html", random, "IN002");
        yield return ("bad/cut.txt", Encoding.UTF8.GetBytes(seed.TrimEnd())[..^1], "IN008");
        yield return ("bad/mixed.txt", [.. Encoding.UTF8.GetBytes(string.Join('\n', lines[..15]) + "\n"), .. Encoding.GetEncoding("GBK").GetBytes("对获得专利的企业给予每件一万元资助，最高不超过十万元。\n"), .. Encoding.UTF8.GetBytes(string.Join('\n', lines[15..]))], "IN014");
        yield return ("bad/one line.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("对企业给予最高300万元奖励，", 40_000))), "IN005");
        yield return ("bad/deep.html", Encoding.UTF8.GetBytes("<p>某区若干措施</p>" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + "<p>一、支持</p><p>（一）给予10万元奖励。</p>"), "IN013");
        yield return ("bad/backwards.txt", Encoding.UTF8.GetBytes("某区若干措施\n三、支持\n一、支持\n"), "ST003");
        yield return ("bad/absurd.txt", Encoding.UTF8.GetBytes($"某区若干措施\n一、支持\n（一）给予{new string('9', 500)}元奖励。\n"), "IN015");
        yield return ("bad/scan.pdf", "%PDF-1.4\n"u8.ToArray(), "IN022");
        yield return ("政策 文件/南京 市 空白.txt", "\n\n  \n"u8.ToArray(), "IN001");
    }

    [Fact]
    public void Every_seed_extracts_identically_among_bad_inputs()
    {
        using var temp = new TempFolder("policyextract-bad-folder-");
        var input = Path.Combine(temp.FullName, "in");
        Directory.CreateDirectory(input);
        foreach (var seed in Directory.GetFiles(Repo.Seeds))
        {
            File.Copy(seed, Path.Combine(input, Path.GetFileName(seed)));
        }

        var extractor = new BatchExtractor(Repo.Pipeline);
        var clean = extractor.ExtractAll([input]);
        var bad = BadInputs().ToList();
        foreach (var (name, bytes, _) in bad)
        {
            var path = Path.Combine(input, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        var mixed = extractor.ExtractAll([input]);

        Assert.Equal(5 + bad.Count, mixed.Length);
        foreach (var seed in clean)
        {
            var among = Assert.Single(mixed, r => r.File == seed.File);
            Assert.Equal(PolicyJson.Serialize(seed.Document!), PolicyJson.Serialize(among.Document!));

            // Alone, a drafting note cannot link to its policy; everything else is the same.
            var alone = Repo.Pipeline.ProcessFile(Path.Combine(input, Path.GetFileName(seed.File)), seed.File).Document!;
            var unlinked = among.Document! with
            {
                Document = among.Document.Document with { Explains = among.Document.Document.Explains is { } e ? e with { DocumentId = null } : null },
                Diagnostics = [.. among.Document.Diagnostics.Where(d => d.Code != "MD004")],
            };
            alone = alone with { Diagnostics = [.. alone.Diagnostics.Where(d => d.Code != "MD004")] };
            Assert.Equal(Encoding.UTF8.GetString(PolicyJson.Serialize(alone)), Encoding.UTF8.GetString(PolicyJson.Serialize(unlinked)));
        }

        foreach (var (name, _, code) in bad)
        {
            var display = input.Replace('\\', '/') + "/" + name;
            var result = Assert.Single(mixed, r => r.File == display);
            Assert.Contains(result.Diagnostics, d => d.Code == code && d.File == display);
            Assert.All(result.Diagnostics, d => Assert.Equal(display, d.File));
            Assert.DoesNotContain(result.Diagnostics, d => d.Code == "IN011"); // no internal error anywhere
            Assert.Equal(code is not ("IN008" or "IN013" or "IN014" or "IN015" or "ST003"), result.Failed);
        }
    }
}
