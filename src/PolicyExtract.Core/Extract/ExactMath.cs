using PolicyExtract.Numbers;

namespace PolicyExtract.Extract;

/// <summary>
/// The little arithmetic quantities need, exact or nothing: every operation returns null where <see cref="decimal"/>
/// would round or overflow, so a figure is dropped rather than reported wrong.
/// </summary>
internal static class ExactMath
{
    /// <summary><paramref name="value"/> × 10^<paramref name="exponent"/> (exponent ≥ 0).</summary>
    public static decimal? Scale(decimal value, int exponent)
    {
        var x = ExactNumber.FromDecimal(value);
        while (exponent > 8)
        {
            x = x.ShiftLeft(8);
            exponent -= 8;
        }

        return x.ShiftLeft(exponent).TryToDecimal(out var result) ? result : null;
    }

    /// <summary><paramref name="value"/> ÷ 10^<paramref name="exponent"/> (0 ≤ exponent ≤ 8).</summary>
    public static decimal? Unscale(decimal value, int exponent) =>
        ExactNumber.FromDecimal(value).ShiftRight(exponent).TryToDecimal(out var result) ? result : null;

    public static decimal? Add(decimal a, decimal b) =>
        ExactNumber.FromDecimal(a).Add(ExactNumber.FromDecimal(b)).TryToDecimal(out var result) ? result : null;

    /// <summary><paramref name="value"/> × <paramref name="digit"/> for a digit 1-9.</summary>
    public static decimal? Times(decimal value, int digit)
    {
        var x = ExactNumber.FromDecimal(value);
        var sum = x;
        for (var i = 1; i < digit; i++)
        {
            sum = sum.Add(x);
        }

        return sum.TryToDecimal(out var result) ? result : null;
    }

    /// <summary>The number of trailing zeros of a positive integer (30 → 1, 1000 → 3, 35 → 0); null for anything else.</summary>
    public static int? TrailingZeros(decimal value)
    {
        if (value <= 0m || value != decimal.Truncate(value))
        {
            return null;
        }

        var zeros = 0;
        while (value % 10m == 0m)
        {
            value /= 10m;
            zeros++;
        }

        return zeros;
    }
}
