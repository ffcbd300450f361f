using System.Collections.Immutable;
using NJsonSchema;
using NJsonSchema.Validation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyExtract.Diagnostics;

namespace PolicyExtract.Validation;

/// <summary>
/// The published output schema (output/policy-rules.schema.json, built into this assembly), loaded once; thread-safe.
/// NJsonSchema enforces the draft-07 keywords the schema uses (OutputSchemaTests keeps it to those).
/// </summary>
public sealed class OutputSchema
{
    private const string ResourceName = "policy-rules.schema.json";

    private static readonly Lazy<OutputSchema> LazyPublished = new(() =>
    {
        using var stream = typeof(OutputSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the assembly lacks the embedded {ResourceName}");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    });

    private readonly JsonSchema _schema;

    private OutputSchema(JsonSchema schema) => _schema = schema;

    /// <summary>The schema of the output format this build writes.</summary>
    public static OutputSchema Published => LazyPublished.Value;

    public static OutputSchema FromJson(string schemaJson) =>
        new(JsonSchema.FromJsonAsync(schemaJson).GetAwaiter().GetResult());

    /// <summary>
    /// Every violation in <paramref name="json"/> as a VA002 diagnostic at its line of <paramref name="display"/>. Nested
    /// failures (an array item, an anyOf branch, a nullable's types) are reported by their innermost errors, each path
    /// and kind once, so the message names the property that is wrong rather than the object that holds it.
    /// </summary>
    public ImmutableArray<Diagnostic> Validate(string json, string display)
    {
        ICollection<ValidationError> errors;
        try
        {
            errors = _schema.Validate(Parse(json));
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // Not JSON at all: the reader reports where it breaks; a schema says nothing about such a file.
            return [];
        }

        return [.. Leaves(errors)
            .Select(e => (Path: e.Path ?? "#", Kind: e.Kind.ToString(), e.LineNumber))
            .Distinct()
            .OrderBy(e => e.LineNumber).ThenBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal)
            .Select(e => Diagnostic.Create(DiagnosticCatalog.SchemaViolation, display, e.LineNumber > 0 ? new SourceSpan(e.LineNumber, 0, 0) : null, e.Path, e.Kind))];
    }

    /// <summary>
    /// The JSON as NJsonSchema validates it, with line numbers, dates left as strings, and every integer beyond 64 bits
    /// (an exact 99999999999亿元 is 9999999999900000000 yuan) turned into a decimal: Json.NET reads those as BigInteger,
    /// on which NJsonSchema's number checks throw InvalidCastException.
    /// </summary>
    private static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        var root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        foreach (var value in (root is JContainer container ? container.DescendantsAndSelf() : [root]).OfType<JValue>())
        {
            if (value.Value is System.Numerics.BigInteger big)
            {
                value.Value = big >= (System.Numerics.BigInteger)decimal.MinValue && big <= (System.Numerics.BigInteger)decimal.MaxValue ? (decimal)big : (double)big;
            }
        }

        return root;
    }

    /// <summary>The errors and all errors nested in them (array items, anyOf branches, the types of a nullable).</summary>
    public static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return error;
            foreach (var inner in Flatten(Nested(error)))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors) =>
        Flatten(errors).Where(e => !Nested(e).Any());

    private static IEnumerable<ValidationError> Nested(ValidationError error) => error switch
    {
        ChildSchemaValidationError c => c.Errors.Values.SelectMany(e => e),
        MultiTypeValidationError m => m.Errors.Values.SelectMany(e => e),
        _ => [],
    };
}
