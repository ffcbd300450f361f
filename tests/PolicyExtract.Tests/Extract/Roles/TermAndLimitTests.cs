using System.Text;
using PolicyExtract.Extract;
using PolicyExtract.Extract.Roles;
using PolicyExtract.Rules;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract.Roles;

/// <summary>
/// Terms and limits as the genre writes them (issue 17, "Subsidy terms and per-recipient limits"). The phrases are the
/// genre's ways of saying it, written for these tests, not lines of the corpus: each row is a segment and what a reader
/// of policies takes from it.
/// </summary>
public sealed class TermAndLimitTests
{
    private static readonly TermReader Terms = new(Repo.Grammar);
    private static readonly LimitScopeReader Scopes = new(Repo.Grammar);

    /// <summary>The term a segment states, as <c>value unit opens|closes</c>, or <c>none</c>.</summary>
    private static string Term(string segment)
    {
        var mentions = QuantityFinder.Find(segment, Repo.Grammar.Quantities);
        return Terms.Read(segment, 0, segment.Length, mentions) is { } term
            ? $"{term.Figure.Value} {term.Figure.Unit} {(term.Leading ? "opens" : "closes")}"
            : "none";
    }

    [Theory]
    [InlineData("补贴期限最长不超过3年", "3 年 closes")]
    [InlineData("补贴期限不超过3年", "3 年 closes")]
    [InlineData("扶持期限为三年", "3 年 closes")]
    [InlineData("住房租赁补贴期限为5年", "5 年 closes")]
    [InlineData("享受期限最长不超过36个月", "36 个月 closes")]
    [InlineData("补贴时间累计不超过5年", "5 年 closes")]
    [InlineData("补助和缴纳时间不超过3年", "3 年 closes")]
    [InlineData("有效期2年", "2 年 closes")]
    [InlineData("期限2年", "2 年 closes")]
    [InlineData("连续补贴三年", "3 年 closes")]
    [InlineData("最多发放5年", "5 年 closes")]
    [InlineData("享受补贴不超过2年", "2 年 closes")]
    [InlineData("贴息计算时间最长不超过1年", "1 年 closes")]
    [InlineData("5年内每年给予个人4万元薪酬补贴", "5 年 opens")]
    [InlineData("自领取营业执照之日起3年内", "3 年 opens")]
    [InlineData("三年管理期内", "3 年 opens")]
    [InlineData("在四年有效周期内每年按照省、市两个等级分别补助1万元、1.5万元", "4 年 opens")]
    public void A_term_is_read_with_whether_it_opens_or_closes_its_grants(string segment, string expected) =>
        Assert.Equal(expected, Term(segment));

    /// <summary>Figures of time that are conditions, periods or deadlines, written the same way a term is.</summary>
    [Theory]
    [InlineData("经营期限10年以上")]
    [InlineData("租赁期限不少于3年")]
    [InlineData("成立时间3年以内的企业")]
    [InlineData("毕业3年内的高校毕业生")]
    [InlineData("近3年内未发生重大安全事故")]
    [InlineData("每个企业一年内最多可获得2个项目支持")]
    [InlineData("连续3年累计入库税收300万元以上")]
    [InlineData("收到申请后10个工作日内完成审核")]
    [InlineData("收到申请后3个月内")]
    [InlineData("工作满3年")]
    [InlineData("给予企业连续5年奖励")]
    public void A_figure_of_time_that_is_a_condition_a_period_or_a_deadline_is_no_term(string segment) =>
        Assert.Equal("none", Term(segment));

    [Theory]
    [InlineData("同一单位每年资助", LimitScope.PerEntity)]
    [InlineData("单家投资机构每年补助", LimitScope.PerEntity)]
    [InlineData("每户每年", LimitScope.PerEntity)]
    [InlineData("每人", LimitScope.PerEntity)]
    [InlineData("一个企业", null)]
    [InlineData("同一展会每家企业最多奖励", LimitScope.PerEntity)]
    [InlineData("单个项目", LimitScope.PerProject)]
    [InlineData("同一项专利", LimitScope.PerProject)]
    [InlineData("同一笔贷款", LimitScope.PerProject)]
    [InlineData("每个支持金额", null)]
    [InlineData("每年", null)]
    public void What_a_limit_counts_per_comes_from_its_quantifier(string lead, LimitScope? expected) =>
        Assert.Equal(expected, Scopes.Read(lead));

    /// <summary>Negated bounds read as the bound they state: 不得超过 is at most, never 超过 ("more than").</summary>
    [Theory]
    [InlineData("每年申报项目不得超过2个", BoundDirection.AtMost, 2)]
    [InlineData("补助总额不能超过50万元", BoundDirection.AtMost, 500000)]
    [InlineData("享受时间不可超过3年", BoundDirection.AtMost, 3)]
    [InlineData("补助不应超过实际投入的50%", BoundDirection.AtMost, 0.5)]
    [InlineData("贴息不得高于同期贷款利息的50%", BoundDirection.AtMost, 0.5)]
    [InlineData("申报不得多于3项", BoundDirection.AtMost, 3)]
    [InlineData("配套资金不得低于100万元", BoundDirection.AtLeast, 1000000)]
    [InlineData("参训人数不得少于30人", BoundDirection.AtLeast, 30)]
    [InlineData("每家企业限报2个项目", BoundDirection.AtMost, 2)]
    [InlineData("每人仅可申请一次", BoundDirection.AtMost, 1)]
    [InlineData("单个企业最多申报5人", BoundDirection.AtMost, 5)]
    public void A_bound_reads_as_it_is_written(string phrase, BoundDirection direction, double value)
    {
        var m = Assert.Single(QuantityFinder.Find(phrase, Repo.Grammar.Quantities));

        Assert.Equal((direction, (decimal)value, true), (m.Bound!.Direction, m.Value!.Value, m.Bound.Inclusive));
    }

    private static IReadOnlyList<Rule> Rules(string clause) =>
        Repo.Pipeline.Process(Encoding.UTF8.GetBytes("某区若干措施\n一、支持企业\n（一）" + clause + "\n"), "t.txt").Document!.Rules;

    private static string Limits(Rule rule) =>
        string.Join(" ; ", rule.Limits.Select(l => $"{l.Kind} {l.Value} {l.Unit} {l.Scope} {l.Period}"));

    [Theory]
    [InlineData("对新认定的高新技术企业给予10万元奖励，同一企业每年申报项目不得超过2个。", "Count 2 个 PerEntity Year")]
    [InlineData("对企业研发项目给予最高50万元资助，每家企业每年最多支持2个项目。", "Count 2 个项目 PerEntity Year")]
    [InlineData("对企业研发项目给予最高50万元资助，每家企业每年限报2个项目。", "Count 2 个项目 PerEntity Year")]
    [InlineData("对企业研发项目给予最高50万元资助，同一企业每年支持项目不超过2项。", "Count 2 项 PerEntity Year")]
    [InlineData("对企业研发项目给予最高50万元资助，原则上每家企业每年资助不超过两个项目。", "Count 2 个项目 PerEntity Year")]
    [InlineData("对企业租用办公用房的，给予租金补贴，每个企业租金补贴每年不超过5万元、补贴期限最长不超过3年。", "Duration 3 年 PerEntity Total")]
    [InlineData("对新引进的博士给予每人每月3000元生活补贴，补贴期限不超过3年。", "Duration 3 年 PerEntity Total")]
    [InlineData("对新引进的高层次人才，5年内每年给予个人2万元薪酬补贴。", "Duration 5 年 PerEntity Total")]
    [InlineData("对投资机构给予实际投资额5%的补贴，单家投资机构每年补助不超过100万元。", "Amount 1000000 CNY PerEntity Year")]
    public void A_clause_limits_its_grant(string clause, string expected) =>
        Assert.Equal(expected, Limits(Assert.Single(Rules(clause))));

    /// <summary>A term written as a sentence of its own governs the grants of the clause before it.</summary>
    [Fact]
    public void A_term_in_a_sentence_of_its_own_governs_the_clause()
    {
        var rules = Rules("对总部企业按其年度区级贡献的10%给予奖励。对总部企业高管按其个人所得税区级留成部分的50%给予奖励。扶持期限为三年。");

        Assert.Equal(2, rules.Count);
        Assert.All(rules, r => Assert.Equal("Duration 3 年 PerEntity Total", Limits(r)));
    }

    /// <summary>A term that opens a sentence governs the grants after it, not those written before it in the sentence.</summary>
    [Fact]
    public void A_term_that_opens_governs_only_what_follows_it()
    {
        var rules = Rules("对入选的人才分别给予1万元、0.5万元奖励，三年管理期内，每年度考核合格的，分别给予每人1.2万元、0.6万元年度考核奖励。");

        Assert.Equal(["", "", "Duration 3 年 PerEntity Total", "Duration 3 年 PerEntity Total"], rules.Select(Limits));
    }

    /// <summary>How long a bought flat is restricted is no term of the grants around it.</summary>
    [Fact]
    public void A_bare_period_in_a_sentence_without_a_grant_governs_nothing()
    {
        var rules = Rules("对首次购房的人才给予10万元购房补贴。所购住房自办理产权之日起期限10年。");

        Assert.Equal("", Limits(Assert.Single(rules)));
    }

    /// <summary>A figure of time that is a term is not also a condition of the grant.</summary>
    [Fact]
    public void A_term_is_no_condition()
    {
        var rule = Assert.Single(Rules("对新引进的高层次人才，5年内每年给予个人2万元薪酬补贴。"));

        Assert.Empty(rule.Conditions);
    }
}
