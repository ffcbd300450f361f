using PolicyExtract.Metadata;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Metadata;

/// <summary>
/// Metadata as notices, decrees and exports write it: several signing bodies, the 版记's printing line, a decree's
/// number, export headers, a 文号 or a date in brackets under the title. Each text is written the way the corpus's
/// documents write it (Specs/Corpus), with made-up places and figures.
/// </summary>
public sealed class NoticeFormsTests
{
    private static DocumentMetadata Read(string text) => Read(text, out _);

    private static DocumentMetadata Read(string text, out PolicyExtract.Output.PolicyDocument document)
    {
        var result = Repo.Pipeline.Process(System.Text.Encoding.UTF8.GetBytes(text), "notice.txt");
        Assert.True(result.Document is not null, string.Join('\n', result.Diagnostics));
        document = result.Document!;
        return document.Document;
    }

    private const string Body = "一、支持创新\n（一）对获得专利金奖的企业，给予30万元奖励。\n";

    [Fact]
    public void Every_body_that_signs_is_an_issuer_one_a_line()
    {
        var m = Read($"""
            某民养老发〔2019〕160号
            各区民政局、财政局：
            现将《某市老年人津贴管理实施办法》印发给你们，请认真贯彻执行。
            某市民政局
            某市财政局
            某市残疾人联合会
            2019年9月30日
            某市老年人津贴管理实施办法
            {Body}
            """);

        Assert.Equal(["某市民政局", "某市财政局", "某市残疾人联合会"], m.Issuers.ToArray());
        Assert.Equal(("某市老年人津贴管理实施办法", "某民养老发〔2019〕160号", new DateOnly(2019, 9, 30), "implementation-measures"), (m.Title, m.DocumentNumber, m.IssuedOn, m.Kind));
    }

    [Theory]
    [InlineData("某市医疗保障局 某市财政局 某市民政局")]
    [InlineData("某市医疗保障局某市财政局某市民政局")] // one space each was dropped as a stray by normalization
    public void Several_bodies_on_one_line_are_told_apart(string signature)
    {
        var m = Read($"某医保规字〔2024〕1号\n某市医疗保障局 某市财政局 某市民政局关于印发某市长期护理保险试行办法的通知\n各有关单位：\n《某市长期护理保险试行办法》业经市人民政府同意，现印发给你们。\n{signature}\n2024年1月3日\n某市长期护理保险试行办法\n{Body}");

        Assert.Equal(["某市医疗保障局", "某市财政局", "某市民政局"], m.Issuers.ToArray());
        Assert.Equal("某市长期护理保险试行办法", m.Title);
    }

    [Fact]
    public void A_body_whose_name_holds_another_bodys_ending_stays_one_body()
    {
        var m = Read($"某市某区人民政府印发《某区若干措施》的通知\n各有关单位：\n现印发给你们。\n某市市场监督管理局光明监管局\n2023年10月12日\n某区若干措施\n{Body}");

        Assert.Equal(["某市市场监督管理局光明监管局"], m.Issuers.ToArray());
    }

    [Fact]
    public void A_signature_at_the_end_of_a_paragraph_that_lost_its_line_breaks_is_read()
    {
        // The zero of the year typed as ○ (U+25CB) and the 日 missing, as the page has it.
        var m = Read($"关于印发某市补贴暂行办法的通知\n各区财政局、残联： 经市政府研究同意，现印发给你们，请认真贯彻执行。 附件：1．申请审批表 某市财政局 某市劳动和社会保障局 某市残疾人联合会 二○○七年九月二十四\n某市补贴暂行办法\n{Body}");

        Assert.Equal(["某市财政局", "某市劳动和社会保障局", "某市残疾人联合会"], m.Issuers.ToArray());
        Assert.Equal(new DateOnly(2007, 9, 24), m.IssuedOn);
    }

    [Fact]
    public void The_printing_line_names_no_issuer_but_dates_publication()
    {
        var m = Read($"某市临时救助实施细则\n{Body}二、附则\n（二）本实施细则自印发之日起施行，有效期5年。\n公开方式：主动公开\n某市人民政府办公厅秘书处 2021年12月6日印发\n");

        Assert.Empty(m.Issuers);
        Assert.Equal((new DateOnly(2021, 12, 6), new DateOnly(2021, 12, 6), new DateOnly(2026, 12, 5), EffectiveBasis.Publication),
            (m.IssuedOn, m.Effective.From, m.Effective.Until, m.Effective.Basis));
    }

    [Fact]
    public void A_policy_printed_after_it_was_signed_takes_effect_on_the_printing_date()
    {
        var m = Read($"某府办规〔2021〕19号\n某市人民政府办公厅关于印发某市临时救助实施细则的通知\n各区人民政府：\n《某市临时救助实施细则》已经市人民政府同意，现印发给你们。\n某市人民政府办公厅\n2021年12月1日\n某市临时救助实施细则\n{Body}二、附则\n（二）本实施细则自印发之日起施行。\n某市人民政府办公厅秘书处2021年12月6日印发\n");

        Assert.Equal((new DateOnly(2021, 12, 1), new DateOnly(2021, 12, 6)), (m.IssuedOn, m.Effective.From));
        Assert.Equal(["某市人民政府办公厅"], m.Issuers.ToArray());
    }

    [Fact]
    public void A_decree_gives_its_number_issuer_and_date()
    {
        var m = Read($"某市人民政府令\n第179号\n《某市老年人优待办法》已经2021年1月8日市政府常务会议通过，现予公布，自2021年5月1日起施行。\n市长：某某\n2021年1月29日\n某市老年人优待办法\n{Body}");

        Assert.Equal(("某市老年人优待办法", "某市人民政府令第179号", new DateOnly(2021, 1, 29), "measures"), (m.Title, m.DocumentNumber, m.IssuedOn, m.Kind));
        Assert.Equal(["某市人民政府"], m.Issuers.ToArray());
    }

    [Fact]
    public void An_export_header_is_never_the_title_and_gives_the_number_the_text_leaves_out()
    {
        var m = Read($"""
            [主题分类] 民政、扶贫、救灾/社会福利
            - [发文机构] 某市民政局
            - [成文日期] 2016-10-24
            - [发文字号] 某民福发 〔2016〕 434号
            - [有效性] 是
            某市民政局 某市财政局关于印发某市残疾人补贴实施办法的通
            PDF格式下载
            收藏
            打印
            -
            某市残疾人补贴实施办法
            {Body}
            """);

        Assert.Equal(("某市残疾人补贴实施办法", "某民福发〔2016〕434号", new DateOnly(2016, 10, 24)), (m.Title, m.DocumentNumber, m.IssuedOn));
        Assert.Equal(["某市民政局"], m.Issuers.ToArray());
    }

    [Fact]
    public void A_yaml_export_header_gives_the_number_and_its_note_is_not_cited()
    {
        var m = Read($"""
            ---
            标题: 某区人民政府关于调整某区补贴标准的通知
            文号: 某府规〔2021〕17号
            发布日期: 2021-12-20
            ---
            本文正文由脚本提取，依《中华人民共和国著作权法》第五条第一项，不适用著作权法。
            某区人民政府关于调整某区补贴标准的通知
            各街道：
            {Body}
            某区人民政府
            2021年12月17日
            """);

        Assert.Equal(("某区人民政府关于调整某区补贴标准的通知", "notice", "某府规〔2021〕17号", new DateOnly(2021, 12, 17)), (m.Title, m.Kind, m.DocumentNumber, m.IssuedOn));
        Assert.Empty(m.Cites);
    }

    [Fact]
    public void A_number_in_brackets_under_the_title_is_the_number_not_part_of_the_title()
    {
        var m = Read($"某市职业技能培训补贴实施办法\n（某人社局发[2022]20号）\n{Body}");

        Assert.Equal(("某市职业技能培训补贴实施办法", "某人社局发[2022]20号", "implementation-measures"), (m.Title, m.DocumentNumber, m.Kind));
    }

    [Fact]
    public void Bodies_above_the_title_issue_it_and_a_date_below_it_dates_it()
    {
        var m = Read($"中共某县委 某县人民政府\n关于支持重点产业加快发展的实施意见\n(2023年2月8日)\n为抢抓机遇，制定如下实施意见。\n{Body}");

        Assert.Equal(("关于支持重点产业加快发展的实施意见", "opinions", new DateOnly(2023, 2, 8)), (m.Title, m.Kind, m.IssuedOn));
        Assert.Equal(["中共某县委", "某县人民政府"], m.Issuers.ToArray());
    }

    [Theory]
    [InlineData("某区科技创新实施意见（2023年2月8日）", "某区科技创新实施意见", "opinions")]
    [InlineData("某区质量强区行动计划（2024-2026年）", "某区质量强区行动计划（2024-2026年）", "action-plan")]
    [InlineData("某区总部经济扶持办法（试行）", "某区总部经济扶持办法（试行）", "measures")]
    [InlineData("（转载）某区人民政府办公室关于印发某区扶持办法的通知", "某区扶持办法", "measures")]
    public void A_title_keeps_its_span_and_trial_mark_but_not_a_date_and_kind_reads_past_them(string titleLine, string title, string kind)
    {
        var m = Read($"{titleLine}\n{Body}");
        Assert.Equal((title, kind), (m.Title, m.Kind));
    }

    [Fact]
    public void A_notice_that_transmits_no_separate_policy_is_the_policy_and_its_own_title()
    {
        var m = Read($"某民规字〔2025〕2号\n某市民政局  某市财政局关于印发我市2025年最低生活保障标准的通知\n各区人民政府：\n经市人民政府同意，现公布我市2025年标准如下：\n{Body}某市民政局 某市财政局\n2025年5月30日\n");

        Assert.Equal(("某市民政局某市财政局关于印发我市2025年最低生活保障标准的通知", "notice", new DateOnly(2025, 5, 30)), (m.Title, m.Kind, m.IssuedOn));
        Assert.Equal(["某市民政局", "某市财政局"], m.Issuers.ToArray());
    }

    [Theory]
    [InlineData("（三）本办法由区科技局负责解释，自2024年1月1日起施行。", "measures")]
    [InlineData("（三）本细则自2024年1月1日起施行。本细则所称企业，是指在本区注册的企业。", "implementation-rules")]
    [InlineData("（三）本政策自发布之日起实施。本政策由区财政局负责解释。如本意见与上级规定不一致的，从其规定。", "measures")]
    public void Without_a_title_the_kind_is_how_the_text_names_itself_most(string closing, string kind)
    {
        var m = Read($"为支持创新，制定如下措施。\n{Body}二、附则\n{closing}\n");
        Assert.Equal(((string?)null, kind), (m.Title, m.Kind));
    }

    [Theory]
    [InlineData("本办法自2019年2月1日实施，有效期5年。", "2019-02-01", "2024-01-31")]
    [InlineData("本办法自2022年8月1日起施行，2027年7月31日废止。", "2022-08-01", "2027-07-31")]
    [InlineData("本细则为配套文件，自2023年2月22日施行，有效期至2026年2月21日。", "2023-02-22", "2026-02-21")]
    [InlineData("本标准自2025年6月1日起按新标准计算执行，有效期1年。", "2025-06-01", "2026-05-31")]
    public void Effective_dates_as_the_genre_writes_them(string closing, string from, string until)
    {
        var m = Read($"某区办法\n{Body}二、附则\n（二）{closing}\n");
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture)), (m.Effective.From!.Value, m.Effective.Until!.Value));
    }

    [Fact]
    public void Effective_some_days_after_publication()
    {
        var m = Read($"关于印发某市补贴办法的通知\n各区：\n现印发给你们。\n某市财政局\n2007年9月24日\n某市补贴办法\n{Body}二、附则\n（二）本办法自印发30日后执行。\n");
        Assert.Equal((new DateOnly(2007, 10, 24), EffectiveBasis.Publication), (m.Effective.From, m.Effective.Basis));
    }

    [Fact]
    public void The_validity_of_a_voucher_is_not_the_policys()
    {
        var m = Read($"某区意见\n一、支持创业\n（一）“创业券”兑现额度为实际支出的50%，有效期2年。\n二、附则\n（二）本意见自2018年1月1日起施行。\n");
        Assert.Equal(((int?)null, (DateOnly?)null, new DateOnly(2018, 1, 1)), (m.Effective.ValidYears, m.Effective.Until, m.Effective.From));
    }

    [Theory]
    [InlineData("（三）于2016年12月31日前提出申请的，补贴最早可追溯到2016年1月1日。\n（四）本办法自2016年1月1日起施行。", "2016-01-01")]
    [InlineData("（三）低保标准均从2025年1月1日起执行。\n（四）其他标准自2025年6月1日起按新标准计算执行。", "2025-01-01")]
    [InlineData("（三）本政策适用于2019年1月1日-2021年12月31日的奖补对象。\n（四）本政策自印发之日起施行。", "2019-01-01")]
    public void A_window_opened_before_the_policy_is_retroactive(string clauses, string retro)
    {
        var m = Read($"某区办法\n{Body}二、附则\n{clauses}\n");
        Assert.Equal(DateOnly.Parse(retro, System.Globalization.CultureInfo.InvariantCulture), m.Effective.RetroactiveFrom);
    }

    [Theory]
    [InlineData("（三）市民政局负责本办法的具体解释。", "市民政局")]
    [InlineData("（三）本办法由省财政厅、省经信委按各自职责负责解释。", "省财政厅、省经信委")]
    public void Who_interprets_written_either_way(string clause, string body) =>
        Assert.Equal(body, Read($"某区办法\n{Body}二、附则\n{clause}\n").InterpretedBy);

    [Fact]
    public void Citations_carry_decree_numbers_and_numbers_followed_by_an_abbreviation()
    {
        var m = Read($"""
            某区办法
            一、总则
            （一）根据《财政违法行为处罚处分条例》（国务院令第427号）、《某省临时救助办法的通知》（某府办〔2021〕4号，以下简称省《办法》）和《某市残疾人证》（下称“残疾人证”），制定本办法。按省《办法》执行；持《残疾人证》申请。
            """);

        Assert.Equal(["财政违法行为处罚处分条例 | 国务院令第427号", "某省临时救助办法的通知 | 某府办〔2021〕4号", "某市残疾人证"], m.Cites.Select(c => c.DocumentNumber is null ? c.Title : $"{c.Title} | {c.DocumentNumber}"));
    }
}
