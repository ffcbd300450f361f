using PolicyExtract.Normalize;

namespace PolicyExtract.Tests.Normalize;

public sealed class NormalizerTests
{
    [Theory]
    [InlineData("（一）给予２０万元", "（一）给予20万元")]
    [InlineData("(七)推动知识产权转化", "（七）推动知识产权转化")]
    [InlineData("同一服务机构每年资助不超过 5 万元。", "同一服务机构每年资助不超过5万元。")]
    [InlineData("第 1 0 条 本办法", "第10条本办法")]
    [InlineData("深光府规〔2022〕9 号", "深光府规〔2022〕9号")]
    [InlineData("ISO 56005 标准", "ISO 56005标准")]
    [InlineData("按　国家标准", "按国家标准")]
    [InlineData("给予\u00A0最高10万元", "给予最高10万元")]
    [InlineData("[bookmark: _GoBack]（二）加强知识产权转化运用", "（二）加强知识产权转化运用")]
    [InlineData("[bookmark: OLE_LINK1]一、起草背景", "一、起草背景")]
    [InlineData("    三、重点任务", "三、重点任务")]
    [InlineData("南京市玄武区人民政府办公室                   ", "南京市玄武区人民政府办公室")]
    [InlineData("玄武区人民政府办公室       2022年6月17日印发", "玄武区人民政府办公室 2022年6月17日印发")]
    [InlineData("ＡＢＣ企业", "ABC企业")]
    public void Normalizes_a_line(string input, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(input, input).Text);

    [Theory]
    [InlineData("— 9 —")]
    [InlineData("-12-")]
    [InlineData("－ 3 －")]
    [InlineData("第3页")]
    [InlineData("第3页 共9页")]
    public void Page_footers_vanish(string footer)
    {
        var input = $"（一）正文。\n{footer}\n（二）正文。";
        Assert.Equal("（一）正文。\n\n（二）正文。", Normalizer.Normalize(input, input).Text);
    }

    [Theory]
    [InlineData("—九—")] // not digits: could be text
    [InlineData("2023")] // a bare number is not a footer
    public void Lines_that_only_look_like_footers_stay(string line) =>
        Assert.Equal(line, Normalizer.Normalize(line, line).Text);

    [Fact]
    public void Crlf_becomes_lf_and_lines_keep_their_source_numbers()
    {
        var input = "第一行\r\n\r\n第三行\r第四行";
        var text = Normalizer.Normalize(input, input);
        Assert.Equal("第一行\n\n第三行\n第四行", text.Text);
        Assert.Equal([1, 2, 3, 4], text.Lines.Select(l => l.SourceLine));
    }

    [Fact]
    public void Every_character_maps_back_to_the_source_it_came_from()
    {
        var input = "  （一）给予 ２０ 万元，[bookmark: x]以上 (含)。\r\n— 9 —\r\n第 1 0 条";
        var text = Normalizer.Normalize(input, input);
        for (var i = 0; i < text.Text.Length; i++)
        {
            var source = input[text.SourceStarts[i]..text.SourceEnds[i]];
            var c = text.Text[i];
            Assert.True(
                source == c.ToString() || (c == '\n' && source is "\r\n" or "\n" or "\r") || (c == ' ' && source.Trim().Length == 0)
                    || Normalizer.MapChar(source[0]) == c,
                $"char {i} '{c}' came from '{source}'");
        }

        var span = text.SpanOf(text.Text.IndexOf("２", StringComparison.Ordinal) is var none and >= 0 ? none : text.Text.IndexOf("20", StringComparison.Ordinal), text.Text.IndexOf("万", StringComparison.Ordinal));
        Assert.Equal("２０", text.SourceTextOf(span));
        Assert.Equal(1, span.Line);
        var last = text.SpanOf(text.Text.IndexOf("第10条", StringComparison.Ordinal), text.Text.Length);
        Assert.Equal("第 1 0 条", text.SourceTextOf(last));
        Assert.Equal(3, last.Line);
    }
}
