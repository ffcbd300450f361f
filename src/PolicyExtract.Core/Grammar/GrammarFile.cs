using System.Collections.Immutable;
using PolicyExtract.Diagnostics;

namespace PolicyExtract.Grammar;

/// <summary>One meaningful line of a grammar file: its 1-based line number and its whitespace-separated fields.</summary>
internal sealed record GrammarLine(int Line, string? Section, ImmutableArray<string> Fields);

/// <summary>
/// Reads the line format every file in <c>grammar/</c> shares: <c>#</c> starts a comment line, blank lines are
/// ignored, <c>[name]</c> starts a section, other lines are whitespace-separated fields. Problems are collected,
/// never thrown, so a maintainer sees every bad line at once.
/// </summary>
internal static class GrammarFile
{
    public static ImmutableArray<GrammarLine> Parse(string displayPath, string content, ICollection<Diagnostic> problems)
    {
        var lines = ImmutableArray.CreateBuilder<GrammarLine>();
        string? section = null;
        var number = 0;
        foreach (var raw in content.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                if (line[^1] != ']' || line.Length < 3)
                {
                    problems.Add(At(displayPath, number, DiagnosticCatalog.GrammarSyntax, $"malformed section header '{line}'"));
                    continue;
                }

                section = line[1..^1].Trim();
                continue;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            lines.Add(new GrammarLine(number, section, [.. fields]));
        }

        return lines.ToImmutable();
    }

    /// <summary>A diagnostic located at a line of a grammar file (grammar files are not sources, so the span carries only the line).</summary>
    public static Diagnostic At(string displayPath, int line, DiagnosticDescriptor descriptor, params string[] args) =>
        Diagnostic.Create(descriptor, displayPath, new SourceSpan(line, 0, 0), args);
}
