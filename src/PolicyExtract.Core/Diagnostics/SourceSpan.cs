using System.Text.Json.Serialization;

namespace PolicyExtract.Diagnostics;

/// <summary>
/// A range of the original file's decoded text. <see cref="Start"/> and <see cref="End"/> are 0-based UTF-16
/// code-unit offsets into the decoded file (BOM removed, line endings as in the file), end exclusive;
/// <see cref="Line"/> is the 1-based line of <see cref="Start"/>. For HTML the decoded file is the page's markup,
/// so a span points at the markup the text came from, and <see cref="TextLine"/> says which line of the displayed text
/// that is.
/// </summary>
public readonly record struct SourceSpan(int Line, int Start, int End)
{
    /// <summary>For HTML, the 1-based line of the page's displayed text (the review page's numbering); null otherwise.</summary>
    public int? TextLine { get; init; }

    [JsonIgnore]
    public int Length => End - Start;

    public static SourceSpan Cover(SourceSpan first, SourceSpan last) => new(first.Line, first.Start, last.End) { TextLine = first.TextLine };
}
