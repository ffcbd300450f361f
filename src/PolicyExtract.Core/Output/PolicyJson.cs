using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyExtract.Output;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PolicyDocument))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext;

/// <summary>
/// Serializes output documents deterministically: UTF-8 without BOM, two-space indent, LF line ends, declaration order of
/// properties, Chinese text unescaped. The same document gives the same bytes on any machine. Thread-safe.
/// </summary>
public static class PolicyJson
{
    private static readonly PolicyJsonContext Context = new(new JsonSerializerOptions
    {
        // Output files are data, never embedded in HTML, so only what JSON itself requires is escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    });

    public static byte[] Serialize(PolicyDocument document)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, Context.PolicyDocument);
        return [.. bytes, (byte)'\n'];
    }

    public static PolicyDocument? Deserialize(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, Context.PolicyDocument);
}
