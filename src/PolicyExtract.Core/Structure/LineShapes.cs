using System.Text.RegularExpressions;
using PolicyExtract.Grammar;

namespace PolicyExtract.Structure;

/// <summary>What a whole line looks like, for the parts of a policy that are not clauses: dates, signatures, doc numbers.</summary>
public static partial class LineShapes
{
    /// <summary>A date as policies write it: 2023年10月12日, 二〇二三年十月十二日, and the placeholder 2024年x月x日.</summary>
    public const string DatePattern = @"(?<y>\d{4}|[〇零一二三四五六七八九]{4})年(?<m>\d{1,2}|[一二三四五六七八九十]{1,3}|[xX×某*＊]{1,2})月(?<d>\d{1,2}|[一二三四五六七八九十]{1,3}|[xX×某*＊]{1,2})日";

    [GeneratedRegex("^" + DatePattern + "(印发|发布|印)?$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    // 玄政办〔2022〕31号, 深光府规〔2019〕14号; the brackets vary between typesetters.
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,12}[〔\[【（](\d{4})[〕\]】）]第?\d{1,5}号$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex DocNumberLine();

    /// <summary>Sentence-final punctuation: a line ending otherwise may have been broken by wrapping.</summary>
    public static bool EndsSentence(string line) =>
        line.Length > 0 && line[^1] is '。' or '；' or '！' or '？' or '：' or '…' or '.' or ';' or ':' or '!' or '?'
            || (line.Length > 1 && line[^1] is '”' or '’' or '」' or '』' && line[^2] is '。' or '！' or '？');

    public static bool IsDate(string line) => DateLine().IsMatch(line);

    public static bool IsDocNumber(string line) => DocNumberLine().IsMatch(line);

    /// <summary>A short line naming an issuing body, with nothing else on it (深圳市光明区人民政府).</summary>
    public static bool IsOrganisation(string line, DocumentLexicon lexicon) =>
        line.Length is >= 3 and <= 40
            && !line.Any(c => c is '，' or '。' or '；' or '：' or '、' or '“' or '《')
            && lexicon.OrganisationEndings.Any(e => line.EndsWith(e, StringComparison.Ordinal));

    /// <summary>
    /// A line of the signature and distribution block that closes a document: issuer, date, 印发 line, 抄送, or a
    /// publication note such as （此件公开发布）.
    /// </summary>
    public static bool IsTrailer(string line, DocumentLexicon lexicon)
    {
        if (IsDate(line) || IsOrganisation(line, lexicon))
        {
            return true;
        }

        if (line.StartsWith("抄送", StringComparison.Ordinal) || line.StartsWith("抄报", StringComparison.Ordinal)
            || line.StartsWith("（此件", StringComparison.Ordinal) || line.StartsWith("此件", StringComparison.Ordinal))
        {
            return true;
        }

        return SplitSignature(line, lexicon) is { Organisation: not null };
    }

    [GeneratedRegex(DatePattern + "(印发|发布|印)?$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDate();

    /// <summary>
    /// A signature line, 玄武区人民政府办公室 2022年6月17日印发: the issuing body (null if the line is only a date) and the
    /// date text. Null when the line does not end with a date or what precedes the date is not a body's name.
    /// </summary>
    public static (string? Organisation, string Date)? SplitSignature(string line, DocumentLexicon lexicon)
    {
        var match = TrailingDate().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var before = line[..match.Index].TrimEnd();
        var date = line.Substring(match.Index, match.Groups["d"].Index + match.Groups["d"].Length + 1 - match.Index);
        return before.Length == 0 ? (null, date) : IsOrganisation(before, lexicon) ? (before, date) : null;
    }
}
