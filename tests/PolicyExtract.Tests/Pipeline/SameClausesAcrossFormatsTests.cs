using System.Net;
using System.Text;
using PolicyExtract.Output;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Pipeline;

/// <summary>A seed re-encoded or republished as a web page gives the clauses and metadata of the original.</summary>
public sealed class SameClausesAcrossFormatsTests
{
    static SameClausesAcrossFormatsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Seeds => new(Repo.SeedNumbers);

    internal static PolicyDocument Original(string seed) => Repo.ExtractSeed(seed).Document!;

    /// <summary>Clause identity without spans: spans point into each file's own bytes.</summary>
    internal static List<string> Clauses(PolicyDocument d) =>
        [.. d.Clauses.SelectMany(c => c.DescendantsAndSelf()).Select(c => $"{c.Path}|{c.Label}|{c.Level}|{c.Title}|{c.Text}")];

    /// <summary>
    /// The metadata as consumers see it (JSON), with the fields that describe the file itself set aside. Records holding
    /// ImmutableArray compare those arrays by reference, so their C# equality would not do.
    /// </summary>
    internal static string Metadata(PolicyDocument d) =>
        System.Text.Encoding.UTF8.GetString(PolicyJson.Serialize(d with
        {
            Document = d.Document with
            {
                Id = "",
                Source = new PolicyExtract.Metadata.SourceInfo("", "", "", "", null),
                Boundary = d.Document.Boundary is { } b ? b with { Evidence = b.Evidence is { } e ? e with { Start = 0, End = 0, Line = 1, TextLine = null } : null } : null,
                Constraints = [.. d.Document.Constraints.Select(c => c with { Evidence = c.Evidence with { Start = 0, End = 0, Line = 1, TextLine = null } })],
            },
            Clauses = [],
            Rules = [],
            Diagnostics = [],
        }));

    /// <summary>Every checkable field of every rule, and its evidence as read (offsets and markup differ between formats).</summary>
    internal static List<string> Rules(PolicyDocument d) =>
        [.. d.Rules.Select(r => $"{r.Id[r.Id.IndexOf('#')..]}|{string.Join('|', PolicyExtract.Validation.RuleFields.Of(r).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={string.Join(';', f.Value)}"))}|{WebUtility.HtmlDecode(r.Evidence.Text)}")];

    private static PolicyDocument Extract(byte[] bytes, string name)
    {
        var result = Repo.Pipeline.Process(bytes, name);
        Assert.True(result.Document is not null, string.Join('\n', result.Diagnostics));
        return result.Document!;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Gb18030_and_gbk_copies(string seed)
    {
        var text = File.ReadAllText(Repo.Seed(seed));
        foreach (var (codePage, name) in new[] { (54936, "gb18030"), (936, "gb18030") })
        {
            var copy = Extract(Encoding.GetEncoding(codePage).GetBytes(text), seed + ".txt");
            Assert.Equal(name, copy.Document.Source.Encoding);
            Assert.Equal(Clauses(Original(seed)), Clauses(copy));
            Assert.Equal(Metadata(Original(seed)), Metadata(copy));
            Assert.Equal(Rules(Original(seed)), Rules(copy));
            // Offsets count characters of the decoded text, so they do not move with the encoding.
            Assert.Equal(
                Original(seed).Clauses.SelectMany(c => c.DescendantsAndSelf()).Select(c => c.Span),
                copy.Clauses.SelectMany(c => c.DescendantsAndSelf()).Select(c => c.Span));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Utf16_bom_and_crlf_copies(string seed)
    {
        var text = File.ReadAllText(Repo.Seed(seed));
        var crlf = text.ReplaceLineEndings("\r\n");
        var copies = new (byte[] Bytes, string Encoding)[]
        {
            ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], "utf-8-bom"),
            ([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], "utf-16le"),
            ([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)], "utf-16be"),
            (Encoding.UTF8.GetBytes(crlf), "utf-8"),
        };
        foreach (var (bytes, encoding) in copies)
        {
            var copy = Extract(bytes, seed + ".txt");
            Assert.Equal(encoding, copy.Document.Source.Encoding);
            Assert.Equal(Clauses(Original(seed)), Clauses(copy));
        }

        // With CRLF every offset moves, but each span still covers the clause's label and the same line.
        var crlfCopy = Extract(Encoding.UTF8.GetBytes(crlf), seed + ".txt");
        foreach (var (a, b) in Original(seed).Clauses.SelectMany(c => c.DescendantsAndSelf()).Zip(crlfCopy.Clauses.SelectMany(c => c.DescendantsAndSelf())))
        {
            Assert.Equal(a.Span.Line, b.Span.Line);
            Assert.StartsWith(b.Label, crlf[b.Span.Start..b.Span.End], StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The seed as a government site would publish it: a page with scripts, navigation and footer chrome, each line a
    /// paragraph inside the article container, entities for some characters.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Html_copy(string seed)
    {
        var lines = File.ReadAllLines(Repo.Seed(seed));
        var body = new StringBuilder();
        foreach (var line in lines)
        {
            // Encode as a CMS would: &amp;-style entities for markup characters, a numeric reference for the first 二.
            var encoded = WebUtility.HtmlEncode(line);
            var two = encoded.IndexOf('二');
            encoded = two >= 0 ? encoded[..two] + "&#20108;" + encoded[(two + 1)..] : encoded;
            body.Append(line.Trim().Length == 0 ? "<p>&nbsp;</p>\n" : $"<p style=\"text-indent:2em\">{encoded}</p>\n");
        }

        var html = $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>政策文件</title>
            <script>var clause = "第九条（一）对获得专利的给予100万元";</script><style>p {"{ margin: 0 }"}</style></head>
            <body>
            <div class="nav"><a href="/">首页</a> &gt; <a href="/zcwj">政策文件</a></div>
            <div class="TRS_Editor">
            {body}</div>
            <div id="footer">主办单位：某某区人民政府　（一）版权所有</div>
            </body></html>
            """;
        var copy = Extract(Encoding.UTF8.GetBytes(html), seed + ".html");
        Assert.Equal("html", copy.Document.Source.Format);
        Assert.Equal(Clauses(Original(seed)), Clauses(copy));
        Assert.Equal(Metadata(Original(seed)), Metadata(copy));
        Assert.Equal(Rules(Original(seed)), Rules(copy));
        foreach (var clause in copy.Clauses.SelectMany(c => c.DescendantsAndSelf()).Where(c => c.Label.Length > 0))
        {
            // Spans point into the markup: decoded, it starts with the label as written.
            var markup = html[clause.Span.Start..clause.Span.End];
            Assert.StartsWith(clause.Label, WebUtility.HtmlDecode(markup), StringComparison.Ordinal);
        }
    }
}
