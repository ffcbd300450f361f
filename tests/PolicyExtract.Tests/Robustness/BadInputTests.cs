using System.Diagnostics;
using System.Text;
using PolicyExtract.Output;
using PolicyExtract.Pipeline;
using PolicyExtract.Tests.TestSupport;
using PolicyExtract.Validation;

namespace PolicyExtract.Tests.Robustness;

/// <summary>
/// Issue 6: one bad file never stops the run. Every bad input is generated here (none is committed); each gives a result,
/// never an exception, with a diagnostic naming the file (and the line, where a line makes sense), and whatever policy
/// can still be read is extracted.
/// </summary>
public sealed class BadInputTests
{
    static BadInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly byte[] Seed000 = File.ReadAllBytes(Repo.Seed("000"));

    private static ExtractionResult Process(byte[] bytes, string name) => Repo.Pipeline.Process(bytes, name);

    private static List<string> Paths(ExtractionResult result) =>
        [.. result.Document!.Clauses.SelectMany(c => c.DescendantsAndSelf()).Select(c => c.Path)];

    /// <summary>The only diagnostic is an error with this code, about the file as a whole; no document.</summary>
    private static void AssertRefused(ExtractionResult result, string name, string code, params string[] args)
    {
        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((code, name, (Diagnostics.SourceSpan?)null), (diagnostic.Code, diagnostic.File, diagnostic.Span));
        Assert.Equal(Diagnostics.Severity.Error, diagnostic.Severity);
        if (args.Length > 0)
        {
            Assert.Equal(args, diagnostic.Args.ToArray());
        }
    }

    /// <summary>The document validates against the published schema, as every written output must.</summary>
    private static void AssertSchemaValid(ExtractionResult result)
    {
        var json = Encoding.UTF8.GetString(PolicyJson.Serialize(result.Document!));
        Assert.Empty(OutputSchema.Published.Validate(json, result.File));
    }

    [Theory]
    [InlineData("empty.txt")]
    [InlineData("empty.html")]
    public void An_empty_file_is_IN001(string name) => AssertRefused(Process([], name), name, "IN001");

    [Fact]
    public void A_file_of_only_whitespace_and_a_bom_is_IN001() =>
        AssertRefused(Process([0xEF, 0xBB, 0xBF, .. "\r\n \t\u3000\n"u8.ToArray(), .. Encoding.UTF8.GetBytes("\u3000\r\n")], "blank.txt"), "blank.txt", "IN001");

    public static TheoryData<string, byte[], string> BinaryFiles => new()
    {
        { "logo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], "a PNG image" },
        { "draft.txt", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0], "a ZIP/Office file (.docx, .xlsx, .odt, ...)" },
        { "tool.html", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0], "an ELF executable" },
        { "random.txt", RandomBytes(6, 4096), "binary data: contains NUL bytes" },
        { "random.html", RandomBytes(7, 4096), "binary data: contains NUL bytes" },
    };

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(BinaryFiles))]
    public void A_binary_file_is_IN002_saying_what_it_looks_like(string name, byte[] bytes, string looksLike) =>
        AssertRefused(Process(bytes, name), name, "IN002", looksLike);

    [Fact]
    public void Random_bytes_without_nul_or_control_bytes_are_refused_or_read_never_thrown()
    {
        // High bytes only: no signature, no NUL, no control bytes, so this reaches the encoding guessers.
        var random = new Random(8);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(1, 3000)];
            random.NextBytes(bytes);
            for (var k = 0; k < bytes.Length; k++)
            {
                bytes[k] |= 0x80;
            }

            var result = Process(bytes, "noise.txt");
            Assert.All(result.Diagnostics, d => Assert.Equal("noise.txt", d.File));
            Assert.True(result.Document is not null || result.Diagnostics.Any(d => d.Code is "IN003" or "IN005"), string.Join('\n', result.Diagnostics));
        }
    }

    [Fact]
    public void A_file_cut_in_the_middle_of_a_character_is_read_with_IN008_on_its_last_line()
    {
        var text = Encoding.UTF8.GetString(Seed000).TrimEnd();
        var full = Encoding.UTF8.GetBytes(text);
        var cut = full[..^1]; // the last character is 3 bytes of UTF-8: keep two of them
        Assert.True(full[^1] >= 0x80 && full[^2] >= 0x80);

        var result = Process(cut, "cut.txt");

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "IN008");
        Assert.Equal(("cut.txt", "1", text.Split('\n').Length), (warning.File, string.Join(',', warning.Args), warning.Span!.Value.Line));
        Assert.Equal(Paths(Repo.ExtractSeed("000")), Paths(result));
    }

    [Fact]
    public void Stray_invalid_bytes_in_the_middle_give_IN008_at_their_line_and_the_policy_is_still_extracted()
    {
        var lines = Encoding.UTF8.GetString(Seed000).Split('\n');
        var before = Encoding.UTF8.GetBytes(string.Join('\n', lines[..30]));
        byte[] bytes = [.. before, 0xFF, 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\n" + string.Join('\n', lines[30..]))];

        var result = Process(bytes, "stray.txt");

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "IN008");
        Assert.Equal(("stray.txt", 30), (warning.File, warning.Span!.Value.Line));
        Assert.Equal(Paths(Repo.ExtractSeed("000")), Paths(result));
        Assert.Equal(Repo.ExtractSeed("000").Document!.Rules.Length, result.Document!.Rules.Length);
    }

    [Fact]
    public void A_utf8_file_with_a_pasted_gbk_paragraph_reads_each_line_in_its_encoding_with_IN014()
    {
        var lines = Encoding.UTF8.GetString(Seed000).Split('\n');
        const string Pasted = "本段落由旧系统以国标码保存，对获得专利的企业给予每件一万元资助。";
        byte[] bytes =
        [
            .. Encoding.UTF8.GetBytes(string.Join('\n', lines[..22]) + "\n"),
            .. Encoding.GetEncoding("GBK").GetBytes(Pasted + "\n"),
            .. Encoding.UTF8.GetBytes(string.Join('\n', lines[22..])),
        ];

        var result = Process(bytes, "mixed.txt");

        // Before: IN003 for the whole file ("cannot be decoded as UTF-8, UTF-16 or GB18030"), the policy lost.
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "IN014");
        Assert.Equal(("mixed.txt", "1", 23), (warning.File, string.Join(',', warning.Args), warning.Span!.Value.Line));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "IN008");
        Assert.Equal("utf-8", result.Document!.Document.Source.Encoding);
        Assert.Contains(result.Document.Clauses.SelectMany(c => c.DescendantsAndSelf()), c => c.Text.Contains(Pasted, StringComparison.Ordinal));
        Assert.Equal(Paths(Repo.ExtractSeed("000")), Paths(result));
    }

    [Fact]
    public void A_whole_gbk_file_is_still_gb18030_not_mixed()
    {
        var result = Process(Encoding.GetEncoding("GBK").GetBytes(Encoding.UTF8.GetString(Seed000)), "gbk.txt");
        Assert.Equal("gb18030", result.Document!.Document.Source.Encoding);
        Assert.Empty(result.Diagnostics.Where(d => d.Code.StartsWith("IN", StringComparison.Ordinal)));
    }

    [Fact]
    public void Numbering_that_goes_backwards_is_kept_as_written_with_ST003_at_the_line()
    {
        const string Text = "某区促进产业发展若干措施\n三、支持企业发展\n（一）对企业给予10万元奖励。\n一、支持人才\n（二）对人才给予5万元奖励。\n第十条 对企业给予1万元奖励。\n第二条 对企业给予2万元奖励。\n";

        var result = Process(Encoding.UTF8.GetBytes(Text), "backwards.txt");

        var backwards = result.Diagnostics.Where(d => d.Code == "ST003").Select(d => (d.File, d.Span!.Value.Line, string.Join(',', d.Args))).ToList();
        Assert.Equal([("backwards.txt", 4, "3,1"), ("backwards.txt", 7, "10,2")], backwards);
        Assert.Equal(["3", "3.1", "1", "1.2", "10", "2"], Paths(result));
        Assert.Equal([100000m, 50000m, 10000m, 20000m], result.Document!.Rules.Select(r => r.Amount.Value!.Value));
        AssertSchemaValid(result);
    }

    [Fact]
    public void Absurd_numbers_are_exact_or_left_out_with_IN015_never_wrong_and_never_thrown()
    {
        var text = string.Join('\n',
            "某区促进产业发展若干措施",
            "一、支持企业发展",
            "（一）对企业给予99999999999亿元奖励。",
            "（二）对企业给予一千亿亿万元奖励。",
            "（三）对企业给予1e400元奖励。",
            $"（四）对企业给予{new string('9', 500)}元奖励。",
            "（五）按0.0000000001%给予补贴，最高100万元。",
            $"（六）按1{new string('0', 30)}%给予补贴。",
            $"（七）对企业给予最高{new string('9', 31)}万元奖励。",
            "（八）对企业给予0.00000000000000000000000000001元奖励。");

        var result = Process(Encoding.UTF8.GetBytes(text), "absurd.txt");

        var rules = result.Document!.Rules.ToDictionary(r => r.Clause);
        Assert.Equal(9_999_999_999_900_000_000m, rules["1.1"].Amount.Value);
        Assert.Equal(100_000_000_000_000_000_000_000m, rules["1.2"].Amount.Value);
        Assert.Equal(0.000000000001m, rules["1.5"].Amount.Ratio);
        // 1e400 is not a figure of the grammar: a numeral touching a Latin letter is a code (ISO56005, 5G).
        Assert.Equal(["1.1", "1.2", "1.5"], rules.Keys.Order(StringComparer.Ordinal));
        var tooLarge = result.Diagnostics.Where(d => d.Code == "IN015").Select(d => (d.File, d.Span!.Value.Line, d.Args[0])).ToList();
        Assert.Equal(
        [
            ("absurd.txt", 6, new string('9', 24) + "…"),
            ("absurd.txt", 8, "1" + new string('0', 23) + "…"),
            ("absurd.txt", 9, new string('9', 24) + "…"),
            ("absurd.txt", 10, "0.0000000000000000000000…"),
        ], tooLarge);
        Assert.All(result.Diagnostics.Where(d => d.Code == "IN015"), d => Assert.Equal(Diagnostics.Severity.Warning, d.Severity));
        AssertSchemaValid(result);
    }

    [Fact]
    public void Deeply_nested_html_is_flattened_below_512_levels_with_IN013_and_finishes_quickly()
    {
        const int Depth = 100_000;
        var page = new StringBuilder("<html><body>\n<p>某区若干措施</p>\n");
        page.Insert(page.Length, "<div>", Depth).Append("\n<p>一、支持企业</p><p>（一）对企业给予10万元奖励。</p>\n");
        page.Insert(page.Length, "</div>", Depth).Append("\n<p>（二）对人才给予5万元奖励。</p>\n");
        page.Insert(page.Length, "<div><span><b>", Depth).Append("\n</body></html>");

        var clock = Stopwatch.StartNew();
        var result = Process(Encoding.UTF8.GetBytes(page.ToString()), "deep.html");
        clock.Stop();

        // Before: AngleSharp's tree builder is quadratic in nesting depth (106 s for 100 000 <div> alone).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "IN013");
        Assert.Equal(("deep.html", "512", 3), (warning.File, string.Join(',', warning.Args), warning.Span!.Value.Line));
        Assert.Equal(["1", "1.1", "1.2"], Paths(result));
        Assert.Equal([100000m, 50000m], result.Document!.Rules.Select(r => r.Amount.Value!.Value));
        AssertSchemaValid(result);
    }

    [Fact]
    public void Html_nested_within_the_limit_is_left_alone()
    {
        var page = "<p>某区若干措施</p>" + string.Concat(Enumerable.Repeat("<div>", 500)) + "<p>一、支持企业</p><p>（一）对企业给予10万元奖励。</p>" + string.Concat(Enumerable.Repeat("</div>", 500));
        var result = Process(Encoding.UTF8.GetBytes(page), "deep.html");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "IN013");
        Assert.Equal(["1", "1.1"], Paths(result));
    }

    [Fact]
    public void Malformed_html_with_unclosed_tags_broken_entities_and_an_unclosed_script_still_extracts()
    {
        const string Page =
            "<html><body><div class=\"x><p>某区若干措施\">\n<p>某区若干措施<p>一、支持企业&amp &#99999999; &#x110000; &#0; &bogus; &#x;\n" +
            "<p>（一）对企业给予10万元奖励。<table><tr><td>1.<td>对个人给予5万元奖励。</table><div <p <<>> </p></i></b>\n" +
            "<p>（二）对人才给予<b><i>3万元</b></i>奖励。\n" +
            "<script>var clause = '（三）对企业给予900万元奖励。';\n<p>（四）不会出现。";

        var result = Process(Encoding.UTF8.GetBytes(Page), "broken.html");

        // The table row "1.\t对个人…" is an item of its own under （一）.
        Assert.Equal(["1", "1.1", "1.1.1", "1.2"], Paths(result));
        Assert.Equal([100000m, 50000m, 30000m], result.Document!.Rules.Select(r => r.Amount.Value!.Value));
        Assert.DoesNotContain(result.Document.Clauses.SelectMany(c => c.DescendantsAndSelf()), c => c.Text.Contains("900", StringComparison.Ordinal));
        AssertSchemaValid(result);
    }

    [Fact]
    public void A_path_with_spaces_and_chinese_characters_names_the_document_and_its_diagnostics()
    {
        using var temp = new TempFolder("policyextract-路径 ");
        var good = Path.Combine(temp.FullName, "政策 文件", "南京 市.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(good)!);
        File.Copy(Repo.Seed("000"), good);
        var bad = Path.Combine(temp.FullName, "政策 文件", "空 白.txt");
        File.WriteAllBytes(bad, []);

        var result = Repo.Pipeline.ProcessFile(good, "政策 文件/南京 市.txt");
        var empty = Repo.Pipeline.ProcessFile(bad, "政策 文件/空 白.txt");
        var missing = Repo.Pipeline.ProcessFile(Path.Combine(temp.FullName, "政策 文件", "没有 这个.txt"), "政策 文件/没有 这个.txt");

        Assert.Equal(("南京 市", "政策 文件/南京 市.txt"), (result.Document!.Document.Id, result.Document.Document.Source.Path));
        Assert.Equal(Paths(Repo.ExtractSeed("000")), Paths(result));
        AssertRefused(empty, "政策 文件/空 白.txt", "IN001");
        AssertRefused(missing, "政策 文件/没有 这个.txt", "IN006");
        Assert.Equal("政策 文件/空 白.txt: error IN001 the file is empty", empty.Diagnostics[0].ToString());
    }

    [Fact]
    public void A_long_clause_is_linear_not_quadratic()
    {
        // One clause of 4 MB, 60 000 grants. Before the fix, every segment filtered all of the clause's figures: 800 KB took
        // 4.4 s and 4 MB would take about two minutes; now about 4 s.
        var clause = string.Concat(Enumerable.Repeat("对获得国家级奖项的企业给予最高300万元奖励；", 4 * 1024 * 1024 / 66));
        var bytes = Encoding.UTF8.GetBytes("某区若干措施\n一、支持企业\n（一）" + clause + "\n");

        var clock = Stopwatch.StartNew();
        var result = Process(bytes, "long.txt");
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(4 * 1024 * 1024 / 66, result.Document!.Rules.Length);
        Assert.All(result.Document.Rules, r => Assert.Equal(3_000_000m, r.Amount.Value));
    }

    /// <summary>Found by <see cref="MutationFuzzTests"/> (run seed 12452128): a list piece with no word in it.</summary>
    [Fact]
    public void A_list_with_an_empty_item_does_not_crash_the_rule_extractor()
    {
        var result = Process(Encoding.UTF8.GetBytes("某区若干措施\n一、支持\n（一）对获得国家、\u3000、省级专利奖的企业给予10万元奖励。\n"), "fuzz.txt");

        // Before: IndexOutOfRangeException in ListExpander.Cross, which the batch turned into IN011 for the whole file.
        var rule = Assert.Single(result.Document!.Rules);
        Assert.Equal((100000m, "1.1"), (rule.Amount.Value, rule.Clause));
    }
}
