using System.Text;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract;

/// <summary>
/// The genre names its recipients with many nouns besides 企业 and 单位: incubators, studios, associations, clusters,
/// households, graduates. In 对…的X给予…, X is the recipient and what comes before 的 is what earns the grant, whatever
/// the noun (issue 17: "the recipient written before the verb or after it"). Phrases written for these tests.
/// </summary>
public sealed class RecipientTests
{
    [Theory]
    [InlineData("对新认定的国家级孵化器给予每家最高500万元扶持。", "新认定", "国家级孵化器")]
    [InlineData("对绩效评价结果为优秀的众创空间给予最高50万元奖励。", "绩效评价结果为优秀", "众创空间")]
    [InlineData("对新引进的博士给予每人5万元安家补贴。", "新引进", "博士")]
    [InlineData("对评为年度优秀的楼宇物业公司给予3万元奖励。", "评为年度优秀", "楼宇物业公司")]
    [InlineData("对首次认定的技能大师工作室给予5万元资助。", "首次认定", "技能大师工作室")]
    [InlineData("对获得省级以上荣誉的行业协会给予10万元奖励。", "获得省级以上荣誉", "行业协会")]
    [InlineData("对新获批的产业集群给予100万元奖励。", "新获批", "产业集群")]
    [InlineData("对符合条件的低收入家庭给予每户每月500元租金补贴。", "符合条件", "低收入家庭")]
    [InlineData("对服务企业上云数达500家以上的云服务商给予2万元奖励。", "服务企业上云数达500家以上", "云服务商")]
    [InlineData("批发企业年销售额达到1亿元的，给予5万元奖励。", "年销售额达到1亿元", "批发企业")]
    [InlineData("上云企业上云费用达10万元以上的，给予2万元奖励。", "上云费用达10万元以上", "上云企业")]
    public void The_recipient_is_told_from_what_earns_the_grant(string clause, string trigger, string recipient)
    {
        var rule = Assert.Single(Repo.Pipeline.Process(Encoding.UTF8.GetBytes("某区若干措施\n一、支持\n（一）" + clause + "\n"), "t.txt").Document!.Rules);

        Assert.Equal((trigger, recipient), (string.Join(" ; ", rule.Triggers), rule.Beneficiary));
    }

    [Theory]
    [InlineData("对新认定的省级、市级院士专家工作站，分别给予30万元、20万元奖励。", "省级院士专家工作站|市级院士专家工作站")]
    [InlineData("对新入选的A类、B类、C类人才，分别给予100万元、50万元、20万元安家补贴。", "A类人才|B类人才|C类人才")]
    [InlineData("参加境外展会的，每家企业每个项目给予0.8万元补助。", "企业")]
    public void A_recipient_named_once_for_a_list_or_counted_goes_to_each_rule(string clause, string recipients)
    {
        var rules = Repo.Pipeline.Process(Encoding.UTF8.GetBytes("某区若干措施\n一、支持\n（一）" + clause + "\n"), "t.txt").Document!.Rules;

        Assert.Equal(recipients, string.Join("|", rules.Select(r => r.Beneficiary)));
    }
}
