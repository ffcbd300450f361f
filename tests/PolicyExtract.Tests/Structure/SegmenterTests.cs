using PolicyExtract.Normalize;
using PolicyExtract.Structure;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Structure;

/// <summary>Clause trees of small documents written the ways other districts write them.</summary>
public sealed class SegmenterTests
{
    private static DocumentLayout Segment(string text) =>
        new ClauseSegmenter(Repo.Grammar).Segment(Normalizer.Normalize(text, text), "test.txt");

    private static string Tree(DocumentLayout layout) =>
        string.Join("; ", layout.AllClauses.Select(c => $"{c.Path} {c.Label}"));

    [Fact]
    public void Articles_number_on_across_chapters()
    {
        var layout = Segment("""
            某某区科技创新资助办法
            第一章 总则
            第一条 为了促进科技创新，制定本办法。
            第二条 本办法适用于本区企业。
            第二章 资助标准
            第三条 对认定的高新技术企业给予20万元奖励。
            第 1 0 条 本办法自2024年1月1日起施行。
            """);
        // Labels are as written, except for stray spaces left by wrapping (第 1 0 条 is labelled 第10条).
        Assert.Equal("1 第一章; 1.1 第一条; 1.2 第二条; 2 第二章; 2.3 第三条; 2.10 第10条", Tree(layout));
        Assert.Equal(["chapter", "article"], layout.AllClauses.Take(2).Select(c => c.Level));
        Assert.Equal("总则", layout.Clauses[0].Title);
        var gap = Assert.Single(layout.Diagnostics);
        Assert.Equal(("ST001", 7), (gap.Code, gap.Span!.Value.Line));
        Assert.Equal(["3", "10"], gap.Args.ToArray());
    }

    [Fact]
    public void Headings_can_group_articles_that_number_straight_through()
    {
        var layout = Segment("""
            某县关于支持重点产业加快发展的实施意见
            一、政策支持
            第1条 设立重点产业发展引导资金，列入县财政预算。
            二、支持范围
            （一）固定资产投资奖励
            第2条 对新上的工业类项目，给予50万元奖励。
            第3条 对现代服务业类项目，给予30万元奖励。
            （二）绩效奖励
            第4条 对亩均税收达到10万元的项目，给予奖励。
            三、其他
            第5条 本意见自发布之日起施行。
            """);
        Assert.Equal("1 一、; 1.1 第1条; 2 二、; 2.1 （一）; 2.1.2 第2条; 2.1.3 第3条; 2.2 （二）; 2.2.4 第4条; 3 三、; 3.5 第5条", Tree(layout));
        // Articles run on across headings without a numbering warning; those directly under 一、 skip （一）, which is news only.
        Assert.Equal(["ST004 3", "ST004 11"], layout.Diagnostics.Select(d => $"{d.Code} {d.Span!.Value.Line}"));
    }

    [Fact]
    public void Items_listed_inside_an_article_stay_below_it()
    {
        var layout = Segment("""
            某区专利资助办法
            第一条 资助范围包括：
            一、发明专利
            二、实用新型专利
            第二条 本办法自发布之日起施行。
            """);
        Assert.Equal("1 第一条; 1.1 一、; 1.2 二、; 2 第二条", Tree(layout));
    }

    [Fact]
    public void Arabic_article_numbers_and_all_six_levels()
    {
        var layout = Segment("""
            第1条 总体要求
            一、基本原则
            （一）坚持创新
            1、市场主导
            （1）企业为主
            ①龙头企业
            ②中小企业
            第2条 附则
            """);
        Assert.Equal("1 第1条; 1.1 一、; 1.1.1 （一）; 1.1.1.1 1、; 1.1.1.1.1 （1）; 1.1.1.1.1.1 ①; 1.1.1.1.1.2 ②; 2 第2条", Tree(layout));
        Assert.Equal(["article", "chapter", "section", "item", "subitem", "point", "point", "article"], layout.AllClauses.Select(c => c.Level));
        Assert.Empty(layout.Diagnostics);
    }

    [Fact]
    public void A_skipped_level_nests_under_the_nearest_open_clause()
    {
        var layout = Segment("""
            一、支持创新
            1.对获得专利的给予奖励。
            二、支持人才
            （一）引进人才。
            1.给予安家补贴。
            """);
        Assert.Equal("1 一、; 1.1 1.; 2 二、; 2.1 （一）; 2.1.1 1.", Tree(layout));
        var skipped = Assert.Single(layout.Diagnostics);
        Assert.Equal("ST004", skipped.Code);
        Assert.Equal(2, skipped.Span!.Value.Line);
    }

    [Theory]
    [InlineData("（一）甲。\n（三）丙。", "ST001", 2)]
    [InlineData("（一）甲。\n（二）乙。\n（二）丙。", "ST002", 3)]
    [InlineData("（一）甲。\n（三）丙。\n（二）乙。", "ST003", 3)]
    public void Broken_numbering_is_a_warning_with_its_line(string text, string code, int line)
    {
        var layout = Segment(text);
        Assert.Contains(layout.Diagnostics, d => d.Code == code && d.Span!.Value.Line == line);
        Assert.Equal(text.Split('\n').Length, layout.AllClauses.Count());
        Assert.Equal(layout.AllClauses.Count(), layout.AllClauses.Select(c => c.Path).Distinct().Count());
    }

    [Fact]
    public void A_sentence_broken_across_lines_is_joined()
    {
        var layout = Segment("""
            （一）支持标准制定。对主导国家标准制定、修订的，按项目给予
            分别最高30万元、15万元资助。
            （二）其他。
            """);
        var first = layout.Clauses[0];
        Assert.Equal("支持标准制定。对主导国家标准制定、修订的，按项目给予分别最高30万元、15万元资助。", first.Text);
        Assert.Equal("支持标准制定", first.Title);
    }

    [Fact]
    public void A_heading_is_not_joined_to_the_paragraph_under_it()
    {
        var layout = Segment("一、主要目标\n2022年，全区发明专利授权量达3700件。\n二、重点任务");
        Assert.Equal("主要目标\n2022年，全区发明专利授权量达3700件。", layout.Clauses[0].Text);
    }

    [Fact]
    public void A_figure_at_a_line_start_is_not_an_item_label()
    {
        var layout = Segment("（一）资助标准。\n1.5万元以下的项目不予资助。");
        var clause = Assert.Single(layout.AllClauses);
        Assert.Equal("资助标准。\n1.5万元以下的项目不予资助。", clause.Text);
    }

    [Fact]
    public void Closing_paragraphs_after_the_last_clause_stand_alone_unless_in_a_closing_chapter()
    {
        var plain = Segment("一、支持\n（一）甲。\n本办法由市局负责解释。\n本办法自2024年1月1日起施行。");
        Assert.Equal("1 一、; 1.1 （一）; closing.1 ; closing.2 ", Tree(plain));
        var appendix = Segment("一、支持\n（一）甲。\n二、附则\n本办法由市局负责解释。\n本办法自2024年1月1日起施行。");
        Assert.Equal("1 一、; 1.1 （一）; 2 二、", Tree(appendix));
        Assert.Equal("附则\n本办法由市局负责解释。\n本办法自2024年1月1日起施行。", appendix.Clauses[1].Text);
    }

    [Fact]
    public void Signature_lines_after_the_last_clause_are_not_clause_text()
    {
        var layout = Segment("一、附则\n本计划自发布之日起实施。\n\n某某区人民政府办公室 2022年6月17日印发\n抄送：市政府办公厅。");
        Assert.Equal("附则\n本计划自发布之日起实施。", layout.Clauses[0].Text);
        Assert.Equal(2, layout.Trailer.Length);
    }

    [Fact]
    public void The_policy_naming_itself_after_an_item_that_ends_in_a_bracketed_note_is_a_closing_clause()
    {
        // The item's last line ends in （牵头单位：…）, which does not end a sentence: it looked cut by wrapping.
        var layout = Segment("一、落实财税政策\n1.高效便捷开展不动产登记，全面推行交地即交证。（牵头单位：市自然资源和规划局）\n本措施有效期至2022年12月31日。");
        Assert.Equal("1 一、; 1.1 1.; closing.1 ", Tree(layout));
    }

    [Fact]
    public void The_printing_line_and_the_disclosure_note_are_not_clause_text()
    {
        var layout = Segment("第一条 为支持创新，制定本办法。\n第二条 本办法自印发之日起施行。\n公开方式：主动公开\n某市人民政府办公厅秘书处 2021年12月6日印发");
        Assert.Equal("本办法自印发之日起施行。", layout.Clauses[1].Text);
        Assert.Equal(2, layout.Trailer.Length);
    }

    [Theory]
    [InlineData("一﹒支持创新\n1﹒对获得专利金奖的企业，给予30万元奖励。\n2﹒对获得银奖的企业，给予20万元奖励。", "1 一﹒; 1.1 1﹒; 1.2 2﹒")]
    [InlineData("一．支持创新\n1．对获得专利金奖的企业，给予30万元奖励。", "1 一．; 1.1 1．")]
    public void Items_numbered_with_the_small_full_stop_are_clauses(string text, string tree) =>
        Assert.Equal(tree, Tree(Segment(text)));

    [Fact]
    public void Items_run_together_on_one_line_after_a_colon_are_clauses_of_that_line()
    {
        var layout = Segment("一、支持投资基金集聚\n（一）对备案的投资基金企业可享受：（1）办公用房补助：按每平方米30元给予租房补助；（2）投资专项奖励：按投资额的1%给予奖励。");
        Assert.Equal("1 一、; 1.1 （一）; 1.1.1 （1）; 1.1.2 （2）", Tree(layout));
        Assert.Equal("对备案的投资基金企业可享受：", layout.AllClauses.ElementAt(1).Text);
        var items = layout.AllClauses.Skip(2).ToList();
        Assert.Equal(["办公用房补助", "投资专项奖励"], items.Select(c => c.Title));
        Assert.Equal([2, 2], items.Select(c => c.Span.Line));
    }

    [Fact]
    public void Articles_run_into_one_line_are_articles_with_their_items()
    {
        var layout = Segment("某某办法\n第一条 为鼓励就业，制定本办法。 第二条 补贴对象须同时具备下列条件： (一)持有残疾人证； (二)在法定劳动年龄内。 第三条 本办法自发布之日起施行。");
        Assert.Equal("1 第一条; 2 第二条; 2.1 (一); 2.2 (二); 3 第三条", Tree(layout));
        Assert.Equal("为鼓励就业，制定本办法。", layout.Clauses[0].Text);
    }

    [Theory]
    // A lone item after a colon may be a quoted label; a figure after a sentence end is a figure; a reference to an
    // article is no article.
    [InlineData("一、支持\n（一）按以下标准执行：（一）类项目给予10万元。", "1 一、; 1.1 （一）")]
    [InlineData("一、支持\n（一）给予奖励。1.5万元以下的不予奖励。", "1 一、; 1.1 （一）")]
    [InlineData("第一条 按本办法执行。第二条规定的除外。\n第二条 本办法自发布之日起施行。", "1 第一条; 2 第二条")]
    [InlineData("第一条 按本办法执行。 第二条第一款所列的除外。\n第二条 本办法自发布之日起施行。", "1 第一条; 2 第二条")]
    public void Numbering_written_mid_line_counts_only_as_a_run_that_continues(string text, string tree) =>
        Assert.Equal(tree, Tree(Segment(text)));

    [Fact]
    public void A_document_without_numbered_clauses_has_none()
    {
        var layout = Segment("这是一封普通的信。\n祝好。");
        Assert.Empty(layout.Clauses);
        Assert.Equal(2, layout.Head.Length);
    }
}
