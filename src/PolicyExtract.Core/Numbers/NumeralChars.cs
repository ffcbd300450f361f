namespace PolicyExtract.Numbers;

/// <summary>Character classes of the numeral grammar.</summary>
internal static class NumeralChars
{
    /// <summary>0-9 for ASCII and full-width digits, otherwise -1.</summary>
    public static int ArabicDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => -1,
    };

    /// <summary>0-9 for Chinese and financial digits (〇 and 零 are 0, 两 is 2), otherwise -1.</summary>
    public static int ChineseDigit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    /// <summary>The power of ten of a multiplier (十 1, 百 2, 千 3, 万 4, 亿 8), otherwise 0.</summary>
    public static int UnitExponent(char c) => c switch
    {
        '十' or '拾' => 1,
        '百' or '佰' => 2,
        '千' or '仟' => 3,
        '万' or '萬' => 4,
        '亿' or '億' => 8,
        _ => 0,
    };

    /// <summary>Characters only the financial style uses; 零, 万 and 亿 are shared with the ordinary style.</summary>
    public static bool IsFinancial(char c) => c is '壹' or '贰' or '叁' or '肆' or '伍' or '陆' or '柒' or '捌' or '玖'
        or '拾' or '佰' or '仟' or '萬' or '億';

    /// <summary>What a numeral can open with: a digit of either kind, or a unit (十五, 万元 read as 一万).</summary>
    public static bool CanStartNumeral(char c) => ArabicDigit(c) >= 0 || ChineseDigit(c) >= 0 || UnitExponent(c) > 0;

    /// <summary>Anything that can occur inside a numeral; used to skip a rejected run as a whole.</summary>
    public static bool IsNumeralChar(char c) =>
        ArabicDigit(c) >= 0 || ChineseDigit(c) >= 0 || UnitExponent(c) > 0 || c is '点' or '.' or '．' or ',';
}
