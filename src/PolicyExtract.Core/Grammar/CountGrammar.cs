using System.Collections.Immutable;
using PolicyExtract.Diagnostics;

namespace PolicyExtract.Grammar;

/// <summary>
/// The words of count statements (grammar/counts.txt): what introduces a count, what it counts, and which part it is
/// of. Word lists are longest first, so a scan tries 分别有 before 分别. Immutable.
/// </summary>
public sealed record CountGrammar(
    ImmutableArray<string> Cues,
    ImmutableArray<string> Respectively,
    ImmutableArray<string> Following,
    ImmutableArray<(string Word, ImmutableArray<string> Levels)> Self,
    ImmutableArray<string> PartNames,
    ImmutableArray<string> MeasureWords,
    ImmutableArray<string> PartNouns,
    ImmutableArray<string> ItemNouns,
    ImmutableArray<string> ItemMeasures,
    ImmutableArray<string> ItemTails,
    ImmutableArray<string> NotCounts)
{
    public const string File = "counts.txt";

    private static readonly ImmutableArray<string> Sections =
        ["cue", "respectively", "following", "self", "part-name", "measure-word", "part-noun", "item-noun", "item-measure", "item-tail", "not-count"];

    /// <summary>Loads the file's content; every bad line goes to <paramref name="problems"/> with its line.</summary>
    internal static CountGrammar Load((string Path, string Content) file, ImmutableHashSet<string> levels, List<Diagnostic> problems)
    {
        var words = Sections.ToDictionary(s => s, _ => new List<string>(), StringComparer.Ordinal);
        var self = new List<(string, ImmutableArray<string>)>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var line in GrammarFile.Parse(file.Path, file.Content, problems))
        {
            if (line.Section is null || !words.TryGetValue(line.Section, out var list))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarUnknownKey, "section", line.Section ?? "(none)"));
                continue;
            }

            var f = line.Fields;
            var isSelf = line.Section == "self";
            if (isSelf ? f.Length < 2 : f.Length != 1)
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarSyntax, isSelf ? "[self] entries are: word level [level...]" : $"[{line.Section}] entries are one word each"));
                continue;
            }

            if (!seen.TryAdd((line.Section, f[0]), line.Line))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarDuplicate, line.Section, f[0], seen[(line.Section, f[0])].ToString(System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            if (isSelf)
            {
                var unknown = f.Skip(1).Where(l => !levels.Contains(l)).ToList();
                foreach (var level in unknown)
                {
                    problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarUnknownKey, "level", level));
                }

                if (unknown.Count == 0)
                {
                    self.Add((f[0], [.. f.Skip(1)]));
                    list.Add(f[0]);
                }
            }
            else
            {
                list.Add(f[0]);
            }
        }

        foreach (var section in Sections.Where(s => words[s].Count == 0 && file.Content.Length > 0))
        {
            problems.Add(Diagnostic.Create(DiagnosticCatalog.GrammarMissing, file.Path, null, $"section [{section}]"));
        }

        ImmutableArray<string> W(string s) => [.. words[s].OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];
        return new CountGrammar(
            W("cue"), W("respectively"), W("following"),
            [.. self.OrderByDescending(s => s.Item1.Length).ThenBy(s => s.Item1, StringComparer.Ordinal)],
            W("part-name"), W("measure-word"), W("part-noun"), W("item-noun"), W("item-measure"), W("item-tail"), W("not-count"));
    }
}
