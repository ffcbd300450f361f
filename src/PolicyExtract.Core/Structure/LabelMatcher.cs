using PolicyExtract.Grammar;
using PolicyExtract.Numbers;

namespace PolicyExtract.Structure;

/// <summary>A clause label found at the start of a line: <c>（十二）</c> is scheme zh-paren, ordinal 12, length 4.</summary>
public sealed record LabelMatch(NumberingScheme Scheme, int Ordinal, int Length, string Label);

/// <summary>Finds clause labels at line starts, using the numbering schemes of the grammar. Thread-safe.</summary>
public sealed class LabelMatcher(PolicyGrammar grammar)
{
    private const string ChineseDigits = "〇零一二两三四五六七八九十百";

    // The characters a label may start with: the first of a template's prefix, or of its numeral when it has none.
    private readonly System.Buffers.SearchValues<char> _starts = System.Buffers.SearchValues.Create(string.Concat(
        grammar.Schemes.SelectMany(s => s.Templates).Select(t => t.Prefix.Length > 0 ? t.Prefix[..1] : t.Hole switch
        {
            NumeralHole.Circled => CircledChars,
            NumeralHole.Arabic => "0123456789",
            NumeralHole.Chinese => ChineseDigits,
            _ => "0123456789" + ChineseDigits,
        })));

    private static readonly string CircledChars = string.Concat(
        Enumerable.Range(0x2460, 20).Concat(Enumerable.Range(0x3251, 15)).Concat(Enumerable.Range(0x32B1, 15)).Select(c => (char)c));

    /// <summary>
    /// Whether a label may start with <paramref name="c"/>. Lets a caller that looks for labels inside a line skip almost
    /// every position without building a string.
    /// </summary>
    public bool CanStart(char c) => _starts.Contains(c);

    /// <summary>The label that starts <paramref name="line"/>, or null. Among schemes that match, the longest label wins.</summary>
    public LabelMatch? Match(string line)
    {
        LabelMatch? best = null;
        foreach (var scheme in grammar.Schemes)
        {
            foreach (var template in scheme.Templates)
            {
                if (TryTemplate(line, template, out var ordinal, out var length) && (best is null || length > best.Length))
                {
                    best = new LabelMatch(scheme, ordinal, length, line[..length]);
                }
            }
        }

        return best;
    }

    private static bool TryTemplate(string line, LabelTemplate template, out int ordinal, out int length)
    {
        ordinal = 0;
        length = 0;
        if (!line.StartsWith(template.Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var at = template.Prefix.Length;
        var numberStart = at;
        switch (template.Hole)
        {
            case NumeralHole.Circled:
                if (at >= line.Length || CircledValue(line[at]) is not { } circled)
                {
                    return false;
                }

                ordinal = circled;
                at++;
                break;
            default:
                var arabic = template.Hole is NumeralHole.Arabic or NumeralHole.ChineseOrArabic;
                var chinese = template.Hole is NumeralHole.Chinese or NumeralHole.ChineseOrArabic;
                if (arabic && at < line.Length && char.IsAsciiDigit(line[at]))
                {
                    while (at < line.Length && char.IsAsciiDigit(line[at]) && at - numberStart < 3)
                    {
                        at++;
                    }
                }
                else if (chinese)
                {
                    while (at < line.Length && ChineseDigits.Contains(line[at]) && at - numberStart < 6)
                    {
                        at++;
                    }
                }

                if (at == numberStart || !Numeral.TryParse(line.AsSpan(numberStart, at - numberStart), out var value) || value < 1 || value > 999 || value != decimal.Truncate(value))
                {
                    return false;
                }

                ordinal = (int)value;
                break;
        }

        if (!line.AsSpan(at).StartsWith(template.Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        at += template.Suffix.Length;

        // "1.5万元" is a figure, not item 1: a dot label must not be followed by a digit.
        if (template.Suffix is "." or "．" && at < line.Length && char.IsAsciiDigit(line[at]))
        {
            return false;
        }

        length = at;
        return true;
    }

    private static int? CircledValue(char c) => c switch
    {
        >= '\u2460' and <= '\u2473' => c - '\u2460' + 1, // ①..⑳
        >= '\u3251' and <= '\u325F' => c - '\u3251' + 21, // ㉑..㉟
        >= '\u32B1' and <= '\u32BF' => c - '\u32B1' + 36, // ㊱..㊿
        _ => null,
    };
}
