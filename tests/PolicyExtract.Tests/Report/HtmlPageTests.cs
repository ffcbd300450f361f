using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PolicyExtract.Diagnostics;
using PolicyExtract.Report;

namespace PolicyExtract.Tests.Report;

/// <summary>The page renderer on small pages built by hand: escaping, nesting, crossing, line numbers, notes.</summary>
public sealed class HtmlPageTests
{
    private static ReviewPage Page(string text, ImmutableArray<Highlight> highlights, ImmutableArray<PageNote> notes = default, ImmutableArray<int> lines = default) =>
        new("T", [new PageFact("source", "x.txt")], text, lines.IsDefault ? [] : lines, highlights,
            new RuleTable(["id", "amount"], [new RuleRow("d#1#1", ["d#1#1", "fixed 100"], 1), new RuleRow("d#1#2", ["d#1#2", "fixed 200"], 2)]),
            notes.IsDefault ? [] : notes);

    private static void AssertContainsAll(string html, params string[] parts) =>
        Assert.All(parts, part => Assert.Contains(part, html, StringComparison.Ordinal));

    private static string TextOf(string html) => Regex.Match(html, "<pre id=\"text\" lang=\"zh-CN\">(.*)</pre>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public void Markup_in_the_text_title_cells_and_messages_is_escaped_and_only_the_page_script_is_a_script()
    {
        var text = "一、<script>alert('x')</script>&amp;\n";
        var page = Page(text, [new Highlight(0, 2, "d#1#1\"><script>", HighlightKind.Trigger)], [new PageNote("ST001", Severity.Warning, "<b>bad</b>", 0, 1)])
            with { Title = "<script>t</script>" };

        var html = HtmlPage.Render(page);

        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        AssertContainsAll(
            html,
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;",
            "<title>&lt;script&gt;t&lt;/script&gt;</title>",
            "data-rule=\"d#1#1&quot;&gt;&lt;script&gt;\"",
            "&lt;b&gt;bad&lt;/b&gt;");
    }

    [Fact]
    public void The_text_content_is_the_text_as_given_line_numbers_and_badges_adding_none()
    {
        var text = "第一条 给予30万元。\r\n第二条 其他。\n";
        var html = HtmlPage.Render(Page(text, [new Highlight(6, 11, "d#1#1", HighlightKind.Amount)], [new PageNote("ST001", Severity.Warning, "m", 13, 2)]));

        var content = System.Net.WebUtility.HtmlDecode(Regex.Replace(TextOf(html), "<[^>]*>", ""));

        Assert.Equal(text, content);
        AssertContainsAll(
            html,
            "<span class=\"ln\" id=\"L1\" data-n=\"1\"></span>第一条",
            "<span class=\"ln\" id=\"L2\" data-n=\"2\"></span><span class=\"note warning\" id=\"n1\" data-code=\"ST001\" title=\"m\"></span>第二条",
            "<mark id=\"m1\" class=\"hl amount\" data-rule=\"d#1#1\">30万元。</mark>");
    }

    [Fact]
    public void Nested_highlights_nest_and_the_same_span_for_two_rules_gives_two_marks()
    {
        var text = "对达到40%以上成熟度的单位给予奖励";
        var html = HtmlPage.Render(Page(text, [
            new Highlight(3, 8, "d#1#1", HighlightKind.Threshold),
            new Highlight(1, 11, "d#1#1", HighlightKind.Trigger),
            new Highlight(3, 8, "d#1#2", HighlightKind.Threshold, "added"),
        ]));

        Assert.Equal(
            "对<mark id=\"m1\" class=\"hl trigger\" data-rule=\"d#1#1\">达到<mark id=\"m2\" class=\"hl threshold\" data-rule=\"d#1#1\"><mark id=\"m3\" class=\"hl threshold added\" data-rule=\"d#1#2\">40%以上</mark></mark>成熟度</mark>的单位给予奖励",
            Regex.Replace(TextOf(html), "<span class=\"ln\"[^>]*></span>", ""));
    }

    [Fact]
    public void Crossing_highlights_keep_one_mark_with_an_id_each_and_continue_the_inner_one()
    {
        var html = HtmlPage.Render(Page("abcdef", [new Highlight(0, 4, "d#1#1", HighlightKind.Trigger), new Highlight(2, 6, "d#1#2", HighlightKind.Amount)]));

        Assert.Equal(
            "<mark id=\"m1\" class=\"hl trigger\" data-rule=\"d#1#1\">ab<mark id=\"m2\" class=\"hl amount\" data-rule=\"d#1#2\">cd</mark></mark><mark class=\"hl amount cont\" data-of=\"m2\" data-rule=\"d#1#2\">ef</mark>",
            Regex.Replace(TextOf(html), "<span class=\"ln\"[^>]*></span>", ""));
    }

    [Fact]
    public void Shown_line_numbers_may_repeat_and_only_the_first_line_with_a_number_takes_its_id()
    {
        var html = HtmlPage.Render(Page("a\nb\nc", [], lines: [3, 3, 7]));

        Assert.Equal(
            "<span class=\"ln\" id=\"L3\" data-n=\"3\"></span>a\n<span class=\"ln\" data-n=\"3\"></span>b\n<span class=\"ln\" id=\"L7\" data-n=\"7\"></span>c",
            TextOf(html));
    }

    [Fact]
    public void A_highlight_outside_the_text_is_a_bug_of_the_caller()
    {
        Assert.Throws<ArgumentException>(() => HtmlPage.Render(Page("abc", [new Highlight(2, 4, "d#1#1", HighlightKind.Amount)])));
    }

    [Fact]
    public void Rows_carry_the_rule_id_line_and_class_and_notes_are_listed_with_a_link_to_where_they_are()
    {
        var page = Page("abc", [], [new PageNote("RP001", Severity.Warning, "not marked", 1, 1, "d#1#2"), new PageNote("MD001", Severity.Warning, "no title", null, null)]);
        page = page with { Table = page.Table with { Rows = [page.Table.Rows[0], page.Table.Rows[1] with { Class = "removed" }] } };

        var html = HtmlPage.Render(page);

        AssertContainsAll(
            html,
            "<tr id=\"r1\" data-rule=\"d#1#1\" data-line=\"1\"><td title=\"d#1#1\">d#1#1</td><td>fixed 100</td></tr>",
            "<tr id=\"r2\" class=\"removed\" data-rule=\"d#1#2\" data-line=\"2\">",
            "<li class=\"warning\" data-rule=\"d#1#2\"><a href=\"#n1\">line 1</a> warning <code>RP001</code> not marked</li>",
            "<li class=\"warning\">warning <code>MD001</code> no title</li>",
            "<h2>Diagnostics (2)</h2>");
    }

    [Fact]
    public void The_page_needs_nothing_from_outside()
    {
        var html = HtmlPage.Render(Page("abc", [new Highlight(0, 1, "d#1#1", HighlightKind.Cap)]));

        Assert.DoesNotMatch(new Regex("(src|href)=\"(?!#)|url\\(|@import|https?:", RegexOptions.IgnoreCase), html);
    }
}
