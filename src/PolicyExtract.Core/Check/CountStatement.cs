using System.Collections.Immutable;

namespace PolicyExtract.Check;

/// <summary>What a count statement counts.</summary>
public enum CountedThing
{
    /// <summary>Top-level parts: 五个方面, 三个部分, 共五章.</summary>
    Parts,

    /// <summary>Clauses below a part (措施, 条款, 本章共3条); for a whole document, the clauses of all its non-closing parts.</summary>
    Clauses,
}

/// <summary>Which part of which document a statement counts, as far as its own words say.</summary>
public enum CountSubject
{
    /// <summary>Nothing names it: a drafting note's section titled like a part of the policy it explains counts that part, otherwise the whole document.</summary>
    Unnamed,

    /// <summary>本章, 本节: the clause the statement sits in, at a level [self] gives.</summary>
    Self,

    /// <summary>以下, 如下: the sub-clauses of the clause the statement sits in.</summary>
    Following,

    /// <summary>附则共6个条款: the part with this title.</summary>
    PartName,
}

/// <summary>
/// A count a document states (grammar/counts.txt): in clause <see cref="Clause"/>, the words <see cref="Text"/> at
/// [<see cref="Start"/>, <see cref="End"/>) of the clause's own text (0-based), on source line <see cref="Line"/>
/// (1-based). <see cref="Counts"/> has one count, or one per part in order for a 分别 list.
/// </summary>
public sealed record CountStatement(
    string Clause,
    int Line,
    int Start,
    int End,
    string Text,
    ImmutableArray<int> Counts,
    CountedThing Thing,
    CountSubject Subject,
    string? SubjectWord,
    ImmutableArray<string> SelfLevels);
