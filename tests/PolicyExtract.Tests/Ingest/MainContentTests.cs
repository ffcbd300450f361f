using PolicyExtract.Ingest;

namespace PolicyExtract.Tests.Ingest;

/// <summary>
/// The article of a government page among its chrome, as the corpus's pages are built (Specs/Corpus, c01–c06): a
/// search form and share buttons in the content column, a title in an h1 above the article's own div, related links
/// and a footer below it.
/// </summary>
public sealed class MainContentTests
{
    private const string Article = """
        <p>某府办规〔2024〕13号</p>
        <p>某市人民政府办公厅关于印发某市公共租赁住房管理办法的通知</p>
        <p>各区人民政府，市政府各部门：</p>
        <p>《某市公共租赁住房管理办法》已经市人民政府同意，现印发给你们，请认真贯彻执行。</p>
        <p>某市人民政府办公厅</p>
        <p>2024年7月26日</p>
        <p>某市公共租赁住房管理办法</p>
        <p>第一条 为完善本市住房保障体系，加强公共租赁住房保障，制定本办法。</p>
        <p>第二条 对符合条件的家庭，按月发放住房租赁补贴。</p>
        """;

    private static string Page(string article) => $"""
        <html><body>
        <div class="content-container">
          <div class="search"><span>搜索位置</span><i>标题</i><i>全文</i><span>排序方式</span><i>按时间</i><i>按相关度</i><div>高级搜索</div></div>
          <div class="op-row"><span>【打印】</span><span>【字体：大 中 小】</span><span>分享到</span></div>
          <div class="content">
            <h1 class="title">（转载）某市人民政府办公厅关于印发某市公共租赁住房管理办法的通知</h1>
            <div class="date-row">发布日期：2024-09-12 浏览次数：-</div>
            <div class="article-content">{article}</div>
          </div>
        </div>
        <div class="related">相关文件：<a href="/1">某市住房保障办法</a></div>
        <div class="copyright">主办：某市人民政府办公厅 承办：某市政务服务数据管理局 网站标识码 4401000001</div>
        </body></html>
        """;

    [Fact]
    public void The_article_is_kept_with_its_heading_and_the_chrome_around_it_is_left_out()
    {
        var page = HtmlText.Extract(Page(Article));

        Assert.True(page.ChromeLeftOut);
        var lines = page.Text.Split('\n');
        Assert.Equal("（转载）某市人民政府办公厅关于印发某市公共租赁住房管理办法的通知", lines[0]);
        Assert.Equal("第二条 对符合条件的家庭，按月发放住房租赁补贴。", lines[^1]);
        Assert.DoesNotContain("搜索位置", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("主办", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("相关文件", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void What_is_kept_still_points_into_the_markup()
    {
        var html = Page(Article);
        var page = HtmlText.Extract(html);

        var at = page.Text.IndexOf("第一条", StringComparison.Ordinal);
        Assert.Equal(html.IndexOf("第一条", StringComparison.Ordinal), page.SourceOffsets[at]);
        Assert.Equal(page.Text.Length, page.SourceOffsets.Length);
    }

    [Fact]
    public void A_page_of_paragraphs_is_kept_whole_however_long_one_of_them_is()
    {
        var long_ = string.Concat(Enumerable.Repeat("对符合条件的企业给予奖励。", 40));
        var page = HtmlText.Extract($"<html><body><p>某区扶持办法</p><p>第一条 {long_}</p><p>第二条 本办法自发布之日起施行。</p></body></html>");

        Assert.False(page.ChromeLeftOut);
        Assert.StartsWith("某区扶持办法\n", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_cut_when_a_clause_would_be_left_out()
    {
        // The last article sits outside the content div: cutting to the div would lose it.
        var html = Page(Article).Replace("<div class=\"related\">", "<p>第三条 本办法自印发之日起施行，有效期5年。</p><div class=\"related\">", StringComparison.Ordinal);
        var page = HtmlText.Extract(html);

        Assert.False(page.ChromeLeftOut);
        Assert.Contains("第三条 本办法自印发之日起施行", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_beside_the_article_is_never_cut_away()
    {
        var html = Page(Article).Replace("<div class=\"related\">", "<p>某市人民政府办公厅</p><p>2024年7月26日</p><div class=\"related\">", StringComparison.Ordinal);
        Assert.False(HtmlText.Extract(html).ChromeLeftOut);
    }

    [Fact]
    public void Lines_of_links_after_the_text_are_left_out_even_where_no_container_holds_the_article()
    {
        var page = HtmlText.Extract("<p>某市实施方案</p><p>1.落实留抵退税政策。</p><p>本措施有效期至2022年12月31日。</p><p>政策解读:<a href=\"/x\">政策图解|某市发布《关于贯彻落实稳定经济运行一揽子政策的措施》71条</a></p>");

        Assert.True(page.ChromeLeftOut);
        Assert.EndsWith("本措施有效期至2022年12月31日。", page.Text, StringComparison.Ordinal);
    }
}
