using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PolicyExtract.Output;
using PolicyExtract.Report;

namespace PolicyExtract.Tests.Output;

/// <summary>
/// Every enum any JSON file holds (output documents, errors.json, the validate and diff reports) is written in kebab
/// case by a closed converter that <see cref="EnumJson"/> lists. The walk follows the serializer's own view of the
/// types (properties, elements), so an enum added anywhere in an output type is found here before a user sees
/// <c>"MaxCap"</c> instead of <c>"max-cap"</c>.
/// </summary>
public sealed class EnumJsonTests
{
    public static TheoryData<string> Outputs => new(Roots.Keys);

    private static readonly Dictionary<string, (JsonSerializerOptions Options, Type Root)> Roots = new()
    {
        ["policy document"] = (PolicyJson.WriteOptions, typeof(PolicyDocument)),
        ["errors.json"] = (RunErrorsJson.Options, typeof(RunErrorsRecord)),
        ["validate --json"] = (ValidationJson.Options, typeof(ValidationRecord)),
        ["diff --json"] = (DiffJson.Options, typeof(DiffRecord)),
        ["score --json"] = (ScoreReport.Options, typeof(ScoreRecord)),
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Every_enum_it_holds_has_a_kebab_case_converter(string output)
    {
        var (options, root) = Roots[output];
        var enums = EnumsIn(options, root);
        Assert.NotEmpty(enums);
        var missing = enums.Where(e => !options.Converters.Any(c => c.CanConvert(e))).Select(e => e.FullName).ToList();
        Assert.True(missing.Count == 0, $"add to EnumJson: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Every_enum_value_is_written_as_its_kebab_case_name(string output)
    {
        var (options, root) = Roots[output];
        foreach (var type in EnumsIn(options, root))
        {
            foreach (var value in Enum.GetValues(type))
            {
                var expected = "\"" + JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()!) + "\"";
                Assert.Equal(expected, JsonSerializer.Serialize(value, options.GetTypeInfo(type)));
            }
        }
    }

    [Fact]
    public void Every_converter_is_for_an_enum_some_output_holds()
    {
        var held = Roots.Values.SelectMany(r => EnumsIn(r.Options, r.Root)).ToHashSet();
        var unused = new JsonSerializerOptions().WithEnums(allowIntegerValues: true).Converters
            .Where(c => !held.Any(c.CanConvert))
            .Select(c => c.GetType().GetGenericArguments().Single().FullName)
            .ToList();
        Assert.True(unused.Count == 0, $"no output holds: {string.Join(", ", unused)}");
    }

    [Fact]
    public void A_two_word_value_reads_as_people_write_it()
    {
        Assert.Equal("\"per-project\"", JsonSerializer.Serialize(Rules.LimitScope.PerProject, PolicyJson.WriteOptions.GetTypeInfo(typeof(Rules.LimitScope))));
    }

    private static List<Type> EnumsIn(JsonSerializerOptions options, Type root)
    {
        var seen = new HashSet<Type>();
        var enums = new List<Type>();
        var queue = new Queue<Type>([root]);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                queue.Enqueue(underlying);
                continue;
            }

            if (type.IsEnum)
            {
                enums.Add(type);
                continue;
            }

            var info = options.GetTypeInfo(type);
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object:
                    foreach (var property in info.Properties)
                    {
                        queue.Enqueue(property.PropertyType);
                    }

                    break;
                case JsonTypeInfoKind.Enumerable:
                    queue.Enqueue(info.ElementType!);
                    break;
                case JsonTypeInfoKind.Dictionary:
                    queue.Enqueue(info.KeyType!);
                    queue.Enqueue(info.ElementType!);
                    break;
            }
        }

        return enums.OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
    }
}
