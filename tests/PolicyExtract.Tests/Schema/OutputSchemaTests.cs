using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using PolicyExtract.Diagnostics;
using PolicyExtract.Metadata;
using PolicyExtract.Output;
using PolicyExtract.Pipeline;
using PolicyExtract.Rules;
using PolicyExtract.Tests.TestSupport;
using PolicyExtract.Validation;

namespace PolicyExtract.Tests.Schema;

/// <summary>
/// output/policy-rules.schema.json against what the tool writes: every seed's output validates, every shape the output
/// records allow validates, and targeted mutations of a valid document fail where they were made. The schema is strict
/// (closed objects, every property required), so a property added, renamed or retyped in the code fails here until the
/// schema and its version follow.
/// </summary>
public sealed class OutputSchemaTests
{
    /// <summary>
    /// The keywords NJsonSchema 11.6.2 enforces that this schema needs. Others may be silently ignored (const,
    /// prefixItems) or crash it (boolean subschemas), so the schema may use these only.
    /// </summary>
    private static readonly HashSet<string> EnforcedKeywords =
    [
        "$schema", "$id", "title", "description", "definitions", "$ref",
        "type", "enum", "pattern", "minimum", "properties", "required", "additionalProperties", "items", "anyOf",
    ];

    private static readonly Lazy<Task<JsonSchema>> LazySchema = new(() => JsonSchema.FromFileAsync(SchemaPath));

    private static string SchemaPath => Path.Combine(Repo.Root, "output", "policy-rules.schema.json");

    public static TheoryData<string> Seeds => new(Repo.SeedNumbers);

    public static TheoryData<string> ShapeNames => new(Shapes.Select(s => s.Name));

    public static TheoryData<string> MutationNames => new(Mutations.Select(m => m.Name));

    [Fact]
    public async Task The_schema_file_is_JSON_and_loads()
    {
        var bytes = File.ReadAllBytes(SchemaPath);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the schema file starts with a BOM");
        using var json = JsonDocument.Parse(bytes); // strict: no comments, no trailing commas
        Assert.Equal("http://json-schema.org/draft-07/schema#", json.RootElement.GetProperty("$schema").GetString());

        var schema = await JsonSchema.FromJsonAsync(Encoding.UTF8.GetString(bytes));
        Assert.Equal(JsonObjectType.Object, schema.Type);
        Assert.NotEmpty(schema.Properties);
        Assert.Contains("rule", schema.Definitions.Keys);
    }

    [Fact]
    public void The_schema_uses_only_keywords_NJsonSchema_enforces_and_no_boolean_subschemas()
    {
        foreach (var (where, node) in Subschemas(SchemaNode(), "#"))
        {
            var unknown = node.Select(p => p.Key).Where(k => !EnforcedKeywords.Contains(k)).ToList();
            Assert.True(unknown.Count == 0, $"{where} uses {string.Join(", ", unknown)}");
            Assert.True(node["items"] is null or JsonObject, $"{where}: items must be one schema object");
        }
    }

    [Fact]
    public void Every_object_is_closed_with_every_property_required_and_described()
    {
        var root = SchemaNode();
        var undescribedDefinitions = root["definitions"]!.AsObject().Where(d => d.Value?["description"] is null).Select(d => d.Key).ToList();
        Assert.True(undescribedDefinitions.Count == 0, $"definitions without a description: {string.Join(", ", undescribedDefinitions)}");
        foreach (var (where, node) in Subschemas(root, "#"))
        {
            if (node["properties"] is not JsonObject properties)
            {
                continue;
            }

            var undescribed = properties.Where(p => p.Value?["description"] is null).Select(p => p.Key).ToList();
            Assert.True(undescribed.Count == 0, $"{where}: no description for {string.Join(", ", undescribed)}");

            Assert.Equal("object", node["type"]?.GetValue<string>());
            Assert.True(node["additionalProperties"] is JsonValue v && v.GetValueKind() == JsonValueKind.False, $"{where} is not closed (additionalProperties: false)");
            var required = node["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
            Assert.True(required.SequenceEqual(properties.Select(p => p.Key)), $"{where}: required [{string.Join(", ", required)}] is not every property in order");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_seed_output_validates(string seed)
    {
        var document = Repo.ExtractSeed(seed).Document;
        Assert.NotNull(document);
        AssertValid(await Schema(), Json(document));
    }

    /// <summary>The files as the CLI writes them: one batch, so drafting notes carry the id of the policy they explain.</summary>
    [Fact]
    public async Task Every_file_a_batch_writes_validates()
    {
        var schema = await Schema();
        var output = Directory.CreateTempSubdirectory("policyextract-schema-");
        try
        {
            var batch = new BatchExtractor(Repo.Pipeline).Run([Repo.Seeds], output.FullName);
            Assert.Equal(Repo.SeedNumbers.Count(), batch.Written.Length);
            foreach (var file in batch.Written)
            {
                AssertValid(schema, File.ReadAllText(file), Path.GetFileName(file));
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public async Task Every_shape_the_output_records_allow_validates(string name)
    {
        var schema = await Schema();
        foreach (var document in Shapes.Single(s => s.Name == name).Make(Base()))
        {
            AssertValid(schema, Json(document));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_schema_lists_properties_in_the_order_the_tool_writes_them(string seed)
    {
        var document = Repo.ExtractSeed(seed).Document;
        Assert.NotNull(document);
        var root = SchemaNode();
        AssertSameOrder(root, root, JsonNode.Parse(Json(document)), "#");
        AssertSameOrder(root, root, JsonNode.Parse(Json(Base())), "#");
    }

    [Theory]
    [MemberData(nameof(MutationNames))]
    public async Task A_mutated_document_fails_where_it_was_mutated(string name)
    {
        var schema = await Schema();
        var mutation = Mutations.Single(m => m.Name == name);
        var json = Json(Base());
        AssertValid(schema, json, "the document before the mutation");

        var node = JsonNode.Parse(json)!;
        mutation.Apply(node);
        var errors = OutputSchema.Flatten(schema.Validate(node.ToJsonString())).ToList();

        Assert.True(
            errors.Any(e => e.Kind == mutation.Kind && e.Path == mutation.Path),
            $"expected {mutation.Kind} at {mutation.Path}, got:\n{Describe(errors)}");
        Assert.True(
            errors.All(e => IsOnTheWayTo(e.Path, mutation.Path)),
            $"errors away from {mutation.Path}:\n{Describe(errors)}");
    }

    [Fact]
    public async Task The_schema_is_for_the_version_the_code_writes()
    {
        var schema = await Schema();
        var version = schema.Properties["schemaVersion"];
        var current = PolicyDocument.CurrentSchemaVersion;

        Assert.Empty(version.Validate(JsonSerializer.Serialize(current)));
        Assert.Matches(version.Pattern!, current);
        Assert.Equal([current], version.Enumeration.Select(v => v?.ToString()));
        Assert.EndsWith($"-{current}.json", SchemaNode()["$id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // ---- documents -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Seed 000 (nested clauses), plus what no seed has yet: a rule, and diagnostics with and without a span.
    /// Built from the output records and serialized by the tool's own serializer, so no JSON is written by hand.
    /// </summary>
    private static PolicyDocument Base()
    {
        var document = Repo.ExtractSeed("000").Document!;
        Assert.False(document.Clauses.IsEmpty || document.Clauses[0].Children.IsEmpty, "seed 000 no longer has nested clauses");
        var clause = document.Clauses[0].Children[0];
        var file = document.Document.Source.Path;
        return document with
        {
            Rules = [SampleRule(clause, file)],
            Diagnostics =
            [
                DiagnosticRecord.From(Diagnostic.Create(DiagnosticCatalog.InvalidDate, file, clause.Span, "2023年2月30日")),
                DiagnosticRecord.From(Diagnostic.Create(DiagnosticCatalog.InvalidCharacters, file, null, "3")),
            ],
        };
    }

    /// <summary>A rule with every optional part filled, so the schema sees each definition.</summary>
    private static Rule SampleRule(PolicyExtract.Structure.Clause clause, string file)
    {
        var evidence = new Evidence("最高30万元", clause.Span.Start, clause.Span.Start + 7, clause.Span.Line);
        return new Rule(
            $"{file}#{clause.Path}#1",
            clause.Path,
            ["获得中国质量奖"],
            "单位",
            "配套奖励",
            Frequency.PerItem,
            new Amount(AmountKind.Ratio, null, "CNY", null, null, 1m, "市级奖励金额", null, null, new Bound(3000000m, true, BoundSemantics.Document), false, null),
            [new Limit(LimitKind.Count, 10m, "家", LimitScope.Program, LimitPeriod.Year, true, BoundSemantics.Default, evidence)],
            [new Condition("成熟度", ComparisonOp.Ge, 0.4m, "%", true, BoundSemantics.Explicit, evidence)],
            ConditionJoin.All,
            evidence);
    }

    private sealed record Shape(string Name, Func<PolicyDocument, IEnumerable<PolicyDocument>> Make);

    private static readonly Shape[] Shapes =
    [
        new("every severity", d => [d with
        {
            Diagnostics = [.. Enum.GetValues<Severity>().Select(s => d.Diagnostics[0] with { Severity = s })],
        }]),
        new("every status", d => Enum.GetValues<DocumentStatus>().Select(s => d with { Document = d.Document with { Status = s } })),
        new("every effective basis", d => Enum.GetValues<EffectiveBasis>().Select(b => d with
        {
            Document = d.Document with { Effective = d.Document.Effective with { Basis = b } },
        })),
        new("every clause level of the grammar, and closing paragraphs", d => [d with
        {
            Clauses =
            [
                .. Repo.Grammar.Schemes.Select((s, i) => d.Clauses[0] with { Path = $"{i + 1}", Level = s.Level, Children = [] }),
                d.Clauses[0] with { Path = "closing.1", Label = "", Level = "paragraph", Title = null, Children = [] },
            ],
        }]),
        new("duplicated numbering", d => [d with
        {
            Clauses = [d.Clauses[0], d.Clauses[0] with { Path = d.Clauses[0].Path + "~2", Children = [d.Clauses[0].Children[0] with { Path = d.Clauses[0].Path + "~2.1" }] }],
        }]),
        new("every metadata value absent", d => [d with
        {
            Document = d.Document with
            {
                Title = null, Issuers = [], DocumentNumber = null, IssuedOn = null, Kind = null, InterpretedBy = null, Cites = [], Explains = null,
                Effective = new Effective(null, null, null, null, EffectiveBasis.Unstated, null),
            },
            Clauses = [],
            Rules = [],
            Diagnostics = [],
        }]),
        new("every metadata value present", d => [d with
        {
            Document = d.Document with
            {
                Title = "t", Issuers = ["i", "j"], DocumentNumber = "n", IssuedOn = new DateOnly(1, 1, 1), Kind = "k", InterpretedBy = "b",
                Cites = [new Citation("c", "n"), new Citation("c", null)],
                Explains = new Explains("e", "id"),
                Effective = new Effective(DateOnly.MinValue, DateOnly.MaxValue, 0, new DateOnly(2022, 1, 1), EffectiveBasis.Date, "closing.1"),
            },
        }]),
        new("a span of an HTML page, with its displayed line", d => [d with { Clauses = [d.Clauses[0] with { Span = d.Clauses[0].Span with { TextLine = 3 } }] }]),
        new("explains a policy not among the inputs", d => [d with { Document = d.Document with { Explains = new Explains("e", null) } }]),
    ];

    // ---- mutations -------------------------------------------------------------------------------------------------

    private sealed record Mutation(string Name, Action<JsonNode> Apply, ValidationErrorKind Kind, string Path);

    private static JsonNode Child(JsonNode d) => d["clauses"]![0]!["children"]![0]!;

    private static readonly Mutation[] Mutations =
    [
        new("misspelled extra property at the top level", d => d["shemaVersion"] = d["schemaVersion"]!.DeepClone(),
            ValidationErrorKind.NoAdditionalPropertiesAllowed, "#/shemaVersion"),
        new("misspelled extra property in a clause", d => d["clauses"]![0]!["chidren"] = new JsonArray(),
            ValidationErrorKind.NoAdditionalPropertiesAllowed, "#/clauses[0].chidren"),
        new("a property the code ignores (span length)", d => d["clauses"]![0]!["span"]!["length"] = 1,
            ValidationErrorKind.NoAdditionalPropertiesAllowed, "#/clauses[0].span.length"),
        new("a property the code ignores (clause textOffsets)", d => Child(d)["textOffsets"] = new JsonArray(),
            ValidationErrorKind.NoAdditionalPropertiesAllowed, "#/clauses[0].children[0].textOffsets"),
        new("document title missing", d => d["document"]!.AsObject().Remove("title"),
            ValidationErrorKind.PropertyRequired, "#/document.title"),
        new("status done", d => d["document"]!["status"] = "done",
            ValidationErrorKind.NotInEnumeration, "#/document.status"),
        new("status in upper case", d => d["document"]!["status"] = "Final",
            ValidationErrorKind.NotInEnumeration, "#/document.status"),
        new("issuedOn with slashes", d => d["document"]!["issuedOn"] = "2023/10/12",
            ValidationErrorKind.PatternMismatch, "#/document.issuedOn"),
        new("issuedOn with full-width digits", d => d["document"]!["issuedOn"] = "２０２３-10-12",
            ValidationErrorKind.PatternMismatch, "#/document.issuedOn"),
        new("effective basis unknown", d => d["document"]!["effective"]!["basis"] = "law",
            ValidationErrorKind.NotInEnumeration, "#/document.effective.basis"),
        new("validYears a fraction", d => d["document"]!["effective"]!["validYears"] = 1.5,
            ValidationErrorKind.IntegerExpected, "#/document.effective.validYears"),
        new("sha256 in upper case", d => d["document"]!["source"]!["sha256"] = d["document"]!["source"]!["sha256"]!.GetValue<string>().ToUpperInvariant(),
            ValidationErrorKind.PatternMismatch, "#/document.source.sha256"),
        new("encoding not in the list", d => d["document"]!["source"]!["encoding"] = "gbk",
            ValidationErrorKind.NotInEnumeration, "#/document.source.encoding"),
        new("explains without documentId", d => d["document"]!["explains"] = new JsonObject { ["title"] = "x" },
            ValidationErrorKind.PropertyRequired, "#/document.explains.documentId"),
        new("clause span line 0", d => d["clauses"]![0]!["span"]!["line"] = 0,
            ValidationErrorKind.NumberTooSmall, "#/clauses[0].span.line"),
        new("clause path with a Chinese numeral", d => Child(d)["path"] = "二.1",
            ValidationErrorKind.PatternMismatch, "#/clauses[0].children[0].path"),
        new("clause level unknown", d => Child(d)["level"] = "clause",
            ValidationErrorKind.NotInEnumeration, "#/clauses[0].children[0].level"),
        new("nested clause title a number", d => Child(d)["title"] = 5,
            ValidationErrorKind.StringExpected, "#/clauses[0].children[0].title"),
        new("rule clause not a path", d => d["rules"]![0]!["clause"] = "第一条",
            ValidationErrorKind.PatternMismatch, "#/rules[0].clause"),
        new("diagnostic code in lower case", d => d["diagnostics"]![0]!["code"] = "md003",
            ValidationErrorKind.PatternMismatch, "#/diagnostics[0].code"),
        new("diagnostic span start negative", d => d["diagnostics"]![0]!["span"]!["start"] = -1,
            ValidationErrorKind.NumberTooSmall, "#/diagnostics[0].span.start"),
        new("diagnostic args not strings", d => d["diagnostics"]![1]!["args"]![0] = 3,
            ValidationErrorKind.StringExpected, "#/diagnostics[1].args[0]"),
    ];

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static Task<JsonSchema> Schema() => LazySchema.Value;

    private static JsonObject SchemaNode() => JsonNode.Parse(File.ReadAllBytes(SchemaPath))!.AsObject();

    private static string Json(PolicyDocument document) => Encoding.UTF8.GetString(PolicyJson.Serialize(document));

    private static void AssertValid(JsonSchema schema, string json, string what = "the document")
    {
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{what} does not validate:\n{Describe(OutputSchema.Flatten(errors))}");
    }

    private static string Describe(IEnumerable<ValidationError> errors) =>
        string.Join('\n', errors.Select(e => $"  {e.Kind} at {e.Path}"));

    /// <summary>#/clauses[0] is on the way to #/clauses[0].span.line; #/clauses[1] is not on the way to #/clauses[10].</summary>
    private static bool IsOnTheWayTo(string? path, string target) =>
        path is not null && target.StartsWith(path, StringComparison.Ordinal)
        && (path.Length == target.Length || path == "#" || target[path.Length] is '.' or '[' or '/');

    /// <summary>Every subschema with where it is: the root, definitions, properties, items and anyOf branches.</summary>
    private static IEnumerable<(string Where, JsonObject Node)> Subschemas(JsonObject node, string where)
    {
        yield return (where, node);
        var children = new List<(string, JsonNode?)>();
        foreach (var key in new[] { "definitions", "properties" })
        {
            if (node[key] is JsonObject map)
            {
                children.AddRange(map.Select(p => ($"{where}/{key}/{p.Key}", p.Value)));
            }
        }

        if (node["items"] is { } items)
        {
            children.Add(($"{where}/items", items));
        }

        if (node["anyOf"] is JsonArray branches)
        {
            children.AddRange(branches.Select((b, i) => ($"{where}/anyOf/{i}", b)));
        }

        foreach (var (at, child) in children)
        {
            Assert.True(child is JsonObject, $"{at} is not a schema object");
            foreach (var inner in Subschemas(child!.AsObject(), at))
            {
                yield return inner;
            }
        }
    }

    /// <summary>Walks an instance with its schema and checks each object's property names, in order, against the schema's.</summary>
    private static void AssertSameOrder(JsonObject root, JsonObject schema, JsonNode? instance, string where)
    {
        if (schema["$ref"] is { } reference)
        {
            var name = reference.GetValue<string>()["#/definitions/".Length..];
            schema = root["definitions"]![name]!.AsObject();
        }

        if (schema["anyOf"] is JsonArray branches && instance is not null)
        {
            schema = branches.Select(b => b!.AsObject()).Single(b => b["type"]?.GetValue<string>() != "null");
            AssertSameOrder(root, schema, instance, where);
            return;
        }

        if (instance is JsonObject obj && schema["properties"] is JsonObject properties)
        {
            var written = obj.Select(p => p.Key).ToList();
            var described = properties.Select(p => p.Key).ToList();
            Assert.True(written.SequenceEqual(described), $"{where}: the tool writes [{string.Join(", ", written)}], the schema lists [{string.Join(", ", described)}]");
            foreach (var (key, value) in obj)
            {
                AssertSameOrder(root, properties[key]!.AsObject(), value, $"{where}.{key}");
            }
        }
        else if (instance is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                AssertSameOrder(root, items, array[i], $"{where}[{i}]");
            }
        }
    }
}
