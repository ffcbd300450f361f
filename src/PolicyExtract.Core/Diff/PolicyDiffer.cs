using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Metadata;
using PolicyExtract.Output;
using PolicyExtract.Rules;
using PolicyExtract.Structure;
using PolicyExtract.Validation;

namespace PolicyExtract.Diff;

/// <summary>
/// Compares two versions of a policy (征求意见稿 → 送审稿 → final). Rules are paired by what they are, in passes from
/// the strictest to the loosest, each pass only among the rules still unpaired:
/// <list type="number">
/// <item>the same substance under the same clause title: unchanged, wherever the clause now is;</item>
/// <item>the same triggers, beneficiary and benefit (and instalment) under the same title, then under any title;</item>
/// <item>the same title, beneficiary and benefit with overlapping triggers (a list extended or reworded);</item>
/// <item>the same title with overlapping triggers, then the same triggers anywhere.</item>
/// </list>
/// Within a pass, each old rule (in document order) takes the unpaired candidate with the most equal fields, the
/// earliest on a tie, so the result does not depend on anything but the two documents.
/// </summary>
public static class PolicyDiffer
{
    // What a rule is, not where: id, clause path and evidence are left out, so renumbering changes nothing.
    private static readonly ImmutableArray<string> Compared = [.. RuleFields.Names.Where(n => n != "note")];

    // Two trigger lists overlap when they share a trigger, one contains the other's text, or their characters are
    // mostly the same (获得国家级示范企业 / 获得国家级示范企业认定).
    private const double SimilarTriggers = 0.6;

    private sealed record Entry(int Index, Rule Rule, string Title, ImmutableDictionary<string, ImmutableArray<string>> Fields)
    {
        public string Field(string name) => Fields.TryGetValue(name, out var values) ? string.Join(" | ", values.Order(StringComparer.Ordinal)) : RuleFields.None;

        public string Identity => string.Join('\u0001', Field("trigger"), Field("beneficiary"), Field("benefit"), Field("instalment"));

        public string Substance => string.Join('\u0001', Compared.Select(Field));
    }

    private sealed record Pass(Func<Entry, string> Key, Func<Entry, Entry, bool> Accepts);

    private static readonly ImmutableArray<Pass> Passes =
    [
        new(e => e.Title + '\u0002' + e.Substance, (_, _) => true),
        new(e => e.Title + '\u0002' + e.Identity, (_, _) => true),
        new(e => e.Identity, (_, _) => true),
        new(e => string.Join('\u0001', e.Title, e.Field("beneficiary"), e.Field("benefit")), Overlap),
        new(e => e.Title, Overlap),
        new(e => e.Field("trigger"), (_, _) => true),
    ];

    public static PolicyDiff Compare(PolicyDocument old, PolicyDocument @new)
    {
        var olds = Entries(old);
        var news = Entries(@new);
        var pairs = new List<(Entry Old, Entry New)>();
        var pairedOld = new HashSet<int>();
        var pairedNew = new HashSet<int>();
        foreach (var pass in Passes)
        {
            var candidates = news.Where(n => !pairedNew.Contains(n.Index)).ToLookup(pass.Key, StringComparer.Ordinal);
            foreach (var o in olds.Where(o => !pairedOld.Contains(o.Index)))
            {
                var best = candidates[pass.Key(o)]
                    .Where(n => !pairedNew.Contains(n.Index) && pass.Accepts(o, n))
                    .OrderByDescending(n => Compared.Count(f => o.Field(f) == n.Field(f)))
                    .ThenBy(n => n.Index)
                    .FirstOrDefault();
                if (best is not null)
                {
                    pairs.Add((o, best));
                    pairedOld.Add(o.Index);
                    pairedNew.Add(best.Index);
                }
            }
        }

        var changed = pairs
            .OrderBy(p => p.New.Index)
            .Select(p => new RuleChange(p.Old.Rule, p.New.Rule, [.. Compared.Where(f => p.Old.Field(f) != p.New.Field(f)).Select(f => new FieldChange(f, p.Old.Field(f), p.New.Field(f)))]))
            .Where(c => !c.Fields.IsEmpty)
            .ToImmutableArray();
        return new PolicyDiff(
            [.. news.Where(n => !pairedNew.Contains(n.Index)).Select(n => n.Rule)],
            [.. olds.Where(o => !pairedOld.Contains(o.Index)).Select(o => o.Rule)],
            changed,
            pairs.Count - changed.Length,
            DocumentChanges(old.Document, @new.Document),
            ClauseChanges(old.Clauses, @new.Clauses, out var shared),
            new Likeness(
                old.Document.Title is { } t && t == @new.Document.Title,
                !old.Document.Issuers.IsEmpty && old.Document.Issuers.SequenceEqual(@new.Document.Issuers),
                shared,
                Math.Max(old.Clauses.Sum(c => c.DescendantsAndSelf().Count()), @new.Clauses.Sum(c => c.DescendantsAndSelf().Count()))));
    }

    private static List<Entry> Entries(PolicyDocument document)
    {
        var clauses = document.Clauses.SelectMany(c => c.DescendantsAndSelf()).ToDictionary(c => c.Path, StringComparer.Ordinal);
        return [.. document.Rules.Select((r, i) => new Entry(i, r, TitleOf(r.Clause, clauses), RuleFields.Of(r)))];
    }

    /// <summary>The title of the clause or of its nearest titled ancestor: what a clause is about survives renumbering.</summary>
    private static string TitleOf(string path, Dictionary<string, Clause> clauses)
    {
        for (var p = path; p.Length > 0; p = p.LastIndexOf('.') is > 0 and var dot ? p[..dot] : "")
        {
            if (clauses.TryGetValue(p, out var clause) && clause.Title is { Length: > 0 } title)
            {
                return title;
            }
        }

        return "";
    }

    private static bool Overlap(Entry a, Entry b)
    {
        var x = a.Rule.Triggers;
        var y = b.Rule.Triggers;
        if (x.Any(t => t.Length > 0 && y.Any(u => u.Length > 0 && (t.Contains(u, StringComparison.Ordinal) || u.Contains(t, StringComparison.Ordinal)))))
        {
            return true;
        }

        var cx = string.Concat(x).ToHashSet();
        var cy = string.Concat(y).ToHashSet();
        var union = cx.Union(cy).Count();
        return union > 0 && (double)cx.Intersect(cy).Count() / union >= SimilarTriggers;
    }

    private static ImmutableArray<DocumentChange> DocumentChanges(DocumentMetadata old, DocumentMetadata @new)
    {
        var a = DocumentFields(old);
        var b = DocumentFields(@new);
        return [.. a.Keys.Where(k => a[k].Value != b[k].Value).Select(k => new DocumentChange(k, a[k].Value, b[k].Value, a[k].Substantive))];
    }

    /// <summary>
    /// The document fields a reviewer cares about, in a fixed order. Not compared: the source (path and hash always
    /// differ) and the paths of the clauses that state things (renumbering moves them).
    /// </summary>
    private static Dictionary<string, (string Value, bool Substantive)> DocumentFields(DocumentMetadata d)
    {
        static string Text(string? s) => s is { Length: > 0 } ? s : RuleFields.None;
        static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? RuleFields.None;
        static string List(IEnumerable<string> items) => items.Any() ? string.Join(" | ", items.Order(StringComparer.Ordinal)) : RuleFields.None;

        return new Dictionary<string, (string, bool)>(StringComparer.Ordinal)
        {
            ["title"] = (Text(d.Title), true),
            ["status"] = (d.Status.ToString().ToLowerInvariant(), true),
            ["kind"] = (Text(d.Kind), true),
            ["issuers"] = (d.Issuers.IsEmpty ? RuleFields.None : string.Join(" ; ", d.Issuers), true),
            ["documentNumber"] = (Text(d.DocumentNumber), true),
            ["issuedOn"] = (Date(d.IssuedOn), true),
            ["effective.from"] = (Date(d.Effective.From), true),
            ["effective.until"] = (Date(d.Effective.Until), true),
            ["effective.validYears"] = (d.Effective.ValidYears?.ToString(CultureInfo.InvariantCulture) ?? RuleFields.None, true),
            ["effective.retroactiveFrom"] = (Date(d.Effective.RetroactiveFrom), true),
            ["effective.basis"] = (d.Effective.Basis.ToString().ToLowerInvariant(), true),
            ["interpretedBy"] = (Text(d.InterpretedBy), true),
            ["boundary.inclusive"] = (List(d.Boundary?.Inclusive ?? []), true),
            ["boundary.exclusive"] = (List(d.Boundary?.Exclusive ?? []), true),
            ["boundary.source"] = (d.Boundary is { } b ? b.Source.ToString().ToLowerInvariant() : RuleFields.None, true),
            // The boundary clause reworded to say the same thing: worth seeing, not a change of substance.
            ["boundary.wording"] = (Text(d.Boundary?.Evidence?.Text), false),
            ["constraints"] = (List(d.Constraints.Select(c => $"{c.Kind.ToString().ToLowerInvariant()}: {c.Text}")), true),
            ["cites"] = (List(d.Cites.Select(c => c.DocumentNumber is null ? c.Title : $"{c.Title} {c.DocumentNumber}")), true),
        };
    }

    /// <summary>
    /// Clauses paired by title and text, then by text (renumbered or moved), then by title (reworded), then, among those
    /// left, by path (an untitled clause reworded in place); the rest were added or removed.
    /// </summary>
    private static ImmutableArray<ClauseChange> ClauseChanges(ImmutableArray<Clause> old, ImmutableArray<Clause> @new, out int shared)
    {
        var olds = old.SelectMany(c => c.DescendantsAndSelf()).ToList();
        var news = @new.SelectMany(c => c.DescendantsAndSelf()).ToList();
        var pairedOld = new HashSet<Clause>(ReferenceEqualityComparer.Instance);
        var pairedNew = new HashSet<Clause>(ReferenceEqualityComparer.Instance);
        var changes = new List<(int Order, ClauseChange Change)>();
        Func<Clause, string?>[] keys = [c => $"{c.Title}\u0001{c.Text}", c => c.Text, c => c.Title, c => c.Path];
        foreach (var key in keys)
        {
            var candidates = news.Where(n => !pairedNew.Contains(n) && key(n) is { Length: > 0 }).ToLookup(n => key(n)!, StringComparer.Ordinal);
            foreach (var o in olds.Where(o => !pairedOld.Contains(o) && key(o) is { Length: > 0 }))
            {
                var n = candidates[key(o)!].FirstOrDefault(c => !pairedNew.Contains(c));
                if (n is null)
                {
                    continue;
                }

                pairedOld.Add(o);
                pairedNew.Add(n);
                if (o.Text != n.Text)
                {
                    changes.Add((news.IndexOf(n), new ClauseChange(ClauseChangeKind.Reworded, o.Path, n.Path, Name(n))));
                }
                else if (o.Path != n.Path)
                {
                    changes.Add((news.IndexOf(n), new ClauseChange(ClauseChangeKind.Renumbered, o.Path, n.Path, Name(n))));
                }
            }
        }

        changes.AddRange(news.Where(n => !pairedNew.Contains(n)).Select(n => (news.IndexOf(n), new ClauseChange(ClauseChangeKind.Added, null, n.Path, Name(n)))));
        changes.AddRange(olds.Where(o => !pairedOld.Contains(o)).Select(o => (news.Count + olds.IndexOf(o), new ClauseChange(ClauseChangeKind.Removed, o.Path, null, Name(o)))));

        // Shared: paired by title and text or by text, not by title or path alone (which any two policies may share).
        shared = olds.Count(o => pairedOld.Contains(o)) - changes.Count(c => c.Change.Kind == ClauseChangeKind.Reworded);
        return [.. changes.OrderBy(c => c.Order).Select(c => c.Change)];
    }

    /// <summary>A clause's title, or for an untitled one the start of its text: 对获得国家级专精特新“小巨人”企业认定的…</summary>
    private static string? Name(Clause clause)
    {
        const int Shown = 20;
        if (clause.Title is { Length: > 0 } title)
        {
            return title;
        }

        var text = clause.Text.Split('\n')[0].Trim();
        return text.Length == 0 ? null : text.Length <= Shown ? text : text[..Shown] + "…";
    }
}
