using System.Numerics;

namespace PolicyExtract.Numbers;

/// <summary>
/// A non-negative number <c>mantissa × 10^-scale</c> that is either exactly representable as a <see cref="decimal"/>
/// or marked invalid. The parser accumulates here rather than in <see cref="decimal"/> because decimal arithmetic
/// rounds silently when a result needs more than 28-29 digits and throws on overflow; we want "exact or nothing"
/// without exceptions. Invalid is sticky, and every operation the parser uses only makes a value larger, so once a
/// numeral is too large no longer spelling of it can become valid again.
/// </summary>
internal readonly struct ExactNumber
{
    private const int MaxScale = 28;

    private static readonly BigInteger MaxMantissa = (BigInteger.One << 96) - 1;

    // Scales never exceed MaxScale and single multiplications never exceed 10^8, so a short table suffices.
    private static readonly BigInteger[] Powers = BuildPowers(MaxScale + 8);

    private readonly BigInteger mantissa;
    private readonly int scale;
    private readonly bool invalid;

    private ExactNumber(BigInteger mantissa, int scale, bool invalid)
    {
        this.mantissa = mantissa;
        this.scale = scale;
        this.invalid = invalid;
    }

    public static ExactNumber Zero => default;

    public static ExactNumber Invalid => new(BigInteger.Zero, 0, true);

    public bool IsValid => !invalid;

    public bool IsZero => !invalid && mantissa.IsZero;

    public static ExactNumber FromDigit(int digit) => new(digit, 0, false);

    public static ExactNumber FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[3] < 0)
        {
            return Invalid; // the parser never produces negatives; refuse rather than mis-handle them
        }

        var m = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return new ExactNumber(m, value.Scale, false);
    }

    /// <summary>Appends an integer digit: <c>v*10 + digit</c>. Only called while the value has no fraction.</summary>
    public ExactNumber AppendDigit(int digit) => invalid ? this : Checked(mantissa * 10 + digit, scale);

    /// <summary>Appends the next digit after the decimal point.</summary>
    public ExactNumber AppendFractionDigit(int digit)
    {
        if (invalid)
        {
            return this;
        }

        if (scale == MaxScale)
        {
            // Trailing zeros beyond decimal's precision do not change the value; anything else cannot be exact.
            return digit == 0 ? this : Invalid;
        }

        return Checked(mantissa * 10 + digit, scale + 1);
    }

    public ExactNumber Add(ExactNumber other)
    {
        if (invalid || other.invalid)
        {
            return Invalid;
        }

        var s = Math.Max(scale, other.scale);
        return Checked(mantissa * Powers[s - scale] + other.mantissa * Powers[s - other.scale], s);
    }

    /// <summary>Multiplies by 10^<paramref name="exponent"/> (0 ≤ exponent ≤ 8).</summary>
    public ExactNumber ShiftLeft(int exponent)
    {
        if (invalid)
        {
            return this;
        }

        return exponent <= scale
            ? new ExactNumber(mantissa, scale - exponent, false)
            : Checked(mantissa * Powers[exponent - scale], 0);
    }

    /// <summary>Divides by 10^<paramref name="exponent"/> (0 ≤ exponent ≤ 8); invalid if that needs more than 28 fraction digits.</summary>
    public ExactNumber ShiftRight(int exponent)
    {
        if (invalid)
        {
            return this;
        }

        var m = mantissa;
        var s = scale + exponent;
        while (s > MaxScale && !m.IsZero && (m % 10).IsZero)
        {
            m /= 10;
            s--;
        }

        return s > MaxScale ? (m.IsZero ? Zero : Invalid) : new ExactNumber(m, s, false);
    }

    /// <summary>The value as a decimal with trailing fraction zeros removed, so 1.50 and 1.5 print alike.</summary>
    public bool TryToDecimal(out decimal value)
    {
        value = 0m;
        if (invalid)
        {
            return false;
        }

        var m = mantissa;
        var s = scale;
        while (s > 0 && (m % 10).IsZero)
        {
            m /= 10;
            s--;
        }

        if (m > MaxMantissa)
        {
            return false; // within decimal's range but needing more digits than it has
        }

        var lo = (int)(uint)(m & uint.MaxValue);
        var mid = (int)(uint)((m >> 32) & uint.MaxValue);
        var hi = (int)(uint)(m >> 64);
        value = new decimal(lo, mid, hi, false, (byte)s);
        return true;
    }

    private static ExactNumber Checked(BigInteger m, int s) =>
        m > MaxMantissa * Powers[s] ? Invalid : new ExactNumber(m, s, false);

    private static BigInteger[] BuildPowers(int max)
    {
        var powers = new BigInteger[max + 1];
        powers[0] = BigInteger.One;
        for (var i = 1; i <= max; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
