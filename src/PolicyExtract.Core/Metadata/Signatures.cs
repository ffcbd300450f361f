using System.Collections.Immutable;
using PolicyExtract.Grammar;
using PolicyExtract.Structure;

namespace PolicyExtract.Metadata;

/// <summary>
/// Reads who signed a document and when: the issuing bodies above the date of a signature block, one a line or several
/// on one line (<c>广州市医疗保障局 广州市财政局</c>, or run together once normalization has dropped the space between
/// them: <c>广州市民政局广州市财政局</c>), and a signature at the end of a paragraph that lost its line breaks
/// (<c>…请认真贯彻执行。 北京市财政局 北京市劳动和社会保障局 二○○七年九月二十四</c>).
/// </summary>
public static class Signatures
{
    private const int LookBack = 12;

    /// <summary>
    /// The bodies named by <paramref name="line"/> in order, or null when it is not only names of bodies. Names run
    /// together are split where a body's ending (局, 委员会, 人民政府 …) is followed by the start of another body's name
    /// (a place: 广州市…, 市…; or 中共…): 深圳市市场监督管理局光明监管局 stays one body.
    /// </summary>
    public static ImmutableArray<string>? Organisations(string line, DocumentLexicon lexicon)
    {
        var names = new List<string>();
        foreach (var piece in line.Split([' ', '\t', '\u3000', '、'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Split(piece, lexicon) is not { } parts)
            {
                return null;
            }

            names.AddRange(parts);
        }

        return names.Count > 0 ? [.. names] : null;
    }

    private static List<string>? Split(string text, DocumentLexicon lexicon) =>
        SplitRun(text, lexicon) ?? (LineShapes.IsOrganisation(text, lexicon) ? [text] : null);

    /// <summary>The shortest first name that leaves a remainder made of names, each starting like a body's name.</summary>
    private static List<string>? SplitRun(string text, DocumentLexicon lexicon)
    {
        for (var cut = 3; cut <= text.Length - 3; cut++)
        {
            var first = text[..cut];
            var rest = text[cut..];
            if (!LineShapes.IsOrganisation(first, lexicon) || !StartsLikeBody(rest))
            {
                continue;
            }

            if (Split(rest, lexicon) is { } more)
            {
                return [first, .. more];
            }
        }

        return null;
    }

    /// <summary>A place name (…省, …市, …县, …区) or a party/state prefix opens the name of another body.</summary>
    private static bool StartsLikeBody(string text)
    {
        if (text.StartsWith("中共", StringComparison.Ordinal) || text.StartsWith("中国", StringComparison.Ordinal)
            || text.StartsWith("国家", StringComparison.Ordinal) || text.StartsWith("共青团", StringComparison.Ordinal)
            || text[0] is '市' or '区' or '县' or '省')
        {
            return true;
        }

        var window = text.AsSpan(0, Math.Min(8, text.Length));
        return window[1..].IndexOfAny("省市县区州盟旗") >= 0;
    }

    /// <summary>
    /// The signature that ends at <paramref name="dateLine"/> of <paramref name="lines"/>: the bodies on the lines just
    /// above it and on the date line before the date, and the date. A line that says it was printed (…印发) names
    /// the printing office, not a signer.
    /// </summary>
    public static (ImmutableArray<string> Issuers, WrittenDate Date)? At(IReadOnlyList<string> lines, int dateLine, DocumentLexicon lexicon)
    {
        var line = lines[dateLine];
        if (Trailing(line, lexicon) is not var (onLine, date))
        {
            return null;
        }

        if (line.EndsWith("印发", StringComparison.Ordinal) || line.EndsWith('印'))
        {
            return ([], date);
        }

        var above = new List<string>();
        for (var k = dateLine - 1; k >= Math.Max(0, dateLine - LookBack); k--)
        {
            if (Organisations(lines[k], lexicon) is not { } names)
            {
                break;
            }

            above.InsertRange(0, names);
        }

        return ([.. above, .. onLine], date);
    }

    /// <summary>
    /// A line that ends with a date, and the bodies written just before it on the same line (none when the line is only
    /// a date). The 日 may be missing at the very end (二○○七年九月二十四).
    /// </summary>
    public static (ImmutableArray<string> Issuers, WrittenDate Date)? Trailing(string line, DocumentLexicon lexicon)
    {
        var trimmed = line.TrimEnd();
        foreach (var suffix in new[] { "印发", "发布", "印" })
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                trimmed = trimmed[..^suffix.Length];
                break;
            }
        }

        var dates = DateReader.FindAll(trimmed).ToList();
        if (dates.Count == 0 && !trimmed.EndsWith('日') && DateReader.First(trimmed + "日") is { } unfinished && unfinished.Index + unfinished.Length == trimmed.Length + 1)
        {
            dates.Add(unfinished with { Length = unfinished.Length - 1, Text = unfinished.Text[..^1] });
        }

        if (dates.Count == 0 || dates[^1].Index + dates[^1].Length != trimmed.Length)
        {
            return null;
        }

        var date = dates[^1];
        var before = trimmed[..date.Index].TrimEnd();
        if (before.Length == 0)
        {
            return ([], date);
        }

        // Bodies at the end of what precedes the date, back to the last sentence mark: "…执行。 北京市财政局 北京市残联".
        var cut = before.LastIndexOfAny(['。', '；', '：', '！', '）']);
        if (cut == before.Length - 1)
        {
            return ([], date);
        }

        // The bodies at the end of the paragraph: space-separated names, or, where normalization has run them together
        // with what precedes them, two or more names that open with the same place (北京市财政局北京市残疾人联合会), which
        // is what tells where the first one starts.
        var tail = before[(cut + 1)..].Trim();
        var words = tail.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        var spaced = new List<string>();
        for (var w = words.Length - 1; w >= 0 && StartsLikeBody(words[w]) && Organisations(words[w], lexicon) is { } found; w--)
        {
            spaced.InsertRange(0, found);
        }

        if (spaced.Count > 0)
        {
            return ([.. spaced], date);
        }

        for (var from = 0; from < tail.Length - 5; from++)
        {
            if (StartsLikeBody(tail[from..]) && Organisations(tail[from..], lexicon) is { Length: >= 2 } names
                && names.All(n => n.AsSpan().StartsWith(names[0].AsSpan(0, 2))))
            {
                return (names, date);
            }
        }

        return null;
    }
}
