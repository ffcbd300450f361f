using System.Buffers;
using System.Collections.Immutable;
using PolicyExtract.Extract;
using PolicyExtract.Numbers;

namespace PolicyExtract.Grammar;

/// <summary>Where a word stands relative to the figure it qualifies.</summary>
public enum WordPosition
{
    /// <summary>Ahead of the number: 最高30万元, 约30万元, 每件2000元.</summary>
    Before,

    /// <summary>Between the number and its unit: 一千多万元, 30余万元, 十几万元.</summary>
    Infix,

    /// <summary>After the unit: 10件以上, 3年多, 30万元左右, 200元/个.</summary>
    After,
}

/// <summary>How an approximation word changes its figure (<c>grammar/ranges.txt</c> [approximate]).</summary>
public enum ApproximationMeaning
{
    /// <summary>The figure, approximately (约, 来, 左右): Value with Approximate set.</summary>
    About,

    /// <summary>More than the figure, by less than one of its last place (多, 余): the open interval (N, N + place).</summary>
    Place,

    /// <summary>An unknown digit (几, 数): 十几 = [11, 19], 几十 = [20, 90].</summary>
    Digit,
}

/// <summary>A unit of <c>grammar/units.txt</c>: 万元 is Money × 10^4 in CNY; 件 is a Count.</summary>
/// <param name="Word">The unit as written.</param>
/// <param name="Kind">Money, Count or Duration.</param>
/// <param name="Exponent">Money only: the multiplier's power of ten (万元 4); 0 otherwise.</param>
/// <param name="Code">Money: the ISO currency code; otherwise the word itself.</param>
/// <param name="Bare">Money only: a multiplier written without a currency word (万), money only with a cue.</param>
/// <param name="BoundOnly">Count only: a unit only when a bound word follows (二级以上).</param>
public sealed record UnitEntry(string Word, QuantityKind Kind, int Exponent, string Code, bool Bare, bool BoundOnly);

/// <summary>
/// A bound word of <c>grammar/bounds.txt</c> [bound]; <see cref="Inclusive"/> is its default reading. An empty
/// <see cref="Kinds"/> allows every kind.
/// </summary>
public sealed record BoundEntry(string Word, WordPosition Position, BoundDirection Direction, bool Inclusive, ImmutableArray<QuantityKind> Kinds)
{
    public bool Allows(QuantityKind kind) => Kinds.IsEmpty || Kinds.Contains(kind);
}

/// <summary>
/// An explicit inclusiveness marker of <c>grammar/bounds.txt</c> [marker]: the literal <see cref="Prefix"/>, then,
/// when <see cref="HasFigure"/>, the bounded figure written again, then <see cref="Suffix"/> (（含10件） is
/// "（含", figure, "）").
/// </summary>
public sealed record MarkerEntry(string Prefix, bool HasFigure, string Suffix, bool Inclusive);

/// <summary>An approximation word of <c>grammar/ranges.txt</c> [approximate]; an empty <see cref="Kinds"/> allows every kind.</summary>
public sealed record ApproximationEntry(string Word, WordPosition Position, ApproximationMeaning Meaning, ImmutableArray<QuantityKind> Kinds)
{
    public bool Allows(QuantityKind kind) => Kinds.IsEmpty || Kinds.Contains(kind);
}

/// <summary>
/// The quantity grammar of <c>grammar/units.txt</c>, <c>grammar/bounds.txt</c> and <c>grammar/ranges.txt</c>,
/// loaded and validated by <see cref="PolicyGrammar.Load"/>. Every list is sorted longest first, so that the first
/// entry that matches at a position is the longest. Immutable and thread-safe.
/// </summary>
public sealed class QuantityGrammar
{
    public const string UnitsFile = "units.txt";
    public const string BoundsFile = "bounds.txt";
    public const string RangesFile = "ranges.txt";

    internal QuantityGrammar(
        ImmutableArray<UnitEntry> units,
        ImmutableDictionary<string, ImmutableArray<string>> words,
        ImmutableArray<string> perBefore,
        ImmutableArray<string> perAfter,
        ImmutableArray<BoundEntry> bounds,
        ImmutableArray<MarkerEntry> markers,
        ImmutableArray<ApproximationEntry> approximations)
    {
        Units = units;
        PerBefore = perBefore;
        PerAfter = perAfter;
        Bounds = bounds;
        Markers = markers;
        Approximations = approximations;
        MoneySuffixes = words["money-suffix"];
        MoneyCues = words["money-cue"];
        DateSuffixes = words["date-suffix"];
        RatioSeparators = words["ratio"];
        OrdinalPrefixes = words["ordinal-prefix"];
        NotANumber = words["not-a-number"];
        Neutral = words["neutral"];
        GapWords = words["gap"];
        BaseNouns = words["base"];
        Connectors = words["connector"];
        ListSeparators = words["list"];
        ClauseBreaks = words["clause-break"];
        PerUnits = [.. units.Where(u => u.Kind != QuantityKind.Money).Select(u => u.Word).Concat(words["per-unit"])
            .Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];
        Currencies = [.. units.Where(u => u.Kind == QuantityKind.Money && !u.Bare).Select(u => u.Word)];
        BoundsBefore = [.. bounds.Where(b => b.Position == WordPosition.Before)];
        BoundsAfter = [.. bounds.Where(b => b.Position == WordPosition.After)];
        NotANumberStarts = SearchValues.Create([.. NotANumber.Where(w => w.Length > 0).Select(w => w[0]).Distinct()]);
        ClauseBreakStarts = SearchValues.Create([.. ClauseBreaks.Where(w => w.Length > 0).Select(w => w[0]).Append('\n').Append('\r').Distinct()]);
        // Grammar words are whitespace-separated fields, never empty, so each has a first character.
        FigureStarts = SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(NumeralChars.CanStartNumeral)
            .Concat(approximations.Where(a => a.Position == WordPosition.Before).Select(a => a.Word[0])).Distinct()]);
        DefaultInclusive = bounds.GroupBy(b => b.Word, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First().Inclusive, StringComparer.Ordinal);
    }

    /// <summary>[currency], [count] and [duration] of units.txt, one list.</summary>
    public ImmutableArray<UnitEntry> Units { get; }

    /// <summary>Every word that may follow a per-marker: [count], [duration] and [per-unit].</summary>
    public ImmutableArray<string> PerUnits { get; }

    public ImmutableArray<string> PerBefore { get; }

    public ImmutableArray<string> PerAfter { get; }

    public ImmutableArray<string> MoneySuffixes { get; }

    public ImmutableArray<string> MoneyCues { get; }

    public ImmutableArray<string> DateSuffixes { get; }

    public ImmutableArray<string> RatioSeparators { get; }

    public ImmutableArray<string> OrdinalPrefixes { get; }

    public ImmutableArray<string> NotANumber { get; }

    public ImmutableArray<BoundEntry> Bounds { get; }

    /// <summary>Each bound word with its Civil Code default (true: includes the number), for document.boundary.</summary>
    public ImmutableDictionary<string, bool> DefaultInclusive { get; }

    public ImmutableArray<MarkerEntry> Markers { get; }

    public ImmutableArray<string> Neutral { get; }

    public ImmutableArray<string> GapWords { get; }

    public ImmutableArray<string> BaseNouns { get; }

    public ImmutableArray<string> Connectors { get; }

    public ImmutableArray<ApproximationEntry> Approximations { get; }

    public ImmutableArray<string> ListSeparators { get; }

    public ImmutableArray<string> ClauseBreaks { get; }

    /// <summary>
    /// The first characters of [not-a-number] words, and of [clause-break]s and line breaks: the scanner marks both
    /// over the whole clause, and skipping to where one can start spares testing every word at every character.
    /// </summary>
    internal SearchValues<char> NotANumberStarts { get; }

    /// <inheritdoc cref="NotANumberStarts"/>
    internal SearchValues<char> ClauseBreakStarts { get; }

    /// <summary>
    /// The characters a figure can start with: a digit, a unit of a numeral, or the first of a before-approximation
    /// (约, 近). The scanner skips from one to the next: elsewhere it would read nothing and move one on.
    /// </summary>
    internal SearchValues<char> FigureStarts { get; }

    internal ImmutableArray<string> Currencies { get; }

    internal ImmutableArray<BoundEntry> BoundsBefore { get; }

    internal ImmutableArray<BoundEntry> BoundsAfter { get; }
}
