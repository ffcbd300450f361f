namespace PolicyExtract.Numbers;

internal enum ScanOutcome
{
    /// <summary>No numeral starts here.</summary>
    None,

    /// <summary>A numeral starts here.</summary>
    Match,

    /// <summary>
    /// Numeral characters start here but do not spell one value: an approximate range (三四十万, 两三千), a too-short
    /// digit-by-digit run (一一), or a number decimal cannot hold exactly. <see cref="ScanResult.Length"/> covers the
    /// whole run of numeral characters so that a left-to-right scan skips it instead of reporting a fragment such as
    /// 四十万 out of 三四十万, which would be a confidently wrong amount.
    /// </summary>
    Rejected,

    /// <summary>
    /// A numeral that <see cref="decimal"/> cannot hold exactly (above about 7.9×10^28, or more than 28 fraction digits).
    /// Treated as <see cref="Rejected"/> (no prefix of it is a value either), but callers can tell the user that a figure
    /// was left out.
    /// </summary>
    TooLarge,
}

internal readonly record struct ScanResult(ScanOutcome Outcome, int Length, decimal Value, NumeralStyle Style);

/// <summary>
/// Recognises the longest numeral at a position. A numeral is a sequence of tokens (Arabic literal, Chinese digit,
/// 零, unit 十百千 / 万亿, or 点 with its fraction digits) fed to a deterministic state machine; the longest prefix
/// after which the machine is in a complete state is the match. The machine never backtracks, so scanning is linear
/// in the length of the numeral.
/// </summary>
internal static class NumeralScanner
{
    private const int Stop = 0;
    private const int Reject = -1;

    public static ScanResult Scan(ReadOnlySpan<char> text, int start)
    {
        if (start < 0 || start >= text.Length || !NumeralChars.CanStartNumeral(text[start]))
        {
            return default; // the common case in running text; skip building a machine
        }

        var run = ChineseDigitRun(text, start);
        if (run >= 2)
        {
            return ScanDigitSequence(text, start, run);
        }

        var machine = new Machine();
        var pos = start;
        var bestEnd = -1;
        var bestValue = ExactNumber.Zero;
        var bestStyle = NumeralStyle.Arabic;
        while (pos < text.Length)
        {
            var consumed = machine.Feed(text, pos);
            if (consumed == Reject)
            {
                return Rejected(text, start);
            }

            if (consumed == Stop)
            {
                break;
            }

            pos += consumed;
            if (machine.IsComplete)
            {
                bestEnd = pos;
                bestValue = machine.Value();
                bestStyle = machine.Style;
            }
        }

        if (bestEnd < 0)
        {
            return default;
        }

        // The longest spelling is the numeral the author wrote; if it is too large we report nothing rather than a
        // shorter prefix that happens to fit.
        return bestValue.TryToDecimal(out var value)
            ? new ScanResult(ScanOutcome.Match, bestEnd - start, value, bestStyle)
            : Rejected(text, start) with { Outcome = ScanOutcome.TooLarge };
    }

    /// <summary>
    /// Two or more Chinese digits in a row. Three or more, not followed by a unit, are read digit by digit as in years
    /// (二〇二三 = 2023). Two alone (一一, 三四), any run with 两 (两三, 一两), and any run followed by a unit (三四十,
    /// 五六万) are approximate quantities or idioms, not one value.
    /// </summary>
    private static ScanResult ScanDigitSequence(ReadOnlySpan<char> text, int start, int run)
    {
        var end = start + run;
        if (run == 2 || text[start..end].Contains('两') || (end < text.Length && NumeralChars.UnitExponent(text[end]) > 0))
        {
            return Rejected(text, start);
        }

        var value = ExactNumber.Zero;
        var financial = false;
        for (var i = start; i < end; i++)
        {
            value = value.AppendDigit(NumeralChars.ChineseDigit(text[i]));
            financial |= NumeralChars.IsFinancial(text[i]);
        }

        return value.TryToDecimal(out var result)
            ? new ScanResult(ScanOutcome.Match, run, result, financial ? NumeralStyle.Financial : NumeralStyle.Chinese)
            : Rejected(text, start) with { Outcome = ScanOutcome.TooLarge };
    }

    private static int ChineseDigitRun(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && NumeralChars.ChineseDigit(text[i]) >= 0)
        {
            i++;
        }

        return i - start;
    }

    private static ScanResult Rejected(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && NumeralChars.IsNumeralChar(text[i]))
        {
            i++;
        }

        return new ScanResult(ScanOutcome.Rejected, Math.Max(1, i - start), 0m, default);
    }

    /// <summary>
    /// Lexes an Arabic literal: digits (ASCII or full-width, mixed freely), optional ASCII thousands separators, optional
    /// fraction after <c>.</c> or <c>．</c>. A comma counts as a separator only after a first group of 1-3 digits and
    /// before exactly three digits, so <c>1,000,000</c> is one number while <c>1,5</c> and <c>2020,2021</c> are lists.
    /// The full-width comma is never a separator: in Chinese text it separates clauses.
    /// </summary>
    private static int LexArabic(ReadOnlySpan<char> text, int pos, out ExactNumber value, out bool hasFraction)
    {
        var i = pos;
        var v = ExactNumber.Zero;
        while (i < text.Length && NumeralChars.ArabicDigit(text[i]) is var d and >= 0)
        {
            v = v.AppendDigit(d);
            i++;
        }

        if (i - pos <= 3)
        {
            while (IsThousandsGroup(text, i))
            {
                for (var k = 1; k <= 3; k++)
                {
                    v = v.AppendDigit(NumeralChars.ArabicDigit(text[i + k]));
                }

                i += 4;
            }
        }

        hasFraction = false;
        if (i + 1 < text.Length && text[i] is '.' or '．' && NumeralChars.ArabicDigit(text[i + 1]) >= 0)
        {
            hasFraction = true;
            i++;
            while (i < text.Length && NumeralChars.ArabicDigit(text[i]) is var d and >= 0)
            {
                v = v.AppendFractionDigit(d);
                i++;
            }
        }

        value = v;
        return i - pos;
    }

    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int i) =>
        i + 3 < text.Length
        && text[i] == ','
        && NumeralChars.ArabicDigit(text[i + 1]) >= 0
        && NumeralChars.ArabicDigit(text[i + 2]) >= 0
        && NumeralChars.ArabicDigit(text[i + 3]) >= 0
        && (i + 4 == text.Length || NumeralChars.ArabicDigit(text[i + 4]) < 0);

    /// <summary>
    /// The state machine. Values are built the usual way: small units (十百千) add <c>digit × unit</c> to the current
    /// section; a big unit (万亿) multiplies the section together with every earlier group that was smaller than it
    /// (so 一万二千亿 = 12000亿) and pushes the product as a group; 万亿 and 亿亿 directly in a row compound.
    /// </summary>
    private sealed class Machine
    {
        private readonly List<Group> groups = [];

        private Prev prev = Prev.Start;
        private ExactNumber section;
        private int lastSmall;

        private bool hasPending;
        private ExactNumber pending;
        private int pendingDigit = -1;
        private bool pendingIsLiang;
        private int pendingAfterSmall;
        private int pendingAfterBig;

        private bool arabic;
        private bool chinese;
        private bool financial;
        private bool anyUnit;
        private bool decimalSeen;
        private bool decimalBaseHadUnits;
        private bool arabicContinuation;

        private enum Prev
        {
            Start,
            Digit,
            Zero,
            SmallUnit,
            BigUnit,
            Arabic,
            Decimal,
        }

        /// <summary>
        /// A dangling 零 is not part of the numeral; an Arabic part after a unit (1亿2000…) must be closed by a unit of
        /// its own; 两 is only a numeral alone or before a unit (两万, 一千两百, never 一万两).
        /// </summary>
        public bool IsComplete =>
            prev != Prev.Start
            && prev != Prev.Zero
            && !arabicContinuation
            && !(pendingIsLiang && (groups.Count > 0 || lastSmall != 0));

        public NumeralStyle Style =>
            arabic ? (anyUnit ? NumeralStyle.Mixed : NumeralStyle.Arabic)
            : financial ? NumeralStyle.Financial
            : NumeralStyle.Chinese;

        public ExactNumber Value()
        {
            var total = section.Add(PendingValue(closedByBigUnit: false));
            foreach (var g in groups)
            {
                total = total.Add(g.Value);
            }

            return total;
        }

        /// <summary>Consumes one token at <paramref name="pos"/>: its length, or <see cref="Stop"/> / <see cref="Reject"/>.</summary>
        public int Feed(ReadOnlySpan<char> text, int pos)
        {
            var c = text[pos];
            if (NumeralChars.ArabicDigit(c) >= 0)
            {
                var length = LexArabic(text, pos, out var value, out var hasFraction);
                return OnArabic(value, hasFraction) ? length : Stop;
            }

            if (NumeralChars.ChineseDigit(c) is var digit and >= 0)
            {
                return OnChineseDigit(c, digit);
            }

            if (NumeralChars.UnitExponent(c) is var exponent and > 0)
            {
                return OnUnit(c, exponent) ? 1 : Stop;
            }

            if (c == '点')
            {
                var i = pos + 1;
                var fraction = ExactNumber.Zero;
                var fin = false;
                while (i < text.Length && text[i] != '两' && NumeralChars.ChineseDigit(text[i]) is var d and >= 0)
                {
                    fraction = fraction.AppendFractionDigit(d);
                    fin |= NumeralChars.IsFinancial(text[i]);
                    i++;
                }

                // 三点 without digits is "three points / items", common in policy text, so 点 needs a digit after it.
                return i > pos + 1 && OnDecimalPoint(fraction, fin) ? i - pos : Stop;
            }

            return Stop;
        }

        private bool OnArabic(ExactNumber value, bool hasFraction)
        {
            if (chinese)
            {
                return false;
            }

            if (prev == Prev.Start)
            {
                arabic = true;
                decimalSeen = hasFraction;
            }
            else if (arabic && prev is Prev.SmallUnit or Prev.BigUnit or Prev.Zero && !decimalSeen && !hasFraction)
            {
                // 1亿2000万, 3千5百: a further coefficient, valid only once a unit closes it. A bare 3万5 stays 3万:
                // colloquially it means 35000 but 1万2000 means 12000, and digits alone cannot tell the two apart.
                arabicContinuation = true;
            }
            else
            {
                return false;
            }

            SetPending(value, digit: -1, liang: false);
            prev = Prev.Arabic;
            return true;
        }

        private int OnChineseDigit(char c, int digit)
        {
            if (arabic && digit == 0 && prev is Prev.SmallUnit or Prev.BigUnit)
            {
                prev = Prev.Zero; // 1亿零500万
                return 1;
            }

            if (arabic || decimalSeen)
            {
                return Stop;
            }

            if (digit == 0)
            {
                switch (prev)
                {
                    case Prev.Start:
                        SetPending(ExactNumber.Zero, 0, liang: false);
                        prev = Prev.Digit;
                        break;
                    case Prev.SmallUnit or Prev.BigUnit:
                        prev = Prev.Zero;
                        break;
                    case Prev.Digit or Prev.Zero:
                        return Reject; // 一百二〇, 一千零零五: malformed, not worth guessing
                    default:
                        return Stop;
                }
            }
            else
            {
                if (prev == Prev.Digit)
                {
                    return Reject; // 一百二三十, 三万五六千: approximate ranges
                }

                var afterSmall = prev == Prev.SmallUnit ? lastSmall : 0;
                var afterBig = prev == Prev.BigUnit ? groups[^1].Exponent : 0;
                SetPending(ExactNumber.FromDigit(digit), digit, liang: c == '两');
                pendingAfterSmall = afterSmall;
                pendingAfterBig = afterBig;
                prev = Prev.Digit;
            }

            chinese = true;
            financial |= NumeralChars.IsFinancial(c);
            return 1;
        }

        private bool OnUnit(char c, int exponent)
        {
            var ok = exponent >= 4 ? OnBigUnit(exponent) : OnSmallUnit(exponent);
            if (ok)
            {
                anyUnit = true;
                arabicContinuation = false;
                financial |= NumeralChars.IsFinancial(c);
            }

            return ok;
        }

        private bool OnSmallUnit(int exponent)
        {
            if (decimalSeen && decimalBaseHadUnits)
            {
                return false; // 十五点五十 is not 155
            }

            ExactNumber coefficient;
            if (hasPending)
            {
                if (pending.IsZero || (pendingIsLiang && exponent == 1))
                {
                    return false; // 零十; 两十 (it is 二十)
                }

                coefficient = pending;
            }
            else if (exponent == 1 && !arabic && prev is Prev.Start or Prev.Zero or Prev.BigUnit)
            {
                // 十 stands for 一十 at the start of a section (十五, 十万, 一千零十); 百 and 千 never drop their digit
                // in standard usage, and a bare 千万 is usually the adverb "by all means", not 10^7.
                coefficient = ExactNumber.FromDigit(1);
                chinese = true;
            }
            else
            {
                return false;
            }

            if (lastSmall != 0 && exponent >= lastSmall)
            {
                return false;
            }

            section = section.Add(coefficient.ShiftLeft(exponent));
            lastSmall = exponent;
            ClearPending();
            prev = Prev.SmallUnit;
            return true;
        }

        private bool OnBigUnit(int exponent)
        {
            Group group;
            if (prev == Prev.BigUnit)
            {
                // 万亿 = 10^12 and 亿亿 = 10^16 compound; 亿万 and 万万 are idioms ("myriad", "by no means").
                if (exponent != 8)
                {
                    return false;
                }

                var top = groups[^1];
                groups.RemoveAt(groups.Count - 1);
                group = new Group(top.Value.ShiftLeft(8), top.Exponent + 8);
            }
            else
            {
                var hasCoefficient = (hasPending && !pending.IsZero) || lastSmall != 0;
                if (!hasCoefficient || prev == Prev.Zero)
                {
                    return false; // 万 alone, 一亿零万
                }

                var coefficient = section.Add(PendingValue(closedByBigUnit: true));
                var popped = 0;
                while (groups.Count > 0 && groups[^1].Exponent < exponent)
                {
                    coefficient = coefficient.Add(groups[^1].Value);
                    popped = Math.Max(popped, groups[^1].Exponent);
                    groups.RemoveAt(groups.Count - 1);
                }

                group = new Group(coefficient.ShiftLeft(exponent), exponent + popped);
            }

            // Groups must strictly decrease in magnitude: 一万二万 and 一亿二千万亿 are not numbers.
            if (groups.Count > 0 && groups[^1].Exponent <= group.Exponent)
            {
                return false;
            }

            groups.Add(group);
            section = ExactNumber.Zero;
            lastSmall = 0;
            ClearPending();
            prev = Prev.BigUnit;
            return true;
        }

        private bool OnDecimalPoint(ExactNumber fraction, bool fin)
        {
            if (arabic || decimalSeen || groups.Count > 0)
            {
                return false;
            }

            // 一点五, 十五点五, 十点五. Not 一百五点五: there 五 would mean 50 by abbreviation, which makes no sense
            // before a fraction.
            var valid = prev == Prev.SmallUnit
                || (prev == Prev.Digit && !pendingIsLiang && pendingAfterSmall < 2);
            if (!valid)
            {
                return false;
            }

            var whole = section.Add(PendingValue(closedByBigUnit: false));
            decimalBaseHadUnits = lastSmall != 0;
            section = ExactNumber.Zero;
            lastSmall = 0;
            SetPending(whole.Add(fraction), digit: -1, liang: false);
            decimalSeen = true;
            financial |= fin;
            prev = Prev.Decimal;
            return true;
        }

        /// <summary>
        /// The worth of the pending coefficient. A Chinese digit right after a unit, with no 零 between and no unit of its
        /// own, takes the place one below that unit: 二十五 (5), 一百五 (50), 一千五 (500) and, at the end of the
        /// numeral, 三万五 (5000) and 一亿五 (5×10^7). This is how these are read in Chinese; stopping at 三万 instead
        /// would report two wrong numbers (30000 and 5). After a big unit followed by another big unit the digit is a
        /// coefficient (一亿二万 = 100020000).
        /// </summary>
        private ExactNumber PendingValue(bool closedByBigUnit)
        {
            if (!hasPending)
            {
                return ExactNumber.Zero;
            }

            if (pendingDigit > 0)
            {
                if (pendingAfterSmall > 0)
                {
                    return pending.ShiftLeft(pendingAfterSmall - 1);
                }

                if (pendingAfterBig > 0 && !closedByBigUnit)
                {
                    return ShiftLeftBy(pending, pendingAfterBig - 1);
                }
            }

            return pending;
        }

        private static ExactNumber ShiftLeftBy(ExactNumber value, int exponent)
        {
            // Compound groups (万亿 = 12) can exceed ShiftLeft's single-step limit.
            while (exponent > 8)
            {
                value = value.ShiftLeft(8);
                exponent -= 8;
            }

            return value.ShiftLeft(exponent);
        }

        private void SetPending(ExactNumber value, int digit, bool liang)
        {
            hasPending = true;
            pending = value;
            pendingDigit = digit;
            pendingIsLiang = liang;
            pendingAfterSmall = 0;
            pendingAfterBig = 0;
        }

        private void ClearPending()
        {
            hasPending = false;
            pending = ExactNumber.Zero;
            pendingDigit = -1;
            pendingIsLiang = false;
            pendingAfterSmall = 0;
            pendingAfterBig = 0;
        }

        private readonly record struct Group(ExactNumber Value, int Exponent);
    }
}
