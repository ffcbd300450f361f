using System.Collections.Immutable;
using PolicyExtract.Rules;

namespace PolicyExtract.Validation;

public enum DifferenceKind
{
    /// <summary>An expected rule no extracted rule matches.</summary>
    Missing,

    /// <summary>An extracted rule no expectation matches, in a complete expectations file.</summary>
    Unexpected,

    /// <summary>A matched rule whose field differs.</summary>
    Field,
}

/// <summary>
/// One disagreement between expectations and extraction. <see cref="ExpectedLine"/> is the line in the expectations
/// file, <see cref="SourceLine"/> the line in the policy the extracted rule came from (0 when there is no extracted rule).
/// </summary>
public sealed record RuleDifference(
    DifferenceKind Kind,
    string Clause,
    string? Field,
    string? Expected,
    string? Actual,
    int ExpectedLine,
    int SourceLine,
    string? RuleId);

/// <summary>An expected rule and the extracted rule it was matched to.</summary>
public sealed record MatchedRule(ExpectedRule Expected, Rule Actual);

/// <summary>
/// How expectations and extraction paired up: <see cref="Unmatched"/> holds every extracted rule no expectation took,
/// which is an error (<see cref="DifferenceKind.Unexpected"/>) only in a complete expectations file.
/// </summary>
public sealed record RuleMatch(
    ImmutableArray<MatchedRule> Pairs,
    ImmutableArray<ExpectedRule> Missing,
    ImmutableArray<Rule> Unmatched,
    ImmutableArray<RuleDifference> Differences);

/// <summary>
/// Matches expected rules to extracted ones by clause and content, never by position: within a clause, the pairs that
/// agree on the most fields are taken first, and a pair must agree on the trigger or the amount to count as a match
/// (but see the lone-figure case in <see cref="Match"/>).
/// </summary>
public static class RuleComparer
{
    // What makes two rules "the same grant" when fields disagree: the trigger and the amount weigh most.
    private static readonly ImmutableDictionary<string, int> Weights = new Dictionary<string, int>
    {
        ["trigger"] = 8,
        ["amount"] = 6,
        ["beneficiary"] = 2,
    }.ToImmutableDictionary();

    public static ImmutableArray<RuleDifference> Compare(RuleExpectations expected, IReadOnlyList<Rule> actual) =>
        Match(expected, actual).Differences;

    public static RuleMatch Match(RuleExpectations expected, IReadOnlyList<Rule> actual)
    {
        var differences = ImmutableArray.CreateBuilder<RuleDifference>();
        var allPairs = ImmutableArray.CreateBuilder<MatchedRule>();
        var allMissing = ImmutableArray.CreateBuilder<ExpectedRule>();
        var allUnmatched = ImmutableArray.CreateBuilder<Rule>();
        var clauses = expected.Rules.Select(r => r.Clause).Concat(actual.Select(r => r.Clause)).Distinct().ToList();
        foreach (var clause in clauses)
        {
            var wanted = expected.Rules.Where(r => r.Clause == clause).ToList();
            var found = actual.Where(r => r.Clause == clause).ToList();
            var fieldsOf = found.Select(RuleFields.Of).ToList();
            var pairs = new List<(int Score, int E, int A, List<Check> Checks)>();
            for (var e = 0; e < wanted.Count; e++)
            {
                for (var a = 0; a < found.Count; a++)
                {
                    var checks = Checks(wanted[e], fieldsOf[a], expected.Complete).ToList();
                    if (checks.Any(c => c.Equal && c.Field is "trigger" or "amount"))
                    {
                        pairs.Add((checks.Where(c => c.Equal).Sum(c => Weights.GetValueOrDefault(c.Field, 1)), e, a, checks));
                    }
                }
            }

            var usedE = new HashSet<int>();
            var usedA = new HashSet<int>();
            var matched = new List<(int E, int A, List<Check> Checks)>();
            foreach (var (_, e, a, checks) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.E).ThenBy(p => p.A))
            {
                if (!usedE.Contains(e) && !usedA.Contains(a))
                {
                    usedE.Add(e);
                    usedA.Add(a);
                    matched.Add((e, a, checks));
                }
            }

            // A partial expectation that pins only a figure (no trigger) and gets it wrong agrees with nothing; when it
            // is the clause's only such expectation and one extracted rule is left, that rule is the one it means, and
            // the wrong figure is a field difference, not a missing rule.
            var loneE = Enumerable.Range(0, wanted.Count).Where(e => !usedE.Contains(e) && wanted[e].One("trigger") is null).ToList();
            var loneA = Enumerable.Range(0, found.Count).Where(a => !usedA.Contains(a)).ToList();
            if (loneE.Count == 1 && loneA.Count == 1)
            {
                usedE.Add(loneE[0]);
                usedA.Add(loneA[0]);
                matched.Add((loneE[0], loneA[0], Checks(wanted[loneE[0]], fieldsOf[loneA[0]], expected.Complete).ToList()));
            }

            foreach (var (e, a, checks) in matched.OrderBy(m => m.E))
            {
                allPairs.Add(new MatchedRule(wanted[e], found[a]));
                foreach (var check in checks.Where(c => !c.Equal))
                {
                    differences.Add(new RuleDifference(DifferenceKind.Field, clause, check.Field, check.Expected, check.Actual, check.Line, found[a].Evidence.Line, found[a].Id));
                }
            }

            for (var e = 0; e < wanted.Count; e++)
            {
                if (!usedE.Contains(e))
                {
                    allMissing.Add(wanted[e]);
                    differences.Add(new RuleDifference(DifferenceKind.Missing, clause, null, Describe(wanted[e]), null, wanted[e].Line, 0, null));
                }
            }

            for (var a = 0; a < found.Count; a++)
            {
                if (!usedA.Contains(a))
                {
                    allUnmatched.Add(found[a]);
                    if (expected.Complete)
                    {
                        differences.Add(new RuleDifference(DifferenceKind.Unexpected, clause, null, null, Describe(fieldsOf[a]), 0, found[a].Evidence.Line, found[a].Id));
                    }
                }
            }
        }

        return new RuleMatch(allPairs.ToImmutable(), allMissing.ToImmutable(), allUnmatched.ToImmutable(), differences.ToImmutable());
    }

    private sealed record Check(string Field, bool Equal, string Expected, string Actual, int Line);

    /// <summary>Every field the expectation pins down, compared with the extracted rule's.</summary>
    private static IEnumerable<Check> Checks(ExpectedRule wanted, ImmutableDictionary<string, ImmutableArray<string>> actual, bool complete)
    {
        foreach (var name in RuleFields.Names.Where(n => n is not ("note" or "limit" or "condition" or "currency")))
        {
            var field = wanted.One(name);
            var value = field?.Value ?? (complete ? RuleFields.DefaultsWhenComplete.GetValueOrDefault(name) : null);
            if (value is not null)
            {
                var got = actual[name][0];
                yield return new Check(name, value == got, value, got, field?.Line ?? wanted.Line);
            }
        }

        if (Currency(wanted, complete) is { } currency)
        {
            var got = actual["currency"][0];
            yield return new Check("currency", currency.Value == got, currency.Value, got, currency.Line);
        }

        foreach (var name in new[] { "limit", "condition" })
        {
            var wantedValues = wanted.All(name).ToList();
            if (wantedValues.Count == 0 && !complete)
            {
                continue;
            }

            // Repeated fields compare as multisets; each unmatched value on either side is a difference of its own.
            var remaining = actual[name].ToList();
            foreach (var w in wantedValues)
            {
                var at = remaining.FindIndex(v => name == "condition" ? RuleFields.SameCondition(w.Value, v) : v == w.Value);
                if (at >= 0)
                {
                    yield return new Check(name, true, w.Value, remaining[at], w.Line);
                    remaining.RemoveAt(at);
                }
                else
                {
                    yield return new Check(name, false, w.Value, remaining.Count > 0 ? string.Join(" | ", remaining) : RuleFields.None, w.Line);
                }
            }

            foreach (var extra in remaining)
            {
                yield return new Check(name, false, RuleFields.None, extra, wanted.Line);
            }
        }
    }

    /// <summary>Money amounts are yuan unless a currency is named; ratios and unspecified grants carry none.</summary>
    private static ExpectedField? Currency(ExpectedRule wanted, bool complete)
    {
        if (wanted.One("currency") is { } named)
        {
            return named;
        }

        var amount = wanted.One("amount")?.Value;
        if (amount is null || !complete)
        {
            return null;
        }

        var money = amount.Split(' ')[0] is "fixed" or "max" or "min" or "per-unit" or "range";
        return money ? new ExpectedField("currency", "CNY", wanted.Line) : null;
    }

    private static string Describe(ExpectedRule rule) =>
        string.Join(" | ", rule.Fields.Where(f => f.Name is "trigger" or "beneficiary" or "amount").Select(f => f.Value));

    private static string Describe(ImmutableDictionary<string, ImmutableArray<string>> fields) =>
        string.Join(" | ", fields["trigger"][0], fields["beneficiary"][0], fields["amount"][0]);
}
