using System.Collections.Immutable;
using System.Text.Json.Serialization;
using PolicyExtract.Diagnostics;

namespace PolicyExtract.Structure;

/// <summary>
/// A clause of the policy as its numbering defines it. <see cref="Path"/> is the dotted Arabic numbers as written, one per
/// level present (<c>二、…（四）…2.</c> is <c>2.4.2</c>); unnumbered closing paragraphs after the last numbered clause
/// are <c>closing.1</c>, <c>closing.2</c>…. <see cref="Text"/> is the clause's own normalized text (the label removed,
/// its paragraphs joined by '\n', the children's text not included); <see cref="Span"/> covers the same in the source,
/// label included.
/// </summary>
public sealed record Clause(
    string Path,
    string Label,
    string Level,
    string? Title,
    string Text,
    SourceSpan Span,
    ImmutableArray<Clause> Children)
{
    /// <summary>For each character of <see cref="Text"/>, its index in the document's normalized text.</summary>
    [JsonIgnore]
    public ImmutableArray<int> TextOffsets { get; init; } = [];

    /// <summary>The numbering scheme's name (grammar/numbering.txt), or "closing".</summary>
    [JsonIgnore]
    public string Scheme { get; init; } = "";

    /// <summary>This clause and all below it, depth first, in document order.</summary>
    public IEnumerable<Clause> DescendantsAndSelf()
    {
        var stack = new Stack<Clause>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var clause = stack.Pop();
            yield return clause;
            for (var i = clause.Children.Length - 1; i >= 0; i--)
            {
                stack.Push(clause.Children[i]);
            }
        }
    }
}
