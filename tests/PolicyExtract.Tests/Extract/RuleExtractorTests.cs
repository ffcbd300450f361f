using PolicyExtract.Extract;
using PolicyExtract.Normalize;
using PolicyExtract.Rules;
using PolicyExtract.Structure;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract;

/// <summary>
/// The hard grant shapes of the rules issue, each as one clause, with every figure written out by hand. These use money
/// only, so they hold whatever quantity layer the extractor runs on.
/// </summary>
public sealed class RuleExtractorTests
{
    private static List<Rule> Rules(string clauseText, bool documentDefinesBounds = true)
    {
        var text = $"某区若干措施\n一、支持\n（一）{clauseText}";
        var normalized = Normalizer.Normalize(text, text);
        var layout = new ClauseSegmenter(Repo.Grammar).Segment(normalized, "t.txt");
        var boundary = documentDefinesBounds
            ? new Boundary(["以上", "不超过", "最高"], ["以下"], BoundarySource.Document, "6.26", null)
            : new Boundary(["以上", "不超过", "最高"], [], BoundarySource.Default, null, null);
        var extractor = new RuleExtractor(Repo.Grammar, new WordBreaker(Repo.Grammar.Lexicon));
        return [.. extractor.Extract("t", layout.AllClauses, boundary, new EvidenceMap(normalized))];
    }

    private static string Describe(Rule r)
    {
        var a = r.Amount;
        var amount = a.Kind switch
        {
            AmountKind.Max => $"max {a.Value} {(a.Inclusive == true ? "incl" : "excl")} {a.Semantics}",
            AmountKind.Fixed => $"fixed {a.Value}",
            AmountKind.Ratio => $"ratio {a.Ratio} of {a.Base}" + (a.Max is { } m ? $" max {m.Value}" : ""),
            AmountKind.Unspecified => $"unspecified {a.Phrase}",
            _ => a.Kind.ToString(),
        };
        return $"{string.Join('+', r.Triggers)} | {r.Beneficiary ?? "-"} | {r.Benefit} | {amount}";
    }

    [Fact]
    public void Respectively_over_an_elliptical_list_of_actions()
    {
        var rules = Rules("对主导国家标准制定、修订的，按项目给予分别最高30万元、15万元资助。");
        Assert.Equal(
            ["主导国家标准制定 | - | 资助 | max 300000 incl Document", "主导国家标准修订 | - | 资助 | max 150000 incl Document"],
            rules.Select(Describe));
        Assert.All(rules, r => Assert.Equal(Frequency.PerItem, r.Frequency));
    }

    [Fact]
    public void Respectively_over_awards_with_a_shared_head()
    {
        var rules = Rules("对获得中国专利金奖、银奖、优秀奖的单位，按项目分别给予最高200万元、100万元、20万元奖励。");
        Assert.Equal(
            [
                "获得中国专利金奖 | 单位 | 奖励 | max 2000000 incl Document",
                "获得中国专利银奖 | 单位 | 奖励 | max 1000000 incl Document",
                "获得中国专利优秀奖 | 单位 | 奖励 | max 200000 incl Document",
            ],
            rules.Select(Describe));
    }

    [Fact]
    public void Respectively_over_levels_with_a_shared_tail()
    {
        var rules = Rules("对获批成为国家、省、市知识产权运营中心的单位，分别给予最高200万元、150万元、100万元资助。");
        Assert.Equal(
            [
                "获批成为国家知识产权运营中心 | 单位 | 资助 | max 2000000 incl Document",
                "获批成为省知识产权运营中心 | 单位 | 资助 | max 1500000 incl Document",
                "获批成为市知识产权运营中心 | 单位 | 资助 | max 1000000 incl Document",
            ],
            rules.Select(Describe));
    }

    [Fact]
    public void Respectively_over_beneficiaries()
    {
        var rules = Rules("对每个首次获得江苏省省长质量奖的组织和个人，分别给予100万元和20万元支持。");
        Assert.Equal(["组织 | fixed 1000000", "个人 | fixed 200000"], rules.Select(r => $"{r.Beneficiary} | fixed {r.Amount.Value}"));
        Assert.All(rules, r => Assert.Equal(["每个首次获得江苏省省长质量奖"], r.Triggers.ToArray()));
    }

    [Fact]
    public void A_ratio_with_a_cap_on_each_grant()
    {
        var rule = Assert.Single(Rules("对获得中国质量奖的单位，按市级奖励金额的100%给予配套奖励，单个项目最高300万元。"));
        Assert.Equal("获得中国质量奖 | 单位 | 配套奖励 | ratio 1 of 市级奖励金额 max 3000000", Describe(rule));
        Assert.Equal((true, BoundSemantics.Document), (rule.Amount.Max!.Inclusive, rule.Amount.Max.Semantics));
    }

    [Fact]
    public void A_respectively_list_of_caps_after_a_ratio()
    {
        var rules = Rules("对获得甲项目资助、乙项目资助、丙项目资助的单位，按其获得市级资助金额的50%给予配套资助，单个项目最高分别30万元、25万元、15万元。");
        Assert.Equal(
            [
                "获得甲项目资助 | 单位 | 配套资助 | ratio 0.5 of 其获得市级资助金额 max 300000",
                "获得乙项目资助 | 单位 | 配套资助 | ratio 0.5 of 其获得市级资助金额 max 250000",
                "获得丙项目资助 | 单位 | 配套资助 | ratio 0.5 of 其获得市级资助金额 max 150000",
            ],
            rules.Select(Describe));
    }

    [Fact]
    public void Several_grants_in_one_sentence_without_respectively()
    {
        var rules = Rules("每年对确认为优秀或合格的承建单位进行资助，获评优秀的资助3万元，获评合格的资助1万元。");
        Assert.Equal(["获评优秀 | fixed 30000", "获评合格 | fixed 10000"], rules.Select(r => $"{string.Join('+', r.Triggers)} | fixed {r.Amount.Value}"));
    }

    [Fact]
    public void Without_a_definition_clause_bounds_follow_the_civil_code()
    {
        var rule = Assert.Single(Rules("对获得奖项的单位，每家给予最高5万元奖励。", documentDefinesBounds: false));
        Assert.Equal((AmountKind.Max, 50000m, true, BoundSemantics.Default), (rule.Amount.Kind, rule.Amount.Value!.Value, rule.Amount.Inclusive!.Value, rule.Amount.Semantics!.Value));
    }

    [Theory]
    [InlineData("对获得区级质量奖项的单位，按区级质量奖管理办法规定给予奖励。", "按区级质量奖管理办法规定给予奖励")]
    [InlineData("对列入风险补偿扶持的项目，按照“一事一议”方式给予支持。", "按照“一事一议”方式给予支持")]
    [InlineData("对首次通过江苏精品认证的企业，在工作费用方面给予支持。", "在工作费用方面给予支持")]
    public void A_grant_without_a_figure_keeps_its_phrase_with_its_basis(string clause, string phrase)
    {
        var rule = Assert.Single(Rules(clause));
        Assert.Equal((AmountKind.Unspecified, phrase, (decimal?)null), (rule.Amount.Kind, rule.Amount.Phrase, rule.Amount.Value));
    }

    [Fact]
    public void Evidence_is_the_source_text_it_came_from()
    {
        var text = "某区若干措施\n一、支持\n（一）对获得中国专利金奖的单位，给予最高 200 万元奖励。";
        var normalized = Normalizer.Normalize(text, text);
        var layout = new ClauseSegmenter(Repo.Grammar).Segment(normalized, "t.txt");
        var boundary = new Boundary([], [], BoundarySource.Default, null, null);
        var rule = Assert.Single(new RuleExtractor(Repo.Grammar, new WordBreaker(Repo.Grammar.Lexicon))
            .Extract("t", layout.AllClauses, boundary, new EvidenceMap(normalized)));
        Assert.Equal(text[rule.Evidence.Start..rule.Evidence.End], rule.Evidence.Text);
        Assert.Equal("对获得中国专利金奖的单位，给予最高 200 万元奖励", rule.Evidence.Text);
        Assert.Equal((3, "t#1.1#1"), (rule.Evidence.Line, rule.Id));
    }

    [Fact]
    public void Triggers_written_without_dui()
    {
        var rules = Rules("主导制定产业技术国际标准，每项标准给予不超过50万元的支持；主导修订产业技术国际标准的，每项标准给予不超过30万元的支持。");
        Assert.Equal(
            ["主导制定产业技术国际标准 | 500000 per 项", "主导修订产业技术国际标准 | 300000 per 项"],
            rules.Select(r => $"{string.Join('+', r.Triggers)} | {r.Amount.Value} per {r.Amount.Per}"));
        Assert.All(rules, r => Assert.Equal((true, BoundSemantics.Document), (r.Amount.Max!.Inclusive, r.Amount.Max.Semantics)));
    }

    [Fact]
    public void The_noun_after_de_is_the_beneficiary_unless_one_is_named_at_the_verb()
    {
        var rules = Rules("获中国标准创新贡献奖标准项目奖二等奖的项目，市每项配套奖励30万元；对通过深圳标准认证的项目，按项目给予项目单位最高5万元的资助。");
        Assert.Equal(
            ["获中国标准创新贡献奖标准项目奖二等奖 | 项目 | 300000", "通过深圳标准认证 | 项目单位 | 50000"],
            rules.Select(r => $"{string.Join('+', r.Triggers)} | {r.Beneficiary} | {r.Amount.Value}"));
    }

    [Fact]
    public void A_subject_written_first_is_the_beneficiary()
    {
        var rules = Rules("对企事业单位新增高价值发明专利给予每件2000元资助；对我市单位或个人取得作品著作权登记证书，给予资助200元/个。");
        Assert.Equal(
            ["新增高价值发明专利 | 企事业单位 | 2000 per 件", "取得作品著作权登记证书 | 我市单位或个人 | 200 per 个"],
            rules.Select(r => $"{string.Join('+', r.Triggers)} | {r.Beneficiary} | {r.Amount.Value} per {r.Amount.Per}"));
    }

    [Fact]
    public void One_formula_for_a_list_of_awards_is_one_rule_with_each_award_a_trigger()
    {
        var rule = Assert.Single(Rules("对获得中国质量奖及中国质量奖提名奖、深圳市市长质量奖项的单位，按市级奖励金额的100%给予配套奖励，单个项目最高300万元。"));
        Assert.Equal(["获得中国质量奖", "获得中国质量奖提名奖", "获得深圳市市长质量奖项"], rule.Triggers.ToArray());
    }

    [Theory]
    [InlineData("对实施知识产权产业导航和企业导航的单位，给予最高50万元支持。", "实施知识产权产业导航+实施知识产权企业导航")]
    [InlineData("对在国内外知识产权纠纷中获得胜诉或和解的企业，给予最高50万元补助。", "在国内外知识产权纠纷中获得胜诉+在国内外知识产权纠纷中获得和解")]
    [InlineData("对获得深圳市高价值、高质量专利培育项目资助的单位，给予最高25万元资助。", "获得深圳市高价值专利培育项目资助+获得深圳市高质量专利培育项目资助")]
    [InlineData("对经区知识产权联席会议办公室或市级及以上知识产权行政主管部门批准召开国际或国内重大知识产权活动的承办方，给予最高20万元资助。", "经区知识产权联席会议办公室或市级及以上知识产权行政主管部门批准召开国际或国内重大知识产权活动")]
    [InlineData("对按照《建设指南》要求设立、备案并开展相关运营工作一年以上的联盟，给予一次性资助30万元。", "按照《建设指南》要求设立、备案并开展相关运营工作一年以上")]
    public void Parallel_items_split_and_clauses_do_not(string clause, string triggers) =>
        Assert.Equal(triggers, string.Join('+', Assert.Single(Rules(clause)).Triggers));

    [Fact]
    public void Respectively_over_a_list_inside_a_list_gives_each_rule_its_own_triggers()
    {
        var rules = Rules("对主导广东省、深圳市地方标准制定、修订的，按项目分别给予最高10万元、5万元资助。");
        Assert.Equal(
            ["主导广东省地方标准制定+主导深圳市地方标准制定 | 100000", "主导广东省地方标准修订+主导深圳市地方标准修订 | 50000"],
            rules.Select(r => $"{string.Join('+', r.Triggers)} | {r.Amount.Value}"));
    }

    [Theory]
    [InlineData("对承担培训任务的培训基地，每年给予每家最高50万元补助。", "yearly max 500000")]
    [InlineData("每年按贷款利息的50%给予一次性补贴。", "yearly ratio")]
    [InlineData("对工作人员于上一年度取得职称的企业，给予最高3万元/人的一次性奖励。", "once per-unit 30000")]
    [InlineData("对获得奖项的单位，每家给予最高5万元奖励。", "unspecified max 50000")]
    [InlineData("对通过认证的项目，按项目给予最高5万元的资助。", "per-item max 50000")]
    public void Frequency_and_rates(string clause, string expected)
    {
        var rule = Assert.Single(Rules(clause));
        var amount = rule.Amount.Kind switch
        {
            AmountKind.Max => $"max {rule.Amount.Value}",
            AmountKind.PerUnit => $"per-unit {rule.Amount.Value}",
            _ => "ratio",
        };
        Assert.Equal(expected, $"{rule.Frequency.ToString().ToLowerInvariant().Replace("peritem", "per-item", StringComparison.Ordinal)} {amount}");
    }

    [Fact]
    public void A_grant_by_reference_to_other_rules_is_one_grant_with_its_whole_phrase()
    {
        var rule = Assert.Single(Rules("对获得中国专利奖、广东省专利奖的给予奖励，奖励办法按市人才扶持政策有关规定执行。"));
        Assert.Equal("给予奖励，奖励办法按市人才扶持政策有关规定执行", rule.Amount.Phrase);
        Assert.Equal(["获得中国专利奖", "获得广东省专利奖"], rule.Triggers.ToArray());
        Assert.EndsWith("有关规定执行", rule.Evidence.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("对主动转化其专利技术达到10件以上（1年内）的企业，给予最高10万元奖励。", "专利技术 >= 10 件")]
    [InlineData("对贯彻实施管理国际标准获能力评价二级以上证书的企业给予一次性资助3万元。", "能力评价 >= 2 级")]
    [InlineData("对经评审达到40%以上成熟度的单位，给予最高30万元资助。", "成熟度 >= 0.4 %")]
    public void Conditions_name_what_they_measure(string clause, string expected)
    {
        var c = Assert.Single(Assert.Single(Rules(clause)).Conditions);
        Assert.Equal(expected, $"{c.Metric} {(c.Op == ComparisonOp.Ge ? ">=" : c.Op.ToString())} {c.Value} {c.Unit}");
    }

    [Fact]
    public void Other_currencies_are_kept_never_converted()
    {
        var rule = Assert.Single(Rules("对引进的项目，给予最高100万美元奖励。"));
        Assert.Equal(("USD", 1000000m, AmountKind.Max), (rule.Amount.Currency, rule.Amount.Value!.Value, rule.Amount.Kind));
    }

    [Fact]
    public void A_fund_size_is_not_a_grant()
    {
        var rule = Assert.Single(Rules("设立5亿元知识产权基金，对获得金奖的单位给予20万元奖励。"));
        Assert.Equal((AmountKind.Fixed, 200000m), (rule.Amount.Kind, rule.Amount.Value!.Value));
    }

    [Fact]
    public void A_rate_per_area_and_month_is_per_area_paid_monthly()
    {
        // Format 0.6.0: the month is the frequency, not a second unit of the rate (issue 17, per and frequency agree).
        var rule = Assert.Single(Rules("对入驻的企业，按每平方米每月最高30元给予租金补贴。"));
        Assert.Equal((AmountKind.PerUnit, 30m, "平方米", 30m, Frequency.Monthly), (rule.Amount.Kind, rule.Amount.Value!.Value, rule.Amount.Per, rule.Amount.Max!.Value, rule.Frequency));
    }

    [Fact]
    public void A_range_is_an_interval_with_both_ends()
    {
        var rule = Assert.Single(Rules("对获得认定的企业，给予10万至20万元奖励。"));
        Assert.Equal((AmountKind.Range, 100000m, 200000m, true, true), (rule.Amount.Kind, rule.Amount.Min!.Value, rule.Amount.Max!.Value, rule.Amount.Min.Inclusive, rule.Amount.Max.Inclusive));
    }

    [Fact]
    public void A_threshold_never_reads_across_a_semicolon()
    {
        var rules = Rules("对年营业收入1000万元以上的企业，给予10万元奖励；5000万元以上的，给予20万元奖励。");
        Assert.All(rules.SelectMany(r => r.Conditions), c => Assert.DoesNotContain("；", c.Metric, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("对年度获得专利授权量10件以上、发明专利授权量5件以上或高价值专利授权量1件以上的单位给予20万元资金奖励。", ConditionJoin.Any, 3)]
    [InlineData("对已备案并在光明区连续运营一年以上、授权量10件以上的联盟，给予最高50万元资助。", ConditionJoin.All, 2)]
    public void Thresholds_joined_by_huo_are_alternatives(string clause, ConditionJoin join, int count)
    {
        var rule = Assert.Single(Rules(clause));
        Assert.Equal((join, count), (rule.ConditionJoin, rule.Conditions.Length));
    }

    [Fact]
    public void Two_lists_in_one_trigger_multiply()
    {
        var rules = Rules("对企业在国内开展的专利、商标侵权案件中一审、二审胜诉的分别给予一次性资助2万元。");
        Assert.Equal(
            ["在国内开展的专利侵权案件中一审胜诉+在国内开展的专利侵权案件中二审胜诉+在国内开展的商标侵权案件中一审胜诉+在国内开展的商标侵权案件中二审胜诉 | 企业 | 一次性资助 | fixed 20000"],
            rules.Select(Describe));
    }

    [Fact]
    public void Respectively_over_the_second_of_two_lists()
    {
        var rules = Rules("对获得国家级、省级科技进步一等奖、二等奖的企业，分别给予最高50万元、30万元奖励。");
        Assert.Equal(
            [
                "获得国家级科技进步一等奖+获得省级科技进步一等奖 | 企业 | 奖励 | max 500000 incl Document",
                "获得国家级科技进步二等奖+获得省级科技进步二等奖 | 企业 | 奖励 | max 300000 incl Document",
            ],
            rules.Select(Describe));
    }

    [Fact]
    public void Three_complete_items_share_the_head_before_the_first_ones_verb_and_the_tail_after_the_last()
    {
        var rules = Rules("对获得本市承担技术委员会工作项目、承办标准化年会项目、技术性贸易措施研究项目资助的单位，按其获得市级资助金额的50%给予配套资助，单个项目最高分别30万元、25万元、15万元。");
        Assert.Equal(
            [
                "获得本市承担技术委员会工作项目资助 | 单位 | 配套资助 | ratio 0.5 of 其获得市级资助金额 max 300000",
                "获得本市承办标准化年会项目资助 | 单位 | 配套资助 | ratio 0.5 of 其获得市级资助金额 max 250000",
                "获得本市技术性贸易措施研究项目资助 | 单位 | 配套资助 | ratio 0.5 of 其获得市级资助金额 max 150000",
            ],
            rules.Select(Describe));
    }

    [Fact]
    public void A_list_item_that_varies_the_word_before_a_shared_ending()
    {
        var rules = Rules("新获准承担ISO、IEC标准化技术委员会、分技术委员会秘书处的，分别给予50万元、30万元支持。");
        Assert.Equal(
            [
                "新获准承担ISO标准化技术委员会秘书处+新获准承担IEC标准化技术委员会秘书处 | - | 支持 | fixed 500000",
                "新获准承担ISO分技术委员会秘书处+新获准承担IEC分技术委员会秘书处 | - | 支持 | fixed 300000",
            ],
            rules.Select(Describe));
    }

    [Theory]
    [InlineData("对符合“领跑者”企业标准的，每个企业给予5万元支持。", "符合“领跑者”企业标准 | 企业 | 支持 | fixed 50000")]
    [InlineData("对发布团体标准的社会团体，每个支持金额不超过10万元。", "发布团体标准 | 社会团体 | 支持 | max 100000 incl Document")]
    public void Each_recipient_is_not_a_rate(string clause, string expected)
    {
        var rule = Assert.Single(Rules(clause));
        Assert.Equal(expected, Describe(rule));
        Assert.Equal(Frequency.Unspecified, rule.Frequency);
    }

    [Theory]
    [InlineData("对新建的工作站，奖励2000元/个。", "个")]
    [InlineData("对主导制定国际标准的，每个项目给予最高50万元资助。", "个项目")]
    public void Each_item_is_a_rate(string clause, string per)
    {
        var rule = Assert.Single(Rules(clause));
        Assert.Equal(AmountKind.PerUnit, rule.Amount.Kind);
        Assert.Equal(per, rule.Amount.Per);
        Assert.Equal(Frequency.PerItem, rule.Frequency);
    }

    [Fact]
    public void A_floor_before_the_figure_is_a_grant_not_a_threshold()
    {
        var rule = Assert.Single(Rules("对年度工作绩效突出的产业园区，给予不低于5万元项目工作经费奖励。"));
        Assert.Equal((AmountKind.Min, 50000m), (rule.Amount.Kind, rule.Amount.Value!.Value));
        Assert.Equal("产业园区", rule.Beneficiary);
    }

    [Fact]
    public void A_ratio_base_between_the_cap_word_and_the_figure()
    {
        var rule = Assert.Single(Rules("对本市企业以受让形式实施专利成果的按不超过实际交易金额5%予以资助。"));
        Assert.Equal("以受让形式实施专利成果 | 本市企业 | 资助 | ratio 0.05 of 实际交易金额", Describe(rule));
    }

    [Fact]
    public void An_adverb_with_an_is_not_the_basis()
    {
        var rule = Assert.Single(Rules("对列入风险补偿扶持并按期还款付息的项目按实缴利息的50%给予贴息补助。"));
        Assert.Equal("列入风险补偿扶持并按期还款付息 | 项目 | 贴息补助 | ratio 0.5 of 实缴利息", Describe(rule));
    }

    [Fact]
    public void Once_per_item_limits_only_the_grant_paid_per_item()
    {
        var rules = Rules("对企事业单位新增高价值发明专利给予每件2000元资助，高新技术企业首次获得高价值发明专利认定的给予一次性奖励1万元，同一项专利仅资助一次。");
        Assert.Equal(2, rules.Count);
        var limit = Assert.Single(rules[0].Limits);
        Assert.Equal((LimitKind.Count, 1m, LimitScope.PerProject, LimitPeriod.Total), (limit.Kind, limit.Value, limit.Scope, limit.Period));
        Assert.Empty(rules[1].Limits);
    }

    [Fact]
    public void A_limit_that_names_its_grant()
    {
        var rules = Rules("每年对确认为优秀或合格的承建单位进行资助，获评优秀的资助3万元，获评合格的资助1万元，其中获评优秀的单位每年不超过2个。");
        Assert.Equal(["获评优秀", "获评合格"], rules.Select(r => r.Triggers.Single()));
        var limit = Assert.Single(rules[0].Limits);
        Assert.Equal((LimitKind.Count, 2m, LimitScope.Program, LimitPeriod.Year), (limit.Kind, limit.Value, limit.Scope, limit.Period));
        Assert.Empty(rules[1].Limits);
    }

    [Fact]
    public void A_tier_ladder_is_one_rule_per_tier_with_both_bounds()
    {
        var rules = Rules("对年度纳税额1000万元及以上至5000万元的企业，给予20万元奖励；5000万元以上至1亿元的，给予50万元奖励；1亿元以上的，给予100万元奖励。", documentDefinesBounds: false);
        Assert.Equal([200000m, 500000m, 1000000m], rules.Select(r => r.Amount.Value!.Value));
        Assert.All(rules, r => Assert.Equal("企业", r.Beneficiary));
        Assert.Equal(
            [
                "年度纳税额 Ge 10000000 Default, 年度纳税额 Le 50000000 Default",
                "年度纳税额 Ge 50000000 Default, 年度纳税额 Le 100000000 Default",
                "年度纳税额 Ge 100000000 Default",
            ],
            rules.Select(r => string.Join(", ", r.Conditions.Select(c => $"{c.Metric} {c.Op} {c.Value} {c.Semantics}"))));
    }

    [Fact]
    public void A_progressive_grant_has_a_step_and_its_cap()
    {
        var rule = Assert.Single(Rules("对发明专利授权量达到100件的企业，给予10万元奖励，每增加30件增加3万元，最高50万元。"));
        Assert.Equal((AmountKind.Fixed, 100000m), (rule.Amount.Kind, rule.Amount.Value!.Value));
        Assert.Equal(new Step(30m, "件", 30000m, "CNY"), rule.Amount.Step);
        Assert.Equal(new Bound(500000m, true, BoundSemantics.Document), rule.Amount.Max);
    }

    [Fact]
    public void Explicitly_uncapped()
    {
        var rule = Assert.Single(Rules("对企业购置研发设备的，按实际投资额的10%给予补助，上不封顶。"));
        Assert.Equal((AmountKind.Ratio, 0.1m, "实际投资额"), (rule.Amount.Kind, rule.Amount.Ratio!.Value, rule.Amount.Base));
        Assert.True(rule.Amount.Uncapped);
        Assert.Null(rule.Amount.Max);
    }

    [Theory]
    [InlineData("对新引进的知识产权服务机构，第一年给予5万元补助，第二年给予3万元补助。", "新引进|知识产权服务机构|补助", "第一年 50000, 第二年 30000")]
    [InlineData("对新落户的总部企业，分三年给予奖励，首年50万元，次年30万元，第三年20万元。", "新落户|总部企业|奖励", "首年 500000, 次年 300000, 第三年 200000")]
    public void Instalments_are_one_rule_each(string clause, string grant, string payments)
    {
        var rules = Rules(clause);
        Assert.All(rules, r => Assert.Equal(grant, $"{r.Triggers.Single()}|{r.Beneficiary}|{r.Benefit}"));
        Assert.Equal(payments, string.Join(", ", rules.Select(r => $"{r.Instalment!.Label} {r.Amount.Value}")));
        Assert.Equal(Enumerable.Range(1, rules.Count), rules.Select(r => r.Instalment!.Index));
    }

    [Fact]
    public void Levels_joined_by_ji_times_a_list_of_awards()
    {
        var rule = Assert.Single(Rules("对荣获国家及省级专利奖、外观设计奖的第一单位给予对等配套资金奖励。"));
        Assert.Equal(["荣获国家专利奖", "荣获国家外观设计奖", "荣获省级专利奖", "荣获省级外观设计奖"], rule.Triggers.AsEnumerable());
        Assert.Equal(("第一单位", 1m), (rule.Beneficiary, rule.Amount.Ratio!.Value));
    }

    [Fact]
    public void The_recipient_named_at_the_grant_after_requirements()
    {
        var rule = Assert.Single(Rules("对在我市设立知识产权分支服务机构的，代理我市申请人的发明专利，上年度授权量10件以上（含10件）的，对该代理机构给予500元/件的资助。"));
        Assert.Equal("在我市设立知识产权分支服务机构", rule.Triggers.Single());
        Assert.Equal("代理机构", rule.Beneficiary);
        var condition = Assert.Single(rule.Conditions);
        Assert.Equal((ComparisonOp.Ge, 10m, BoundSemantics.Explicit), (condition.Op, condition.Value, condition.Semantics));
    }

    [Fact]
    public void Encouraged_subject_and_yearly_basis()
    {
        var rule = Assert.Single(Rules("鼓励知识产权服务机构围绕产业，积极拓展服务领域，根据年度业务规模、完成质量综合考评，分档给予最高50万元奖励。"));
        Assert.Equal("年度业务规模、完成质量综合考评 | 知识产权服务机构 | 奖励 | max 500000 incl Document", Describe(rule));
        Assert.Equal(Frequency.Yearly, rule.Frequency);
    }

    [Fact]
    public void A_framing_segment_gives_the_trigger_when_the_grant_names_none()
    {
        var rule = Assert.Single(Rules("对已认定的平台和中心进行动态管理，按年度服务内容、数量等综合绩效评估，择优分档给予每家最高100万元运营资金支持。"));
        Assert.Equal("已认定 | 平台和中心 | 运营资金支持 | max 1000000 incl Document", Describe(rule));
        Assert.Equal(Frequency.Yearly, rule.Frequency);
    }

    [Fact]
    public void A_grant_to_those_ranked_on_a_basis()
    {
        var rule = Assert.Single(Rules("根据知识产权发展状况、相关指标任务完成情况对各街道（园区）进行综合排名并给予相应工作经费支持。"));
        Assert.Equal("知识产权发展状况、相关指标任务完成情况 | 各街道（园区） | 工作经费支持 | unspecified 给予相应工作经费支持", Describe(rule));
    }

    [Fact]
    public void Respectively_over_two_items_joined_by_he()
    {
        var rules = Rules("对知识产权战略推进项目和高价值专利组合，分别给予每项最高100万元和30万元支持。");
        Assert.Equal(["知识产权战略推进项目", "高价值专利组合"], rules.Select(r => r.Triggers.Single()));
        Assert.Equal([1000000m, 300000m], rules.Select(r => r.Amount.Value!.Value));
    }

    [Fact]
    public void A_grant_split_by_recipient_replaces_the_whole_without_a_figure()
    {
        var rules = Rules("对获评的团队、专家人才、企业专员给予奖励，其中团队可给予最高5万元奖励，个人可给予最高2000元奖励。");
        Assert.Equal(
            ["获评 | 团队 | 奖励 | max 50000 incl Document", "获评 | 个人 | 奖励 | max 2000 incl Document"],
            rules.Select(Describe));
    }

    [Fact]
    public void Range_ends_are_read_from_the_range_word_not_a_marker()
    {
        var rule = Assert.Single(Rules("对新认定的企业，给予10万至20万元奖励。"));
        Assert.Equal((BoundSemantics.Default, BoundSemantics.Default), (rule.Amount.Min!.Semantics, rule.Amount.Max!.Semantics));
    }

    [Theory]
    [InlineData("按不超过实际交易金额百分之五予以资助")]
    [InlineData("按不超过实际交易金额三分之一予以资助")]
    [InlineData("按不超过实际交易金额一半予以资助")]
    public void A_ratio_base_after_its_cap_word_whatever_the_figure_is_written_in(string grant)
    {
        var rule = Assert.Single(Rules($"对本市企业实施专利成果的{grant}。"));
        Assert.Equal((AmountKind.Ratio, "实际交易金额"), (rule.Amount.Kind, rule.Amount.Base));
    }

    [Fact]
    public void A_parallel_grant_after_a_semicolon_is_for_the_recipient_named_before_it()
    {
        var rules = Rules("对企业在省内开展的专利、商标侵权案件中胜诉的给予一次性资助2万元；在省外开展的专利、商标侵权案件中胜诉的给予一次性资助3万元。");
        Assert.Equal(
            [
                "在省内开展的专利侵权案件中胜诉+在省内开展的商标侵权案件中胜诉 | 企业 | 一次性资助 | fixed 20000",
                "在省外开展的专利侵权案件中胜诉+在省外开展的商标侵权案件中胜诉 | 企业 | 一次性资助 | fixed 30000",
            ],
            rules.Select(Describe));
    }

    [Fact]
    public void A_grant_after_a_semicolon_that_names_another_act_keeps_no_recipient()
    {
        var rules = Rules("对企业新获认定的驰名商标给予10万元资助；新列入省重点商标保护名录的给予每件资助3000元。");
        Assert.Equal(["企业", null], rules.Select(r => r.Beneficiary));
    }

    [Theory]
    [InlineData("根据省级扶持资金按照不低于1:1配套设立专项资金", "省级扶持资金", "专项资金")]
    [InlineData("按照不低于1:1比例给予配套资金", null, "配套资金")]
    [InlineData("按照省级资助金额的50%给予配套资金", "省级资助金额", "配套资金")]
    public void A_matching_fund_takes_its_base_up_to_the_next_base_word(string grant, string? expectedBase, string benefit)
    {
        var rule = Assert.Single(Rules($"获批创建国家知识产权示范园区的，{grant}。"));
        Assert.Equal((AmountKind.Ratio, expectedBase, benefit), (rule.Amount.Kind, rule.Amount.Base, rule.Benefit));
    }

    [Fact]
    public void A_supported_recipient_at_the_sentence_head_without_its_qualifier()
    {
        var rule = Assert.Single(Rules("支持新认定的区级知识产权培训基地，开设知识产权课程，培训期间的场地租赁、师资聘请给予适当补助。"));
        Assert.Equal("区级知识产权培训基地", rule.Beneficiary);
        Assert.Equal(["培训期间的场地租赁", "培训期间的师资聘请"], rule.Triggers.ToArray());
    }

    [Fact]
    public void An_encouraged_act_earns_a_reward_paid_by_reference()
    {
        var rule = Assert.Single(Rules("鼓励社会公众举报假冒专利行为，举报奖励按市有关奖励办法执行。"));
        Assert.Equal("举报假冒专利行为 | 社会公众 | 举报奖励 | unspecified 按市有关奖励办法执行", Describe(rule));
    }

    [Fact]
    public void Costs_borne_by_the_budget_are_a_grant_for_the_work_before_them()
    {
        var rule = Assert.Single(Rules("积极对接第三方代理机构，持续推进地理标志证明商标注册工作，相关费用由区财政负担。"));
        Assert.Equal("推进地理标志证明商标注册工作 | - | 相关费用 | unspecified 相关费用由区财政负担", Describe(rule));
    }

    [Fact]
    public void A_reference_to_other_rules_that_names_nothing_granted_is_not_a_grant() =>
        Assert.Empty(Rules("本措施具体按照《某区专项资金管理办法》规定执行。"));

    [Fact]
    public void Respectively_over_recipients_gives_each_its_own_grant()
    {
        var rules = Rules("对获得省级认定的企业和个人分别给予1万元奖励。");
        Assert.Equal(["获得省级认定 | 企业 | 奖励 | fixed 10000", "获得省级认定 | 个人 | 奖励 | fixed 10000"], rules.Select(Describe));
    }

    [Fact]
    public void Respectively_with_standards_set_elsewhere_gives_each_item_its_own_grant()
    {
        var rules = Rules("对苏州市优秀发明专利、优秀实用新型专利分别按照《苏州市专利奖励办法》规定标准给予奖励。");
        Assert.Equal(
            [
                "苏州市优秀发明专利 | - | 奖励 | unspecified 按照《苏州市专利奖励办法》规定标准给予奖励",
                "苏州市优秀实用新型专利 | - | 奖励 | unspecified 按照《苏州市专利奖励办法》规定标准给予奖励",
            ],
            rules.Select(Describe));
    }

    [Fact]
    public void Areas_in_a_frame_each_take_the_frame_and_alternative_benefits_stay_together()
    {
        var rule = Assert.Single(Rules("重点对在专利转化运用、商标品牌建设和质量提升等方面工作取得明显成效的，给予一定奖励或补助。"));
        Assert.Equal(
            "在专利转化运用方面工作取得明显成效+在商标品牌建设方面工作取得明显成效+在质量提升方面工作取得明显成效 | - | 奖励或补助 | unspecified 给予一定奖励或补助",
            Describe(rule));
    }

    [Fact]
    public void A_head_written_out_in_every_other_item_is_not_lent_to_one_without_it()
    {
        var rule = Assert.Single(Rules("对开展知识产权质押融资、知识产权证券化和保险业务的企业给予支持。"));
        Assert.Equal(["开展知识产权质押融资", "开展知识产权证券化", "开展保险业务"], rule.Triggers.ToArray());
    }

    [Fact]
    public void Recipients_that_open_a_monitored_phrase_receive_the_graded_reward()
    {
        var rule = Assert.Single(Rules("对区内企业、科研院所专利授权量和增幅情况进行综合评价，择优分档给予奖励。"));
        Assert.Equal("专利授权量和增幅情况 | 区内企业、科研院所 | 奖励 | unspecified 择优分档给予奖励", Describe(rule));
    }

    [Fact]
    public void An_organized_appraisal_earns_its_reward_without_the_organizing_verb()
    {
        var rule = Assert.Single(Rules("加强知识产权宣传，定期开展形式多样的宣传活动，组织优秀案例评选和相应奖励。"));
        Assert.Equal("优秀案例评选 | - | 奖励 | unspecified 相应奖励", Describe(rule));
    }

    [Fact]
    public void Urging_others_to_pay_is_not_a_grant() =>
        Assert.Empty(Rules("督促被授予专利权的单位依法兑现发明人的相应奖励。"));

    [Fact]
    public void Respectively_by_level_puts_the_level_on_what_earns_the_grant()
    {
        var rules = Rules("对通过验收的知识产权试点示范项目（含示范园区），按国家级、省级分别给予30万元、15万元支持。");
        Assert.Equal(
            [
                "国家级知识产权试点示范项目+国家级示范园区 | - | 支持 | fixed 300000",
                "省级知识产权试点示范项目+省级示范园区 | - | 支持 | fixed 150000",
            ],
            rules.Select(Describe));
    }

    [Fact]
    public void A_second_recipient_named_alone_shares_the_grant_trigger()
    {
        var rules = Rules("对获得省科学技术奖的第一完成单位按所获奖金1:1的比例配套奖励，参与单位按所获奖金1:0.5的比例配套奖励。");
        Assert.Equal(
            ["获得省科学技术奖 | 第一完成单位 | 配套奖励 | ratio 1 of 所获奖金", "获得省科学技术奖 | 参与单位 | 配套奖励 | ratio 0.5 of 所获奖金"],
            rules.Select(Describe));
    }

    [Fact]
    public void Each_person_counts_recipients_not_units()
    {
        var rule = Assert.Single(Rules("对获得省科学技术奖的完成人（非完成单位）给予每位1万元的配套奖励。"));
        Assert.Equal("获得省科学技术奖 | 完成人（非完成单位） | 配套奖励 | fixed 10000", Describe(rule));
    }

    [Fact]
    public void Quoted_names_joined_by_a_conjunction_are_the_list_items()
    {
        var rule = Assert.Single(Rules("当年获得“地理标志证明商标”与“地理标志产品”认定的分别奖励5万元。"));
        Assert.Equal(["当年获得“地理标志证明商标”认定", "当年获得“地理标志产品”认定"], rule.Triggers.ToArray());
    }

    [Fact]
    public void A_range_of_ratios_keeps_both_ends_and_never_reads_as_zero()
    {
        var rule = Assert.Single(Rules("对工业类项目，按固定资产投资的5%—20%给予企业奖励。"));
        Assert.Equal((AmountKind.Ratio, 0.2m, 0.05m, 0.2m, "固定资产投资", "企业"), (rule.Amount.Kind, rule.Amount.Ratio, rule.Amount.Min!.Value, rule.Amount.Max!.Value, rule.Amount.Base, rule.Beneficiary));
    }

    [Fact]
    public void A_metric_before_在_and_a_base_after_参照()
    {
        var rules = Rules("对新开发的一类新药，年销售额在1亿元及以上的，单品种奖励企业200万元；对新引进的总部项目，参照其年度地方财政贡献的70%给予企业奖励。");
        Assert.Equal(("年销售额", ComparisonOp.Ge, 100000000m), (rules[0].Conditions.Single().Metric, rules[0].Conditions.Single().Op, rules[0].Conditions.Single().Value));
        Assert.Equal((Frequency.PerItem, "企业"), (rules[0].Frequency, rules[0].Beneficiary));
        Assert.Equal(("其年度地方财政贡献", 0.7m, "企业"), (rules[1].Amount.Base, rules[1].Amount.Ratio, rules[1].Beneficiary));
    }

    [Fact]
    public void A_time_word_before_the_verb_is_not_part_of_the_trigger()
    {
        var rule = Assert.Single(Rules("对牵头制定并新获批国际标准的，当年给予企业50万元奖励。"));
        Assert.Equal("牵头制定并新获批国际标准 | 企业 | 奖励 | fixed 500000", Describe(rule));
    }

    [Fact]
    public void A_tier_ladder_written_as_a_list_pairs_each_tier_with_its_ratio()
    {
        var rules = Rules("对新引进的总部项目，自认定当年起给予企业奖励，即：年度地方财政贡献1000万元及以上至2000万元、2000万元以上的，分别参照其地方财政贡献的70%和90%给予企业奖励，奖励额度不设上限。");
        Assert.Equal(
            ["年度地方财政贡献1000万元及以上至2000万元 | 企业 | 奖励 | ratio 0.7 of 其地方财政贡献", "年度地方财政贡献2000万元以上 | 企业 | 奖励 | ratio 0.9 of 其地方财政贡献"],
            rules.Select(Describe));
        Assert.Equal(
            ["年度地方财政贡献 Ge 10000000; 年度地方财政贡献 Le 20000000", "年度地方财政贡献 Ge 20000000"],
            rules.Select(r => string.Join("; ", r.Conditions.Select(c => $"{c.Metric} {c.Op} {c.Value}"))));
        Assert.All(rules, r => Assert.True(r.Amount.Uncapped));
    }

    [Fact]
    public void A_bare_cap_after_a_ratio_caps_it_rather_than_granting_on_its_own()
    {
        var rule = Assert.Single(Rules("对中药大品种二次开发项目投产后年销售额达到1000万元及以上的，按其研发实际发生额的20%给予企业奖励，最高奖励不超过50万元。"));
        Assert.Equal((AmountKind.Ratio, 0.2m, 500000m), (rule.Amount.Kind, rule.Amount.Ratio, rule.Amount.Max!.Value));
    }
}
