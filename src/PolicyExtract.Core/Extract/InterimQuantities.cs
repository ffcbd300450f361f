using System.Collections.Immutable;
using PolicyExtract.Numbers;
namespace PolicyExtract.Extract;

// INTERIM (issue 3, not done): the shape of the quantity-mention layer the rule extractor is written against, with a
// money-only finder good enough to develop the extractor, NOT to publish rules. The pipeline therefore does not write
// rules yet. The grammar-driven finder (grammar/units.txt, bounds.txt: counts, durations, ranges, per-unit amounts,
// bare 万, 含/不含 markers) replaces this file; only QuantityGrammar.BoundWords is used in output today (the Civil Code
// defaults of document.boundary).
public enum QuantityKind { Money, Percent, Count, Duration, Ratio }
public enum BoundDirection { AtLeast, AtMost, MoreThan, LessThan }
public enum InclusiveSource { Explicit, Default }
public sealed record BoundWord(string Word, BoundDirection Direction, bool Inclusive, InclusiveSource Source, int Start, int End);
public sealed record QuantityMention(QuantityKind Kind, int Start, int End, decimal? Value, decimal? Min, decimal? Max, bool? MinInclusive, bool? MaxInclusive, bool Approximate, string Unit, string? Per, BoundWord? Bound);
public sealed class QuantityGrammar {
    public IReadOnlyList<string> LeadingBoundWords { get; } = ["最高", "不超过", "最多", "不低于"];
    public BoundWord? LastLeadingBound(string text, int from, int to, int offset)
    {
        for (var i = to - 1; i >= from; i--)
            foreach (var w in LeadingBoundWords)
                if (i + w.Length <= to && text.AsSpan(i).StartsWith(w))
                    return new BoundWord(w, w == "不低于" ? BoundDirection.AtLeast : BoundDirection.AtMost, true, InclusiveSource.Default, offset + i, offset + i + w.Length);
        return null;
    }
public IReadOnlyDictionary<string, bool> BoundWords { get; } = new Dictionary<string, bool> { ["以上"] = true, ["以下"] = true, ["不超过"] = true, ["最高"] = true, ["不低于"] = true, ["最多"] = true, ["超过"] = false, ["不满"] = false, ["以内"] = true, ["届满"] = true, ["以外"] = false }; }
public static class QuantityFinder
{
    // Crude: 最高/不超过/最多 + N万元/元 and N%; enough to compile and smoke-test the extractor until the real finder lands.
    public static ImmutableArray<QuantityMention> Find(string text, QuantityGrammar grammar)
    {
        var found = ImmutableArray.CreateBuilder<QuantityMention>();
        foreach (var m in Numeral.FindAll(text))
        {
            var end = m.Start + m.Length;
            BoundWord? bound = null;
            foreach (var w in new[] { "最高", "不超过", "最多", "不低于" })
            {
                if (m.Start >= w.Length && text.AsSpan(m.Start - w.Length).StartsWith(w))
                    bound = new BoundWord(w, w == "不低于" ? BoundDirection.AtLeast : BoundDirection.AtMost, true, InclusiveSource.Default, m.Start - w.Length, m.Start);
            }
            if (text.AsSpan(end).StartsWith("万元")) found.Add(new(QuantityKind.Money, bound?.Start ?? m.Start, end + 2, m.Value * 10000, null, null, null, null, false, "CNY", null, bound));
            else if (text.AsSpan(end).StartsWith("元")) found.Add(new(QuantityKind.Money, bound?.Start ?? m.Start, end + 1, m.Value, null, null, null, null, false, "CNY", null, bound));
            else if (text.AsSpan(end).StartsWith("%")) found.Add(new(QuantityKind.Percent, bound?.Start ?? m.Start, end + 1, m.Value / 100, null, null, null, null, false, "%", null, bound));
        }
        return found.ToImmutable();
    }
}
