using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using PolicyExtract.Rules;

namespace PolicyExtract.Validation;

/// <summary>
/// The checkable fields of a rule, each as one canonical string, so that an expectation and an extracted rule compare by
/// string equality and a difference reads the same on both sides: <c>amount max 300000 incl document</c>.
/// </summary>
public static class RuleFields
{
    public static readonly ImmutableArray<string> Names =
        ["trigger", "beneficiary", "benefit", "frequency", "amount", "max", "min", "currency", "approximate", "step", "uncapped", "instalment", "join", "limit", "condition", "note"];

    public static readonly ImmutableHashSet<string> Repeatable = ["limit", "condition", "note"];

    /// <summary>Fields that, in a complete file, hold a default when not named: a rule without a cap has none.</summary>
    public static readonly ImmutableDictionary<string, string> DefaultsWhenComplete = new Dictionary<string, string>
    {
        ["max"] = None,
        ["min"] = None,
        ["approximate"] = "no",
        ["step"] = None,
        ["uncapped"] = "no",
        ["instalment"] = None,
        ["join"] = "all",
    }.ToImmutableDictionary();

    public const string None = "none";

    // The expectation vocabulary runs ahead of the rule model where the genre needs it: in-kind grants, monthly rates,
    // terms (duration limits) and monthly limits are read by hand in the corpus before the extractor can produce them,
    // so that their absence is measured as a gap rather than left unsaid.
    private static readonly string[] AmountKinds = ["fixed", "max", "min", "ratio", "per-unit", "range", "in-kind", "unspecified"];
    private static readonly string[] Frequencies = ["once", "yearly", "monthly", "per-item", "unspecified"];
    private static readonly string[] LimitKinds = ["count", "amount", "duration"];
    private static readonly string[] Semantics = ["explicit", "document", "default"];
    private static readonly string[] Scopes = ["per-entity", "per-project", "program"];
    private static readonly string[] Periods = ["year", "month", "total"];
    private static readonly string[] Ops = [">=", ">", "<=", "<", "="];

    /// <summary>An expectation's value in canonical form; a malformed one is a <see cref="FormatException"/>.</summary>
    public static string Canonical(string name, string value)
    {
        var tokens = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return name switch
        {
            "trigger" => Triggers(value.Split(';').Select(t => t.Trim())),
            "beneficiary" or "benefit" or "note" => NonEmpty(name, value),
            "frequency" => OneOf(name, value, Frequencies),
            "amount" => CanonicalAmount(tokens),
            "max" or "min" => CanonicalBound(name, tokens),
            "currency" => value.Length == 3 && value.All(char.IsAsciiLetterUpper) ? value : throw new FormatException($"currency is a code such as USD, found '{value}'"),
            "approximate" or "uncapped" => OneOf(name, value, ["yes", "no"]),
            "step" => tokens.Length == 3 ? string.Join(' ', Number(tokens[0]), tokens[1], Number(tokens[2])) : throw new FormatException("step is 'EVERY UNIT VALUE' (每增加30件增加3万元: 30 件 30000)"),
            "instalment" => tokens.Length == 2 && int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index > 0
                ? $"{index} {tokens[1]}"
                : throw new FormatException("instalment is 'INDEX LABEL' (第二年3万元: 2 第二年)"),
            "join" => OneOf(name, value, ["all", "any"]),
            "limit" => CanonicalLimit(tokens),
            "condition" => CanonicalCondition(tokens),
            _ => throw new FormatException($"unknown field '{name}'"),
        };
    }

    /// <summary>An extracted rule's values, keyed as an expectation names them; repeatable fields have one value each.</summary>
    public static ImmutableDictionary<string, ImmutableArray<string>> Of(Rule rule)
    {
        var a = rule.Amount;
        var fields = new Dictionary<string, ImmutableArray<string>>
        {
            ["trigger"] = [Triggers(rule.Triggers)],
            ["beneficiary"] = [rule.Beneficiary ?? "-"],
            ["benefit"] = [rule.Benefit],
            ["frequency"] = [Kebab(rule.Frequency)],
            ["amount"] = [AmountOf(a)],
            ["max"] = [a.Max is { } max ? BoundText(max.Value, max.Inclusive, max.Semantics) : None],
            ["min"] = [a.Min is { } min ? BoundText(min.Value, min.Inclusive, min.Semantics) : None],
            ["currency"] = [a.Currency ?? None],
            ["approximate"] = [a.Approximate ? "yes" : "no"],
            ["step"] = [a.Step is { } step ? string.Join(' ', Number(step.Every), step.Unit, Number(step.Value)) : None],
            ["uncapped"] = [a.Uncapped ? "yes" : "no"],
            ["instalment"] = [rule.Instalment is { } part ? $"{part.Index.ToString(CultureInfo.InvariantCulture)} {part.Label}" : None],
            ["join"] = [Kebab(rule.ConditionJoin)],
            ["limit"] = [.. rule.Limits.Select(l => string.Join(' ', Kebab(l.Kind), Number(l.Value), l.Unit, Kebab(l.Scope), Kebab(l.Period), Incl(l.Inclusive), Kebab(l.Semantics)))],
            ["condition"] = [.. rule.Conditions.Select(c => string.Join(' ', c.Metric, Op(c.Op), Number(c.Value), c.Unit, Incl(c.Inclusive), Kebab(c.Semantics)))],
        };
        return fields.ToImmutableDictionary();
    }

    /// <summary>
    /// Whether an expected condition names the same threshold as an extracted one: every part equal, the metric as
    /// either name containing the other (成熟度 / 评审成熟度), since where a metric's name starts is a reading.
    /// </summary>
    public static bool SameCondition(string expected, string actual)
    {
        var e = expected.Split(' ');
        var a = actual.Split(' ');
        return e.Length == a.Length && e.Skip(1).SequenceEqual(a.Skip(1))
            && (e[0].Contains(a[0], StringComparison.Ordinal) || a[0].Contains(e[0], StringComparison.Ordinal));
    }

    private static string AmountOf(Amount a) => a.Kind switch
    {
        AmountKind.Fixed => $"fixed {Number(a.Value)}",
        AmountKind.Max or AmountKind.Min => $"{Kebab(a.Kind)} {Number(a.Value)} {Incl(a.Inclusive)} {Kebab(a.Semantics)}",
        AmountKind.Ratio => $"ratio {Number(a.Ratio)} of {a.Base ?? "-"}" + (a.Inclusive is { } i ? $" {Incl(i)} {Kebab(a.Semantics)}" : ""),
        AmountKind.PerUnit => $"per-unit {Number(a.Value)} per {a.Per}",
        AmountKind.Range => "range",
        _ => $"unspecified {a.Phrase}",
    };

    private static string CanonicalAmount(string[] t)
    {
        if (t.Length == 0 || !AmountKinds.Contains(t[0]))
        {
            throw new FormatException($"amount starts with one of {string.Join(", ", AmountKinds)}");
        }

        return t[0] switch
        {
            "fixed" when t.Length == 2 => $"fixed {Number(t[1])}",
            "max" or "min" when t.Length == 4 => $"{t[0]} {BoundText(t[1], t[2], t[3])}",
            "ratio" when t.Length is 4 or 6 && t[2] == "of" => $"ratio {Number(t[1])} of {t[3]}" + (t.Length == 6 ? $" {Incl(t[4])} {OneOf("semantics", t[5], Semantics)}" : ""),
            "per-unit" when t.Length == 4 && t[2] == "per" => $"per-unit {Number(t[1])} per {t[3]}",
            "range" when t.Length == 1 => "range",
            "in-kind" when t.Length == 2 => $"in-kind {t[1]}",
            "in-kind" when t.Length == 4 => $"in-kind {t[1]} {Number(t[2])} {t[3]}",
            "unspecified" when t.Length >= 2 => $"unspecified {string.Join(' ', t[1..])}",
            _ => throw new FormatException($"malformed amount '{string.Join(' ', t)}' (see RULES-FORMAT.md)"),
        };
    }

    private static string CanonicalBound(string name, string[] t) =>
        t.Length == 3 ? BoundText(t[0], t[1], t[2]) : throw new FormatException($"{name} is 'VALUE incl|excl SEMANTICS'");

    private static string CanonicalLimit(string[] t) =>
        t.Length == 7
            ? string.Join(' ', OneOf("limit kind", t[0], LimitKinds), Number(t[1]), t[2], OneOf("scope", t[3], Scopes), OneOf("period", t[4], Periods), Incl(t[5]), OneOf("semantics", t[6], Semantics))
            : throw new FormatException("limit is 'KIND VALUE UNIT SCOPE PERIOD incl|excl SEMANTICS'");

    private static string CanonicalCondition(string[] t) =>
        t.Length == 6
            ? string.Join(' ', t[0], OneOf("op", t[1], Ops), Number(t[2]), t[3], Incl(t[4]), OneOf("semantics", t[5], Semantics))
            : throw new FormatException("condition is 'METRIC OP VALUE UNIT incl|excl SEMANTICS'");

    private static string BoundText(string value, string incl, string semantics) =>
        $"{Number(value)} {Incl(incl)} {OneOf("semantics", semantics, Semantics)}";

    private static string BoundText(decimal value, bool inclusive, BoundSemantics semantics) =>
        $"{Number(value)} {Incl(inclusive)} {Kebab(semantics)}";

    private static string Triggers(IEnumerable<string> items) =>
        string.Join(" ; ", items.Order(StringComparer.Ordinal));

    private static string NonEmpty(string name, string value) =>
        value.Length > 0 ? value : throw new FormatException($"{name} needs a value ('-' for none)");

    private static string OneOf(string name, string value, string[] allowed) =>
        allowed.Contains(value) ? value : throw new FormatException($"{name} is one of {string.Join(", ", allowed)}, found '{value}'");

    private static string Incl(string value) => OneOf("inclusiveness", value, ["incl", "excl"]);

    private static string Incl(bool? inclusive) => inclusive switch { true => "incl", false => "excl", null => "-" };

    private static string Op(ComparisonOp op) => op switch
    {
        ComparisonOp.Ge => ">=",
        ComparisonOp.Gt => ">",
        ComparisonOp.Le => "<=",
        ComparisonOp.Lt => "<",
        _ => "=",
    };

    private static string Number(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? Number(d)
            : throw new FormatException($"'{text}' is not a plain number (write 300000, 0.5)");

    /// <summary>Without trailing zeros, so 1.0 and 1 compare equal.</summary>
    private static string Number(decimal? value) =>
        value is { } d ? (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : "-";

    private static string Kebab(Enum? value) =>
        value is { } v ? JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()) : "-";
}
