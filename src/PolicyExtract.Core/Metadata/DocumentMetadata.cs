using System.Collections.Immutable;
using PolicyExtract.Rules;

namespace PolicyExtract.Metadata;

public enum DocumentStatus
{
    Draft,
    Final,
}

/// <summary>How the effective date was stated.</summary>
public enum EffectiveBasis
{
    /// <summary>No effective clause was found.</summary>
    Unstated,

    /// <summary>A calendar date: 自2023年10月24日起施行.</summary>
    Date,

    /// <summary>自发布之日起实施: the issue date, where the document gives one.</summary>
    Publication,

    /// <summary>A placeholder such as 2024年x月x日 in a draft: unknown until the final version.</summary>
    Placeholder,
}

/// <summary>Where the policy came from, as read.</summary>
/// <param name="Format">How it was read: <c>text</c>, <c>html</c>, <c>docx</c> or <c>pdf</c>.</param>
/// <param name="Encoding">One of <see cref="Ingest.EncodingNames"/>; <c>unicode</c> for .docx and .pdf.</param>
/// <param name="Pages">
/// For a PDF, the offset in the extracted text (the text spans point into) where each page starts, page 1 first;
/// a span's page is the number of starts at or before its start. Null for every other format.
/// </param>
public sealed record SourceInfo(string Path, string Sha256, string Format, string Encoding, ImmutableArray<int>? Pages);

/// <summary>
/// When the policy applies. <see cref="Until"/> is the last day of validity: 有效期5年 from 2023-10-24 runs until
/// 2028-10-23. <see cref="RetroactiveFrom"/> is the start of a window before the effective date whose cases qualify
/// (2022年1月1日至本措施生效前符合条件的项目…). <see cref="Clause"/> is the path of the clause that says so.
/// </summary>
public sealed record Effective(
    DateOnly? From,
    DateOnly? Until,
    int? ValidYears,
    DateOnly? RetroactiveFrom,
    EffectiveBasis Basis,
    string? Clause);

/// <summary>A policy cited by title (《…》), with its document number where one follows the title.</summary>
public sealed record Citation(string Title, string? DocumentNumber);

/// <summary>The policy that drafting notes (起草说明) or an interpretation explain, and its id when it was among the inputs.</summary>
public sealed record Explains(string Title, string? DocumentId);

public sealed record DocumentMetadata(
    string Id,
    SourceInfo Source,
    string? Title,
    ImmutableArray<string> Issuers,
    string? DocumentNumber,
    DateOnly? IssuedOn,
    DocumentStatus Status,
    string? Kind,
    Effective Effective,
    string? InterpretedBy,
    ImmutableArray<Citation> Cites,
    Explains? Explains,
    Boundary? Boundary,
    ImmutableArray<Constraint> Constraints);
