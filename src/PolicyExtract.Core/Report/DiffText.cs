using System.Globalization;
using System.Text;
using PolicyExtract.Diff;
using PolicyExtract.Rules;
using PolicyExtract.Validation;

namespace PolicyExtract.Report;

/// <summary>
/// The human report of a diff: what changed in substance first (document fields, then rules added, removed and
/// changed with each field old → new), then where clauses went. LF line ends; deterministic.
/// </summary>
public static class DiffText
{
    public static string Render(PolicyDiff diff, string oldName, string newName)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"{oldName} → {newName}: {(diff.HasSubstance ? "changed" : "no change in substance")}\n");
        if (Warning(diff) is { } warning)
        {
            s.Append("warning: ").Append(warning).Append('\n');
        }

        if (!diff.Document.IsEmpty)
        {
            s.Append("\ndocument\n");
            foreach (var d in diff.Document)
            {
                s.Append(CultureInfo.InvariantCulture, $"  {d.Field}: {d.Old} → {d.New}{(d.Substantive ? "" : "  (wording only)")}\n");
            }
        }

        s.Append(CultureInfo.InvariantCulture, $"\nrules: {diff.Added.Length} added, {diff.Removed.Length} removed, {diff.Changed.Length} changed, {diff.Unchanged} unchanged\n");
        foreach (var rule in diff.Added)
        {
            s.Append(CultureInfo.InvariantCulture, $"  added    {Summary(rule)}  (line {rule.Evidence.Line})\n");
        }

        foreach (var rule in diff.Removed)
        {
            s.Append(CultureInfo.InvariantCulture, $"  removed  {Summary(rule)}  (line {rule.Evidence.Line})\n");
        }

        foreach (var change in diff.Changed)
        {
            var where = change.Old.Clause == change.New.Clause ? change.New.Clause : $"{change.Old.Clause} → {change.New.Clause}";
            s.Append(CultureInfo.InvariantCulture, $"  changed  {where}  {string.Join(" ; ", change.New.Triggers)}  (line {change.Old.Evidence.Line} → {change.New.Evidence.Line})\n");
            foreach (var field in change.Fields)
            {
                s.Append(CultureInfo.InvariantCulture, $"           {field.Field}: {field.Old} → {field.New}\n");
            }
        }

        if (!diff.Clauses.IsEmpty)
        {
            var counts = diff.Clauses.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Kind(g.Key)}");
            s.Append(CultureInfo.InvariantCulture, $"\nclauses: {string.Join(", ", counts)}\n");
            foreach (var c in diff.Clauses)
            {
                var path = c.Kind switch
                {
                    ClauseChangeKind.Added => c.NewPath,
                    ClauseChangeKind.Removed => c.OldPath,
                    _ when c.OldPath == c.NewPath => c.NewPath,
                    _ => $"{c.OldPath} → {c.NewPath}",
                };
                s.Append(CultureInfo.InvariantCulture, $"  {Kind(c.Kind),-10}  {path}{(c.Title is null ? "" : "  " + c.Title)}\n");
            }
        }

        return s.ToString();
    }

    /// <summary>Why the two look like different documents rather than versions of one, or null.</summary>
    public static string? Warning(PolicyDiff diff)
    {
        var l = diff.Likeness;
        if (l.OneDocument)
        {
            return null;
        }

        var title = l.SameTitle ? "the same title" : "other titles";
        var issuers = l.SameIssuers ? "the same issuers" : "other issuers";
        return string.Create(CultureInfo.InvariantCulture, $"these look like two different documents, not two versions of one: {title}, {issuers}, {l.SharedClauses} of {l.Clauses} clauses in common");
    }

    private static string Summary(Rule rule)
    {
        var fields = RuleFields.Of(rule);
        return $"{rule.Clause}  {fields["trigger"][0]} | {fields["beneficiary"][0]} | {rule.Benefit} | {fields["amount"][0]}";
    }

    private static string Kind(ClauseChangeKind kind) => kind.ToString().ToLowerInvariant();
}
