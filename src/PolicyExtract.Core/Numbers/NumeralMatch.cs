namespace PolicyExtract.Numbers;

/// <summary>How a numeral is written.</summary>
public enum NumeralStyle
{
    /// <summary>Arabic digits only, ASCII or full-width: <c>1,000</c>, <c>１２３</c>, <c>0.5</c>.</summary>
    Arabic,

    /// <summary>Ordinary Chinese numerals: <c>一百零五</c>, <c>二〇二三</c>, <c>一点五</c>.</summary>
    Chinese,

    /// <summary>Chinese numerals using at least one financial (anti-forgery) character: <c>壹拾伍万</c>, <c>伍佰</c>.</summary>
    Financial,

    /// <summary>Arabic digits with Chinese multipliers: <c>3千万</c>, <c>1.5亿</c>, <c>200万</c>.</summary>
    Mixed,
}

/// <summary>
/// A numeral found in text: it occupies <c>[Start, Start + Length)</c> of the scanned string (UTF-16 code units),
/// has the exact value <paramref name="Value"/> (multipliers such as 万 included, currency words such as 元 not)
/// and was written in style <paramref name="Style"/>.
/// </summary>
/// <param name="Start">Offset of the first character of the numeral.</param>
/// <param name="Length">Number of characters the numeral covers.</param>
/// <param name="Value">The exact value; for percentages the ratio (50% is 0.5).</param>
/// <param name="Style">How the numeral is written.</param>
public readonly record struct NumeralMatch(int Start, int Length, decimal Value, NumeralStyle Style);

/// <summary>
/// A fraction found in text (<c>三分之一</c>, <c>百分之五十</c>, <c>一半</c>), occupying
/// <c>[Start, Start + Length)</c>. <paramref name="Numerator"/> and <paramref name="Denominator"/> are exact;
/// <paramref name="Value"/> is their quotient rounded to decimal's 28-29 significant digits (1/3 is
/// 0.3333333333333333333333333333), so compare ratios through the numerator and denominator when exactness matters.
/// </summary>
/// <param name="Start">Offset of the first character of the fraction.</param>
/// <param name="Length">Number of characters the fraction covers.</param>
/// <param name="Numerator">The exact numerator (may have a fraction part: 百分之十五点五 is 15.5/100).</param>
/// <param name="Denominator">The exact denominator, always a positive integer.</param>
/// <param name="Value">Numerator divided by denominator.</param>
public readonly record struct FractionMatch(int Start, int Length, decimal Numerator, decimal Denominator, decimal Value);
