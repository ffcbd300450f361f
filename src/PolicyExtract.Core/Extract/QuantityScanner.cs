using System.Buffers;
using System.Collections.Immutable;
using PolicyExtract.Grammar;
using PolicyExtract.Numbers;

namespace PolicyExtract.Extract;

/// <summary>
/// One left-to-right pass over a clause (see <see cref="QuantityFinder"/>). A figure is read at each position where
/// one can start (number, unit, approximation, range); then the words around it are attached: an explicit marker and
/// a bound word after it, or a bound word before it across [gap] words, and 每 units earlier in its comma-segment.
/// Finally a before-bound and 每 unit are shared along lists (最高30万元、15万元). Scanning resumes after each
/// mention, and look-backs stop at the previous mention, so mentions never overlap.
/// </summary>
internal sealed class QuantityScanner
{
    /// <summary>At most this many characters of a percentage's base between a before-bound and its base noun (不超过实际交易金额5%).</summary>
    private const int MaxBaseGap = 12;

    private readonly string text;
    private readonly QuantityGrammar g;
    private readonly bool[] blocked;
    private readonly int[] segmentStart;
    private readonly int[] segmentEnd;
    private readonly List<Figure> found = [];

    public QuantityScanner(string text, QuantityGrammar grammar)
    {
        this.text = text;
        g = grammar;
        blocked = new bool[text.Length];
        segmentStart = new int[text.Length + 1];
        segmentEnd = new int[text.Length + 1];
        MarkNotANumber();
        MarkSegments();
    }

    public ImmutableArray<QuantityMention> Run()
    {
        // Where no figure can start, ReadFigure reads nothing and moves one on: skip those positions in one search.
        var i = text.NextOf(g.FigureStarts, 0);
        while (i < text.Length)
        {
            var figure = ReadFigure(i, out var skip);
            if (figure is not null && figure.Bare && !BareIsMoney(figure))
            {
                skip = figure.End;
                figure = null;
            }

            if (figure is null)
            {
                i = text.NextOf(g.FigureStarts, Math.Max(skip, i + 1));
                continue;
            }

            Attach(figure);
            found.Add(figure);
            i = text.NextOf(g.FigureStarts, Math.Max(figure.SpanEnd, i + 1));
        }

        Distribute();
        return [.. found.Select(f => f.ToMention())];
    }

    // ---- Reading figures -------------------------------------------------------------------------------------------

    private Figure? ReadFigure(int i, out int skip)
    {
        foreach (var a in g.Approximations)
        {
            if (a.Position != WordPosition.Before || !At(a.Word, i))
            {
                continue;
            }

            var after = i + a.Word.Length;
            if (a.Meaning == ApproximationMeaning.Digit)
            {
                if (ReadUnknownDigit(i, after) is { } digit)
                {
                    skip = digit.End;
                    return digit;
                }

                continue;
            }

            var inner = ReadCore(after, out skip);
            if (inner is not null && inner.Start == after && a.Allows(inner.Kind))
            {
                inner.Start = i;
                inner.Approximate = true;
                return inner;
            }

            // 近三年来: the word does not qualify this figure; the next position reads the figure on its own.
            skip = i + 1;
            return null;
        }

        return ReadCore(i, out skip);
    }

    private Figure? ReadCore(int i, out int skip)
    {
        skip = i + 1;
        if (i >= text.Length || !NumeralChars.CanStartNumeral(text[i]))
        {
            return null;
        }

        if (blocked[i] || AfterOrdinal(i) || (i > 0 && IsAsciiLetter(text[i - 1])))
        {
            skip = RunEnd(i);
            return null;
        }

        if (Numeral.TryParsePercent(text, i, out var percent))
        {
            var f = ReadPercent(percent);
            skip = f.End;
            return f;
        }

        if (Numeral.TryParseFraction(text, i, out var fraction))
        {
            var f = new Figure(QuantityKind.Percent, i, i + fraction.Length, "%")
            {
                Value = fraction.Value,
                Exact = new Fraction(fraction.Numerator, fraction.Denominator),
            };
            AfterApproximation(f);
            skip = f.End;
            return f;
        }

        if (ReadPair(i) is { } pair)
        {
            skip = pair.End;
            return pair;
        }

        var scan = NumeralScanner.Scan(text, i);
        if (scan.Outcome != ScanOutcome.Match)
        {
            skip = i + Math.Max(1, scan.Length);
            return null;
        }

        var n = new Num(i, i + scan.Length, scan.Value);
        skip = n.End;
        if (n.End < text.Length && IsAsciiLetter(text[n.End]))
        {
            return null;
        }

        if (DateEnd(n) is { } dateEnd)
        {
            skip = dateEnd;
            return null;
        }

        var amount = ReadAmount(n);
        if (amount is not null)
        {
            skip = amount.End;
        }

        return amount;
    }

    /// <summary>50%, 百分之五十, 千分之三; then a range to another percentage (30%-50%) or an approximation after it.</summary>
    private Figure ReadPercent(NumeralMatch percent)
    {
        var f = new Figure(QuantityKind.Percent, percent.Start, percent.Start + percent.Length, "%") { Value = percent.Value };
        if (Connector(f.End) is { } connector
            && Numeral.TryParsePercent(text, f.End + connector.Length, out var right)
            && right.Value >= percent.Value)
        {
            f.SetRange(percent.Value, right.Value, true, true);
            f.End = right.Start + right.Length;
            RangeEnd(f);
            return f;
        }

        AfterApproximation(f);
        PerAfter(f);
        return f;
    }

    /// <summary>
    /// A numeral with what follows it: an infix approximation and unit (一千多万元), a unit (30万元, 10件), a range
    /// (10万至20万元, 10至20万元, 30-50%), a ratio (1:1), or a bare 万 (10万) for the money check.
    /// </summary>
    private Figure? ReadAmount(Num n)
    {
        foreach (var a in g.Approximations)
        {
            if (a.Position == WordPosition.Infix && At(a.Word, n.End))
            {
                return ReadInfixApproximation(n, a);
            }
        }

        if (ReadSplitUnit(n) is { } split)
        {
            return split;
        }

        var unit = ReadUnit(n.End, allowMultipliers: false) ?? TrailingBare(n);
        if (unit is null)
        {
            return ReadRange(n, null) ?? ReadRatio(n);
        }

        if (unit.Entry.BoundOnly && !BoundFollows(unit.End, unit.Entry.Kind))
        {
            return null;
        }

        if (ExactMath.Scale(n.Value, unit.Exponent) is not { } value)
        {
            return null;
        }

        if (ReadRange(n, unit) is { } range)
        {
            return range;
        }

        var f = new Figure(unit.Entry.Kind, n.Start, unit.End, unit.Entry.Code) { Value = value, Bare = unit.Bare };
        AfterApproximation(f);
        PerAfter(f);
        return f;
    }

    /// <summary>
    /// 一千多万元 (place), 十几万元 (digit), 十来万元 (about): the interval of <c>grammar/ranges.txt</c> [approximate],
    /// scaled by the unit that follows (万元, or 万 and a count unit: 十几万人).
    /// </summary>
    private Figure? ReadInfixApproximation(Num n, ApproximationEntry a)
    {
        var unit = ReadUnit(n.End + a.Word.Length, allowMultipliers: true);
        if (unit is null || unit.Entry.BoundOnly || !a.Allows(unit.Entry.Kind))
        {
            return null;
        }

        var f = new Figure(unit.Entry.Kind, n.Start, unit.End, unit.Entry.Code) { Approximate = true, Bare = unit.Bare };
        switch (a.Meaning)
        {
            case ApproximationMeaning.About:
                if (ExactMath.Scale(n.Value, unit.Exponent) is not { } about)
                {
                    return null;
                }

                f.Value = about;
                break;
            case ApproximationMeaning.Place:
                // N多: more than N, less than N plus one of its last place (一千多 is between 1000 and 2000).
                if (ExactMath.TrailingZeros(n.Value) is not { } zeros
                    || ExactMath.Add(n.Value, Pow10(zeros)) is not { } upper
                    || ExactMath.Scale(n.Value, unit.Exponent) is not { } min
                    || ExactMath.Scale(upper, unit.Exponent) is not { } max)
                {
                    return null;
                }

                f.SetRange(min, max, false, false);
                break;
            default:
                // N几: the next place down is an unknown digit 1-9 (十几 is 11 to 19).
                if (ExactMath.TrailingZeros(n.Value) is not ({ } tens and > 0)
                    || ExactMath.Add(n.Value, Pow10(tens - 1)) is not { } low
                    || ExactMath.Times(Pow10(tens - 1), 9) is not { } nine
                    || ExactMath.Add(n.Value, nine) is not { } high
                    || ExactMath.Scale(low, unit.Exponent) is not { } lowValue
                    || ExactMath.Scale(high, unit.Exponent) is not { } highValue)
                {
                    return null;
                }

                f.SetRange(lowValue, highValue, true, true);
                break;
        }

        PerAfter(f);
        return f;
    }

    /// <summary>5个多月: an approximation inside a count or duration unit (个月); one unit more at most.</summary>
    private Figure? ReadSplitUnit(Num n)
    {
        foreach (var unit in g.Units)
        {
            if (unit.Word.Length < 2 || unit.Kind == QuantityKind.Money || unit.BoundOnly || !At(unit.Word[..1], n.End))
            {
                continue;
            }

            foreach (var a in g.Approximations)
            {
                var rest = n.End + 1 + a.Word.Length;
                if (a.Position != WordPosition.Infix || a.Meaning == ApproximationMeaning.Digit || !a.Allows(unit.Kind)
                    || !At(a.Word, n.End + 1) || !At(unit.Word[1..], rest))
                {
                    continue;
                }

                var f = new Figure(unit.Kind, n.Start, rest + unit.Word.Length - 1, unit.Code) { Approximate = true };
                if (a.Meaning == ApproximationMeaning.About)
                {
                    f.Value = n.Value;
                }
                else if (ExactMath.Add(n.Value, 1m) is { } upper)
                {
                    f.SetRange(n.Value, upper, false, false);
                }
                else
                {
                    return null;
                }

                return f;
            }
        }

        return null;
    }

    /// <summary>几十万元, 数百家: 几/数 before a multiplier is 2-9 of it. A multiplier is required (几个 is not read).</summary>
    private Figure? ReadUnknownDigit(int start, int after)
    {
        var unit = ReadUnit(after, allowMultipliers: true);
        if (unit is null || unit.Exponent == 0 || unit.Entry.BoundOnly)
        {
            return null;
        }

        if (ExactMath.Scale(2m, unit.Exponent) is not { } min || ExactMath.Scale(9m, unit.Exponent) is not { } max)
        {
            return null;
        }

        var f = new Figure(unit.Entry.Kind, start, unit.End, unit.Entry.Code) { Approximate = true, Bare = unit.Bare };
        f.SetRange(min, max, true, true);
        PerAfter(f);
        return f;
    }

    /// <summary>三四十万元, 两三千元, 一两个: two neighbouring digits, an approximate range (the numeral parser rejects these).</summary>
    private Figure? ReadPair(int i)
    {
        if (i + 1 >= text.Length)
        {
            return null;
        }

        var low = NumeralChars.ChineseDigit(text[i]);
        var high = NumeralChars.ChineseDigit(text[i + 1]);
        if (low < 1 || high != low + 1 || (i + 2 < text.Length && NumeralChars.ChineseDigit(text[i + 2]) >= 0))
        {
            return null;
        }

        var unit = ReadUnit(i + 2, allowMultipliers: true);
        if (unit is null || unit.Entry.BoundOnly
            || ExactMath.Scale(low, unit.Exponent) is not { } min || ExactMath.Scale(high, unit.Exponent) is not { } max)
        {
            return null;
        }

        var f = new Figure(unit.Entry.Kind, i, unit.End, unit.Entry.Code) { Approximate = true, Bare = unit.Bare };
        f.SetRange(min, max, true, true);
        PerAfter(f);
        return f;
    }

    /// <summary>
    /// A range from the numeral <paramref name="n"/> (with its unit, or without one: the right end's unit then applies
    /// to both) to a figure after a [connector]: 10万至20万元, 两到三万元, 1000万元及以上至5000万元, 30-50%, 3至5年.
    /// </summary>
    private Figure? ReadRange(Num n, UnitRead? leftUnit)
    {
        var p = leftUnit?.End ?? n.End;
        Marker? lowerMarker = null;
        BoundEntry? lower = null;
        var lowerAt = 0;
        decimal? leftValue = leftUnit is null ? null : ExactMath.Scale(n.Value, leftUnit.Exponent);
        if (leftUnit is not null && leftValue is { } lv)
        {
            lowerMarker = MarkerAt(p, leftUnit.Entry.Kind, leftUnit.Entry.Code, lv);
            p = lowerMarker?.End ?? p;
            if (AfterBoundAt(p, leftUnit.Entry.Kind) is { Direction: BoundDirection.AtLeast or BoundDirection.MoreThan } b)
            {
                lower = b;
                lowerAt = p;
                p += b.Word.Length;
                if (lowerMarker is null && MarkerAt(p, leftUnit.Entry.Kind, leftUnit.Entry.Code, lv) is { } m)
                {
                    lowerMarker = m;
                    p = m.End;
                }
            }
        }

        if (Connector(p) is not { } connector || ReadSimple(p + connector.Length) is not { } right)
        {
            return null;
        }

        Figure f;
        if (leftUnit is null)
        {
            if (right.PercentExponent > 0)
            {
                leftValue = ExactMath.Unscale(n.Value, right.PercentExponent);
            }
            else if (right.Unit is { BoundOnly: false } rightUnit)
            {
                leftValue = SpreadMultiplier(n, right, rightUnit);
            }
            else
            {
                return null;
            }

            f = new Figure(right.Kind, n.Start, right.End, right.Code) { Bare = right.Bare };
        }
        else
        {
            if (leftUnit.Entry.BoundOnly || right.Unit is not { } rightUnit || rightUnit.BoundOnly
                || right.Kind != leftUnit.Entry.Kind || right.Code != leftUnit.Entry.Code)
            {
                return null;
            }

            f = new Figure(right.Kind, n.Start, right.End, right.Code) { Bare = leftUnit.Bare && right.Bare };
        }

        if (leftValue is not { } min || min > right.Value)
        {
            return null;
        }

        var minInclusive = lowerMarker?.Inclusive ?? lower?.Inclusive ?? true;
        f.SetRange(min, right.Value, minInclusive, true);
        if (lower is not null)
        {
            f.Bound = new BoundWord(lower.Word, lower.Direction, minInclusive,
                lowerMarker is null ? InclusiveSource.Default : InclusiveSource.Explicit, lowerAt, lowerAt + lower.Word.Length);
        }

        RangeEnd(f);
        return f;
    }

    /// <summary>
    /// The left end of 两到三万元 / 10至20万元 takes the multiplier the right end's numeral ends in: all of it (两到三千万
    /// = 2000万..3000万), else only its 万/亿 (十五到二十万 = 15万..20万), else none (5000至1万元 = 5000..10000),
    /// the first that keeps the left end no greater than the right. A left end with its own 万/亿 keeps its value.
    /// </summary>
    private decimal? SpreadMultiplier(Num left, Simple right, UnitEntry unit)
    {
        var candidates = new List<int>();
        if (NumeralChars.UnitExponent(text[left.End - 1]) < 4)
        {
            var runStart = right.Numeral.End;
            while (runStart > right.Numeral.Start && NumeralChars.UnitExponent(text[runStart - 1]) > 0)
            {
                runStart--;
            }

            var bigStart = right.Numeral.End;
            while (bigStart > runStart && NumeralChars.UnitExponent(text[bigStart - 1]) >= 4)
            {
                bigStart--;
            }

            if (runStart > right.Numeral.Start)
            {
                foreach (var from in new[] { runStart, bigStart })
                {
                    if (from < right.Numeral.End && RunExponent(from, right.Numeral.End) is { } e && !candidates.Contains(e))
                    {
                        candidates.Add(e);
                    }
                }
            }
        }

        candidates.Add(0);
        foreach (var exponent in candidates)
        {
            if (ExactMath.Scale(left.Value, exponent + unit.Exponent) is { } value && value <= right.Value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>After the right end of a range: an explicit marker for the upper end (（含）/（不含）) and per-units.</summary>
    private void RangeEnd(Figure f)
    {
        if (MarkerAt(f.End, f.Kind, f.Unit, f.Max!.Value) is { } marker)
        {
            // 100万元至300万元（含300万元）: the marker says so of the upper end, whatever a document's 本数 clause says.
            f.MaxInclusive = marker.Inclusive;
            f.UpperBound = new BoundWord(text[f.End..marker.End], BoundDirection.AtMost, marker.Inclusive, InclusiveSource.Explicit, f.End, marker.End);
            f.End = marker.End;
        }
        else if (AfterBoundAt(f.End, f.Kind) is { Direction: BoundDirection.AtMost or BoundDirection.LessThan } upper)
        {
            // 50万元以上至100万元以下: the word after the upper end bounds it, so each tier of a list of such ranges is one
            // mention (the list is then a ladder).
            var at = f.End;
            var upperMarker = MarkerAt(at + upper.Word.Length, f.Kind, f.Unit, f.Max!.Value);
            f.MaxInclusive = upperMarker?.Inclusive ?? upper.Inclusive;
            f.UpperBound = new BoundWord(upper.Word, upper.Direction, f.MaxInclusive.Value,
                upperMarker is null ? InclusiveSource.Default : InclusiveSource.Explicit, at, at + upper.Word.Length);
            f.End = upperMarker?.End ?? at + upper.Word.Length;
        }

        PerAfter(f);
    }

    /// <summary>
    /// 1:1, 1：0.5, 1∶1, 1比1 — second ÷ first. Not a ratio: a chain (1:1:1), and a clock time, that is an hour (0-24)
    /// and two digits that start with 0 (9:00) or stand next to a range word (9:30-11:30).
    /// </summary>
    private Figure? ReadRatio(Num left)
    {
        if (WordAt(g.RatioSeparators, left.End) is not { } separator || EndsWithAny(g.RatioSeparators, left.Start))
        {
            return null;
        }

        var at = left.End + separator.Length;
        var scan = NumeralScanner.Scan(text, at);
        if (scan.Outcome != ScanOutcome.Match || blocked[at])
        {
            return null;
        }

        var end = at + scan.Length;
        var clock = scan.Length == 2 && NumeralChars.ArabicDigit(text[at]) >= 0 && NumeralChars.ArabicDigit(text[at + 1]) >= 0
            && left.Value <= 24m && left.Value == decimal.Truncate(left.Value)
            && (text[at] == '0' || Connector(end) is not null || g.Connectors.Any(c => left.Start >= c.Length && At(c, left.Start - c.Length)));
        var chain = WordAt(g.RatioSeparators, end) is { } next && NumeralScanner.Scan(text, end + next.Length).Outcome == ScanOutcome.Match;
        if (clock || chain || (end < text.Length && IsAsciiLetter(text[end]))
            || left.Value < 0.001m || left.Value > 1_000_000m || scan.Value > 1_000_000m)
        {
            return null;
        }

        return new Figure(QuantityKind.Ratio, left.Start, end, ":")
        {
            Value = scan.Value / left.Value,
            Exact = new Fraction(scan.Value, left.Value),
        };
    }

    /// <summary>A plain figure: a percentage, or a numeral with its unit (or a bare 万). Range right ends and （含10件） use it.</summary>
    private Simple? ReadSimple(int p)
    {
        if (p >= text.Length || blocked[p] || AfterOrdinal(p))
        {
            return null;
        }

        if (Numeral.TryParsePercent(text, p, out var percent))
        {
            var sign = text[percent.Start + percent.Length - 1];
            var exponent = sign switch
            {
                '%' or '％' => 2,
                '‰' => 3,
                _ => 0,
            };
            return new Simple(QuantityKind.Percent, new Num(p, percent.Start + percent.Length, percent.Value), null, percent.Value, percent.Start + percent.Length, "%", false, exponent);
        }

        var scan = NumeralScanner.Scan(text, p);
        if (scan.Outcome != ScanOutcome.Match)
        {
            return null;
        }

        var n = new Num(p, p + scan.Length, scan.Value);
        if ((n.End < text.Length && IsAsciiLetter(text[n.End])) || DateEnd(n) is not null || IsYear(n))
        {
            return null;
        }

        var unit = ReadUnit(n.End, allowMultipliers: false) ?? TrailingBare(n);
        if (unit is null || ExactMath.Scale(n.Value, unit.Exponent) is not { } value)
        {
            return null;
        }

        return new Simple(unit.Entry.Kind, n, unit.Entry, value, unit.End, unit.Entry.Code, unit.Bare, 0);
    }

    /// <summary>
    /// The unit at <paramref name="p"/>: the longest entry of units.txt; with <paramref name="allowMultipliers"/>, also a
    /// run of 十百千万亿 and then a unit (十几万人: 万 and 人), or a run ending in a bare 万/亿 (三四十万). A currency word
    /// takes the money suffix after it (元整).
    /// </summary>
    private UnitRead? ReadUnit(int p, bool allowMultipliers)
    {
        var direct = UnitAt(p);
        if (direct is { Bare: false })
        {
            return Unit(direct, direct.Exponent, p + direct.Word.Length, bare: false);
        }

        if (allowMultipliers)
        {
            var q = p;
            while (q < text.Length && NumeralChars.UnitExponent(text[q]) > 0)
            {
                q++;
            }

            if (q > p && RunExponent(p, q) is { } run)
            {
                if (UnitAt(q) is { } unit)
                {
                    return unit.Bare ? null : Unit(unit, run + unit.Exponent, q + unit.Word.Length, bare: false);
                }

                if (BareEntry(text[q - 1]) is { } bareRun)
                {
                    return Unit(bareRun, run, q, bare: true);
                }
            }
        }

        return direct is not null ? Unit(direct, direct.Exponent, p + direct.Word.Length, bare: true) : null;
    }

    private UnitRead Unit(UnitEntry entry, int exponent, int end, bool bare)
    {
        if (entry.Kind == QuantityKind.Money && !bare && WordAt(g.MoneySuffixes, end) is { } suffix)
        {
            end += suffix.Length;
        }

        return new UnitRead(entry, exponent, end, bare);
    }

    /// <summary>
    /// A numeral written with a bare multiplier of units.txt and no unit after it (10万, 三万五, 1亿2000万): money if the
    /// cue check passes, its multiplier already counted.
    /// </summary>
    private UnitRead? TrailingBare(Num n)
    {
        for (var k = n.End - 1; k >= n.Start; k--)
        {
            if (BareEntry(text[k]) is { } entry)
            {
                return new UnitRead(entry, 0, n.End, Bare: true);
            }
        }

        return null;
    }

    private UnitEntry? BareEntry(char c)
    {
        foreach (var unit in g.Units)
        {
            if (unit.Bare && unit.Word.Length == 1 && unit.Word[0] == c)
            {
                return unit;
            }
        }

        return null;
    }

    private UnitEntry? UnitAt(int p)
    {
        foreach (var unit in g.Units)
        {
            if (At(unit.Word, p))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>The power of ten of a run of multipliers (十万 = 5, 千万 = 7), or null when the run is not one (万千).</summary>
    private int? RunExponent(int from, int to)
    {
        if (!Numeral.TryParse("一" + text[from..to], out var value))
        {
            return null;
        }

        var exponent = 0;
        while (value >= 10m && value % 10m == 0m)
        {
            value /= 10m;
            exponent++;
        }

        return value == 1m ? exponent : null;
    }

    /// <summary>After a single figure's unit: 3年多 (place, one unit), 30万元左右 (about).</summary>
    private void AfterApproximation(Figure f)
    {
        foreach (var a in g.Approximations)
        {
            if (a.Position != WordPosition.After || !a.Allows(f.Kind) || !At(a.Word, f.End) || f.Value is not { } value)
            {
                continue;
            }

            if (a.Meaning == ApproximationMeaning.Place)
            {
                if (ExactMath.Add(value, 1m) is not { } upper)
                {
                    continue;
                }

                f.SetRange(value, upper, false, false);
            }

            f.Approximate = true;
            f.End += a.Word.Length;
            return;
        }
    }

    /// <summary>200元/个, 3万元/人, 元/人/月: per-units written after the figure.</summary>
    private void PerAfter(Figure f)
    {
        var p = f.End;
        while (WordAt(g.PerAfter, p) is { } marker && WordAt(g.PerUnits, p + marker.Length) is { } unit)
        {
            f.PerAfterUnits.Add(unit);
            p += marker.Length + unit.Length;
        }

        f.End = p;
    }

    // ---- Dates, ordinals, names --------------------------------------------------------------------------------------

    /// <summary>
    /// The end of a date that starts with <paramref name="n"/>, or null: a calendar year (2022年, 二〇二三年, 2022年度, and
    /// year ranges 2021-2035年) with its month and day; a month before a day or after 年 (10月24日, 每年6月), before a
    /// [date-suffix] (一月份, 6月底), or 1-12 with no bound after it (于八月开展); a day after 月 or before a [date-suffix]
    /// (自15日起).
    /// </summary>
    private int? DateEnd(Num n)
    {
        if (IsYear(n))
        {
            if (At("年", n.End))
            {
                var p = n.End + 1;
                return MonthDayEnd(At("度", p) ? p + 1 : p);
            }

            if (Connector(n.End) is { } connector)
            {
                var at = n.End + connector.Length;
                var scan = NumeralScanner.Scan(text, at);
                if (scan.Outcome == ScanOutcome.Match && IsYear(new Num(at, at + scan.Length, scan.Value)))
                {
                    var end = at + scan.Length;
                    return At("年", end) ? MonthDayEnd(end + 1) : end;
                }
            }

            return null;
        }

        if (At("月", n.End))
        {
            var afterMonth = n.End + 1;
            if (DayEnd(afterMonth) is { } dayEnd)
            {
                return dayEnd;
            }

            if (WordAt(g.DateSuffixes, afterMonth) is { } suffix)
            {
                return afterMonth + suffix.Length;
            }

            if (n.Start > 0 && text[n.Start - 1] == '年')
            {
                return afterMonth;
            }

            // 于八月开展, 1-2月累计: a bare 月 after 1-12 names a month unless the figure is bounded (6月以上).
            if (n.Value is >= 1m and <= 12m && n.Value == decimal.Truncate(n.Value)
                && AfterBoundAt(afterMonth, QuantityKind.Duration) is null
                && !g.Approximations.Any(a => a.Position == WordPosition.After && At(a.Word, afterMonth)))
            {
                return afterMonth;
            }
        }

        if (At("日", n.End) || At("号", n.End))
        {
            if (n.Start > 0 && text[n.Start - 1] == '月')
            {
                return n.End + 1;
            }

            if (WordAt(g.DateSuffixes, n.End + 1) is { } daySuffix)
            {
                return n.End + 1 + daySuffix.Length;
            }
        }

        return null;
    }

    private int MonthDayEnd(int p)
    {
        var scan = NumeralScanner.Scan(text, p);
        if (scan.Outcome != ScanOutcome.Match || !At("月", p + scan.Length))
        {
            return p;
        }

        var afterMonth = p + scan.Length + 1;
        return DayEnd(afterMonth) ?? (WordAt(g.DateSuffixes, afterMonth) is { } suffix ? afterMonth + suffix.Length : afterMonth);
    }

    private int? DayEnd(int p)
    {
        var scan = NumeralScanner.Scan(text, p);
        return scan.Outcome == ScanOutcome.Match && (At("日", p + scan.Length) || At("号", p + scan.Length)) ? p + scan.Length + 1 : null;
    }

    /// <summary>A calendar year: four digits (2022, 二〇二二) from 1900 to 2099.</summary>
    private static bool IsYear(Num n) =>
        n.End - n.Start == 4 && n.Value is >= 1900m and <= 2099m && n.Value == decimal.Truncate(n.Value);

    private bool AfterOrdinal(int i) => EndsWithAny(g.OrdinalPrefixes, i);

    /// <summary>Marks every character of every [not-a-number] word; a figure cannot start on a marked character.</summary>
    private void MarkNotANumber()
    {
        var i = text.NextOf(g.NotANumberStarts, 0);
        while (i < text.Length)
        {
            if (WordAt(g.NotANumber, i) is { } word)
            {
                Array.Fill(blocked, true, i, word.Length);
                i += word.Length;
            }
            else
            {
                i++;
            }

            i = text.NextOf(g.NotANumberStarts, i);
        }
    }

    /// <summary>For every offset, the comma-segment around it: [segmentStart, segmentEnd) between [clause-break]s and line breaks.</summary>
    private void MarkSegments()
    {
        var isBreak = new bool[text.Length];
        var i = text.NextOf(g.ClauseBreakStarts, 0);
        while (i < text.Length)
        {
            var length = text[i] is '\n' or '\r' ? 1 : WordAt(g.ClauseBreaks, i)?.Length ?? 0;
            if (length == 0)
            {
                i = text.NextOf(g.ClauseBreakStarts, i + 1);
                continue;
            }

            Array.Fill(isBreak, true, i, length);
            i = text.NextOf(g.ClauseBreakStarts, i + length);
        }

        var start = 0;
        for (var k = 0; k <= text.Length; k++)
        {
            segmentStart[k] = start;
            if (k < text.Length && isBreak[k])
            {
                start = k + 1;
            }
        }

        var end = text.Length;
        for (var k = text.Length; k >= 0; k--)
        {
            if (k < text.Length && isBreak[k])
            {
                end = k;
            }

            segmentEnd[k] = end;
        }
    }

    // ---- Attaching words around a figure --------------------------------------------------------------------------

    private void Attach(Figure f)
    {
        f.SpanStart = f.Start;
        f.SpanEnd = f.End;
        var limit = Math.Max(found.Count > 0 ? found[^1].SpanEnd : 0, segmentStart[f.Start]);
        if (!f.IsRange)
        {
            var marker = AttachAfter(f);
            if (f.Bound is null)
            {
                AttachBefore(f, limit, marker);
            }
        }

        AttachPerBefore(f, limit);
    }

    /// <summary>
    /// 10件以上, 50万元（含）以上, 10件以上（含10件）, 100万元（含税）以上. Returns an explicit marker found right after the
    /// figure when no bound word follows it, for a bound word before the figure (不超过50万元（含）).
    /// </summary>
    private Marker? AttachAfter(Figure f)
    {
        var value = f.Value!.Value;
        var first = MarkerAt(f.End, f.Kind, f.Unit, value);
        var p = first?.End ?? f.End;
        while (WordAt(g.Neutral, p) is { } neutral)
        {
            p += neutral.Length;
        }

        if (AfterBoundAt(p, f.Kind) is not { } bound)
        {
            return first;
        }

        var end = p + bound.Word.Length;
        var second = first is null ? MarkerAt(end, f.Kind, f.Unit, value) : null;
        var marker = first ?? second;
        f.Bound = new BoundWord(bound.Word, bound.Direction, marker?.Inclusive ?? bound.Inclusive,
            marker is null ? InclusiveSource.Default : InclusiveSource.Explicit, p, end);
        f.BoundBefore = false;
        f.SpanEnd = second?.End ?? end;
        return null;
    }

    /// <summary>
    /// 最高30万元, 最多资助10家 (across [gap] words), 按不超过实际交易金额5% (across a percentage's base), 最高不超过20万元
    /// (the nearer word is the bound; the span covers both).
    /// </summary>
    private void AttachBefore(Figure f, int limit, Marker? marker)
    {
        BoundEntry? bound = null;
        var boundStart = 0;
        var p = f.Start;
        while (true)
        {
            if (BeforeBoundEndingAt(p, limit, f.Kind) is { } hit)
            {
                bound = hit;
                boundStart = p - hit.Word.Length;
                break;
            }

            if (WordEndingAt(g.GapWords, p, limit) is not { } gap)
            {
                break;
            }

            p -= gap.Length;
        }

        if (bound is null && f.Kind == QuantityKind.Percent)
        {
            (bound, boundStart) = BoundBeforeBase(f.Start, limit);
        }

        if (bound is null)
        {
            return;
        }

        var spanStart = boundStart;
        if (BeforeBoundEndingAt(boundStart, limit, f.Kind) is { } outer && outer.Direction == bound.Direction)
        {
            spanStart -= outer.Word.Length;
        }

        f.Bound = new BoundWord(bound.Word, bound.Direction, marker?.Inclusive ?? bound.Inclusive,
            marker is null ? InclusiveSource.Default : InclusiveSource.Explicit, boundStart, boundStart + bound.Word.Length);
        f.BoundBefore = true;
        f.SpanStart = spanStart;
        f.SpanEnd = marker?.End ?? f.SpanEnd;
    }

    /// <summary>不超过实际交易金额5%, 不超过项目总投资的30%: a run of Chinese ending in a [base] noun (and 的) before a percentage.</summary>
    private (BoundEntry? Bound, int Start) BoundBeforeBase(int figureStart, int limit)
    {
        var q = figureStart;
        if (q - 1 >= limit && text[q - 1] == '的')
        {
            q--;
        }

        if (WordEndingAt(g.BaseNouns, q, limit) is not { } baseNoun)
        {
            return (null, 0);
        }

        var r = q - baseNoun.Length;
        for (var k = r; k >= Math.Max(limit, r - MaxBaseGap); k--)
        {
            if (BeforeBoundEndingAt(k, limit, QuantityKind.Percent) is { } hit)
            {
                return (hit, k - hit.Word.Length);
            }

            if (k - 1 < limit || !IsHan(text[k - 1]))
            {
                break;
            }
        }

        return (null, 0);
    }

    /// <summary>每件2000元, 每年给予每家最高50万元: every 每 unit of the comma-segment before the mention, in order.</summary>
    private void AttachPerBefore(Figure f, int limit)
    {
        var k = limit;
        while (k < f.SpanStart)
        {
            if (WordAt(g.PerBefore, k) is { } marker && k + marker.Length <= f.SpanStart
                && WordAt(g.PerUnits, k + marker.Length) is { } unit && k + marker.Length + unit.Length <= f.SpanStart)
            {
                f.PerBeforeUnits.Add(unit);
                k += marker.Length + unit.Length;
            }
            else
            {
                k++;
            }
        }
    }

    /// <summary>
    /// 分别给予最高30万元、15万元资助: a figure right after a [list] separator shares the before-bound and the 每 units of
    /// the figure before it, if it has none of its own and is of the same kind.
    /// </summary>
    private void Distribute()
    {
        for (var k = 1; k < found.Count; k++)
        {
            var prev = found[k - 1];
            var cur = found[k];
            if (cur.Kind != prev.Kind || cur.IsRange || prev.IsRange
                || !g.ListSeparators.Contains(text[prev.SpanEnd..cur.SpanStart], StringComparer.Ordinal))
            {
                continue;
            }

            if (cur.Bound is null && prev.Bound is { } shared && prev.BoundBefore)
            {
                cur.Bound = shared;
                cur.BoundBefore = true;
            }

            if (cur.PerBeforeUnits.Count == 0)
            {
                cur.PerBeforeUnits.AddRange(prev.PerBeforeUnits);
            }
        }
    }

    // ---- Bare 万 ------------------------------------------------------------------------------------------------------

    /// <summary>
    /// A bare 万/亿 (10万, 十几万) is money when a [money-cue] word precedes it in its comma-segment or follows it, or a
    /// currency word occurs elsewhere in the segment; and the next character does not start a word it could be
    /// counting (10万平方米).
    /// </summary>
    private bool BareIsMoney(Figure f)
    {
        var end = f.End;
        if (end < text.Length && IsHan(text[end]) && text[end] != '的'
            && AfterBoundAt(end, QuantityKind.Money) is null
            && WordAt(g.Connectors, end) is null
            && WordAt(g.ListSeparators, end) is null
            && WordAt(g.MoneyCues, end) is null
            && !g.Approximations.Any(a => a.Position == WordPosition.After && At(a.Word, end))
            && !g.Markers.Any(m => At(m.Prefix, end)))
        {
            return false;
        }

        var start = segmentStart[f.Start];
        var stop = segmentEnd[f.Start];
        var before = text.AsSpan(start, f.Start - start);
        var after = text.AsSpan(end, Math.Max(0, stop - end));
        foreach (var cue in g.MoneyCues)
        {
            if (before.Contains(cue, StringComparison.Ordinal) || At(cue, end))
            {
                return true;
            }
        }

        foreach (var currency in g.Currencies)
        {
            if (before.Contains(currency, StringComparison.Ordinal) || after.Contains(currency, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // ---- Markers and bound words --------------------------------------------------------------------------------------

    /// <summary>An explicit marker at <paramref name="p"/>; one with {figure} must repeat the figure (kind, unit and value).</summary>
    private Marker? MarkerAt(int p, QuantityKind kind, string unit, decimal value)
    {
        foreach (var m in g.Markers)
        {
            if (!At(m.Prefix, p))
            {
                continue;
            }

            if (!m.HasFigure)
            {
                return new Marker(m.Inclusive, p + m.Prefix.Length);
            }

            if (ReadSimple(p + m.Prefix.Length) is { } inner && inner.Kind == kind && inner.Code == unit && inner.Value == value
                && At(m.Suffix, inner.End))
            {
                return new Marker(m.Inclusive, inner.End + m.Suffix.Length);
            }
        }

        return null;
    }

    private bool BoundFollows(int p, QuantityKind kind)
    {
        foreach (var m in g.Markers)
        {
            if (!m.HasFigure && At(m.Prefix, p))
            {
                p += m.Prefix.Length;
                break;
            }
        }

        while (WordAt(g.Neutral, p) is { } neutral)
        {
            p += neutral.Length;
        }

        return AfterBoundAt(p, kind) is not null;
    }

    private BoundEntry? AfterBoundAt(int p, QuantityKind kind)
    {
        foreach (var b in g.BoundsAfter)
        {
            if (b.Allows(kind) && At(b.Word, p))
            {
                return b;
            }
        }

        return null;
    }

    private BoundEntry? BeforeBoundEndingAt(int p, int limit, QuantityKind kind)
    {
        foreach (var b in g.BoundsBefore)
        {
            if (b.Allows(kind) && p - b.Word.Length >= limit && At(b.Word, p - b.Word.Length))
            {
                return b;
            }
        }

        return null;
    }

    private string? Connector(int p) => WordAt(g.Connectors, p);

    // ---- Text helpers -------------------------------------------------------------------------------------------------

    private bool At(string word, int p) =>
        p >= 0 && p <= text.Length && text.AsSpan(p).StartsWith(word, StringComparison.Ordinal);

    /// <summary>The first (longest) word of <paramref name="words"/> that starts at <paramref name="p"/>.</summary>
    private string? WordAt(ImmutableArray<string> words, int p)
    {
        foreach (var word in words)
        {
            if (At(word, p))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>The first (longest) word of <paramref name="words"/> that ends at <paramref name="p"/> and starts at or after <paramref name="limit"/>.</summary>
    private string? WordEndingAt(ImmutableArray<string> words, int p, int limit)
    {
        foreach (var word in words)
        {
            if (p - word.Length >= limit && At(word, p - word.Length))
            {
                return word;
            }
        }

        return null;
    }

    private bool EndsWithAny(ImmutableArray<string> words, int p) => WordEndingAt(words, p, 0) is not null;

    /// <summary>Where to resume after a numeral that is not a quantity: past the [not-a-number] word, or past the numeral run.</summary>
    private int RunEnd(int i)
    {
        var end = i + 1;
        if (blocked[i])
        {
            while (end < text.Length && blocked[end])
            {
                end++;
            }

            return end;
        }

        while (end < text.Length && NumeralChars.IsNumeralChar(text[end]) && !blocked[end])
        {
            end++;
        }

        return end;
    }

    private static decimal Pow10(int exponent) => ExactMath.Scale(1m, exponent) ?? decimal.MaxValue;

    private static bool IsAsciiLetter(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z');

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or '〇';

    // ---- Working types ------------------------------------------------------------------------------------------------

    private readonly record struct Num(int Start, int End, decimal Value);

    private sealed record UnitRead(UnitEntry Entry, int Exponent, int End, bool Bare);

    private sealed record Simple(QuantityKind Kind, Num Numeral, UnitEntry? Unit, decimal Value, int End, string Code, bool Bare, int PercentExponent);

    private sealed record Marker(bool Inclusive, int End);

    /// <summary>A figure being built: [Start, End) is the figure itself, [SpanStart, SpanEnd) the mention with its words.</summary>
    private sealed class Figure(QuantityKind kind, int start, int end, string unit)
    {
        public QuantityKind Kind { get; } = kind;

        public int Start { get; set; } = start;

        public int End { get; set; } = end;

        public int SpanStart { get; set; }

        public int SpanEnd { get; set; }

        public string Unit { get; } = unit;

        public decimal? Value { get; set; }

        public decimal? Min { get; private set; }

        public decimal? Max { get; private set; }

        public bool? MinInclusive { get; private set; }

        public bool? MaxInclusive { get; set; }

        public bool Approximate { get; set; }

        public bool Bare { get; init; }

        public Fraction? Exact { get; init; }

        public BoundWord? Bound { get; set; }

        public BoundWord? UpperBound { get; set; }

        /// <summary>The bound word stands before the figure (so a list may share it).</summary>
        public bool BoundBefore { get; set; }

        public List<string> PerBeforeUnits { get; } = [];

        public List<string> PerAfterUnits { get; } = [];

        public bool IsRange => Min is not null;

        public void SetRange(decimal min, decimal max, bool minInclusive, bool maxInclusive)
        {
            Value = null;
            Min = min;
            Max = max;
            MinInclusive = minInclusive;
            MaxInclusive = maxInclusive;
        }

        public QuantityMention ToMention()
        {
            var per = PerBeforeUnits.Concat(PerAfterUnits).ToList();
            return new QuantityMention(
                Kind, SpanStart, SpanEnd, Value, Min, Max, MinInclusive, MaxInclusive, Approximate, Unit,
                per.Count == 0 ? null : string.Join('/', per), Bound, Exact) { UpperBound = UpperBound };
        }
    }
}
