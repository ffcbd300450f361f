using System.Collections.Immutable;

namespace PolicyExtract.Numbers;

/// <summary>
/// Parses the numerals of Chinese policy text into exact <see cref="decimal"/> values.
/// </summary>
/// <remarks>
/// <para>Recognised forms:</para>
/// <list type="bullet">
/// <item>Arabic: <c>1.5</c>, <c>１２３</c>, <c>1,000,000</c>. Only the ASCII comma groups thousands, and only before
/// exactly three digits; <c>10，20</c> and <c>1,5</c> are two numbers.</item>
/// <item>Chinese: <c>十五</c>, <c>一百零五</c>, <c>两千</c>, <c>一亿二千万</c>, <c>一点五</c>, and digit by digit
/// <c>二〇二三</c> (three or more digits).</item>
/// <item>Financial: <c>壹拾伍万</c>, <c>伍佰</c>; trailing 元 or 整 are not part of the numeral.</item>
/// <item>Mixed: <c>3千万</c>, <c>1.5亿</c>, <c>200万</c>, <c>1亿2000万</c>.</item>
/// </list>
/// <para>The multipliers 十百千万亿 (拾佰仟萬億) belong to the numeral (<c>5万元</c> gives 50000 and leaves 元 to the
/// caller); a multiplier alone (<c>万</c>, <c>百</c>) is not a numeral, except <c>十</c> which is 10.</para>
/// <para>Debatable forms: <c>三万五</c> is 35000 and <c>一百五</c> is 150 (a digit right after a unit takes the next
/// place down, as these are read in Chinese), but <c>3万5</c> is 30000 followed by 5, because with Arabic digits
/// <c>3万5</c> (35000) and <c>1万2000</c> (12000) cannot be told apart. Approximate quantities such as <c>三四十万</c> or <c>两三千</c> are not numerals, and
/// <see cref="FindAll"/> skips them whole. Context words such as 余, 多, 几, 数 (<c>30余万</c>, <c>数十万</c>) are left
/// to the caller, as are signs: <c>-5</c> is the numeral 5 at offset 1.</para>
/// <para>Values are exact: a numeral decimal cannot represent exactly (beyond about 7.9×10^28, or needing more than 28
/// fraction digits) is not matched at all. No method throws, whatever the input.</para>
/// </remarks>
public static class Numeral
{
    private static readonly (string Prefix, int Exponent, decimal Denominator)[] RatioPrefixes =
        [("百分之", 2, 100m), ("千分之", 3, 1000m), ("万分之", 4, 10000m)];

    /// <summary>Parses the whole of <paramref name="text"/> as one numeral.</summary>
    /// <param name="text">The candidate numeral, without surrounding text.</param>
    /// <param name="value">The exact value, or 0 when the result is false.</param>
    /// <returns>False when <paramref name="text"/> is not a numeral or has anything left over.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        var result = NumeralScanner.Scan(text, 0);
        if (result.Outcome == ScanOutcome.Match && result.Length == text.Length)
        {
            value = result.Value;
            return true;
        }

        value = 0m;
        return false;
    }

    /// <summary>
    /// The longest numeral starting exactly at <paramref name="start"/>, or null. Context is the caller's business:
    /// the 一 of 统一 is a numeral here. Out-of-range positions and null text give null.
    /// </summary>
    /// <param name="text">The text to look in.</param>
    /// <param name="start">Offset where the numeral must begin.</param>
    public static NumeralMatch? MatchAt(string text, int start)
    {
        if (text is null)
        {
            return null;
        }

        var result = NumeralScanner.Scan(text, start);
        return result.Outcome == ScanOutcome.Match
            ? new NumeralMatch(start, result.Length, result.Value, result.Style)
            : null;
    }

    /// <summary>
    /// All maximal, non-overlapping numerals of <paramref name="text"/>, left to right. Percentages and fractions are
    /// not recognised as such here (百分之五十 yields the numeral 五十); use <see cref="TryParsePercent"/> and
    /// <see cref="TryParseFraction"/> at a position for those.
    /// </summary>
    /// <param name="text">The text to scan; null is treated as empty.</param>
    public static IReadOnlyList<NumeralMatch> FindAll(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ImmutableArray<NumeralMatch>.Empty;
        }

        var matches = ImmutableArray.CreateBuilder<NumeralMatch>();
        var i = 0;
        while (i < text.Length)
        {
            var result = NumeralScanner.Scan(text, i);
            switch (result.Outcome)
            {
                case ScanOutcome.Match:
                    matches.Add(new NumeralMatch(i, result.Length, result.Value, result.Style));
                    i += result.Length;
                    break;
                case ScanOutcome.Rejected or ScanOutcome.TooLarge:
                    i += result.Length;
                    break;
                default:
                    i++;
                    break;
            }
        }

        return matches.ToImmutable();
    }

    /// <summary>
    /// The numerals of <paramref name="text"/> too large (or with too many fraction digits) to be held exactly, which
    /// <see cref="FindAll"/> and every other method here skip: their start and length, left to right. A run touching a
    /// Latin letter is a code (an ID, a hash), not a figure, and is not listed.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> FindTooLarge(string text)
    {
        var found = new List<(int Start, int Length)>();
        var i = 0;
        while (i < text.Length)
        {
            var result = NumeralScanner.Scan(text, i);
            if (result.Outcome == ScanOutcome.TooLarge
                && !(i > 0 && char.IsAsciiLetter(text[i - 1])) && !(i + result.Length < text.Length && char.IsAsciiLetter(text[i + result.Length])))
            {
                found.Add((i, result.Length));
            }

            i += result.Outcome == ScanOutcome.None ? 1 : result.Length;
        }

        return found;
    }

    /// <summary>
    /// A percentage or other ratio starting at <paramref name="start"/>: <c>50%</c>, <c>50％</c>, <c>5‰</c>,
    /// <c>百分之五十</c>, <c>百分之十五点五</c>, <c>千分之三</c>, <c>万分之五</c>. The value is the ratio, not the
    /// number of percent: <c>50%</c> is 0.5, so it can multiply an amount directly. The style is that of the numeral
    /// inside.
    /// </summary>
    /// <param name="text">The text to look in.</param>
    /// <param name="start">Offset where the percentage must begin.</param>
    /// <param name="match">The percentage, covering its sign or prefix.</param>
    /// <returns>False when no percentage starts at <paramref name="start"/>.</returns>
    public static bool TryParsePercent(string text, int start, out NumeralMatch match)
    {
        match = default;
        if (text is null || start < 0 || start >= text.Length)
        {
            return false;
        }

        var prefixIndex = RatioPrefixIndex(text, start);
        NumeralMatch number;
        int exponent;
        int length;
        if (prefixIndex >= 0)
        {
            var (prefix, prefixExponent, _) = RatioPrefixes[prefixIndex];
            if (MatchAt(text, start + prefix.Length) is not { } inner)
            {
                return false;
            }

            (number, exponent, length) = (inner, prefixExponent, prefix.Length + inner.Length);
        }
        else
        {
            if (MatchAt(text, start) is not { } inner || inner.Length >= text.Length - start)
            {
                return false;
            }

            exponent = text[start + inner.Length] switch
            {
                '%' or '％' => 2,
                '‰' => 3,
                _ => 0,
            };
            if (exponent == 0)
            {
                return false;
            }

            (number, length) = (inner, inner.Length + 1);
        }

        if (!ExactNumber.FromDecimal(number.Value).ShiftRight(exponent).TryToDecimal(out var ratio))
        {
            return false;
        }

        match = new NumeralMatch(start, length, ratio, number.Style);
        return true;
    }

    /// <summary>
    /// A fraction starting at <paramref name="start"/>: <c>三分之一</c>, <c>3分之1</c>, <c>百分之五十</c> (50/100),
    /// <c>千分之三</c>, <c>万分之五</c>, or <c>一半</c> (1/2). The denominator must be a positive integer.
    /// </summary>
    /// <param name="text">The text to look in.</param>
    /// <param name="start">Offset where the fraction must begin.</param>
    /// <param name="match">The fraction.</param>
    /// <returns>False when no fraction starts at <paramref name="start"/>.</returns>
    public static bool TryParseFraction(string text, int start, out FractionMatch match)
    {
        match = default;
        if (text is null || start < 0 || start >= text.Length)
        {
            return false;
        }

        if (text.AsSpan(start).StartsWith("一半", StringComparison.Ordinal))
        {
            match = new FractionMatch(start, 2, 1m, 2m, 0.5m);
            return true;
        }

        decimal denominator;
        int numeratorStart;
        var prefixIndex = RatioPrefixIndex(text, start);
        if (prefixIndex >= 0)
        {
            denominator = RatioPrefixes[prefixIndex].Denominator;
            numeratorStart = start + RatioPrefixes[prefixIndex].Prefix.Length;
        }
        else
        {
            // An integer denominator keeps the quotient at most the numerator, so the division cannot overflow.
            if (MatchAt(text, start) is not { } d || d.Value < 1m || d.Value != decimal.Truncate(d.Value)
                || !text.AsSpan(d.Start + d.Length).StartsWith("分之", StringComparison.Ordinal))
            {
                return false;
            }

            denominator = d.Value;
            numeratorStart = d.Start + d.Length + 2;
        }

        if (MatchAt(text, numeratorStart) is not { } n)
        {
            return false;
        }

        match = new FractionMatch(start, n.Start + n.Length - start, n.Value, denominator, n.Value / denominator);
        return true;
    }

    private static int RatioPrefixIndex(string text, int start) =>
        Array.FindIndex(RatioPrefixes, p => text.AsSpan(start).StartsWith(p.Prefix, StringComparison.Ordinal));
}
