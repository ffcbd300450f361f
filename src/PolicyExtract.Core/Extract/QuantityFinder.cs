using System.Collections.Immutable;
using PolicyExtract.Grammar;

namespace PolicyExtract.Extract;

/// <summary>
/// Finds the quantity mentions of one clause: amounts of money, percentages, counts, durations and ratios, each with
/// its exact character range, its value or interval, its unit, per-unit and bound word.
/// </summary>
/// <remarks>
/// <para>Input is one clause's normalized text (full-width digits already ASCII, brackets full-width, stray spaces
/// removed). Offsets in the result are 0-based UTF-16 indexes into that string. Mentions come in text order and
/// never overlap.</para>
/// <para>What counts as a unit, bound, range or approximation word, and which numerals are names rather than
/// quantities, is data: <c>grammar/units.txt</c>, <c>grammar/bounds.txt</c>, <c>grammar/ranges.txt</c>. The rules
/// that are code are written there too: a numeral with no unit is not a quantity (except a bare 万/亿 after a money
/// cue), calendar years (a 4-digit 1900–2099 before 年, or two joined by a range word) and the month and day after
/// them are dates, a numeral next to a Latin letter is part of a code (ISO56005, 5G).</para>
/// <para>Thread-safe: the grammar is immutable and each call works on its own state. No input makes it throw; every
/// value is exact (decimal arithmetic that would round or overflow drops the figure instead).</para>
/// </remarks>
public static class QuantityFinder
{
    /// <summary>Every quantity mention of <paramref name="text"/>, in order; empty for null or empty text.</summary>
    /// <param name="text">One clause's normalized text.</param>
    /// <param name="grammar">The loaded quantity grammar (<see cref="PolicyGrammar.Quantities"/>).</param>
    public static ImmutableArray<QuantityMention> Find(string text, QuantityGrammar grammar)
    {
        ArgumentNullException.ThrowIfNull(grammar);
        return string.IsNullOrEmpty(text) ? [] : new QuantityScanner(text, grammar).Run();
    }
}
