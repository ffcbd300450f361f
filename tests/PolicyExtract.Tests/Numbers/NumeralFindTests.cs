using System.Globalization;
using PolicyExtract.Numbers;

namespace PolicyExtract.Tests.Numbers;

/// <summary>MatchAt and FindAll on sentences shaped like real policy text.</summary>
public class NumeralFindTests
{
    private static (int Start, int Length, decimal Value)[] Find(string text) =>
        [.. Numeral.FindAll(text).Select(m => (m.Start, m.Length, m.Value))];

    private static (int, int, decimal) M(int start, int length, string value) =>
        (start, length, decimal.Parse(value, CultureInfo.InvariantCulture));

    [Fact]
    public void FindsAmountsWithMultipliersAndLeavesTheCurrencyWord()
    {
        var text = "按项目给予分别最高30万元、15万元资助";
        Assert.Equal([M(9, 3, "300000"), M(14, 3, "150000")], Find(text));
        Assert.Equal('元', text[9 + 3]);
    }

    [Fact]
    public void FindsArticleNumber() => Assert.Equal([M(1, 3, "25")], Find("第二十五条"));

    [Fact]
    public void FullWidthCommaSeparatesNumbers() => Assert.Equal([M(0, 2, "10"), M(3, 2, "20")], Find("10，20"));

    [Fact]
    public void AsciiCommaWithoutThreeDigitsSeparatesNumbers() => Assert.Equal([M(0, 1, "1"), M(2, 1, "5")], Find("1,5"));

    [Fact]
    public void DecimalWithMultiplierIsOneMatch() => Assert.Equal([M(0, 4, "15000")], Find("1.5万元"));

    [Fact]
    public void ThousandsSeparatorsAreOneMatch() => Assert.Equal([M(0, 9, "1000000")], Find("1,000,000元"));

    [Fact]
    public void FinancialAmountStopsBeforeYuanAndZheng()
    {
        var match = Assert.Single(Numeral.FindAll("人民币壹拾伍万元整"));
        Assert.Equal(new NumeralMatch(3, 4, 150000m, NumeralStyle.Financial), match);
    }

    [Fact]
    public void FindsDates() =>
        Assert.Equal([M(1, 4, "2023"), M(6, 1, "1"), M(8, 1, "1")], Find("自2023年1月1日起施行"));

    [Fact]
    public void FindsChineseDates() => Assert.Equal([M(0, 4, "2023"), M(5, 2, "12")], Find("二〇二三年十二月"));

    [Fact]
    public void FindsSeveralMixedAmounts() =>
        Assert.Equal(
            [M(10, 2, "100000000"), M(14, 2, "500000000"), M(18, 3, "1000000000")],
            Find("对年销售收入首次突破1亿元、5亿元、10亿元的企业"));

    [Fact]
    public void OneInsideAWordIsStillANumeral() =>
        // 一次性 contains the numeral 一; deciding that it is not an amount is the caller's job.
        Assert.Equal([M(2, 1, "1"), M(7, 3, "500000")], Find("给予一次性奖励50万元"));

    [Fact]
    public void PercentSignIsLeftToTheCaller()
    {
        var text = "按50%给予补助";
        Assert.Equal([M(1, 2, "50")], Find(text));
        Assert.True(Numeral.TryParsePercent(text, 1, out var percent));
        Assert.Equal(new NumeralMatch(1, 3, 0.5m, NumeralStyle.Arabic), percent);
    }

    [Fact]
    public void ChinesePercentFoundAtItsPrefix()
    {
        var text = "补助比例不超过百分之三十";
        Assert.True(Numeral.TryParsePercent(text, 7, out var percent));
        Assert.Equal(new NumeralMatch(7, 5, 0.3m, NumeralStyle.Chinese), percent);
        Assert.False(Numeral.TryParsePercent(text, 6, out _));
    }

    [Fact]
    public void FractionInSentence()
    {
        var text = "企业承担三分之一的费用";
        Assert.True(Numeral.TryParseFraction(text, 4, out var fraction));
        Assert.Equal((4, 4, 1m, 3m), (fraction.Start, fraction.Length, fraction.Numerator, fraction.Denominator));
    }

    [Fact]
    public void ApproximateRangesAreSkippedWhole() =>
        Assert.Equal([M(11, 2, "10")], Find("每年补贴三四十万元，共10年"));

    [Fact]
    public void FiveYearPlanNameIsNotANumber() => Assert.Empty(Find("十四五"));

    [Fact]
    public void OverflowingNumeralIsSkippedWithoutThrowing()
    {
        Assert.Equal([M(26, 1, "5")], Find("9999999999999999999999亿亿元，5"));
        Assert.Null(Numeral.MatchAt("9999999999999999999999亿亿", 0));
    }

    [Fact]
    public void ColloquialAbbreviationReadsThePlaceBelow() => Assert.Equal([M(2, 3, "35000")], Find("奖励三万五元"));

    [Fact]
    public void MatchAtIsLongestFromExactlyThatPosition()
    {
        var text = "最高30万元";
        Assert.Equal(new NumeralMatch(2, 3, 300000m, NumeralStyle.Mixed), Numeral.MatchAt(text, 2));
        Assert.Equal(new NumeralMatch(3, 1, 0m, NumeralStyle.Arabic), Numeral.MatchAt(text, 3)); // 0万 is not 0 × 万
        Assert.Null(Numeral.MatchAt(text, 4));
        Assert.Null(Numeral.MatchAt(text, 0));
    }

    [Fact]
    public void MatchAtStopsBeforeADanglingZero() =>
        Assert.Equal(new NumeralMatch(0, 2, 100m, NumeralStyle.Chinese), Numeral.MatchAt("一百零", 0));

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(3)]
    [InlineData(100)]
    [InlineData(int.MaxValue)]
    public void OutOfRangePositionsGiveNothing(int start)
    {
        Assert.Null(Numeral.MatchAt("123", start));
        Assert.False(Numeral.TryParsePercent("50%", start, out _));
        Assert.False(Numeral.TryParseFraction("三分之一", start, out _));
    }

    [Fact]
    public void NullTextGivesNothing()
    {
        Assert.Null(Numeral.MatchAt(null!, 0));
        Assert.Empty(Numeral.FindAll(null!));
        Assert.False(Numeral.TryParsePercent(null!, 0, out _));
        Assert.False(Numeral.TryParseFraction(null!, 0, out _));
    }

    [Fact]
    public void EmptyTextHasNoNumerals() => Assert.Empty(Numeral.FindAll(string.Empty));
}
