using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyExtract.Diagnostics;

namespace PolicyExtract.Output;

/// <summary>
/// <c>errors.json</c>, what an extract run writes beside its documents: how many inputs there were, how many were
/// written and failed, whether the run was interrupted, and every error with its file and line. Written by every run,
/// also a clean one (with no errors), so that a stale list from an earlier run is never left standing. Holds no times,
/// so it is as deterministic as the documents.
/// </summary>
public sealed record RunErrorsRecord(int Inputs, int Written, int Failed, bool Interrupted, ImmutableArray<ProblemRecord> Errors);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RunErrorsRecord))]
internal sealed partial class RunErrorsJsonContext : JsonSerializerContext;

public static class RunErrorsJson
{
    private static readonly RunErrorsJsonContext Context = new(ReportJson.Options());

    /// <summary>The options the file is written with (for tests that walk the types it holds).</summary>
    internal static JsonSerializerOptions Options => Context.Options;

    public static byte[] Serialize(RunErrorsRecord record) =>
        [.. JsonSerializer.SerializeToUtf8Bytes(record, Context.RunErrorsRecord), (byte)'\n'];

    public static RunErrorsRecord? Deserialize(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, Context.RunErrorsRecord);
}
