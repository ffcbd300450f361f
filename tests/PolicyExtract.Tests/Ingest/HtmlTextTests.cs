using System.Net;
using System.Text;
using CsCheck;
using PolicyExtract.Ingest;

namespace PolicyExtract.Tests.Ingest;

public class HtmlTextTests
{
    private static readonly string Seed = SeedFiles.Text();

    /// <summary>
    /// Checks the offset map: same length as the text, non-decreasing, inside the markup, and every character points at
    /// what produced it: itself, a character reference decoding to it, whitespace for a collapsed space, or a tag for
    /// an inserted line break or tab.
    /// </summary>
    private static void AssertOffsetsPointAtSource(string html, MappedText mapped, bool strict = true)
    {
        Assert.Equal(mapped.Text.Length, mapped.SourceOffsets.Length);
        for (var i = 0; i < mapped.Text.Length; i++)
        {
            var offset = mapped.SourceOffsets[i];
            Assert.InRange(offset, 0, Math.Max(0, html.Length - 1));
            if (i > 0)
            {
                Assert.True(offset >= mapped.SourceOffsets[i - 1], $"offset decreases at {i}");
            }

            if (!strict)
            {
                continue;
            }

            var c = mapped.Text[i];
            var at = html[offset];
            var where = $"text[{i}] = U+{(int)c:X4} -> html[{offset}] = '{html.Substring(offset, Math.Min(12, html.Length - offset))}'";
            if (c is '\n' or '\t')
            {
                Assert.True(at == '<', "synthetic break should point at a tag: " + where);
            }
            else if (at == '&')
            {
                var semicolon = html.IndexOf(';', offset);
                var reference = html[offset..(semicolon + 1)];
                Assert.True(WebUtility.HtmlDecode(reference).Contains(c), "reference does not decode to the character: " + where);
            }
            else if (c == ' ')
            {
                Assert.True(char.IsWhiteSpace(at), "collapsed space should point at whitespace: " + where);
            }
            else
            {
                Assert.True(at == c, where);
            }
        }
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")
            .Replace("二", "&#20108;").Replace("、", "&#x3001;");

    /// <summary>A government-style page around the seed: chrome, scripts, entities, line breaks and a table.</summary>
    private static string SeedPage()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\r\n<html>\r\n<head>\r\n<meta charset=\"utf-8\">\r\n<title>深圳市光明区关于促进质量标准知识产权发展的若干措施</title>\r\n");
        html.Append("<script>var x=\"第九条\"; if (a < b && c) { document.write('<p>第十条</p>'); }</script>\r\n");
        html.Append("<style>p{margin:0} .x > .y {}</style>\r\n</head>\r\n<body>\r\n");
        html.Append("<div class=\"nav\">首页 &gt; 政策</div>\r\n");
        html.Append("<div class=\"TRS_Editor\">\r\n");
        foreach (var line in Seed.TrimEnd('\n').Split('\n'))
        {
            html.Append(line.Length == 0 ? "<br>\r\n" : "  <p>" + Escape(line) + "</p>\r\n");
        }

        html.Append("<p>A&amp;B　甲&nbsp;乙</p>\r\n");
        html.Append("<p>前半<br>后半</p>\r\n");
        html.Append("<table>\r\n<tr><td>a</td><td>b</td></tr>\r\n</table>\r\n");
        html.Append("</div>\r\n<div id=\"footer\">版权所有 &copy; 光明区</div>\r\n</body>\r\n</html>\r\n");
        return html.ToString();
    }

    [Fact]
    public void SeedPageExtractsExactlyTheVisibleLines()
    {
        var html = SeedPage();
        var mapped = HtmlText.Extract(html);

        var expected = Seed.TrimEnd('\n') + "\nA&B　甲\u00A0乙\n前半\n后半\na\tb";
        Assert.Equal(expected, mapped.Text);
        Assert.DoesNotContain("第九条", mapped.Text);
        Assert.DoesNotContain("首页", mapped.Text);
        Assert.DoesNotContain("版权所有", mapped.Text);
        AssertOffsetsPointAtSource(html, mapped);
    }

    [Fact]
    public void SeedPageEntitiesMapToTheirAmpersand()
    {
        var html = SeedPage();
        var mapped = HtmlText.Extract(html);
        var er = mapped.Text.IndexOf('二');
        Assert.StartsWith("&#20108;", html[mapped.SourceOffsets[er]..]);
        var nbsp = mapped.Text.IndexOf('\u00A0');
        Assert.StartsWith("&nbsp;", html[mapped.SourceOffsets[nbsp]..]);
        var amp = mapped.Text.IndexOf("A&B", StringComparison.Ordinal) + 1;
        Assert.StartsWith("&amp;", html[mapped.SourceOffsets[amp]..]);
        var tab = mapped.Text.IndexOf('\t');
        Assert.StartsWith("<td>b", html[mapped.SourceOffsets[tab]..]);
    }

    [Fact]
    public void SeedPageWithLfOnlyMarkupGivesTheSameText()
    {
        var html = SeedPage().Replace("\r\n", "\n");
        var mapped = HtmlText.Extract(html);
        Assert.Equal(HtmlText.Extract(SeedPage()).Text, mapped.Text);
        AssertOffsetsPointAtSource(html, mapped);
    }

    [Fact]
    public void WhitespaceCollapsesButNoBreakAndIdeographicSpacesStay()
    {
        const string html = "<p>  第一条\r\n   为了\t规范　　管理&nbsp;&nbsp;办法  </p>";
        var mapped = HtmlText.Extract(html);
        Assert.Equal("第一条 为了 规范　　管理\u00A0\u00A0办法", mapped.Text);
        Assert.Equal(html.IndexOf("\r\n", StringComparison.Ordinal), mapped.SourceOffsets[3]);
        AssertOffsetsPointAtSource(html, mapped);
    }

    [Fact]
    public void InlineElementsDoNotBreakLines()
    {
        const string html = "<p>对获得<b>中国专利金奖</b>的单位，<span style=\"color:red\">给予</span> <a href=\"#\">奖励</a>。</p>";
        var mapped = HtmlText.Extract(html);
        Assert.Equal("对获得中国专利金奖的单位，给予 奖励。", mapped.Text);
        AssertOffsetsPointAtSource(html, mapped);
    }

    [Fact]
    public void AtMostOneBlankLine()
    {
        const string html = "<div>一</div><br><br><br><br><div>二</div><p></p><p></p><div><div>三</div></div>";
        var mapped = HtmlText.Extract(html);
        Assert.Equal("一\n\n二\n三", mapped.Text);
        AssertOffsetsPointAtSource(html, mapped);
    }

    [Fact]
    public void TablesAreRowsOfTabSeparatedCells()
    {
        const string html = "<table><tr><th>项目</th><th>金额</th></tr>"
                            + "<tr><td><p>专利</p></td><td><p>10万元</p></td></tr>"
                            + "<tr><td></td><td>备注</td></tr>"
                            + "<tr><td>末行</td><td></td></tr></table><p>之后</p>";
        var mapped = HtmlText.Extract(html);
        Assert.Equal("项目\t金额\n专利\t10万元\n\t备注\n末行\n之后", mapped.Text);
        AssertOffsetsPointAtSource(html, mapped);
    }

    [Fact]
    public void LayoutTableCellKeepsItsParagraphsOnSeparateLines()
    {
        const string html = "<table><tr><td><p>第一条 总则</p><p>第二条 范围</p></td></tr></table>";
        Assert.Equal("第一条 总则\n第二条 范围", HtmlText.Extract(html).Text);
    }

    [Fact]
    public void PreformattedTextKeepsItsWhitespace()
    {
        const string html = "<pre>\r\n  第一条  规定\r\n\t第二条</pre><p>后</p>";
        var mapped = HtmlText.Extract(html);
        Assert.Equal("  第一条  规定\n\t第二条\n后", mapped.Text);
        Assert.Equal(html.IndexOf("  第一条", StringComparison.Ordinal), mapped.SourceOffsets[0]);
        Assert.Equal(html.IndexOf("\r\n\t", StringComparison.Ordinal), mapped.SourceOffsets[mapped.Text.IndexOf('\n')]);
    }

    [Theory]
    [InlineData("<nav>导航</nav>")]
    [InlineData("<header>网站头部</header>")]
    [InlineData("<footer>网站底部</footer>")]
    [InlineData("<aside>相关链接</aside>")]
    [InlineData("<div class=\"breadcrumb\">当前位置</div>")]
    [InlineData("<div class=\"top-nav clearfix\">导航</div>")]
    [InlineData("<div id=\"main_menu\">菜单</div>")]
    [InlineData("<ul class=\"share-box\"><li>分享</li></ul>")]
    [InlineData("<div class=\"SideBar\">侧栏</div>")]
    [InlineData("<div class=\"banner\">横幅</div>")]
    [InlineData("<div hidden>隐藏</div>")]
    [InlineData("<div style=\"DISPLAY: none\">隐藏</div>")]
    [InlineData("<noscript>请启用脚本</noscript>")]
    [InlineData("<template><p>模板</p></template>")]
    [InlineData("<select><option>选项</option></select><button>搜索</button><textarea>输入</textarea>")]
    [InlineData("<script>document.write('<p>脚本</p>')</script><style>p:after{content:'x'}</style>")]
    public void ChromeAndHiddenContentIsDropped(string chrome)
    {
        var html = "<body><p>正文开始</p>" + chrome + "<p>正文结束&amp;</p></body>";
        var mapped = HtmlText.Extract(html);
        Assert.Equal("正文开始\n正文结束&", mapped.Text);
        AssertOffsetsPointAtSource(html, mapped);
    }

    [Theory]
    [InlineData("<div class=\"article-content\">正文</div>")]
    [InlineData("<div id=\"zoom\">正文</div>")]
    [InlineData("<div class=\"content nav\">正文</div>")]
    [InlineData("<div class=\"article-header\">正文</div>")]
    [InlineData("<div class=\"navigator-free canvas snapshot\">正文</div>")]
    [InlineData("<article><header><h1>正文</h1></header></article>")]
    [InlineData("<main><footer>正文</footer></main>")]
    [InlineData("<form id=\"form1\" method=\"post\"><div>正文</div></form>")]
    public void ContentContainersAreKept(string markup)
    {
        var mapped = HtmlText.Extract("<body>" + markup + "</body>");
        Assert.Equal("正文", mapped.Text);
    }

    [Fact]
    public void BodyClassNeverDropsThePage()
    {
        Assert.Equal("正文", HtmlText.Extract("<html><body class=\"header nav\"><p>正文</p></body></html>").Text);
    }

    [Fact]
    public void CharacterReferencesOfAllKindsAreAligned()
    {
        const string html = "<p>&#x4E8C;&#20108;&amp;&lt;&gt;&quot;&nbsp&copy 2024 &notit; &NotNestedLessLess; &unknown; & x &#128512; &#150;</p>";
        var mapped = HtmlText.Extract(html);
        Assert.Equal("二二&<>\"\u00A0© 2024 ¬it; \u2AA1\u0338 &unknown; & x \U0001F600 \u2013", mapped.Text);
        Assert.Equal(mapped.Text.Length, mapped.SourceOffsets.Length);
        // Every character of a reference points at its '&'.
        Assert.Equal(html.IndexOf("&#128512;", StringComparison.Ordinal), mapped.SourceOffsets[mapped.Text.IndexOf('\uD83D')]);
        Assert.Equal(html.IndexOf("&#128512;", StringComparison.Ordinal), mapped.SourceOffsets[mapped.Text.IndexOf('\uDE00')]);
        Assert.Equal(html.IndexOf("&NotNested", StringComparison.Ordinal), mapped.SourceOffsets[mapped.Text.IndexOf('\u0338')]);
        Assert.Equal(html.IndexOf("&notit;", StringComparison.Ordinal), mapped.SourceOffsets[mapped.Text.IndexOf('¬')]);
        Assert.Equal(html.IndexOf("it;", StringComparison.Ordinal), mapped.SourceOffsets[mapped.Text.IndexOf('¬') + 1]);
        Assert.Equal(html.IndexOf("&unknown;", StringComparison.Ordinal), mapped.SourceOffsets[mapped.Text.IndexOf("&unknown;", StringComparison.Ordinal)]);
    }

    [Fact]
    public void CommentsAndIgnoredTagsInsideTextAreSkipped()
    {
        const string html = "<div>第一<!-- 注释 -->条</div></span><p>第二</i>条</p><p>第三<![CDATA[x]]>条</p>";
        var mapped = HtmlText.Extract(html);
        Assert.Equal("第一条\n第二条\n第三条", mapped.Text.Replace("x", ""));
        Assert.Equal(html.IndexOf("条</div>", StringComparison.Ordinal), mapped.SourceOffsets[2]);
        Assert.Equal(html.IndexOf("条</p>", StringComparison.Ordinal), mapped.SourceOffsets[mapped.Text.IndexOf("第二条", StringComparison.Ordinal) + 2]);
    }

    [Fact]
    public void DeeplyNestedMarkupDoesNotOverflowTheStack()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 10_000; i++)
        {
            html.Append(i % 2 == 0 ? "<div>" : "<span>");
        }

        html.Append("第一条 深层");
        for (var i = 0; i < 10_000; i++)
        {
            html.Append(i % 2 == 0 ? "</span>" : "</div>");
        }

        html.Append("<p>第二条</p></body></html>");
        var source = html.ToString();
        var mapped = HtmlText.Extract(source);
        Assert.Equal("第一条 深层\n第二条", mapped.Text);
        AssertOffsetsPointAtSource(source, mapped);
    }

    [Fact]
    public void DeeplyNestedUnclosedTablesAndListsDoNotThrow()
    {
        var html = string.Concat(Enumerable.Repeat("<table><tr><td><ul><li><b><i>条", 3_000));
        var mapped = HtmlText.Extract(html);
        Assert.Equal(3_000, mapped.Text.Count(c => c == '条'));
        AssertOffsetsPointAtSource(html, mapped, strict: false);
    }

    [Theory]
    [InlineData("<div><p>第一条<p>第二条</div></div></div><span>第三条")]
    [InlineData("</div></div><p>第一条</p></p></b><div>第二条")]
    [InlineData("<table>游离文字<tr><td>单元格</td></tr>尾巴</table>之后")]
    [InlineData("<b><p>粗体</b>段落</p>")]
    [InlineData("<p>未闭合<a href=\"x>链接</a>文字")]
    [InlineData("<div title='a\"b' class=x>属性</div><!-- 未闭合注释 <p>不可见")]
    [InlineData("<html><html lang=zh><body><body>正文</body></html>尾部")]
    [InlineData("<p>NUL\0字符</p><script>未闭合脚本")]
    [InlineData("<<<>>>&&&;;;<//><!><?x?><p")]
    [InlineData("<select><p>在选择框</p></select><frameset><p>框架</p>")]
    public void MalformedMarkupNeverThrows(string html)
    {
        var mapped = HtmlText.Extract(html);
        AssertOffsetsPointAtSource(html, mapped, strict: false);
    }

    [Fact]
    public void FosterParentedTextKeepsMonotoneOffsets()
    {
        const string html = "<div>前文<table>游离<tr><td>格</td></tr></table>后文</div>";
        var mapped = HtmlText.Extract(html);
        Assert.Contains("游离", mapped.Text);
        Assert.Contains("格", mapped.Text);
        AssertOffsetsPointAtSource(html, mapped, strict: false);
        // The cell's text is still found where it is.
        Assert.Equal(html.IndexOf("格", StringComparison.Ordinal), mapped.SourceOffsets[mapped.Text.IndexOf('格')]);
    }

    [Fact]
    public void EmptyAndTextOnlyInputs()
    {
        Assert.Equal("", HtmlText.Extract("").Text);
        Assert.Empty(HtmlText.Extract("").SourceOffsets);
        var mapped = HtmlText.Extract("第一条  规定");
        Assert.Equal("第一条 规定", mapped.Text);
        Assert.Equal([0, 1, 2, 3, 5, 6], mapped.SourceOffsets.ToArray());
    }

    [Fact]
    public void RandomMarkupKeepsTheInvariants()
    {
        var pieces = Gen.OneOf<string>(
            "<p>", "</p>", "<div class=nav>", "<div>", "</div>", "<br>", "<table>", "<tr>", "<td>", "</td>", "</tr>",
            "</table>", "<pre>", "</pre>", "<script>", "</script>", "<!--", "-->", "&amp;", "&nbsp", "&#20108;", "&#x",
            "&", ";", "<", ">", "\"", "'", "=", " ", "\r\n", "\n", "\r", "\t", "第", "一", "条", "a", "\0", "<b>", "</b>",
            "<li>", "<template>", "</template>", "<textarea>", "<title>", "<svg>", "<![CDATA[", "]]>", "</", "<p hidden>");
        pieces.Array[0, 60].Select(string.Concat).Sample(html =>
        {
            var mapped = HtmlText.Extract(html);
            if (mapped.Text.Length != mapped.SourceOffsets.Length)
            {
                return false;
            }

            for (var i = 0; i < mapped.SourceOffsets.Length; i++)
            {
                var offset = mapped.SourceOffsets[i];
                if (offset < 0 || offset >= html.Length || (i > 0 && offset < mapped.SourceOffsets[i - 1]))
                {
                    return false;
                }
            }

            return true;
        }, iter: 3_000);
    }

    [Fact]
    public void LargePageIsExtractedInLinearTime()
    {
        // 40,000 paragraphs with comments and fostered text: a quadratic aligner would take minutes here.
        var html = new StringBuilder("<body>");
        for (var i = 0; i < 40_000; i++)
        {
            html.Append("<p>第").Append(i).Append("条<!--c-->内容&nbsp;</p>");
            if (i % 1000 == 0)
            {
                html.Append("<table>游离<!--c-->文字<!--c-->再来<tr><td>格</td></tr></table>");
            }
        }

        var source = html.ToString();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var mapped = HtmlText.Extract(source);
        watch.Stop();
        Assert.Contains("第39999条内容\u00A0", mapped.Text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        AssertOffsetsPointAtSource(source, mapped, strict: false);
    }

    [Fact]
    public void DecodeHtmlHonoursMetaCharset()
    {
        var html = "<html><head><meta charset=gb2312><title>通知</title></head><body><p>" + Seed[..300] + "</p></body></html>";
        var result = HtmlText.DecodeHtml(SeedFiles.Gbk.GetBytes(html), "page.html");
        Assert.Equal(html, result.Text);
        Assert.Equal("gb18030", result.EncodingName);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void DecodeHtmlHonoursHttpEquivCharsetEvenForShortPages()
    {
        // Too short for the detector: only the declaration can tell GBK from anything else.
        var html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\"><p>第一条</p>";
        var result = HtmlText.DecodeHtml(SeedFiles.Gbk.GetBytes(html), "page.html");
        Assert.Equal(html, result.Text);
        Assert.Equal("gb18030", result.EncodingName);
    }

    [Fact]
    public void DecodeHtmlHonoursBig5Declaration()
    {
        var html = "<meta charset='big5'><p>第一條　為了規範</p>";
        var result = HtmlText.DecodeHtml(SeedFiles.Big5.GetBytes(html), "page.html");
        Assert.Equal(html, result.Text);
        Assert.Equal("big5", result.EncodingName);
    }

    [Fact]
    public void DecodeHtmlPrefersTheBomOverTheDeclaration()
    {
        var html = "<meta charset=gb2312><p>" + Seed[..100] + "</p>";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(html)).ToArray();
        var result = HtmlText.DecodeHtml(bytes, "page.html");
        Assert.Equal(html, result.Text);
        Assert.Equal("utf-8-bom", result.EncodingName);
    }

    [Fact]
    public void DecodeHtmlKeepsUtf8UnderAStaleLegacyDeclaration()
    {
        var html = "<meta charset=\"gb2312\"><p>" + Seed[..100] + "</p>";
        var result = HtmlText.DecodeHtml(Encoding.UTF8.GetBytes(html), "page.html");
        Assert.Equal(html, result.Text);
        Assert.Equal("utf-8", result.EncodingName);
    }

    [Fact]
    public void DecodeHtmlWithoutDeclarationDetects()
    {
        var html = "<html><body><p>" + Seed[..400] + "</p></body></html>";
        var result = HtmlText.DecodeHtml(SeedFiles.Gbk.GetBytes(html), "page.html");
        Assert.Equal(html, result.Text);
        Assert.Equal("gb18030", result.EncodingName);
    }

    [Fact]
    public void DecodeHtmlReportsEmptyAndBinaryFiles()
    {
        Assert.Equal("IN001", Assert.Single(HtmlText.DecodeHtml([], "page.html").Diagnostics).Code);
        Assert.Equal("IN002", Assert.Single(HtmlText.DecodeHtml("%PDF-1.4"u8, "page.html").Diagnostics).Code);
    }
}
