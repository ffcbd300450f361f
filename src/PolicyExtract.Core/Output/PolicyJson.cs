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
    private static readonly PolicyJsonContext Context = new(Options(strict: false));

    /// <summary>The same content on one line, for JSON Lines streams.</summary>
    private static readonly PolicyJsonContext LineContext = new(Options(strict: false, indented: false));

    /// <summary>
    /// Reading back what other hands may have edited: a missing property, a null where the contract has none, or an
    /// unknown property is an error, never a silently defaulted field that a comparison would then trip over.
    /// </summary>
    private static readonly PolicyJsonContext StrictContext = new(Options(strict: true));

    private static JsonSerializerOptions Options(bool strict, bool indented = true) => new JsonSerializerOptions
    {
        // Output files are data, never embedded in HTML, so only what JSON itself requires is escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        IndentSize = 2,
        NewLine = "\n",
        RespectNullableAnnotations = strict,

        // A second "rules" key would silently replace the first: a file edited into that shape is not an output.
        AllowDuplicateProperties = !strict,
        RespectRequiredConstructorParameters = strict,
        UnmappedMemberHandling = strict ? JsonUnmappedMemberHandling.Disallow : JsonUnmappedMemberHandling.Skip,
    }.WithEnums(allowIntegerValues: !strict);

    /// <summary>The options documents are written with (for tests that walk the types they hold).</summary>
    internal static JsonSerializerOptions WriteOptions => Context.Options;

    public static byte[] Serialize(PolicyDocument document)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, Context.PolicyDocument);
        return [.. bytes, (byte)'\n'];
    }

    /// <summary>The document as one line of JSON Lines (no indentation, no newline inside, one at the end).</summary>
    public static byte[] SerializeLine(PolicyDocument document)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, LineContext.PolicyDocument);
        return [.. bytes, (byte)'\n'];
    }

    public static PolicyDocument? Deserialize(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, Context.PolicyDocument);

    /// <summary>
    /// Reads an output file strictly (see <see cref="StrictContext"/>). A malformed or misshapen file is a
    /// <see cref="JsonException"/> whose <c>LineNumber</c> (0-based) and <c>Path</c> say where.
    /// </summary>
    public static PolicyDocument DeserializeStrict(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, StrictContext.PolicyDocument) ?? throw new JsonException("the file holds null, not a document", "$", 0, 0);
}
