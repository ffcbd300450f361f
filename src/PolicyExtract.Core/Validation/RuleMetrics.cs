using System.Collections.Immutable;

namespace PolicyExtract.Validation;

/// <summary>The kinds of rule facts precision and recall are reported for, in the order reports list them.</summary>
public enum FieldKind
{
    /// <summary>Each trigger item: <c>获得中国专利金奖</c>.</summary>
    Triggers,

    /// <summary>The recipient, where one is named on either side (<c>-</c>, nobody named, gives no fact).</summary>
    Beneficiary,

    /// <summary>A rule's amount when it is not a ratio, its inclusiveness left out: <c>max 300000</c>, <c>per-unit 30000 per 人</c>, <c>in-kind 人才公寓</c>.</summary>
    Amounts,

    /// <summary>A rule's amount when it is a ratio, inclusiveness left out: <c>ratio 0.5 of 其获得市级资助金额</c>.</summary>
    Ratios,

    /// <summary>Bounds on one grant (<c>max</c>, <c>min</c> lines), inclusiveness left out.</summary>
    Caps,

    /// <summary>Limits across grants or over time (<c>limit</c> lines: counts, totals, terms), inclusiveness left out.</summary>
    Limits,

    /// <summary>Each numeric condition of eligibility, inclusiveness left out; metrics match when one name contains the other.</summary>
    Thresholds,

    /// <summary>Each bound's inclusiveness and where it came from, named by the field it belongs to: <c>max: incl document</c>.</summary>
    Inclusiveness,
}

/// <summary>
/// Precision and recall of one kind of fact. <see cref="Expected"/>: facts the expectations state; <see cref="Extracted"/>:
/// facts of the output that the expectations speak to; <see cref="Correct"/>: facts on both sides of a matched rule pair.
/// A ratio without a denominator is null (nothing to measure), never 0 or 1.
/// </summary>
public sealed record FieldScore(FieldKind Kind, int Expected, int Extracted, int Correct)
{
    public decimal? Precision => Extracted == 0 ? null : Math.Round((decimal)Correct / Extracted, 4);

    public decimal? Recall => Expected == 0 ? null : Math.Round((decimal)Correct / Expected, 4);

    public FieldScore Plus(FieldScore other) => this with
    {
        Expected = Expected + other.Expected,
        Extracted = Extracted + other.Extracted,
        Correct = Correct + other.Correct,
    };
}

/// <summary>
/// Precision and recall per <see cref="FieldKind"/>, counted over facts: each canonical field value (see
/// <see cref="RuleFields"/>) gives facts as <see cref="FieldKind"/> describes (a trigger list one per item, a bounded
/// value one figure and one inclusiveness fact), and "none" gives none.
/// <list type="bullet">
/// <item>Expected: the facts of every expected rule, matched or missing, from the fields it names.</item>
/// <item>Extracted: the facts of every matched extracted rule from the fields its expectation names (all fields in a
/// complete file, where an unnamed field means "none"), plus, in a complete file, every fact of an extracted rule that
/// matches no expectation. Extracted rules a partial file says nothing about are not counted: no one has said whether
/// they are right.</item>
/// <item>Correct: per matched pair, the facts the two sides share (as multisets).</item>
/// </list>
/// Precision = correct / extracted, recall = correct / expected.
/// </summary>
public static class RuleMetrics
{
    public static ImmutableArray<FieldScore> Score(RuleExpectations expectations, RuleMatch match)
    {
        var expected = new int[Kinds.Length];
        var extracted = new int[Kinds.Length];
        var correct = new int[Kinds.Length];

        foreach (var rule in match.Pairs.Select(p => p.Expected).Concat(match.Missing))
        {
            Count(expected, FactsOf(rule.Fields.Select(f => (f.Name, f.Value))));
        }

        foreach (var (wanted, actual) in match.Pairs)
        {
            var named = wanted.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            var got = FactsOf(RuleFields.Of(actual)
                .Where(f => expectations.Complete || named.Contains(f.Key))
                .SelectMany(f => f.Value.Select(v => (f.Key, v)))).ToList();
            Count(extracted, got);
            foreach (var fact in FactsOf(wanted.Fields.Select(f => (f.Name, f.Value))))
            {
                var at = got.FindIndex(g => Same(fact, g));
                if (at >= 0)
                {
                    correct[(int)fact.Kind]++;
                    got.RemoveAt(at);
                }
            }
        }

        if (expectations.Complete)
        {
            foreach (var actual in match.Unmatched)
            {
                Count(extracted, FactsOf(RuleFields.Of(actual).SelectMany(f => f.Value.Select(v => (f.Key, v)))));
            }
        }

        return [.. Kinds.Select(k => new FieldScore(k, expected[(int)k], extracted[(int)k], correct[(int)k]))];
    }

    public static readonly ImmutableArray<FieldKind> Kinds = [.. Enum.GetValues<FieldKind>()];

    private sealed record Fact(FieldKind Kind, string Value);

    private static void Count(int[] counts, IEnumerable<Fact> facts)
    {
        foreach (var fact in facts)
        {
            counts[(int)fact.Kind]++;
        }
    }

    private static bool Same(Fact a, Fact b) =>
        a.Kind == b.Kind && (a.Kind == FieldKind.Thresholds ? RuleFields.SameCondition(a.Value, b.Value) : a.Value == b.Value);

    private static IEnumerable<Fact> FactsOf(IEnumerable<(string Name, string Value)> fields)
    {
        foreach (var (name, value) in fields)
        {
            if (value == RuleFields.None)
            {
                continue;
            }

            if (name == "trigger")
            {
                foreach (var item in value.Split(" ; "))
                {
                    yield return new Fact(FieldKind.Triggers, item);
                }

                continue;
            }

            if (name == "beneficiary")
            {
                if (value != "-")
                {
                    yield return new Fact(FieldKind.Beneficiary, value);
                }

                continue;
            }

            var kind = name switch
            {
                "amount" => value.StartsWith("ratio ", StringComparison.Ordinal) ? FieldKind.Ratios : FieldKind.Amounts,
                "max" or "min" => FieldKind.Caps,
                "limit" => FieldKind.Limits,
                "condition" => FieldKind.Thresholds,
                _ => (FieldKind?)null,
            };
            if (kind is null)
            {
                continue;
            }

            var (figure, inclusiveness) = SplitInclusiveness(name, value);
            yield return new Fact(kind.Value, figure);
            if (inclusiveness is not null)
            {
                yield return new Fact(FieldKind.Inclusiveness, $"{name}: {inclusiveness}");
            }
        }
    }

    /// <summary>
    /// Takes <c>incl|excl SEMANTICS</c> out of a canonical value (<c>max 300000 incl document</c> → <c>max 300000</c>,
    /// <c>incl document</c>). A max or min line has no kind word of its own, so it gets its field name.
    /// </summary>
    private static (string Figure, string? Inclusiveness) SplitInclusiveness(string name, string value)
    {
        var tokens = value.Split(' ').ToList();
        string? inclusiveness = null;
        var at = tokens.FindIndex(t => t is "incl" or "excl");
        if (at >= 0 && at + 1 < tokens.Count && !value.StartsWith("unspecified ", StringComparison.Ordinal))
        {
            inclusiveness = tokens[at] + " " + tokens[at + 1];
            tokens.RemoveRange(at, 2);
        }

        var figure = string.Join(' ', tokens);
        return (name is "max" or "min" ? $"{name} {figure}" : figure, inclusiveness);
    }
}
