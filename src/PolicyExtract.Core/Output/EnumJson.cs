using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyExtract.Diagnostics;
using PolicyExtract.Diff;
using PolicyExtract.Metadata;
using PolicyExtract.Rules;
using PolicyExtract.Validation;

namespace PolicyExtract.Output;

/// <summary>
/// Every enum the JSON files hold, written in kebab case (<c>max-cap</c>, <c>per-project</c>). One closed converter per
/// enum rather than the open <see cref="JsonStringEnumConverter"/>, which builds its converters by reflection at run
/// time: that cost a tenth of a second at every start, and it cannot be compiled ahead of time (Native AOT). A new enum
/// in an output type must be added here; <c>EnumJsonTests</c> walks every output type and fails naming the one missing.
/// </summary>
internal static class EnumJson
{
    /// <summary>Adds the converters to <paramref name="options"/> and returns them, for use in an initializer.</summary>
    public static JsonSerializerOptions WithEnums(this JsonSerializerOptions options, bool allowIntegerValues)
    {
        var converters = options.Converters;
        Add<AmountKind>();
        Add<BoundSemantics>();
        Add<Frequency>();
        Add<ConditionJoin>();
        Add<LimitKind>();
        Add<LimitScope>();
        Add<LimitPeriod>();
        Add<ComparisonOp>();
        Add<BoundarySource>();
        Add<ConstraintKind>();
        Add<Severity>();
        Add<DocumentStatus>();
        Add<EffectiveBasis>();
        Add<ClauseChangeKind>();
        Add<DifferenceKind>();
        Add<FieldKind>();
        Add<ExpectationSection>();

        void Add<TEnum>() where TEnum : struct, Enum =>
            converters.Add(new JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues));

        return options;
    }
}
