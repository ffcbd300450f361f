using System.Globalization;
using CsCheck;
using PolicyExtract.Numbers;

namespace PolicyExtract.Tests.Numbers;

/// <summary>Properties checked on generated inputs; the spelled forms come from an independent oracle, <see cref="ChineseSpeller"/>.</summary>
public class NumeralPropertyTests
{
    private const string PolicyAlphabet = "0123456789０５,.．%％一二三四五六七八九十百千万亿零〇两壹贰拾伍佰仟萬億点分之半第条元，、 年";

    private static readonly Gen<SpellStyle> Styles = Gen.OneOf(
        ChineseSpeller.Standard, ChineseSpeller.Colloquial, ChineseSpeller.Financial, ChineseSpeller.FinancialTraditional);

    private static readonly Gen<string> PolicyLikeText = Gen.Char[PolicyAlphabet].Array[0, 40].Select(chars => new string(chars));

    [Fact]
    public void SpelledIntegersRoundTrip() =>
        Gen.Select(Gen.Long[0, 999_999_999_999], Styles).Sample(
            (n, style) => Assert.Equal(n, ParseOrThrow(ChineseSpeller.Spell(n, style))),
            iter: 20_000);

    [Fact]
    public void SpelledLargeIntegersRoundTrip() =>
        // Up to 10^17 - 1, so 万亿, 亿亿 and groups of 亿 with their own 万 all occur.
        Gen.Select(Gen.Long[0, 99_999_999_999_999_999], Styles).Sample(
            (n, style) => Assert.Equal(n, ParseOrThrow(ChineseSpeller.Spell(n, style))),
            iter: 20_000);

    [Fact]
    public void SpelledSmallIntegersRoundTripExhaustively()
    {
        foreach (var style in new[] { ChineseSpeller.Standard, ChineseSpeller.Colloquial, ChineseSpeller.Financial })
        {
            for (var n = 0L; n <= 100_000; n++)
            {
                var spelled = ChineseSpeller.Spell(n, style);
                Assert.True(Numeral.TryParse(spelled, out var value), spelled);
                Assert.True(value == n, $"{spelled}: {value} != {n}");
            }
        }
    }

    [Fact]
    public void SpelledIntegersAreFoundInContext() =>
        Gen.Select(Gen.Long[0, 999_999_999_999], Styles).Sample(
            (n, style) =>
            {
                var spelled = ChineseSpeller.Spell(n, style);
                var match = Assert.Single(Numeral.FindAll($"第{spelled}条"));
                Assert.Equal((1, spelled.Length, (decimal)n), (match.Start, match.Length, match.Value));
            },
            iter: 5_000);

    [Fact]
    public void ArabicDecimalsRoundTrip() =>
        Gen.Select(Gen.Long[0, 999_999_999_999_999], Gen.Byte[0, 4], Gen.Bool).Sample(
            (mantissa, scale, fullWidth) =>
            {
                var value = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, false, scale);
                foreach (var format in new[] { "G", "N" + scale, "F" + scale })
                {
                    var text = value.ToString(format, CultureInfo.InvariantCulture);
                    if (fullWidth)
                    {
                        text = ToFullWidth(text);
                    }

                    Assert.Equal(value, ParseOrThrow(text));
                    Assert.Equal(NumeralStyle.Arabic, Numeral.MatchAt(text, 0)?.Style);
                }
            },
            iter: 10_000);

    [Fact]
    public void MixedAmountsMultiply()
    {
        (string Unit, decimal Factor)[] units =
        [
            ("十", 10m), ("百", 100m), ("千", 1000m), ("万", 10000m), ("十万", 100000m), ("百万", 1000000m),
            ("千万", 10000000m), ("亿", 100000000m), ("万亿", 1000000000000m),
        ];
        Gen.Select(Gen.Int[1, 99_999], Gen.Byte[0, 2], Gen.Int[0, units.Length - 1]).Sample(
            (mantissa, scale, unit) =>
            {
                var coefficient = new decimal(mantissa, 0, 0, false, scale);
                var text = coefficient.ToString(CultureInfo.InvariantCulture) + units[unit].Unit;
                Assert.Equal(coefficient * units[unit].Factor, ParseOrThrow(text));
                Assert.Equal(NumeralStyle.Mixed, Numeral.MatchAt(text, 0)?.Style);
            },
            iter: 10_000);
    }

    [Fact]
    public void PercentIsTheNumeralOverAHundred() =>
        Gen.Select(Gen.Int[0, 100_000], Gen.Byte[0, 3]).Sample(
            (mantissa, scale) =>
            {
                var number = new decimal(mantissa, 0, 0, false, scale);
                var text = number.ToString(CultureInfo.InvariantCulture) + "%";
                Assert.True(Numeral.TryParsePercent(text, 0, out var match), text);
                Assert.Equal(number / 100m, match.Value);
                Assert.Equal(text.Length, match.Length);
            },
            iter: 5_000);

    [Fact]
    public void FindAllIsWellFormedOnArbitraryText() =>
        PolicyLikeText.Sample(
            text =>
            {
                var previousEnd = 0;
                foreach (var match in Numeral.FindAll(text))
                {
                    Assert.InRange(match.Start, previousEnd, text.Length - 1);
                    Assert.InRange(match.Length, 1, text.Length - match.Start);
                    previousEnd = match.Start + match.Length;

                    // Each match is exactly what MatchAt and TryParse say about the same characters.
                    Assert.Equal(match, Numeral.MatchAt(text, match.Start));
                    Assert.True(Numeral.TryParse(text.AsSpan(match.Start, match.Length), out var value));
                    Assert.Equal(match.Value, value);
                }
            },
            iter: 20_000);

    [Fact]
    public void NothingThrowsAtAnyPosition() =>
        PolicyLikeText.Sample(
            text =>
            {
                for (var start = -1; start <= text.Length + 1; start++)
                {
                    if (Numeral.MatchAt(text, start) is { } match)
                    {
                        Assert.Equal(start, match.Start);
                        Assert.InRange(match.Length, 1, text.Length - start);
                        Assert.True(match.Value >= 0m);
                    }

                    if (Numeral.TryParsePercent(text, start, out var percent))
                    {
                        Assert.InRange(percent.Length, 2, text.Length - start);
                    }

                    if (Numeral.TryParseFraction(text, start, out var fraction))
                    {
                        Assert.True(fraction.Denominator >= 1m);
                        Assert.InRange(fraction.Length, 2, text.Length - start);
                    }
                }
            },
            iter: 5_000);

    [Fact]
    public void LongRunsAreHandledWithoutThrowing() =>
        Gen.Select(Gen.Char["9一万亿0,."].Array[1, 400], Gen.Int[1, 20]).Sample(
            (chars, repeat) =>
            {
                var text = string.Concat(Enumerable.Repeat(new string(chars), repeat));
                _ = Numeral.FindAll(text);
                _ = Numeral.TryParse(text, out _);
            },
            iter: 500);

    private static decimal ParseOrThrow(string text)
    {
        Assert.True(Numeral.TryParse(text, out var value), $"'{text}' should parse");
        return value;
    }

    private static string ToFullWidth(string text) =>
        string.Concat(text.Select(c => c switch
        {
            >= '0' and <= '9' => (char)(c - '0' + '０'),
            '.' => '．',
            _ => c,
        }));
}
