using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyExtract.Corpus;

/// <summary>One generated document: its file name (may hold spaces and Chinese) and its bytes as written.</summary>
public sealed record GeneratedFile(string Name, byte[] Bytes);

/// <summary>
/// Makes any number of realistic policy documents from a few templates (the seeds): each copy renumbered after its
/// clauses are shuffled within their parent, its amounts, percentages and place names varied, and written as plain text
/// in UTF-8 (with or without BOM), GB18030 or UTF-16, LF or CRLF, or as a government-style HTML page in UTF-8 or GBK.
/// Deterministic: the same templates, count and seed give the same files, byte for byte, on any machine.
/// </summary>
/// <remarks>
/// Numbering is recognised here with a small table of its own (一、（一）1.（1）① 第X章 第X条), not with the extractor's
/// grammar: a corpus made by the code under test would only test that code against itself.
/// </remarks>
public sealed class CorpusGenerator
{
    private static readonly string[] Places =
    [
        "江北新区", "高新区", "经开区", "滨湖区", "相城区", "鼓楼区", "秦淮区", "龙华区", "南山区", "福田区",
        "武侯区", "天河区", "余杭区", "萧山区", "江宁区", "思明区", "市南区", "历下区", "雁塔区", "岳麓区",
    ];

    /// <summary>Place names the templates use, replaced by one of <see cref="Places"/> per copy.</summary>
    private static readonly string[] TemplatePlaces =
        ["光明区", "玄武区", "盐湖区", "修水县", "柳河县", "常州市", "南京市", "深圳市", "运城市"];

    private static readonly double[] AmountFactors = [0.5, 0.8, 1, 1, 1.5, 2, 3];

    private static readonly Regex Money = new(@"(?<n>[0-9]{1,7}(\.[0-9]{1,4})?)(?<u>亿元|万元|元)", RegexOptions.NonBacktracking);
    private static readonly Regex Percent = new(@"(?<n>[0-9]{1,3})(?<u>%)", RegexOptions.NonBacktracking);

    private readonly IReadOnlyList<(string Stem, string[] Lines)> _templates;

    public CorpusGenerator(IEnumerable<string> templateFiles)
    {
        _templates = [.. templateFiles.Order(StringComparer.Ordinal).Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllText(f).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')))];
        if (_templates.Count == 0)
        {
            throw new ArgumentException("no templates", nameof(templateFiles));
        }
    }

    static CorpusGenerator() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public IEnumerable<GeneratedFile> Generate(int count, int seed)
    {
        for (var i = 0; i < count; i++)
        {
            // Not HashCode.Combine: it is seeded per process, and the corpus must be the same on every run.
            yield return Make(i, new Random(unchecked((seed * 1_000_003) + i)));
        }
    }

    /// <summary>Writes the corpus into <paramref name="directory"/> (created), spread over subfolders of 500.</summary>
    public long WriteTo(string directory, int count, int seed)
    {
        long bytes = 0;
        var index = 0;
        foreach (var file in Generate(count, seed))
        {
            var folder = Path.Combine(directory, (index++ / 500).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, file.Name), file.Bytes);
            bytes += file.Bytes.Length;
        }

        return bytes;
    }

    private GeneratedFile Make(int index, Random random)
    {
        var (stem, lines) = _templates[random.Next(_templates.Count)];
        var place = Places[random.Next(Places.Length)];
        var (root, straight) = Parse(lines);
        var text = string.Join('\n', Renumber(Shuffle(root, random), straight).Select(line => Vary(line, place, random)));
        var name = $"{index:D5}_{place}{(random.Next(10) == 0 ? " 修订稿" : "")}_{stem.Split('_')[0]}";
        return random.Next(10) switch
        {
            < 3 => new GeneratedFile(name + ".html", Html(text, random)),
            _ => new GeneratedFile(name + ".txt", Plain(text, random)),
        };
    }

    // ---- Clause tree: just enough to shuffle siblings and renumber them ------------------------------------------------

    private enum Scheme { Chapter, Article, ArticleArabic, Han, ParenHan, Arabic, ParenArabic, Circled }

    private sealed class Node(Scheme? scheme, string label, string rest, string prefix = "")
    {
        /// <summary>What Word conversion left before the label ([bookmark: OLE_LINK1]), kept where it was.</summary>
        public string Prefix { get; } = prefix;

        public Scheme? Scheme { get; } = scheme;

        public string Label { get; } = label;

        public string Rest { get; } = rest;

        public List<string> Continuation { get; } = [];

        public List<Node> Children { get; } = [];
    }

    private static readonly (Scheme Scheme, Regex Pattern)[] Labels =
    [
        (Scheme.Chapter, new Regex(@"^\s*(第[一二三四五六七八九十百]{1,4}章)", RegexOptions.NonBacktracking)),
        (Scheme.Article, new Regex(@"^\s*(第[一二三四五六七八九十百]{1,4}条)", RegexOptions.NonBacktracking)),
        (Scheme.ArticleArabic, new Regex(@"^\s*(第 ?[0-9]( ?[0-9]){0,2} ?条)", RegexOptions.NonBacktracking)), // 第 1 0 条, as converted PDFs space it
        (Scheme.Han, new Regex(@"^\s*([一二三四五六七八九十]{1,3} ?、)", RegexOptions.NonBacktracking)),
        (Scheme.ParenHan, new Regex(@"^\s*([（(][一二三四五六七八九十]{1,3}[）)])", RegexOptions.NonBacktracking)),
        (Scheme.Arabic, new Regex(@"^\s*([0-9]{1,2}[.．、])([^0-9]|$)", RegexOptions.NonBacktracking)),
        (Scheme.ParenArabic, new Regex(@"^\s*([（(][0-9]{1,2}[）)])", RegexOptions.NonBacktracking)),
        (Scheme.Circled, new Regex(@"^\s*([①-⑳])", RegexOptions.NonBacktracking)),
    ];

    private static readonly Regex Bookmark = new(@"^(\[bookmark: [^\]]{1,40}\])*", RegexOptions.NonBacktracking);

    /// <summary>
    /// The clause tree of a template, and the schemes it numbers straight through the document rather than from 1
    /// under each parent (（一）…（九） under 二、, then （十） under 三、): those whose first clause under a later parent
    /// is not number one.
    /// </summary>
    private static (Node Root, HashSet<Scheme> Straight) Parse(string[] lines)
    {
        var root = new Node(null, "", "");
        var path = new List<Node> { root };
        var rank = new List<Scheme>();
        var straight = new HashSet<Scheme>();
        foreach (var written in lines)
        {
            var prefix = Bookmark.Match(written).Value;
            var line = written[prefix.Length..];
            var match = Labels.Select(l => (l.Scheme, Match: l.Pattern.Match(line))).FirstOrDefault(l => l.Match.Success);
            if (match.Match is not { Success: true } m)
            {
                path[^1].Continuation.Add(written);
                continue;
            }

            // Schemes rank in order of first appearance, as policies nest them.
            var seen = rank.Contains(match.Scheme);
            if (!seen)
            {
                rank.Add(match.Scheme);
            }

            var depth = rank.IndexOf(match.Scheme) + 1;
            while (path.Count > depth)
            {
                path.RemoveAt(path.Count - 1);
            }

            var label = m.Groups[1].Value;
            if (seen && path[^1].Children.Count == 0 && label.Replace(" ", "", StringComparison.Ordinal).Trim('第', '章', '条', '（', '）', '(', ')', '、', '.', '．') is not ("一" or "1" or "①"))
            {
                straight.Add(match.Scheme);
            }

            var node = new Node(match.Scheme, label, line[(m.Groups[1].Index + m.Groups[1].Length)..], prefix);
            path[^1].Children.Add(node);
            path.Add(node);
        }

        return (root, straight);
    }

    /// <summary>Half the sibling groups are shuffled; a group's last clause (附则, 施行) stays last.</summary>
    private static Node Shuffle(Node node, Random random)
    {
        foreach (var child in node.Children)
        {
            Shuffle(child, random);
        }

        if (node.Children.Count > 2 && random.Next(2) == 0)
        {
            var movable = node.Children.Take(node.Children.Count - 1).OrderBy(_ => random.Next()).ToList();
            node.Children.RemoveRange(0, movable.Count);
            node.Children.InsertRange(0, movable);
        }

        return node;
    }

    /// <summary>
    /// Clauses are numbered again in their new order: from 1 under each parent, or straight through the document for the
    /// schemes in <paramref name="straight"/>.
    /// </summary>
    private static IEnumerable<string> Renumber(Node root, HashSet<Scheme> straight)
    {
        var counters = new Dictionary<Scheme, int>();
        return [.. root.Continuation, .. Children(root)];

        IEnumerable<string> Children(Node parent)
        {
            for (var i = 0; i < parent.Children.Count; i++)
            {
                var child = parent.Children[i];
                var scheme = child.Scheme!.Value;
                var number = straight.Contains(scheme) ? counters[scheme] = counters.GetValueOrDefault(scheme) + 1 : i + 1;
                yield return child.Prefix + Format(scheme, number) + child.Rest;
                foreach (var line in child.Continuation.Concat(Children(child)))
                {
                    yield return line;
                }
            }
        }
    }

    private static string Format(Scheme scheme, int n) => scheme switch
    {
        Scheme.Chapter => $"第{Han(n)}章",
        Scheme.Article => $"第{Han(n)}条",
        Scheme.ArticleArabic => $"第 {n} 条",
        Scheme.Han => $"{Han(n)}、",
        Scheme.ParenHan => $"（{Han(n)}）",
        Scheme.Arabic => $"{n}.",
        Scheme.ParenArabic => $"（{n}）",
        _ => ((char)('①' + Math.Min(n, 20) - 1)).ToString(),
    };

    private static string Han(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
        };
    }

    // ---- Wording --------------------------------------------------------------------------------------------------------

    private static string Vary(string line, string place, Random random)
    {
        foreach (var name in TemplatePlaces)
        {
            line = line.Replace(name, place, StringComparison.Ordinal);
        }

        line = Money.Replace(line, m =>
        {
            var value = decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) * (decimal)AmountFactors[random.Next(AmountFactors.Length)];
            return decimal.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) + m.Groups["u"].Value;
        });
        return Percent.Replace(line, m => (random.Next(1, 21) * 5).ToString(CultureInfo.InvariantCulture) + m.Groups["u"].Value);
    }

    // ---- Formats and encodings ----------------------------------------------------------------------------------------

    private static byte[] Plain(string text, Random random)
    {
        if (random.Next(5) == 0)
        {
            text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        return random.Next(10) switch
        {
            < 5 => Encoding.UTF8.GetBytes(text),
            5 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            < 9 => Encoding.GetEncoding(54936).GetBytes(text),
            _ => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        };
    }

    private static byte[] Html(string text, Random random)
    {
        var gbk = random.Next(3) == 0;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html><head><meta charset=\"").Append(gbk ? "gbk" : "utf-8").Append("\"><title>政策文件</title>\n")
            .Append("<style>.nav{color:#333}</style><script>var _hmt = _hmt || [];</script></head>\n<body>\n")
            .Append("<div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href=\"/zcwj/\">政策文件</a></div>\n<div class=\"TRS_Editor\">\n");
        foreach (var line in text.Split('\n'))
        {
            page.Append("<p style=\"text-indent:2em\">").Append(System.Net.WebUtility.HtmlEncode(line)).Append("</p>\n");
        }

        page.Append("</div>\n<div class=\"footer\">主办单位：区人民政府办公室</div>\n</body></html>\n");
        return (gbk ? Encoding.GetEncoding(936) : Encoding.UTF8).GetBytes(page.ToString());
    }
}
