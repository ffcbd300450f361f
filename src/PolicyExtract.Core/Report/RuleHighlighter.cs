using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Diagnostics;
using PolicyExtract.Extract;
using PolicyExtract.Grammar;
using PolicyExtract.Normalize;
using PolicyExtract.Output;
using PolicyExtract.Rules;
using PolicyExtract.Structure;

namespace PolicyExtract.Report;

/// <summary>What a figure's value measures, as far as matching it to a quantity mention needs to know.</summary>
public enum FigureUnit
{
    /// <summary>Money (the figure has a currency): only a money mention matches.</summary>
    Money,

    /// <summary>A ratio amount (100%, 1:1): a percent or ratio mention.</summary>
    Share,

    /// <summary>Counts, durations and the like: any mention but money.</summary>
    Other,

    /// <summary>The rule does not say (a cap on a ratio grant may be money or a share): any mention.</summary>
    Any,
}

/// <summary>
/// One figure of an extracted rule, as the review page counts and marks them. The figures of a rule are, in this order:
/// <list type="number">
/// <item>its amount's figure: the value of a fixed, max, min or per-unit amount, the ratio of a ratio amount, the
/// interval of a range (one figure); an unspecified amount has none (kind <see cref="HighlightKind.Amount"/>);</item>
/// <item>the amount's <c>max</c> and <c>min</c> bounds, one figure each, except on a range, whose ends are its figure
/// (kind <see cref="HighlightKind.Cap"/>);</item>
/// <item>a step's two figures, how many more and how much more (每增加30件增加3万元: 30件 and 3万元; kind
/// <see cref="HighlightKind.Amount"/>);</item>
/// <item>each limit's value (kind <see cref="HighlightKind.Limit"/>);</item>
/// <item>each condition's value (kind <see cref="HighlightKind.Threshold"/>; a tier's lower and upper conditions are
/// two figures even where one range mention states both).</item>
/// </list>
/// A figure shared by several rules (one clause-wide limit, one cap after a list of grants) is a figure of each of them
/// and gets a mark for each. Triggers are marked too but are not figures.
/// </summary>
/// <param name="Field">How the page names it: amount, max, min, step, limit, condition.</param>
/// <param name="Written">The value as the page shows it in a message: 300000, 0.4, 1000000–5000000.</param>
/// <param name="Evidence">Where the extractor read it, when it says (limits and conditions); else the rule's evidence.</param>
public sealed record RuleFigure(HighlightKind Kind, string Field, string Written, decimal? Value, decimal? Min, decimal? Max, FigureUnit Unit, Evidence? Evidence)
{
    /// <summary>The figures of a rule, as defined above.</summary>
    public static ImmutableArray<RuleFigure> Of(Rule rule)
    {
        var figures = ImmutableArray.CreateBuilder<RuleFigure>();
        var a = rule.Amount;
        var money = a.Currency is null ? FigureUnit.Other : FigureUnit.Money;
        switch (a.Kind)
        {
            case AmountKind.Fixed or AmountKind.Max or AmountKind.Min or AmountKind.PerUnit when a.Value is { } value:
                figures.Add(Single(HighlightKind.Amount, "amount", value, money, null));
                break;
            case AmountKind.Ratio when a.Ratio is { } ratio:
                figures.Add(Single(HighlightKind.Amount, "amount", ratio, FigureUnit.Share, null));
                break;
            case AmountKind.Range when a.Min is { } min && a.Max is { } max:
                figures.Add(new RuleFigure(HighlightKind.Amount, "amount", $"{Number(min.Value)}–{Number(max.Value)}", null, min.Value, max.Value, money, null));
                break;
        }

        if (a.Kind != AmountKind.Range)
        {
            if (a.Max is { } cap)
            {
                figures.Add(Single(HighlightKind.Cap, "max", cap.Value, a.Kind == AmountKind.Ratio ? FigureUnit.Any : money, null));
            }

            if (a.Min is { } floor)
            {
                figures.Add(Single(HighlightKind.Cap, "min", floor.Value, a.Kind == AmountKind.Ratio ? FigureUnit.Any : money, null));
            }
        }

        if (a.Step is { } step)
        {
            figures.Add(Single(HighlightKind.Amount, "step", step.Every, FigureUnit.Other, null));
            figures.Add(Single(HighlightKind.Amount, "step", step.Value, FigureUnit.Money, null));
        }

        figures.AddRange(rule.Limits.Select(l => Single(HighlightKind.Limit, "limit", l.Value, l.Kind == LimitKind.Amount ? FigureUnit.Money : FigureUnit.Other, l.Evidence)));
        figures.AddRange(rule.Conditions.Select(c => Single(HighlightKind.Threshold, "condition", c.Value, UnitOf(c.Unit), c.Evidence)));
        return figures.ToImmutable();
    }

    /// <summary>Whether a quantity mention states this figure: same value (or same interval), compatible unit.</summary>
    public bool IsStatedBy(QuantityMention m)
    {
        var unitFits = Unit switch
        {
            FigureUnit.Money => m.Kind == QuantityKind.Money,
            FigureUnit.Share => m.Kind is QuantityKind.Percent or QuantityKind.Ratio,
            FigureUnit.Other => m.Kind != QuantityKind.Money,
            _ => true,
        };
        return unitFits && (Value is { } v
            ? m.Value == v || m.Min == v || m.Max == v
            : m.Min == Min && m.Max == Max);
    }

    private static RuleFigure Single(HighlightKind kind, string field, decimal value, FigureUnit unit, Evidence? evidence) =>
        new(kind, field, Number(value), value, null, null, unit, evidence);

    /// <summary>A condition's unit: "%" for shares, an ISO code (three capitals) for money, else a counted unit.</summary>
    private static FigureUnit UnitOf(string unit) =>
        unit == "%" ? FigureUnit.Share
        : unit.Length == 3 && unit.All(char.IsAsciiLetterUpper) ? FigureUnit.Money
        : FigureUnit.Other;

    private static string Number(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="RuleHighlighter.Locate"/> found: highlights in source offsets, and what it could not place.</summary>
/// <param name="Highlights">Spans are offsets into the decoded source (<see cref="NormalizedText.Source"/>).</param>
/// <param name="Figures">How many figures the rules have (<see cref="RuleFigure"/>); each is either highlighted or
/// reported in <see cref="Diagnostics"/> as RP001.</param>
/// <param name="Triggers">How many triggers the rules have.</param>
/// <param name="TriggersInPart">Triggers marked by the longest part of them that is written (an expanded elliptical list).</param>
/// <param name="Findings">RP001 for each figure not found, RP002 for each trigger not found, at the rule's evidence.</param>
public sealed record LocatedRules(ImmutableArray<Highlight> Highlights, int Figures, int Triggers, int TriggersInPart, ImmutableArray<RuleFinding> Findings)
{
    public IEnumerable<Diagnostic> Diagnostics => Findings.Select(f => f.Diagnostic);

    public int FiguresMarked => Highlights.Count(h => h.Kind != HighlightKind.Trigger);

    public int TriggersMarked => Highlights.Count(h => h.Kind == HighlightKind.Trigger);
}

/// <summary>A diagnostic about one rule.</summary>
public sealed record RuleFinding(string RuleId, Diagnostic Diagnostic);

/// <summary>
/// Finds where a document's rules are written: the exact span of every figure (<see cref="RuleFigure"/>) and of every
/// trigger. Rules carry the span of their grant sentence and of each limit and condition, not of each figure, so the
/// figures are found again by running <see cref="QuantityFinder"/> on the rule's clause and matching mentions by value.
/// </summary>
/// <remarks>
/// <para>Where a figure is looked for, in order: mentions overlapping its own evidence (a limit's or condition's, else
/// the rule's), then the rest of the clause, nearest to the rule's evidence first (a cap is often a sentence of its own
/// after the grants it caps). In each place a mention no figure of this rule has taken and no other rule has taken for
/// the same kind of figure is preferred (分别给予30万元、30万元 gives each rule its own), then one not taken by this rule,
/// then any.</para>
/// <para>A trigger is looked for as written in the rule's evidence, then in its clause. Triggers expanded from an
/// elliptical list (获得中国质量奖及中国质量奖提名奖 → 获得中国质量奖提名奖) may not be written anywhere whole; then the
/// longest prefix or suffix of at least two characters that is written is marked, with class <c>partial</c> and the
/// whole trigger as its title.</para>
/// <para>Thread-safe: no state beyond one call.</para>
/// </remarks>
public static class RuleHighlighter
{
    private const int ShortestTriggerPart = 2;

    public static LocatedRules Locate(PolicyDocument document, NormalizedText text, PolicyGrammar grammar, string file)
    {
        var clauses = document.Clauses.SelectMany(c => c.DescendantsAndSelf()).GroupBy(c => c.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var evidence = new EvidenceMap(text);
        var mentions = new Dictionary<string, ImmutableArray<(QuantityMention Mention, Evidence Span)>>(StringComparer.Ordinal);
        var claimed = new HashSet<(int Start, HighlightKind Kind)>();
        var highlights = ImmutableArray.CreateBuilder<Highlight>();
        var findings = ImmutableArray.CreateBuilder<RuleFinding>();
        int figures = 0, triggers = 0, inPart = 0;
        foreach (var rule in document.Rules)
        {
            var where = new SourceSpan(rule.Evidence.Line, rule.Evidence.Start, rule.Evidence.End);
            clauses.TryGetValue(rule.Clause, out var clause);
            if (clause is not null && !mentions.ContainsKey(clause.Path))
            {
                mentions[clause.Path] = [.. Mentions(clause.Text, grammar).Select(m => (m, evidence.Of(clause, m.Start, m.End)))];
            }

            var clauseMentions = clause is null ? [] : mentions[clause.Path];
            var taken = new HashSet<int>();
            foreach (var figure in RuleFigure.Of(rule))
            {
                figures++;
                if (Find(figure, figure.Evidence ?? rule.Evidence, rule.Evidence, clauseMentions, taken, claimed) is { } found)
                {
                    taken.Add(found.Start);
                    claimed.Add((found.Start, figure.Kind));
                    highlights.Add(new Highlight(found.Start, found.End, rule.Id, figure.Kind));
                }
                else
                {
                    findings.Add(new RuleFinding(rule.Id, Diagnostic.Create(DiagnosticCatalog.FigureNotLocated, file, where, figure.Field, figure.Written, rule.Id, rule.Clause)));
                }
            }

            foreach (var trigger in rule.Triggers)
            {
                triggers++;
                if (clause is not null && trigger.Length > 0 && FindTrigger(trigger, rule.Evidence, clause, text) is { } span)
                {
                    var partial = span.End - span.Start < trigger.Length;
                    inPart += partial ? 1 : 0;
                    highlights.Add(new Highlight(span.Start, span.End, rule.Id, HighlightKind.Trigger, partial ? "partial" : null) { Title = partial ? trigger : null });
                }
                else
                {
                    findings.Add(new RuleFinding(rule.Id, Diagnostic.Create(DiagnosticCatalog.TriggerNotLocated, file, where, trigger, rule.Id, rule.Clause)));
                }
            }
        }

        return new LocatedRules(highlights.ToImmutable(), figures, triggers, inPart, findings.ToImmutable());
    }

    /// <summary>
    /// The quantity mentions of a clause, and the ratios written in words that the extractor reads as 1:1
    /// (grammar/cues.txt [ratio-phrase]: 给予对等配套资金奖励), in text order.
    /// </summary>
    private static IEnumerable<QuantityMention> Mentions(string clauseText, PolicyGrammar grammar)
    {
        var words = grammar.Cues["ratio-phrase"].SelectMany(word => Occurrences(clauseText, word)
            .Select(at => new QuantityMention(QuantityKind.Ratio, at, at + word.Length, 1m, null, null, null, null, false, ":", null, null, null)));
        return QuantityFinder.Find(clauseText, grammar.Quantities).Concat(words).OrderBy(m => m.Start).ThenBy(m => m.End);
    }

    private static IEnumerable<int> Occurrences(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    private static Evidence? Find(
        RuleFigure figure,
        Evidence scope,
        Evidence ruleEvidence,
        ImmutableArray<(QuantityMention Mention, Evidence Span)> mentions,
        HashSet<int> taken,
        HashSet<(int Start, HighlightKind Kind)> claimed)
    {
        var stating = mentions.Where(m => figure.IsStatedBy(m.Mention)).Select(m => m.Span).ToList();
        var inScope = stating.Where(s => s.Start < scope.End && s.End > scope.Start).ToList();
        var nearest = stating.Except(inScope).OrderBy(s => Distance(s, ruleEvidence)).ThenBy(s => s.Start).ToList();
        foreach (var place in new[] { inScope, nearest })
        {
            if (place.FirstOrDefault(s => !taken.Contains(s.Start) && !claimed.Contains((s.Start, figure.Kind))) is { } free)
            {
                return free;
            }

            if (place.FirstOrDefault(s => !taken.Contains(s.Start)) is { } untaken)
            {
                return untaken;
            }
        }

        return inScope.Concat(nearest).FirstOrDefault();
    }

    private static int Distance(Evidence s, Evidence from) =>
        s.Start >= from.End ? s.Start - from.End : s.End <= from.Start ? from.Start - s.End : 0;

    /// <summary>The source span to mark for a trigger: as written in the evidence, in the clause, or its longest written part.</summary>
    private static (int Start, int End)? FindTrigger(string trigger, Evidence ruleEvidence, Clause clause, NormalizedText text)
    {
        var (from, to) = ClauseRange(clause, text, ruleEvidence.Start, ruleEvidence.End);
        var places = new[] { (From: from, To: to), (From: 0, To: clause.Text.Length) };
        foreach (var (start, end) in places)
        {
            var at = clause.Text.IndexOf(trigger, start, end - start, StringComparison.Ordinal);
            if (at >= 0)
            {
                return Source(clause, text, at, at + trigger.Length);
            }
        }

        foreach (var (start, end) in places)
        {
            for (var length = trigger.Length - 1; length >= ShortestTriggerPart; length--)
            {
                foreach (var part in new[] { trigger[..length], trigger[^length..] })
                {
                    var at = clause.Text.IndexOf(part, start, end - start, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        return Source(clause, text, at, at + length);
                    }
                }
            }
        }

        return null;
    }

    private static (int Start, int End) Source(Clause clause, NormalizedText text, int start, int end)
    {
        var span = text.SpanOf(clause.TextOffsets[start], clause.TextOffsets[end - 1] + 1);
        return (span.Start, span.End);
    }

    /// <summary>The range of the clause's text whose characters come from source [start, end).</summary>
    private static (int From, int To) ClauseRange(Clause clause, NormalizedText text, int start, int end)
    {
        int from = -1, to = -1;
        for (var i = 0; i < clause.Text.Length; i++)
        {
            var n = clause.TextOffsets[i];
            if (text.SourceStarts[n] >= start && text.SourceEnds[n] <= end)
            {
                from = from < 0 ? i : from;
                to = i + 1;
            }
        }

        return from < 0 ? (0, 0) : (from, to);
    }
}
