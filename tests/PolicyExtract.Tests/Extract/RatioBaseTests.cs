using System.Text;
using PolicyExtract.Rules;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract;

/// <summary>
/// The base of a ratio written without 按 before it (issue 17: "the ratio's base"): after the grant verb and before
/// 的 and the figure, between a bound word and the figure, or the noun a 的 ends before 给予. Never the recipient.
/// Phrases written for these tests.
/// </summary>
public sealed class RatioBaseTests
{
    [Theory]
    [InlineData("对参加招才引智活动的企业，补贴参团企业代表交通费的50%，最高2万元。", "参团企业代表交通费")]
    [InlineData("对公共保税仓库新增的有关设备购置费给予不超过50%的补助。", "有关设备购置费")]
    [InlineData("对首台套项目，资助标准原则上不高于产品订货合同的20%。", "产品订货合同")]
    [InlineData("首次落户的人才服务机构，自经营之日起三年内形成的区级财力部分给予50%补助。", "区级财力部分")]
    [InlineData("对企业按其研发投入的10%给予补助。", "其研发投入")]
    [InlineData("对符合条件的企业给予50%补贴。", null)]
    // A bracket that notes the drafting names nothing; one that qualifies the base stays.
    [InlineData("对技改项目给予设备投资额（不含税，下同）6%的补助。", "设备投资额")]
    [InlineData("对技改项目给予设备投资额（不含基建部分）6%的补助。", "设备投资额（不含基建部分）")]
    public void The_base_is_what_the_ratio_is_of(string clause, string? expected)
    {
        var rule = Assert.Single(Repo.Pipeline.Process(Encoding.UTF8.GetBytes("某区若干措施\n一、支持\n（一）" + clause + "\n"), "t.txt").Document!.Rules);

        Assert.Equal((AmountKind.Ratio, expected), (rule.Amount.Kind, rule.Amount.Base));
    }
}
