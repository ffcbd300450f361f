using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyExtract.Output;
using PolicyExtract.Diff;
using PolicyExtract.Rules;

namespace PolicyExtract.Report;

public sealed record ChangedRecord(Rule Old, Rule New, ImmutableArray<FieldChange> Fields);

/// <summary>The diff as <c>--json</c> writes it; rules exactly as the output files hold them.</summary>
public sealed record DiffRecord(
    string OldVersion,
    string NewVersion,
    bool Substance,
    ImmutableArray<Rule> Added,
    ImmutableArray<Rule> Removed,
    ImmutableArray<ChangedRecord> Changed,
    int Unchanged,
    ImmutableArray<DocumentChange> Document,
    ImmutableArray<ClauseChange> Clauses);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(DiffRecord))]
internal sealed partial class DiffJsonContext : JsonSerializerContext;

/// <summary>Deterministic JSON of a diff: the output files' conventions (camelCase, kebab-case enums, Chinese unescaped, LF).</summary>
public static class DiffJson
{
    private static readonly DiffJsonContext Context = new(ReportJson.Options());

    /// <summary>The options the file is written with (for tests that walk the types it holds).</summary>
    internal static JsonSerializerOptions Options => Context.Options;

    public static string Render(PolicyDiff diff, string oldName, string newName)
    {
        var record = new DiffRecord(
            oldName,
            newName,
            diff.HasSubstance,
            diff.Added,
            diff.Removed,
            [.. diff.Changed.Select(c => new ChangedRecord(c.Old, c.New, c.Fields))],
            diff.Unchanged,
            diff.Document,
            diff.Clauses);
        return JsonSerializer.Serialize(record, Context.DiffRecord) + "\n";
    }
}
