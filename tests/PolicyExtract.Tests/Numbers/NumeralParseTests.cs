using System.Globalization;
using PolicyExtract.Numbers;

namespace PolicyExtract.Tests.Numbers;

/// <summary>Hand-written expectations for every supported form. Expected values are strings because attributes cannot hold decimals.</summary>
public class NumeralParseTests
{
    [Theory]
    // Chinese, small
    [InlineData("零", "0")]
    [InlineData("〇", "0")]
    [InlineData("一", "1")]
    [InlineData("两", "2")]
    [InlineData("九", "9")]
    [InlineData("十", "10")]
    [InlineData("十一", "11")]
    [InlineData("十五", "15")]
    [InlineData("二十", "20")]
    [InlineData("二十五", "25")]
    [InlineData("三十", "30")]
    [InlineData("九十九", "99")]
    [InlineData("一百", "100")]
    [InlineData("一百零一", "101")]
    [InlineData("一百〇五", "105")]
    [InlineData("一百一十", "110")]
    [InlineData("一百二十", "120")]
    [InlineData("二百", "200")]
    [InlineData("两百", "200")]
    [InlineData("九百九十九", "999")]
    [InlineData("一千", "1000")]
    [InlineData("一千零一", "1001")]
    [InlineData("一千零五", "1005")]
    [InlineData("一千零一十", "1010")]
    [InlineData("一千零十", "1010")]
    [InlineData("一千零五十", "1050")]
    [InlineData("一千一百", "1100")]
    [InlineData("两千", "2000")]
    [InlineData("一千两百", "1200")]
    [InlineData("九千九百九十九", "9999")]
    // Chinese, 万 and 亿
    [InlineData("一万", "10000")]
    [InlineData("一万零一", "10001")]
    [InlineData("一万零一十", "10010")]
    [InlineData("一万零一百", "10100")]
    [InlineData("一万一千", "11000")]
    [InlineData("两万", "20000")]
    [InlineData("五万", "50000")]
    [InlineData("一万两千", "12000")]
    [InlineData("三万五千", "35000")]
    [InlineData("十万", "100000")]
    [InlineData("十五万", "150000")]
    [InlineData("二十五万", "250000")]
    [InlineData("一百万", "1000000")]
    [InlineData("一百五十万", "1500000")]
    [InlineData("一千万", "10000000")]
    [InlineData("两千万", "20000000")]
    [InlineData("一千零一十万", "10100000")]
    [InlineData("一千二百三十四万五千六百七十八", "12345678")]
    [InlineData("一亿", "100000000")]
    [InlineData("一亿零一", "100000001")]
    [InlineData("一亿零一万", "100010000")]
    [InlineData("一亿零一十万", "100100000")]
    [InlineData("一亿二千万", "120000000")]
    [InlineData("两亿", "200000000")]
    [InlineData("十亿", "1000000000")]
    [InlineData("一千亿", "100000000000")]
    [InlineData("一万亿", "1000000000000")]
    [InlineData("一万二千亿", "1200000000000")]
    [InlineData("一万亿零五亿", "1000500000000")]
    [InlineData("五亿亿", "50000000000000000")]
    [InlineData("一亿亿零五亿", "10000000500000000")]
    // Colloquial abbreviation: a digit right after a unit takes the next place down.
    [InlineData("一百五", "150")]
    [InlineData("一千五", "1500")]
    [InlineData("三万五", "35000")]
    [InlineData("两万五", "25000")]
    [InlineData("一亿五", "150000000")]
    // Digit by digit
    [InlineData("二〇二三", "2023")]
    [InlineData("二零二三", "2023")]
    [InlineData("一九四九", "1949")]
    [InlineData("三〇一", "301")]
    // Chinese decimals
    [InlineData("一点五", "1.5")]
    [InlineData("零点五", "0.5")]
    [InlineData("零点零五", "0.05")]
    [InlineData("十点五", "10.5")]
    [InlineData("十五点五", "15.5")]
    [InlineData("三点一四一五九", "3.14159")]
    [InlineData("一点五万", "15000")]
    [InlineData("二点五亿", "250000000")]
    [InlineData("一点五千万", "15000000")]
    // Financial
    [InlineData("壹", "1")]
    [InlineData("壹拾", "10")]
    [InlineData("拾", "10")]
    [InlineData("壹拾伍万", "150000")]
    [InlineData("伍佰", "500")]
    [InlineData("贰仟", "2000")]
    [InlineData("叁萬", "30000")]
    [InlineData("壹億", "100000000")]
    [InlineData("捌佰陆拾", "860")]
    [InlineData("壹仟零伍", "1005")]
    [InlineData("玖仟玖佰玖拾玖", "9999")]
    [InlineData("壹佰贰拾万零叁佰", "1200300")]
    // Arabic
    [InlineData("0", "0")]
    [InlineData("7", "7")]
    [InlineData("2023", "2023")]
    [InlineData("007", "7")]
    [InlineData("1.5", "1.5")]
    [InlineData("0.5", "0.5")]
    [InlineData("0.05", "0.05")]
    [InlineData("1.50", "1.5")]
    [InlineData("1,000", "1000")]
    [InlineData("1,000,000", "1000000")]
    [InlineData("12,345.67", "12345.67")]
    [InlineData("１２３", "123")]
    [InlineData("１．５", "1.5")]
    [InlineData("１2３", "123")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("7.9228162514264337593543950335", "7.9228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("1.00000000000000000000000000000000", "1")]
    // Mixed
    [InlineData("5万", "50000")]
    [InlineData("30万", "300000")]
    [InlineData("200万", "2000000")]
    [InlineData("3千", "3000")]
    [InlineData("5百", "500")]
    [InlineData("3千万", "30000000")]
    [InlineData("1.5万", "15000")]
    [InlineData("0.5万", "5000")]
    [InlineData("1.5亿", "150000000")]
    [InlineData("2.5千万", "25000000")]
    [InlineData("5万亿", "5000000000000")]
    [InlineData("５万", "50000")]
    [InlineData("1亿2000万", "120000000")]
    [InlineData("1亿零500万", "105000000")]
    [InlineData("3千5百", "3500")]
    [InlineData("3万5千", "35000")]
    [InlineData("1,000万", "10000000")]
    [InlineData("99999999999亿", "9999999999900000000")]
    public void Parses(string text, string expected)
    {
        Assert.True(Numeral.TryParse(text, out var value), $"'{text}' should parse");
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("元")]
    [InlineData("abc")]
    [InlineData("万")] // a multiplier alone is not a numeral...
    [InlineData("亿")]
    [InlineData("百")]
    [InlineData("千")]
    [InlineData("千万")] // ...and 千万 alone is usually the adverb "by all means"
    [InlineData("亿万")]
    [InlineData("万元")]
    [InlineData("5万元")] // leftovers make TryParse fail
    [InlineData("壹拾伍万元整")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("-5")]
    [InlineData("1,5")]
    [InlineData("1,0000")]
    [InlineData("1234,567")]
    [InlineData("10，20")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1.2.3")]
    [InlineData("点五")]
    [InlineData("三点")]
    [InlineData("一百零")] // a dangling 零 is not part of the numeral
    [InlineData("一万两")] // 两 needs a unit after it unless it stands alone
    [InlineData("十两")]
    [InlineData("两十")]
    [InlineData("零十")]
    [InlineData("十十")]
    [InlineData("一万二万")]
    [InlineData("一亿二亿")]
    [InlineData("三四十")] // approximate ranges
    [InlineData("三四十万")]
    [InlineData("两三千")]
    [InlineData("一两万")]
    [InlineData("一万二三千")]
    [InlineData("一一")] // two digits in a row: an idiom or a range, not a year
    [InlineData("十四五")]
    [InlineData("一千零零五")]
    [InlineData("3万5")] // ambiguous with Arabic digits; see Numeral remarks
    [InlineData("1万2000")]
    [InlineData("1.5万2千")]
    [InlineData("十五点五十")]
    [InlineData("一百五点五")]
    [InlineData("9999999999999999999999亿亿")] // overflow: no match, no exception
    [InlineData("79228162514264337593543950336")]
    [InlineData("0.00000000000000000000000000001")] // needs 29 fraction digits
    [InlineData("1000000000000000000000.00000001")] // in range but more digits than decimal holds
    public void RejectsNonNumerals(string text)
    {
        Assert.False(Numeral.TryParse(text, out var value), $"'{text}' should not parse");
        Assert.Equal(0m, value);
    }

    [Theory]
    [InlineData("123", NumeralStyle.Arabic)]
    [InlineData("１．５", NumeralStyle.Arabic)]
    [InlineData("1,000,000", NumeralStyle.Arabic)]
    [InlineData("一百零五", NumeralStyle.Chinese)]
    [InlineData("二〇二三", NumeralStyle.Chinese)]
    [InlineData("一点五", NumeralStyle.Chinese)]
    [InlineData("十万", NumeralStyle.Chinese)]
    [InlineData("壹拾伍万", NumeralStyle.Financial)]
    [InlineData("伍佰", NumeralStyle.Financial)]
    [InlineData("零", NumeralStyle.Chinese)]
    [InlineData("3千万", NumeralStyle.Mixed)]
    [InlineData("1.5亿", NumeralStyle.Mixed)]
    [InlineData("1亿零500万", NumeralStyle.Mixed)]
    public void ReportsStyle(string text, NumeralStyle style)
    {
        var match = Numeral.MatchAt(text, 0);
        Assert.NotNull(match);
        Assert.Equal(text.Length, match.Value.Length);
        Assert.Equal(style, match.Value.Style);
    }

    [Theory]
    [InlineData("50%", "0.5", 3)]
    [InlineData("50％", "0.5", 3)]
    [InlineData("12.5%", "0.125", 5)]
    [InlineData("100%", "1", 4)]
    [InlineData("0.01%", "0.0001", 5)]
    [InlineData("5‰", "0.005", 2)]
    [InlineData("百分之五十", "0.5", 5)]
    [InlineData("百分之十五点五", "0.155", 7)]
    [InlineData("百分之一百", "1", 5)]
    [InlineData("百分之50", "0.5", 5)]
    [InlineData("千分之三", "0.003", 4)]
    [InlineData("万分之五", "0.0005", 4)]
    [InlineData("五十%", "0.5", 3)]
    [InlineData("85%，", "0.85", 3)]
    public void ParsesPercentAsRatio(string text, string expected, int length)
    {
        Assert.True(Numeral.TryParsePercent(text, 0, out var match));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), match.Value);
        Assert.Equal(0, match.Start);
        Assert.Equal(length, match.Length);
    }

    [Theory]
    [InlineData("50")]
    [InlineData("50元")]
    [InlineData("%")]
    [InlineData("百分之")]
    [InlineData("百分之元")]
    [InlineData("百分之三四十")]
    [InlineData("")]
    public void RejectsNonPercent(string text)
    {
        Assert.False(Numeral.TryParsePercent(text, 0, out var match));
        Assert.Equal(default, match);
    }

    [Theory]
    [InlineData("三分之一", "1", "3", "0.3333333333333333333333333333", 4)]
    [InlineData("三分之二", "2", "3", "0.6666666666666666666666666667", 4)]
    [InlineData("二分之一", "1", "2", "0.5", 4)]
    [InlineData("十分之一", "1", "10", "0.1", 4)]
    [InlineData("3分之1", "1", "3", "0.3333333333333333333333333333", 4)]
    [InlineData("一半", "1", "2", "0.5", 2)]
    [InlineData("百分之五十", "50", "100", "0.5", 5)]
    [InlineData("千分之三", "3", "1000", "0.003", 4)]
    [InlineData("万分之五", "5", "10000", "0.0005", 4)]
    [InlineData("四分之一以上", "1", "4", "0.25", 4)]
    public void ParsesFractions(string text, string numerator, string denominator, string value, int length)
    {
        Assert.True(Numeral.TryParseFraction(text, 0, out var match));
        Assert.Equal(decimal.Parse(numerator, CultureInfo.InvariantCulture), match.Numerator);
        Assert.Equal(decimal.Parse(denominator, CultureInfo.InvariantCulture), match.Denominator);
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), match.Value);
        Assert.Equal(length, match.Length);
    }

    [Theory]
    [InlineData("零分之一")]
    [InlineData("0.5分之一")]
    [InlineData("三分")]
    [InlineData("三分之")]
    [InlineData("分之一")]
    [InlineData("半")]
    [InlineData("一")]
    public void RejectsNonFractions(string text)
    {
        Assert.False(Numeral.TryParseFraction(text, 0, out _));
    }

    [Theory]
    [InlineData(10010L, "一万零一十")]
    [InlineData(100000L, "十万")]
    [InlineData(15L, "十五")]
    [InlineData(110L, "一百一十")]
    [InlineData(1005L, "一千零五")]
    [InlineData(100100000L, "一亿零一十万")]
    [InlineData(120000000L, "一亿二千万")]
    [InlineData(0L, "零")]
    [InlineData(10000000500000000L, "一亿亿零五亿")]
    public void SpellerOracleWritesStandardChinese(long n, string expected) =>
        Assert.Equal(expected, ChineseSpeller.Spell(n, ChineseSpeller.Standard));

    [Theory]
    [InlineData(150000L, "壹拾伍万")]
    [InlineData(500L, "伍佰")]
    [InlineData(1005L, "壹仟零伍")]
    public void SpellerOracleWritesFinancialChinese(long n, string expected) =>
        Assert.Equal(expected, ChineseSpeller.Spell(n, ChineseSpeller.Financial));

    [Theory]
    [InlineData(2000L, "两千")]
    [InlineData(20000L, "两万")]
    [InlineData(22000L, "两万两千")]
    public void SpellerOracleWritesColloquialLiang(long n, string expected) =>
        Assert.Equal(expected, ChineseSpeller.Spell(n, ChineseSpeller.Colloquial));
}
