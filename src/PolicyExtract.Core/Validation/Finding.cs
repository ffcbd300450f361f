namespace PolicyExtract.Validation;

/// <summary>Which expectations file a finding comes from.</summary>
public enum ExpectationSection
{
    Clauses,
    Metadata,
    Rules,
}

/// <summary>
/// One disagreement between a document's output and its curated expectations, with everything a reviewer needs to
/// judge it: where the expectation is (<see cref="ExpectedAt"/>, <c>file:line</c>), the clause and field, both values
/// in canonical form, and the line of the policy it concerns (<see cref="SourceLine"/>, 1-based; 0 when unknown) with
/// the sentence read there (<see cref="SourceText"/>: the extracted rule's evidence, or the expectation's quote of a
/// rule that was not found).
/// </summary>
public sealed record Finding(
    ExpectationSection Section,
    DifferenceKind Kind,
    string? Clause,
    string? Field,
    string? Expected,
    string? Actual,
    string ExpectedAt,
    int SourceLine,
    string? SourceText,
    string? RuleId);
