using System.Collections.Immutable;
using PolicyExtract.Diagnostics;
using PolicyExtract.Metadata;
using PolicyExtract.Rules;
using PolicyExtract.Structure;

namespace PolicyExtract.Output;

/// <summary>The JSON document written for one policy: the contract other tools consume.</summary>
public sealed record PolicyDocument(
    string SchemaVersion,
    DocumentMetadata Document,
    ImmutableArray<Clause> Clauses,
    ImmutableArray<Rule> Rules,
    ImmutableArray<DiagnosticRecord> Diagnostics)
{
    /// <summary>Semantic version of the output format: a field added is a minor version, a field changed or removed a major one.</summary>
    public const string CurrentSchemaVersion = "0.6.0";
}

/// <summary>A diagnostic as written to JSON: the file is implied by the document, the location is a source span.</summary>
public sealed record DiagnosticRecord(string Code, Severity Severity, string Message, ImmutableArray<string> Args, SourceSpan? Span)
{
    public static DiagnosticRecord From(Diagnostic d) => new(d.Code, d.Severity, d.Message, d.Args, d.Span);
}
