using System.Collections.Immutable;

namespace PolicyExtract.Rules;

/// <summary>What kind of figure a grant's amount is.</summary>
public enum AmountKind
{
    /// <summary>给予20万元.</summary>
    Fixed,

    /// <summary>最高30万元, 不超过50万元.</summary>
    Max,

    /// <summary>不低于5万元.</summary>
    Min,

    /// <summary>按市级奖励金额的100% (ratio 1.0 of a base), 对等配套 (1.0), 最高70% (0.7).</summary>
    Ratio,

    /// <summary>每件2000元, 200元/个, 3万元/人.</summary>
    PerUnit,

    /// <summary>10万至20万元; 一千多万元 (approximate).</summary>
    Range,

    /// <summary>按…规定执行, 给予适当补助, 一事一议: no figure; the phrase is kept.</summary>
    Unspecified,
}

/// <summary>
/// Where a bound's inclusiveness came from: the figure itself (含/不含 at it), the document's own definition clause
/// (本措施中有关数据“以上”…包括本数), or the Civil Code art. 1259 convention (以上、以下、以内、届满 include the number;
/// 不满、超过、以外 do not).
/// </summary>
public enum BoundSemantics
{
    Explicit,
    Document,
    Default,
}

public enum Frequency
{
    /// <summary>一次性, or a grant for an event that happens once (获得金奖).</summary>
    Once,

    /// <summary>每年, 年度.</summary>
    Yearly,

    /// <summary>每月, 按月发放, 每人每月300元: paid monthly.</summary>
    Monthly,

    /// <summary>按项目, 每件, 每项: per item earned.</summary>
    PerItem,

    /// <summary>The text does not say.</summary>
    Unspecified,
}

/// <summary>How a rule's conditions combine.</summary>
public enum ConditionJoin
{
    /// <summary>Every condition must hold (the usual case, and the case with one or none).</summary>
    All,

    /// <summary>Any one suffices: 专利授权量10件以上、发明专利授权量5件以上或高价值专利授权量1件以上.</summary>
    Any,
}

public enum LimitKind
{
    /// <summary>同一单位年度资助总额最高50万元.</summary>
    Amount,

    /// <summary>每年最多资助10家, 同一单位每年资助不超过3个项目, 累计资助不超过3次.</summary>
    Count,

    /// <summary>补贴期限不超过3年, 连续补贴三年: how long a grant is paid (a term).</summary>
    Duration,
}

public enum LimitScope
{
    /// <summary>同一单位, 每个企业, 同一申请人: each beneficiary.</summary>
    PerEntity,

    /// <summary>单个项目, 每项: each project.</summary>
    PerProject,

    /// <summary>每年最多资助10家: the programme as a whole.</summary>
    Program,
}

public enum LimitPeriod
{
    Year,
    Total,
}

public enum ComparisonOp
{
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
}

/// <summary>
/// Where a rule's figure came from in the original file: <see cref="Text"/> is exactly <c>source[Start..End]</c>
/// (offsets as in <see cref="Diagnostics.SourceSpan"/>), <see cref="Line"/> 1-based.
/// </summary>
public sealed record Evidence(string Text, int Start, int End, int Line)
{
    /// <summary>For HTML, the 1-based line of the page's displayed text it starts on; null otherwise (see <c>SourceSpan.TextLine</c>).</summary>
    public int? TextLine { get; init; }
}

/// <summary>One end of an interval, or a cap: the value, whether it is included, and why.</summary>
public sealed record Bound(decimal Value, bool Inclusive, BoundSemantics Semantics);

/// <summary>
/// A grant's amount. Money is in the currency's unit (<see cref="Currency"/> "CNY": yuan), exactly; other currencies are
/// kept, never converted. <see cref="Max"/> on a ratio or per-unit amount is the cap on this one grant
/// (单个项目最高300万元).
/// </summary>
public sealed record Amount(
    AmountKind Kind,
    decimal? Value,
    string? Currency,
    bool? Inclusive,
    BoundSemantics? Semantics,
    decimal? Ratio,
    string? Base,
    string? Per,
    Bound? Min,
    Bound? Max,
    bool Approximate,
    string? Phrase)
{
    /// <summary>A progressive grant (每增加30件增加3万元): how much more for how many more; null for the rest.</summary>
    public Step? Step { get; init; }

    /// <summary>上不封顶: the document says explicitly that there is no cap.</summary>
    public bool Uncapped { get; init; }
}

/// <summary>每增加30件增加3万元: for every <see cref="Every"/> <see cref="Unit"/> more, <see cref="Value"/> more money.</summary>
public sealed record Step(decimal Every, string Unit, decimal Value, string Currency);

/// <summary>
/// 第一年5万元，第二年3万元: the <see cref="Index"/>-th payment (1-based, in the order written) of a grant paid in
/// instalments, and its <see cref="Label"/> as written.
/// </summary>
public sealed record Instalment(int Index, string Label);

/// <summary>A total across grants: 同一单位年度资助总额最高50万元 (amount), 每年最多资助10家 (count).</summary>
public sealed record Limit(
    LimitKind Kind,
    decimal Value,
    string Unit,
    LimitScope Scope,
    LimitPeriod Period,
    bool Inclusive,
    BoundSemantics Semantics,
    Evidence Evidence);

/// <summary>A numeric threshold of eligibility: 达到40%以上成熟度 → 成熟度 ≥ 0.4.</summary>
public sealed record Condition(
    string Metric,
    ComparisonOp Op,
    decimal Value,
    string Unit,
    bool Inclusive,
    BoundSemantics Semantics,
    Evidence Evidence);

/// <summary>
/// A grant the policy makes. <see cref="Id"/> is stable: document id, clause path and the rule's position in the clause.
/// <see cref="Triggers"/> lists what earns it, elliptical lists expanded (主导国家标准制定, 主导国家标准修订); one formula for
/// several triggers is one rule with several triggers.
/// </summary>
public sealed record Rule(
    string Id,
    string Clause,
    ImmutableArray<string> Triggers,
    string? Beneficiary,
    string Benefit,
    Frequency Frequency,
    Amount Amount,
    ImmutableArray<Limit> Limits,
    ImmutableArray<Condition> Conditions,
    ConditionJoin ConditionJoin,
    Evidence Evidence)
{
    /// <summary>For a grant paid in instalments, which one this rule is; null otherwise.</summary>
    public Instalment? Instalment { get; init; }
}
