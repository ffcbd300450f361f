using System.Globalization;
using System.Text;

namespace PolicyExtract.Ingest;

/// <summary>
/// Writes a list counter the way Word shows it for a <c>w:numFmt</c> value (ECMA-376 Part 1, §17.18.59
/// ST_NumberFormat). Only the formats policies use are known; for any other <see cref="Format"/> returns null and the
/// caller warns (IN026) and falls back to decimal, rather than guess silently. Thread-safe (stateless).
/// </summary>
public static class WordNumberFormat
{
    private const string ZhDigits = "〇一二三四五六七八九";
    private const string ZhLegalDigits = "零壹贰叁肆伍陆柒捌玖";
    private const string HeavenlyStems = "甲乙丙丁戊己庚辛壬癸";
    private const string EarthlyBranches = "子丑寅卯辰巳午未申酉戌亥";

    /// <summary>
    /// The counter <paramref name="value"/> (≥ 0) in <paramref name="format"/>, or null when the format is not known.
    /// <c>bullet</c> and <c>none</c> have no number: the empty string (the level text carries the bullet).
    /// </summary>
    /// <remarks>
    /// Checked against LibreOffice's rendering of the same numbering (a test prints them; LibreOffice follows Word):
    /// <c>chineseCounting</c>, <c>chineseCountingThousand</c> and their Taiwanese and Japanese twins read the number
    /// (一 … 十, 十一, 二十, 九十九, 一百, 一百零一, 一百一十, 一千零一十); <c>chineseLegalSimplified</c> 壹, 壹拾, 壹拾壹,
    /// 贰拾, 壹佰零壹; <c>ideographTraditional</c> 甲 … 癸 and <c>ideographZodiac</c> 子 … 亥, then decimal;
    /// <c>decimalEnclosedCircle(Chinese)</c> ① … ⑳, then decimal (LibreOffice goes on to ㉑; Word's circled numbers
    /// stop at 20). Not checkable there, as LibreOffice prints them in decimal or as counting: <c>ideographDigital</c>
    /// (digit by digit, 一〇), <c>decimalEnclosedParen</c> ⑴ … ⒇, <c>decimalEnclosedFullstop</c> ⒈ … ⒛,
    /// <c>decimalFullWidth</c> １.
    /// </remarks>
    public static string? Format(string format, int value)
    {
        ArgumentNullException.ThrowIfNull(format);
        value = Math.Max(0, value);
        return format switch
        {
            "decimal" or "decimalHalfWidth" => Decimal(value),
            "decimalZero" => value < 10 ? "0" + Decimal(value) : Decimal(value),
            "decimalFullWidth" or "decimalFullWidth2" => new string([.. Decimal(value).Select(c => (char)(c - '0' + '０'))]),
            "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => value is >= 1 and <= 20 ? ((char)('①' + value - 1)).ToString() : Decimal(value),
            "decimalEnclosedParen" => value is >= 1 and <= 20 ? ((char)('⑴' + value - 1)).ToString() : Decimal(value),
            "decimalEnclosedFullstop" => value is >= 1 and <= 20 ? ((char)('⒈' + value - 1)).ToString() : Decimal(value),
            "upperRoman" => Roman(value),
            "lowerRoman" => Roman(value).ToLowerInvariant(),
            "upperLetter" => Letter(value),
            "lowerLetter" => Letter(value).ToLowerInvariant(),
            "chineseCounting" or "chineseCountingThousand" or "taiwaneseCounting" or "taiwaneseCountingThousand" or "japaneseCounting"
                => ChineseCounting(value, ZhDigits, "十百千万", "零"),
            "chineseLegalSimplified" => value < 10 ? ZhLegalDigits[value].ToString() : ChineseCounting(value, ZhLegalDigits, "拾佰仟万", "零", legalTens: true),
            "ideographDigital" => Digits(value, ZhDigits),
            "ideographTraditional" => value is >= 1 and <= 10 ? HeavenlyStems[value - 1].ToString() : Decimal(value),
            "ideographZodiac" => value is >= 1 and <= 12 ? EarthlyBranches[value - 1].ToString() : Decimal(value),
            "bullet" or "none" => "",
            _ => null,
        };
    }

    private static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Digits(int value, string digits) => new([.. Decimal(value).Select(c => digits[c - '0'])]);

    /// <summary>
    /// The number as read aloud: 十 for 10 and 十一 for 11 (no leading 一 before 十 unless <paramref name="legalTens"/>,
    /// as the financial form writes 壹拾), 一百零一, 一千零一十; up to 99 999 (beyond that, digits).
    /// </summary>
    private static string ChineseCounting(int value, string digits, string units, string zero, bool legalTens = false)
    {
        if (value == 0)
        {
            return digits[0].ToString();
        }

        if (value >= 100_000)
        {
            return Digits(value, digits);
        }

        var sb = new StringBuilder();
        var pendingZero = false;
        for (var power = 4; power >= 0; power--)
        {
            var unit = (int)Math.Pow(10, power);
            var digit = value / unit % 10;
            if (digit == 0)
            {
                pendingZero |= sb.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                sb.Append(zero);
                pendingZero = false;
            }

            // 十一, not 一十一, for the tens of a number under 20 written alone; 一百一十 keeps its 一.
            if (!(power == 1 && digit == 1 && sb.Length == 0 && !legalTens))
            {
                sb.Append(digits[digit]);
            }

            if (power > 0)
            {
                sb.Append(units[power - 1]);
            }
        }

        return sb.ToString();
    }

    private static string Roman(int value)
    {
        if (value is < 1 or > 3999)
        {
            return Decimal(value);
        }

        (int Value, string Numeral)[] table =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new StringBuilder();
        foreach (var (v, numeral) in table)
        {
            while (value >= v)
            {
                sb.Append(numeral);
                value -= v;
            }
        }

        return sb.ToString();
    }

    /// <summary>A … Z, then AA … ZZ, AAA …: Word repeats the letter rather than counting in base 26.</summary>
    private static string Letter(int value) =>
        value < 1 ? Decimal(value) : new string((char)('A' + (value - 1) % 26), Math.Min(((value - 1) / 26) + 1, 50));
}
