using System.Text.RegularExpressions;
using PolicyExtract.Report;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Report;

/// <summary>
/// Review pages in headless Chromium: the DOM after the page's own script ran, as Chromium dumps it. Clicks are checked
/// through the page's URL fragment (#rule=ID clicks that row on load, #mark=mN that mark), which runs the same click
/// handlers a person's click does. Skipped where Chromium is not installed.
/// </summary>
public sealed class BrowserTests : IDisposable
{
    private const string RuleId = "000_971b0a2b12078196#1.2#1";

    private readonly TempFolder _temp = new("policyextract-browser-");

    public void Dispose() => _temp.Dispose();

    private string SeedPage(string seed) => _temp.Write(seed + ".html", HtmlReport.Build(Repo.ExtractSeed(seed), Repo.Grammar).Html);

    private static string Attribute(string dom, string element, string name) =>
        Regex.Match(dom, $"<{element}\\b[^>]*\\s{name}=\"([^\"]*)\"").Groups[1].Value;

    [ChromiumFact]
    public void Every_seed_page_renders_with_one_mark_per_figure_of_its_rules()
    {
        foreach (var seed in Repo.SeedNumbers)
        {
            var figures = Repo.ExtractSeed(seed).Document!.Rules.Sum(HtmlReportTests.ExpectedFigures);

            var dom = Chromium.DumpDom(SeedPage(seed));

            Assert.Contains("<pre id=\"text\"", dom, StringComparison.Ordinal);
            Assert.Equal(figures, HtmlReportTests.FigureMarks(dom));
            Assert.Equal("", Attribute(dom, "body", "data-selected"));
        }
    }

    // Measures the rules table after layout: every header cell inside the window, and the side panel not scrolling
    // sideways. The verdict goes into body[data-fit] for the dumped DOM to carry.
    private const string FitProbe = """
        <script>
        (function () {
          var width = document.documentElement.clientWidth, bad = [];
          document.querySelectorAll('#rules th').forEach(function (th) {
            var r = th.getBoundingClientRect();
            if (r.left < 0 || r.right > width + 0.5 || r.width < 24) { bad.push(th.textContent + ' ' + Math.round(r.left) + '-' + Math.round(r.right)); }
          });
          var side = document.querySelector('.side');
          if (side.scrollWidth > side.clientWidth + 1) { bad.push('side panel scrolls ' + side.scrollWidth + '>' + side.clientWidth); }
          document.body.setAttribute('data-fit', bad.length ? bad.join('; ') : 'ok');
        })();
        </script>
        """;

    [ChromiumFact]
    public void At_1400_px_amount_limits_and_conditions_are_in_view_without_scrolling_on_the_review_and_diff_pages()
    {
        var policy = Path.Combine(_temp.FullName, "new.txt");
        File.WriteAllText(policy, File.ReadAllText(Repo.Seed("000")).Replace("最高30万元、15万元", "最高35万元、15万元", StringComparison.Ordinal));
        var newer = Repo.Pipeline.ProcessFile(policy, "new.txt");
        var diff = PolicyExtract.Diff.PolicyDiffer.Compare(Repo.ExtractSeed("000").Document!, newer.Document!);
        var pages = new[]
        {
            ("review", HtmlReport.Build(Repo.ExtractSeed("000"), Repo.Grammar).Html),
            ("diff", HtmlPage.Render(DiffPage.Build(newer, diff, Repo.Grammar, "old.txt", "new.txt"))),
        };

        foreach (var (name, html) in pages)
        {
            var page = _temp.Write(name + ".html", html.Replace("</body>", FitProbe + "</body>", StringComparison.Ordinal));

            var dom = Chromium.DumpDom(page, 1400, 900);
            var png = Path.Combine(_temp.FullName, name + ".png");
            Chromium.Screenshot(page, png);

            Assert.Equal((name, "ok"), (name, Attribute(dom, "body", "data-fit")));
            Assert.True(new FileInfo(png).Length > 10_000, $"{name}: no screenshot");
        }
    }

    [ChromiumFact]
    public void A_script_in_the_policy_text_is_shown_and_never_run()
    {
        var policy = _temp.Write("policy.txt", "某区若干措施\n一、支持创新\n（一）对获得<script>document.title='pwned';document.body.setAttribute('data-pwned','1')</script>专利金奖的单位，给予30万元奖励。<img src=x onerror=\"document.title='img'\">\n");
        var page = _temp.Write("policy.html", HtmlReport.Build(Repo.Pipeline.ProcessFile(policy, "policy.txt"), Repo.Grammar).Html);

        var dom = Chromium.DumpDom(page);

        Assert.Contains("<title>某区若干措施</title>", dom, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;document.title='pwned'", dom, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=\"document.title='img'\"&gt;", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("data-pwned=\"1\"", dom, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(dom, "<script"));
        Assert.DoesNotContain("<img", dom, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void Clicking_a_rule_row_selects_the_rule_and_its_marks_and_scrolls_to_its_first_mark()
    {
        var page = SeedPage("000");
        var html = File.ReadAllText(page);
        var marks = Regex.Matches(html, $"<mark id=\"(m\\d+)\" class=\"[^\"]*\" data-rule=\"{Regex.Escape(RuleId)}\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(marks.Count >= 4, $"{RuleId} has {marks.Count} marks");

        var dom = Chromium.DumpDom(page, "#rule=" + Uri.EscapeDataString(RuleId));

        Assert.Equal(RuleId, Attribute(dom, "body", "data-selected"));
        Assert.Equal(marks[0], Attribute(dom, "body", "data-focus"));
        Assert.Matches($"<tr id=\"r\\d+\" data-rule=\"{Regex.Escape(RuleId)}\" data-line=\"16\" class=\"selected\">", dom);
        Assert.Equal(marks, Regex.Matches(dom, "<mark id=\"(m\\d+)\" class=\"[^\"]* selected\"").Select(m => m.Groups[1].Value).ToList());
        Assert.Single(Regex.Matches(dom, "<tr [^>]*class=\"selected\""));
    }

    [ChromiumFact]
    public void Clicking_a_mark_selects_its_rule_and_scrolls_to_its_row()
    {
        var page = SeedPage("000");
        var html = File.ReadAllText(page);
        var mark = Regex.Match(html, "<mark id=\"(m\\d+)\" class=\"hl limit\" data-rule=\"([^\"]*)\"");
        var rule = mark.Groups[2].Value;
        var row = Regex.Match(html, $"<tr id=\"(r\\d+)\" data-rule=\"{Regex.Escape(rule)}\"").Groups[1].Value;

        var dom = Chromium.DumpDom(page, "#mark=" + mark.Groups[1].Value);

        Assert.Equal(rule, Attribute(dom, "body", "data-selected"));
        Assert.Equal(row, Attribute(dom, "body", "data-focus"));
        Assert.Contains($"<tr id=\"{row}\" data-rule=\"{rule}\"", dom, StringComparison.Ordinal);
        Assert.Matches($"<tr id=\"{row}\"[^>]* class=\"selected\"", dom);
    }

    [ChromiumFact]
    public void A_rule_without_marks_scrolls_to_its_line()
    {
        var html = HtmlPage.Render(new ReviewPage("T", [], "第一行\n第二行\n", [], [],
            new RuleTable(["id"], [new RuleRow("d#1#1", ["d#1#1"], 2)]), []));

        var dom = Chromium.DumpDom(_temp.Write("plain.html", html), "#rule=d%231%231");

        Assert.Equal("d#1#1", Attribute(dom, "body", "data-selected"));
        Assert.Equal("L2", Attribute(dom, "body", "data-focus"));
    }

    [ChromiumFact]
    public void A_seed_page_renders_to_a_screenshot()
    {
        var png = Path.Combine(_temp.FullName, "000.png");

        Chromium.Screenshot(SeedPage("000"), png);

        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 10_000, $"the screenshot has only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [ChromiumFact]
    public void A_diff_page_renders_with_the_changed_rule_marked()
    {
        var seed = File.ReadAllText(Repo.Seed("000"));
        var old = Repo.Pipeline.ProcessFile(_temp.Write("old.txt", seed), "old.txt");
        var @new = Repo.Pipeline.ProcessFile(
            _temp.Write("new.txt", seed.Replace("对获得中国版权金奖的单位，按项目给予最高100万元奖励", "对获得中国版权金奖的单位，按项目给予最高150万元奖励", StringComparison.Ordinal)),
            "new.txt");
        var diff = PolicyExtract.Diff.PolicyDiffer.Compare(old.Document!, @new.Document!);
        var page = _temp.Write("diff.html", HtmlPage.Render(DiffPage.Build(@new, diff, Repo.Grammar, "old.txt", "new.txt")));

        var dom = Chromium.DumpDom(page);

        var changed = Regex.Matches(dom, "<mark\\b[^>]*class=\"[^\"]*\\bchanged\\b[^\"]*\"[^>]*data-rule=\"([^\"]*)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal([Assert.Single(diff.Changed).New.Id], changed);
        Assert.Contains("max 1000000 incl document → max 1500000 incl document", dom, StringComparison.Ordinal);
    }
}
