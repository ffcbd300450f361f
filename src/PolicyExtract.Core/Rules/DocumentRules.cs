using System.Collections.Immutable;

namespace PolicyExtract.Rules;

public enum BoundarySource
{
    /// <summary>The document defines its bound words (本措施中有关数据“以上”“不超过”“最高”包括本数，“以下”不包括本数).</summary>
    Document,

    /// <summary>No definition clause: the Civil Code art. 1259 convention applies.</summary>
    Default,
}

/// <summary>
/// What the document's bound words mean: which include the number (包括本数) and which do not. Applied to every bound
/// in the document that carries no explicit 含/不含 of its own.
/// </summary>
public sealed record Boundary(
    ImmutableArray<string> Inclusive,
    ImmutableArray<string> Exclusive,
    BoundarySource Source,
    string? Clause,
    Evidence? Evidence);

public enum ConstraintKind
{
    /// <summary>不得重复申请, 不重复资助, 不再享受本办法资助: one subsidy per matter.</summary>
    NoDuplicate,

    /// <summary>被列入失信联合惩戒管理的对象不予资助: who is excluded.</summary>
    Exclusion,
}

/// <summary>A document-wide condition on all grants, kept as written.</summary>
public sealed record Constraint(ConstraintKind Kind, string Text, string Clause, Evidence Evidence);
