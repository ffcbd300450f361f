using System.Collections.Immutable;
using PolicyExtract.Rules;

namespace PolicyExtract.Diff;

/// <summary>
/// One field of a rule that differs between two versions, in the canonical form <c>validate</c> uses
/// (<c>amount max 300000 incl document</c>); a repeatable field (limit, condition) lists its values joined by " | ",
/// and <c>none</c> stands for an absent value.
/// </summary>
public sealed record FieldChange(string Field, string Old, string New);

/// <summary>A rule present in both versions whose substance differs.</summary>
public sealed record RuleChange(Rule Old, Rule New, ImmutableArray<FieldChange> Fields);

/// <summary>
/// A document-level field that differs: status, dates, issuer, the 本数 boundary…. <see cref="Substantive"/> is false for
/// a change of wording only (the boundary clause reworded with the same meaning).
/// </summary>
public sealed record DocumentChange(string Field, string Old, string New, bool Substantive);

public enum ClauseChangeKind
{
    /// <summary>The same clause under another path: a clause was inserted or deleted before it, or it moved.</summary>
    Renumbered,

    /// <summary>The same clause (by title) with other text.</summary>
    Reworded,

    Added,

    Removed,
}

/// <summary>
/// A clause of one version and its counterpart; a path is null on the side where the clause does not exist.
/// <see cref="Title"/> is the clause's title, or for an untitled clause the start of its text, so a reviewer can tell
/// which clause it is.
/// </summary>
public sealed record ClauseChange(ClauseChangeKind Kind, string? OldPath, string? NewPath, string? Title);

/// <summary>
/// How far two documents look like versions of one policy: whether their titles and issuing bodies agree, and how many
/// of their clauses pair up by title or text. A diff of two different policies is a mistake worth a warning.
/// </summary>
public sealed record Likeness(bool SameTitle, bool SameIssuers, int SharedClauses, int Clauses)
{
    /// <summary>Under this share of clauses in common, and with another title or issuer, they are different documents.</summary>
    public const double SharedEnough = 0.3;

    /// <summary>The same title, or half the clauses in common, or the same issuers and a good share of clauses.</summary>
    public bool OneDocument => SameTitle || Share >= 2 * SharedEnough || (SameIssuers && Share >= SharedEnough);

    private double Share => Clauses == 0 ? 0 : (double)SharedClauses / Clauses;
}

/// <summary>
/// What changed between two versions of a policy. Rules are matched by content, never by clause path, so renumbering
/// shows as clause changes and leaves the rules alone. Only rules and document fields are substance: clause changes
/// say where things went.
/// </summary>
public sealed record PolicyDiff(
    ImmutableArray<Rule> Added,
    ImmutableArray<Rule> Removed,
    ImmutableArray<RuleChange> Changed,
    int Unchanged,
    ImmutableArray<DocumentChange> Document,
    ImmutableArray<ClauseChange> Clauses,
    Likeness Likeness)
{
    public bool HasSubstance => !Added.IsEmpty || !Removed.IsEmpty || !Changed.IsEmpty || Document.Any(d => d.Substantive);
}
