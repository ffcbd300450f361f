using System.Collections.Immutable;
using PolicyExtract.Diagnostics;
using PolicyExtract.Normalize;

namespace PolicyExtract.Structure;

/// <summary>
/// A document cut into its parts: the head before the first clause (notice wrapper, title, preamble), the clause tree,
/// and the trailer after it (signature, date, distribution). Head and trailer keep only non-blank lines, each with the
/// number of blank lines before it, which the title finder needs (titles are broken across blank lines too).
/// </summary>
public sealed record DocumentLayout(
    NormalizedText Text,
    ImmutableArray<HeadLine> Head,
    ImmutableArray<Clause> Clauses,
    ImmutableArray<NormalizedLine> Trailer,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public IEnumerable<Clause> AllClauses => Clauses.SelectMany(c => c.DescendantsAndSelf());

    public string TextOf(NormalizedLine line) => Text.Text[line.Start..line.End];
}

/// <summary>A non-blank line of the head, with how many blank lines precede it.</summary>
public readonly record struct HeadLine(NormalizedLine Line, string Text, int BlankLinesBefore);
