using System.Text;

namespace PolicyExtract.Tests.Numbers;

/// <summary>
/// Test-only oracle: spells a non-negative integer the way a careful writer would, independently of the parser.
/// Standard style follows the 零 rules (one 零 per run of skipped places, none at the end, one across a 万 or 亿
/// boundary when the lower group lacks its top place: 10010 = 一万零一十, 100100000 = 一亿零一十万) and drops the
/// 一 of a leading 一十 (十五, 十万). Financial style always writes 壹拾.
/// </summary>
internal static class ChineseSpeller
{
    private const long Wan = 1_0000;
    private const long Yi = 1_0000_0000;
    private const long YiYi = Yi * Yi;

    public static readonly SpellStyle Standard = new("零一二三四五六七八九", "千百十", '万', '亿', AbbreviateTen: true, UseLiang: false);

    /// <summary>Standard, but 两 for a 2 before 千, 百, 万 or 亿 (两千, 两百, 两万), as in everyday writing.</summary>
    public static readonly SpellStyle Colloquial = Standard with { UseLiang = true };

    public static readonly SpellStyle Financial = new("零壹贰叁肆伍陆柒捌玖", "仟佰拾", '万', '亿', AbbreviateTen: false, UseLiang: false);

    /// <summary>Financial with the traditional 萬 and 億, as on some printed forms.</summary>
    public static readonly SpellStyle FinancialTraditional = Financial with { WanChar = '萬', YiChar = '億' };

    public static string Spell(long n, SpellStyle style)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0)
        {
            return style.Digits[..1];
        }

        var sb = new StringBuilder();
        AppendNumber(sb, n, style, leading: true, beforeBigUnit: false);
        return sb.ToString();
    }

    private static void AppendNumber(StringBuilder sb, long n, SpellStyle style, bool leading, bool beforeBigUnit)
    {
        if (n >= YiYi)
        {
            // 10^16 is written 亿亿; writing the count of 亿 as one number (一亿零五亿) would be ambiguous.
            AppendNumber(sb, n / YiYi, style, leading, beforeBigUnit: true);
            sb.Append(style.YiChar).Append(style.YiChar);
            AppendLower(sb, n % YiYi, YiYi / 10, style);
        }
        else if (n >= Yi)
        {
            AppendNumber(sb, n / Yi, style, leading, beforeBigUnit: true);
            sb.Append(style.YiChar);
            AppendLower(sb, n % Yi, Yi / 10, style);
        }
        else if (n >= Wan)
        {
            AppendSection(sb, n / Wan, style, leading, beforeBigUnit: true);
            sb.Append(style.WanChar);
            AppendLower(sb, n % Wan, Wan / 10, style);
        }
        else
        {
            AppendSection(sb, n, style, leading, beforeBigUnit);
        }
    }

    private static void AppendLower(StringBuilder sb, long low, long topPlace, SpellStyle style)
    {
        if (low == 0)
        {
            return;
        }

        if (low < topPlace)
        {
            sb.Append(style.Digits[0]);
        }

        if (topPlace >= Wan)
        {
            AppendNumber(sb, low, style, leading: false, beforeBigUnit: false);
        }
        else
        {
            AppendSection(sb, low, style, leading: false, beforeBigUnit: false);
        }
    }

    private static void AppendSection(StringBuilder sb, long n, SpellStyle style, bool leading, bool beforeBigUnit)
    {
        if (style.UseLiang && beforeBigUnit && n == 2)
        {
            sb.Append('两');
            return;
        }

        long[] places = [1000, 100, 10, 1];
        var started = false;
        var zeroPending = false;
        for (var k = 0; k < places.Length; k++)
        {
            var d = (int)(n / places[k] % 10);
            if (d == 0)
            {
                zeroPending |= started;
                continue;
            }

            if (zeroPending)
            {
                sb.Append(style.Digits[0]);
                zeroPending = false;
            }

            var abbreviate = k == 2 && d == 1 && leading && !started && style.AbbreviateTen;
            if (!abbreviate)
            {
                sb.Append(style.UseLiang && d == 2 && k <= 1 ? '两' : style.Digits[d]);
            }

            if (k < 3)
            {
                sb.Append(style.SmallUnits[k]);
            }

            started = true;
        }
    }
}

internal sealed record SpellStyle(string Digits, string SmallUnits, char WanChar, char YiChar, bool AbbreviateTen, bool UseLiang);
