using System.Text.RegularExpressions;
using PolicyExtract.Grammar;

namespace PolicyExtract.Structure;

/// <summary>What a whole line looks like, for the parts of a policy that are not clauses: dates, signatures, doc numbers.</summary>
public static partial class LineShapes
{
    /// <summary>
    /// A date as policies write it: 2023年10月12日, 二〇二三年十月十二日 (the zero often typed as ○, U+25CB), and the
    /// placeholder 2024年x月x日.
    /// </summary>
    public const string DatePattern = @"(?<y>\d{4}|[〇○零一二三四五六七八九]{4})年(?<m>\d{1,2}|[一二三四五六七八九十]{1,3}|[xX×某*＊]{1,2})月(?<d>\d{1,2}|[一二三四五六七八九十]{1,3}|[xX×某*＊]{1,2})日";

    [GeneratedRegex("^" + DatePattern + "(印发|发布|印)?$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    // 玄政办〔2022〕31号, 深光府规〔2019〕14号; the brackets vary between typesetters.
    // A stray 年 after the year bracket (甘委发[2014]年1号) is a typing slip the genre makes.
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,12}[〔\[【（](\d{4})[〕\]】）]年?第?\d{1,5}号$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex DocNumberLine();

    // 国务院令第427号, 广东省人民政府令第181号, 国务院第427号令, 市政府令第183号.
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,16}(令第\d{1,5}号|第\d{1,5}号令)$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex DecreeNumberLine();

    /// <summary>Sentence-final punctuation: a line ending otherwise may have been broken by wrapping.</summary>
    public static bool EndsSentence(string line) =>
        line.Length > 0 && line[^1] is '。' or '；' or '！' or '？' or '：' or '…' or '.' or ';' or ':' or '!' or '?'
            || (line.Length > 1 && line[^1] is '”' or '’' or '」' or '』' && line[^2] is '。' or '！' or '？');

    public static bool IsDate(string line) => DateLine().IsMatch(line);

    public static bool IsDocNumber(string line) => DocNumberLine().IsMatch(line);

    /// <summary>The number of a government decree: 国务院令第427号, 广州市人民政府令第179号.</summary>
    public static bool IsDecreeNumber(string line) => DecreeNumberLine().IsMatch(line);

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

        // 公开方式：主动公开 is a printed element of the official document form (GB/T 9704), like 抄送.
        if (line.StartsWith("抄送", StringComparison.Ordinal) || line.StartsWith("抄报", StringComparison.Ordinal)
            || line.StartsWith("（此件", StringComparison.Ordinal) || line.StartsWith("此件", StringComparison.Ordinal)
            || line.StartsWith("公开方式", StringComparison.Ordinal))
        {
            return true;
        }

        // The 版记's printing line names the printing office, whatever its name ends with (…秘书处 2021年12月6日印发).
        if (line.EndsWith("印发", StringComparison.Ordinal) && TrailingDate().IsMatch(line))
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
