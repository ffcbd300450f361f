using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyExtract.Output;

/// <summary>
/// The options every JSON report is written with, so that they read like the output files: camelCase, enums in kebab
/// case, Chinese unescaped, two-space indent, LF.
/// </summary>
internal static class ReportJson
{
    public static JsonSerializerOptions Options() => new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
    }.WithEnums(allowIntegerValues: true);
}
