using System.Collections.Immutable;
using PolicyExtract.Diagnostics;

namespace PolicyExtract.Report;

/// <summary>What a highlight marks; its CSS class is the lower-case name (<c>amount</c>, <c>cap</c>, …).</summary>
public enum HighlightKind
{
    /// <summary>The grant's own figure: 30万元, 最高30万元, 100%, 每件2000元, a step's figures.</summary>
    Amount,

    /// <summary>A bound on one grant written apart from its figure: 单个项目最高300万元 on a ratio or per-unit grant.</summary>
    Cap,

    /// <summary>A total across grants: 同一单位年度资助总额最高50万元, 每年最多资助10家.</summary>
    Limit,

    /// <summary>A numeric condition of eligibility: 40%以上, 10件以上.</summary>
    Threshold,

    /// <summary>What earns the grant, as written: 获得中国质量奖.</summary>
    Trigger,
}

/// <summary>
/// One highlight over <see cref="ReviewPage.Text"/>: [<see cref="Start"/>, <see cref="End"/>), 0-based UTF-16 offsets
/// into that text. Highlights may nest and cross; the renderer keeps one element per highlight (see
/// <see cref="HtmlPage"/>). <see cref="Class"/> is an extra CSS class for the page's own purposes (a diff page marks
/// <c>added</c>, <c>removed</c>, <c>changed</c>; the report marks a trigger found only in part <c>partial</c>).
/// </summary>
public sealed record Highlight(int Start, int End, string RuleId, HighlightKind Kind, string? Class = null)
{
    /// <summary>A tooltip, e.g. what a partly found trigger says in full.</summary>
    public string? Title { get; init; }
}

/// <summary>
/// A finding shown where it occurs and in the page's list. <see cref="Start"/> is an offset into
/// <see cref="ReviewPage.Text"/>, or null for a finding about the document as a whole (listed only).
/// <see cref="RuleId"/> names the rule it concerns, if any, so the list can select that rule.
/// </summary>
public sealed record PageNote(string Code, Severity Severity, string Message, int? Start, int? Line, string? RuleId = null);

/// <summary>A row of the rules table: one cell per column, a cell's lines separated by '\n'.</summary>
/// <param name="Line">The 1-based line the rule's text starts on, to scroll to when it has no highlight.</param>
/// <param name="Class">An extra CSS class for the row (a diff page: added, removed, changed).</param>
public sealed record RuleRow(string RuleId, ImmutableArray<string> Cells, int Line, string? Class = null);

public sealed record RuleTable(ImmutableArray<string> Columns, ImmutableArray<RuleRow> Rows);

/// <summary>A label and value shown in the page's header (source, sha256, counts).</summary>
public sealed record PageFact(string Label, string Value);

/// <summary>
/// Everything a review page shows, independent of where it came from: a text with highlights tied to rule ids, a table
/// of those rules, and notes. The report builds one per document; a diff page can build one from two documents, with
/// <see cref="Highlight.Class"/> and <see cref="RuleRow.Class"/> saying what changed.
/// </summary>
/// <param name="LineNumbers">The number shown for each line of <see cref="Text"/> (lines end at LF, CRLF or a lone CR),
/// so a view of an HTML page's text can show the markup's line numbers; empty means 1, 2, 3, ….</param>
public sealed record ReviewPage(
    string Title,
    ImmutableArray<PageFact> Facts,
    string Text,
    ImmutableArray<int> LineNumbers,
    ImmutableArray<Highlight> Highlights,
    RuleTable Table,
    ImmutableArray<PageNote> Notes);
