using System.Text.RegularExpressions;
using PolicyExtract.Numbers;
using PolicyExtract.Structure;

namespace PolicyExtract.Metadata;

/// <summary>A date as written: a real date, a placeholder (2024年x月x日), or an impossible one (2023年2月30日).</summary>
public readonly record struct WrittenDate(int Index, int Length, string Text, DateOnly? Date, bool IsPlaceholder);

/// <summary>Reads Chinese dates: 2023年10月12日, 二〇二三年十月十二日, and placeholders. Thread-safe.</summary>
public static partial class DateReader
{
    [GeneratedRegex(LineShapes.DatePattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    public static IEnumerable<WrittenDate> FindAll(string text)
    {
        foreach (Match m in Date().Matches(text))
        {
            yield return Read(m);
        }
    }

    public static WrittenDate? First(string text) => Date().Match(text) is { Success: true } m ? Read(m) : null;

    private static WrittenDate Read(Match m)
    {
        var y = Part(m.Groups["y"].Value, digitByDigit: true);
        var mo = Part(m.Groups["m"].Value, digitByDigit: false);
        var d = Part(m.Groups["d"].Value, digitByDigit: false);
        var placeholder = y is null || mo is null || d is null;
        DateOnly? date = null;
        if (!placeholder && mo is >= 1 and <= 12 && y is >= 1 and <= 9999 && d >= 1 && d <= DateTime.DaysInMonth(y.Value, mo.Value))
        {
            date = new DateOnly(y.Value, mo.Value, d!.Value);
        }

        return new WrittenDate(m.Index, m.Length, m.Value, date, placeholder);
    }

    /// <summary>Null for a placeholder (x, ×, 某).</summary>
    private static int? Part(string s, bool digitByDigit)
    {
        if (s.All(char.IsAsciiDigit))
        {
            return int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (digitByDigit)
        {
            // 二〇二三: years are read digit by digit.
            const string digits = "〇一二三四五六七八九";
            var value = 0;
            foreach (var c in s)
            {
                var at = c is '零' or '○' ? 0 : digits.IndexOf(c);
                if (at < 0)
                {
                    return null;
                }

                value = (value * 10) + at;
            }

            return value;
        }

        return Numeral.TryParse(s, out var v) ? (int)v : null;
    }
}
