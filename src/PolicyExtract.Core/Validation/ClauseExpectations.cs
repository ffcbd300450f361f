using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Structure;

namespace PolicyExtract.Validation;

/// <summary>
/// A clause as a curator read it: path, label as written (<c>-</c> in the file for none), level, source line, number
/// of paragraphs and title (<c>-</c> for none). <see cref="Line"/> is the line of the expectations file.
/// </summary>
public sealed record ExpectedClause(string Path, string Label, string Level, int SourceLine, int Paragraphs, string Title, int Line)
{
    /// <summary>The clause in the one-line form both sides are compared in.</summary>
    public string Describe() => ClauseExpectations.Describe(Path, Label, Level, SourceLine, Paragraphs, Title);
}

/// <summary>
/// A document's clause tree, read by hand (<c>NNN.clauses.txt</c>): one clause a line, in document order, as
/// <c>path label level line paragraphs title</c>, whitespace-separated, the title taking the rest of the line. The file
/// lists the whole tree, so a clause it does not list is unexpected.
/// </summary>
public sealed record ClauseExpectations(string Path, ImmutableArray<ExpectedClause> Clauses)
{
    public static readonly ImmutableArray<string> Fields = ["label", "level", "line", "paragraphs", "title"];

    /// <summary>Reads an expectations file; every mistake in it is an <see cref="ExpectationsFormatException"/> naming file and line.</summary>
    public static ClauseExpectations Parse(string text, string path)
    {
        var clauses = ImmutableArray.CreateBuilder<ExpectedClause>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, content) in SpecLines.Of(text))
        {
            var c = content.Split((char[]?)null, 6, StringSplitOptions.RemoveEmptyEntries).Select(x => x.Trim()).ToArray();
            if (c.Length != 6
                || !int.TryParse(c[3], NumberStyles.None, CultureInfo.InvariantCulture, out var sourceLine)
                || !int.TryParse(c[4], NumberStyles.None, CultureInfo.InvariantCulture, out var paragraphs))
            {
                throw SpecLines.Error(path, line, "expected 'path label level line paragraphs title' ('-' for no label or title)");
            }

            if (!seen.TryAdd(c[0], line))
            {
                throw SpecLines.Error(path, line, $"clause {c[0]} is listed twice (first at line {seen[c[0]]})");
            }

            clauses.Add(new ExpectedClause(c[0], c[1] == "-" ? "" : c[1], c[2], sourceLine, paragraphs, c[5], line));
        }

        return new ClauseExpectations(path, clauses.ToImmutable());
    }

    /// <summary>An extracted clause in the form of <see cref="ExpectedClause.Describe"/>.</summary>
    public static string Describe(Clause c) =>
        Describe(c.Path, c.Label, c.Level, c.Span.Line, c.Text.Split('\n').Length, c.Title ?? "-");

    /// <summary>Field by field, in <see cref="Fields"/> order, as the two sides are compared.</summary>
    public static ImmutableArray<string> Values(Clause c) =>
        [c.Label, c.Level, Number(c.Span.Line), Number(c.Text.Split('\n').Length), c.Title ?? "-"];

    public static ImmutableArray<string> Values(ExpectedClause c) =>
        [c.Label, c.Level, Number(c.SourceLine), Number(c.Paragraphs), c.Title];

    internal static string Describe(string path, string label, string level, int line, int paragraphs, string title) =>
        $"{path} | {label} | {level} | {Number(line)} | {Number(paragraphs)} | {title}";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
