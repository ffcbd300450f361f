using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Diff;
using PolicyExtract.Grammar;
using PolicyExtract.Pipeline;

namespace PolicyExtract.Report;

/// <summary>
/// The review page of a diff: the new version's text and rules as <c>report</c> shows them, with the rules that were
/// added or changed marked so in the text and the table, a "change" column saying what changed (field: old → new), and
/// the removed rules listed at the end of the table, struck through.
/// </summary>
public static class DiffPage
{
    public static ReviewPage Build(ExtractionResult newVersion, PolicyDiff diff, PolicyGrammar grammar, string oldName, string newName)
    {
        var page = HtmlReport.Build(newVersion, grammar).Page;
        var added = diff.Added.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var changed = diff.Changed.ToDictionary(c => c.New.Id, StringComparer.Ordinal);
        string? ClassOf(string id) => added.Contains(id) ? "added" : changed.ContainsKey(id) ? "changed" : null;
        string Change(string id) => added.Contains(id) ? "added"
            : changed.TryGetValue(id, out var c) ? string.Join('\n', c.Fields.Select(f => $"{f.Field}: {f.Old} → {f.New}"))
            : "";

        var removed = diff.Removed.Select(r => HtmlReport.Row(r) is var row
            ? row with { RuleId = "removed:" + row.RuleId, Cells = [.. row.Cells, "removed (old line " + row.Line.ToString(CultureInfo.InvariantCulture) + ")"], Class = "removed", Line = 0 }
            : row);
        var table = new RuleTable(
            [.. page.Table.Columns, "change"],
            [.. page.Table.Rows.Select(r => r with { Cells = [.. r.Cells, Change(r.RuleId)], Class = ClassOf(r.RuleId) }), .. removed]);
        var facts = page.Facts.Insert(0, new PageFact("diff", $"{oldName} → {newName}: {diff.Added.Length} added, {diff.Removed.Length} removed, {diff.Changed.Length} changed, {diff.Unchanged} unchanged"))
            .AddRange(diff.Document.Select(d => new PageFact(d.Field, $"{d.Old} → {d.New}")));
        return page with
        {
            Title = $"diff: {page.Title}",
            Facts = facts,
            Highlights = [.. page.Highlights.Select(h => ClassOf(h.RuleId) is { } c && h.Class is null ? h with { Class = c } : h)],
            Table = table,
        };
    }
}
