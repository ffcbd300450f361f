namespace PolicyExtract.Extract;

/// <summary>What a quantity measures.</summary>
public enum QuantityKind
{
    /// <summary>An amount of money, in the currency's own unit (yuan for CNY): 30万元 is 300000.</summary>
    Money,

    /// <summary>A share of some base, as a fraction: 50% and 一半 are 0.5, 三分之一 is 1/3.</summary>
    Percent,

    /// <summary>A number of counted things, with the measure word as written: 10件, 3个项目, 20万人次, 二级 (before 以上).</summary>
    Count,

    /// <summary>A span of time, in the unit as written: 2年, 6个月, 5个工作日.</summary>
    Duration,

    /// <summary>A ratio of two numbers, such as matching funds: 1:1 配套.</summary>
    Ratio,
}

/// <summary>The sense of a bound word: which side of its figure the allowed values lie on.</summary>
public enum BoundDirection
{
    /// <summary>At least the figure: 以上, 不低于, 至少 (inclusive by default).</summary>
    AtLeast,

    /// <summary>At most the figure: 以下, 不超过, 最高 (inclusive by default).</summary>
    AtMost,

    /// <summary>Strictly more than the figure: 超过, 高于 (exclusive by default).</summary>
    MoreThan,

    /// <summary>Strictly less than the figure: 不满, 低于, 不足 (exclusive by default).</summary>
    LessThan,
}

/// <summary>Where a bound's inclusiveness comes from.</summary>
public enum InclusiveSource
{
    /// <summary>A marker at the figure says so: （含）, （含本数）, （含10件）, （不含）.</summary>
    Explicit,

    /// <summary>
    /// The word's default reading in <c>grammar/bounds.txt</c>, which follows the Civil Code of the PRC, art. 1259
    /// (以上、以下、以内、届满 include the number; 不满、超过、以外 do not). A document may define its own reading
    /// (本措施中“以下”不包括本数); applying that is the rule layer's business.
    /// </summary>
    Default,
}

/// <summary>
/// A bound word attached to a figure. <see cref="Direction"/> is the sense of the word as written; <see cref="Inclusive"/>
/// says whether the figure itself is allowed, after any explicit marker (so 超过50万元（含） is MoreThan and inclusive).
/// <see cref="Start"/> and <see cref="End"/> locate the word itself in the clause text, [Start, End).
/// </summary>
public sealed record BoundWord(string Word, BoundDirection Direction, bool Inclusive, InclusiveSource Source, int Start, int End);

/// <summary>
/// The exact quotient behind a <see cref="QuantityMention.Value"/> that <see cref="decimal"/> may have had to round:
/// 三分之一 is 1/3, the ratio 1:3 is 3/1. Value is Numerator / Denominator rounded to 28 significant digits.
/// </summary>
public sealed record Fraction(decimal Numerator, decimal Denominator);

/// <summary>
/// One quantity in a clause: a figure with its unit and the words that qualify it.
/// </summary>
/// <remarks>
/// <para>Offsets are 0-based UTF-16 indexes into the clause text given to <see cref="QuantityFinder.Find"/>, end
/// exclusive. The span covers the number, its unit, a per-unit written after it (/人), approximation, range and
/// bound words, explicit markers ((含)) and anything between a before-bound and the figure (最多资助10家). It does not
/// cover a 每 unit written earlier (每件…) nor a bound word shared by a list (最高30万元、15万元: the second mention
/// covers 15万元 only, and its <see cref="Bound"/> points at the shared 最高).</para>
/// <para>Exactly one of <see cref="Value"/> or the pair <see cref="Min"/>/<see cref="Max"/> is set. A range
/// (10万至20万元) and an approximate interval (一千多万元, 十几万元) set Min and Max with their inclusiveness; a single
/// figure, bounded or not, sets Value, and its bound is in <see cref="Bound"/>.</para>
/// <para>Per-units: <see cref="Per"/> lists the 每 units of the figure's comma-segment in the order written, then the
/// / units after it, joined by "/": 每平方米每月 → "平方米/月", 3万元/人 → "人", 每年给予每家 → "年/家".</para>
/// </remarks>
/// <param name="Kind">What the figure measures.</param>
/// <param name="Start">Offset of the first character of the mention.</param>
/// <param name="End">Offset just after the last character of the mention.</param>
/// <param name="Value">A single figure: Money in the currency's unit, Percent as a fraction, Count and Duration as
/// counted, Ratio as second ÷ first (1:0.5 is 0.5).</param>
/// <param name="Min">Lower end of a range or approximate interval.</param>
/// <param name="Max">Upper end of a range or approximate interval.</param>
/// <param name="MinInclusive">Whether <see cref="Min"/> itself belongs to the interval; null for a single figure.</param>
/// <param name="MaxInclusive">Whether <see cref="Max"/> itself belongs to the interval; null for a single figure.</param>
/// <param name="Approximate">The text says the figure is approximate: 多, 余, 几, 来, 约, 近, 左右.</param>
/// <param name="Unit">Money: ISO currency code ("CNY"); Count and Duration: the unit word as written; Percent: "%";
/// Ratio: ":".</param>
/// <param name="Per">The per-units, or null.</param>
/// <param name="Bound">The bound word of the figure, or null. On a range it is the word that set one end's
/// inclusiveness (1000万元及以上至5000万元).</param>
/// <param name="Exact">The exact quotient when <see cref="Value"/> is one (三分之一, 一半, 1:1); otherwise null.</param>
public sealed record QuantityMention(
    QuantityKind Kind,
    int Start,
    int End,
    decimal? Value,
    decimal? Min,
    decimal? Max,
    bool? MinInclusive,
    bool? MaxInclusive,
    bool Approximate,
    string Unit,
    string? Per,
    BoundWord? Bound,
    Fraction? Exact)
{
    /// <summary>
    /// On a range, the bound word written after its upper end (50万元以上至100万元以下: 以下), whose reading a document
    /// may fix as it does <see cref="Bound"/>'s, or the explicit marker there (100万元至300万元（含300万元）, source
    /// Explicit); null otherwise. <see cref="MaxInclusive"/> already holds its default or explicit reading.
    /// </summary>
    public BoundWord? UpperBound { get; init; }
}
