using System.Text;
using PolicyExtract.Rules;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract.Roles;

/// <summary>
/// Eligibility written apart from the grants and read onto them (issue 17: "本办法所称X是指…, 申请…应当符合下列条件…
/// give criteria … linked to the grants for that recipient"); what is not a criterion of every applicant stays off.
/// Documents written for these tests in the genre's wording; the whole-rule spec is Specs/Patterns/p03.
/// </summary>
public sealed class EligibilityTests
{
    private static IEnumerable<Rule> Rules(string body) =>
        Repo.Pipeline.Process(Encoding.UTF8.GetBytes("某区扶持办法\n" + body), "t.txt").Document!.Rules;

    private static string Conditions(Rule rule) =>
        string.Join(" ; ", rule.Conditions.Select(c => $"{c.Metric} {c.Op} {c.Value}"));

    [Fact]
    public void Criteria_of_which_one_suffices_are_no_conditions()
    {
        var rule = Assert.Single(Rules("一、认定条件\n符合下列条件之一的企业为重点企业：\n（一）年营业收入1亿元以上；\n（二）年纳税额1000万元以上。\n二、扶持措施\n对新认定的重点企业给予10万元奖励。\n"));

        Assert.Empty(rule.Conditions);
    }

    [Fact]
    public void A_threshold_for_a_part_of_the_applicants_is_no_condition_of_all()
    {
        var rule = Assert.Single(Rules("一、认定条件\n同时满足下列条件的企业为总部企业：\n（一）分支机构不少于2家；\n（二）营业收入中来自分支机构的比例不低于30%，其中文化创意类企业不低于15%。\n二、扶持措施\n对新认定的总部企业给予10万元奖励。\n"));

        Assert.Equal("分支机构 Ge 2 ; 比例 Ge 0.3", Conditions(rule));
    }

    [Fact]
    public void Criteria_of_a_kind_of_recipient_hold_for_grants_to_that_kind_only()
    {
        var rules = Rules("一、认定条件\n同时满足下列条件的企业为总部企业：\n（一）分支机构不少于2家。\n二、扶持措施\n（一）对新认定的总部企业给予10万元奖励。\n（二）对总部企业新引进的高管人才给予每人2万元奖励。\n").ToList();

        Assert.Equal(["分支机构 Ge 2", ""], rules.Select(Conditions));
    }

    [Fact]
    public void A_definition_of_a_thing_holds_for_the_grants_that_name_it()
    {
        var rules = Rules("一、扶持措施\n（一）对新认定的特色楼宇给予20万元奖励。\n（二）对新引进的总部企业给予10万元奖励。\n二、附则\n本办法所称特色楼宇，是指商务建筑面积在5000平方米以上的楼宇。\n").ToList();

        Assert.Equal(["商务建筑面积 Ge 5000", ""], rules.Select(Conditions));
    }

    [Fact]
    public void Criteria_in_a_section_govern_the_grants_of_that_section()
    {
        var rules = Rules("一、人才安居\n（一）申请条件：同时符合下列条件的人才可以申请：在本区缴纳社会保险满6个月。\n（二）对符合条件的人才给予每人每月1000元租房补贴。\n二、企业扶持\n对新认定的高新技术企业给予10万元奖励。\n").ToList();

        Assert.Equal(["缴纳社会保险 Ge 6", ""], rules.Select(r => Conditions(r).Replace("本区", "", StringComparison.Ordinal)));
    }
}
