using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyExtract.Output;
using PolicyExtract.Diagnostics;
using PolicyExtract.Validation;

namespace PolicyExtract.Report;

public sealed record DocumentRecord(
    string Output,
    string? DocumentId,
    string? Source,
    bool Passed,
    ImmutableArray<string> Expectations,
    ImmutableArray<ProblemRecord> Problems,
    RuleTally Rules,
    ImmutableArray<Finding> Findings,
    ImmutableArray<FieldScore> Scores);

public sealed record TotalRecord(int Documents, int Failed, RuleTally Rules, int Findings, int SchemaViolations, ImmutableArray<FieldScore> Scores);

/// <summary>The validate report as <c>--json</c> writes it.</summary>
public sealed record ValidationRecord(
    bool Passed,
    ImmutableArray<ProblemRecord> InputErrors,
    ImmutableArray<ProblemRecord> Problems,
    ImmutableArray<DocumentRecord> Documents,
    TotalRecord Total);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ValidationRecord))]
internal sealed partial class ValidationJsonContext : JsonSerializerContext;

/// <summary>
/// Deterministic JSON of a validate run: documents in input order, findings in report order, properties in declaration
/// order, enums in kebab case, Chinese unescaped, two-space indent, LF, a final newline.
/// </summary>
public static class ValidationJson
{
    private static readonly ValidationJsonContext Context = new(ReportJson.Options());

    /// <summary>The options the file is written with (for tests that walk the types it holds).</summary>
    internal static JsonSerializerOptions Options => Context.Options;

    public static string Render(ValidationReport report)
    {
        var record = new ValidationRecord(
            report.Passed,
            [.. report.InputErrors.Select(ProblemRecord.From)],
            [.. report.Problems.Select(ProblemRecord.From)],
            [.. report.Documents.Select(d => new DocumentRecord(d.Output, d.DocumentId, d.Source, d.Passed, d.Expectations, [.. d.Problems.Select(ProblemRecord.From)], d.Rules, d.Findings, d.Scores))],
            new TotalRecord(
                report.Documents.Length,
                report.Documents.Count(d => !d.Passed),
                report.Rules,
                report.Documents.Sum(d => d.Findings.Length),
                report.Documents.Sum(d => d.Problems.Count(p => p.Code == DiagnosticCatalog.SchemaViolation.Code)),
                report.Scores));
        return JsonSerializer.Serialize(record, Context.ValidationRecord) + "\n";
    }
}
