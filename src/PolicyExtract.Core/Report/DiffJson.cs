using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyExtract.Output;
using PolicyExtract.Diff;
using PolicyExtract.Rules;

namespace PolicyExtract.Report;

/// <summary>
/// A changed field: <see cref="Old"/> and <see cref="New"/> in validate's words (<c>max 300000 incl document</c>),
/// <see cref="OldValue"/> and <see cref="NewValue"/> as the output files hold the value (the amount object, the
/// limits array, the triggers …), for consumers that want values rather than words.
/// </summary>
public sealed record FieldRecord(string Field, string Old, string New, JsonElement OldValue, JsonElement NewValue);

public sealed record ChangedRecord(Rule Old, Rule New, ImmutableArray<FieldRecord> Fields);

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
    ImmutableArray<ClauseChange> Clauses,
    Likeness Likeness);

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
            [.. diff.Changed.Select(c => new ChangedRecord(c.Old, c.New, [.. c.Fields.Select(f => new FieldRecord(f.Field, f.Old, f.New, ValueOf(c.Old, f.Field), ValueOf(c.New, f.Field)))]))],
            diff.Unchanged,
            diff.Document,
            diff.Clauses,
            diff.Likeness);
        return JsonSerializer.Serialize(record, Context.DiffRecord) + "\n";
    }

    /// <summary>Where each of validate's field names lives in a rule as the output files write it.</summary>
    private static readonly Dictionary<string, string[]> Paths = new(StringComparer.Ordinal)
    {
        ["trigger"] = ["triggers"],
        ["beneficiary"] = ["beneficiary"],
        ["benefit"] = ["benefit"],
        ["frequency"] = ["frequency"],
        ["amount"] = ["amount"],
        ["max"] = ["amount", "max"],
        ["min"] = ["amount", "min"],
        ["currency"] = ["amount", "currency"],
        ["approximate"] = ["amount", "approximate"],
        ["step"] = ["amount", "step"],
        ["uncapped"] = ["amount", "uncapped"],
        ["instalment"] = ["instalment"],
        ["join"] = ["conditionJoin"],
        ["limit"] = ["limits"],
        ["condition"] = ["conditions"],
    };

    private static JsonElement ValueOf(Rule rule, string field)
    {
        var element = JsonSerializer.SerializeToElement(rule, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Rule>)PolicyJson.WriteOptions.GetTypeInfo(typeof(Rule)));
        foreach (var name in Paths.TryGetValue(field, out var path) ? path : [])
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return default;
            }
        }

        return element;
    }
}
