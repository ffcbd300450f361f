using System.Text.RegularExpressions;
using PolicyExtract.Diagnostics;
using PolicyExtract.Report;
using PolicyExtract.Rules;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Report;

/// <summary>Review pages of real documents: what is marked, where, and how inputs that fail are reported.</summary>
public sealed class HtmlReportTests
{
    /// <summary>
    /// The figures of a rule as the README defines them, counted here without the code that finds them: the amount's
    /// figure (none when unspecified), its max and min (a range's are its figure), a step's two, each limit, each condition.
    /// </summary>
    public static int ExpectedFigures(Rule rule)
    {
        var a = rule.Amount;
        var bounds = a.Kind == AmountKind.Range ? 0 : (a.Max is null ? 0 : 1) + (a.Min is null ? 0 : 1);
        return (a.Kind == AmountKind.Unspecified ? 0 : 1) + bounds + (a.Step is null ? 0 : 2) + rule.Limits.Length + rule.Conditions.Length;
    }

    /// <summary>The figure marks of a page or of a DOM dumped from it: one element with an id per highlight, continuations not counted.</summary>
    public static int FigureMarks(string html) =>
        Regex.Matches(html, "<mark id=\"m\\d+\" class=\"hl (amount|cap|limit|threshold)[ \"]").Count;

    public static IEnumerable<object[]> Seeds => Repo.SeedNumbers.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_figure_of_every_rule_has_one_mark_and_none_is_left_unplaced(string seed)
    {
        var result = Repo.ExtractSeed(seed);
        var page = HtmlReport.Build(result, Repo.Grammar);

        var expected = result.Document!.Rules.Sum(ExpectedFigures);
        Assert.Equal(expected, FigureMarks(page.Html));
        Assert.Equal(expected, page.Located.Figures);
        Assert.DoesNotContain(page.Located.Diagnostics, d => d.Code == DiagnosticCatalog.FigureNotLocated.Code);
        Assert.Equal(page.Located.Triggers, page.Located.TriggersMarked);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_mark_lies_in_its_rules_clause_and_a_figure_mark_states_a_number(string seed)
    {
        var result = Repo.ExtractSeed(seed);
        var document = result.Document!;
        var clauses = document.Clauses.SelectMany(c => c.DescendantsAndSelf()).ToDictionary(c => c.Path);
        var rules = document.Rules.ToDictionary(r => r.Id);

        foreach (var h in HtmlReport.Build(result, Repo.Grammar).Page.Highlights)
        {
            var span = clauses[rules[h.RuleId].Clause].Span;
            Assert.True(h.Start >= span.Start && h.End <= span.End, $"{h.Kind} of {h.RuleId} at [{h.Start}, {h.End}) is outside its clause [{span.Start}, {span.End})");
            var marked = result.Text!.Source[h.Start..h.End];
            Assert.True(h.Kind == HighlightKind.Trigger || marked.Any(c => char.IsAsciiDigit(c) || "一二三四五六七八九十百千万两半对等".Contains(c)), $"{h.Kind} of {h.RuleId} marks “{marked}”");
        }
    }

    [Fact]
    public void A_figure_is_found_by_value_where_the_rule_reads_it_and_a_cap_of_another_sentence_nearest_to_the_grant()
    {
        var result = Repo.ExtractSeed("000");
        var highlights = HtmlReport.Build(result, Repo.Grammar).Page.Highlights;
        string Marked(string rule, HighlightKind kind) =>
            string.Join(" | ", highlights.Where(h => h.RuleId == "000_971b0a2b12078196#" + rule && h.Kind == kind).Select(h => result.Text!.Source[h.Start..h.End]));

        Assert.Equal("最高30万元", Marked("1.2#1", HighlightKind.Amount));
        Assert.Equal("40%以上", Marked("1.2#1", HighlightKind.Threshold));
        Assert.Equal("最多资助10家", Marked("1.2#1", HighlightKind.Limit));
        Assert.Equal("100%", Marked("1.1#1", HighlightKind.Amount));
        Assert.Equal("最高300万元", Marked("1.1#1", HighlightKind.Cap));
    }

    [Fact]
    public void A_trigger_expanded_from_an_elliptical_list_is_marked_by_its_longest_written_part()
    {
        var result = Repo.ExtractSeed("000");
        var triggers = HtmlReport.Build(result, Repo.Grammar).Page.Highlights
            .Where(h => h.RuleId == "000_971b0a2b12078196#1.1#1" && h.Kind == HighlightKind.Trigger)
            .ToList();

        var nominated = Assert.Single(triggers, h => h.Title == "获得中国质量奖提名奖");
        Assert.Equal("partial", nominated.Class);
        Assert.Equal("中国质量奖提名奖", result.Text!.Source[nominated.Start..nominated.End]);
        var whole = Assert.Single(triggers, h => result.Text!.Source[h.Start..h.End] == "获得中国质量奖");
        Assert.Null(whole.Class);
    }

    [Fact]
    public void A_policy_with_markup_in_its_text_shows_it_as_text()
    {
        using var temp = new TempFolder("policyextract-report-");
        var policy = temp.Write("policy.txt", "某区若干措施\n一、支持创新\n（一）对获得<script>document.title='pwned'</script>专利金奖的单位，给予30万元奖励。\n");
        var html = HtmlReport.Build(Repo.Pipeline.ProcessFile(policy, "policy.txt"), Repo.Grammar).Html;

        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(1, FigureMarks(html));
    }

    [Fact]
    public void An_html_page_is_shown_as_its_text_numbered_as_displayed_which_spans_name_as_their_text_line()
    {
        // The whole body on one markup line, as many government pages are: markup line numbers would all be 1.
        using var temp = new TempFolder("policyextract-report-");
        var policy = temp.Write("page.html", "<html><body><p>某区若干措施</p><p>一、支持创新</p><p>（一）对获得专利金奖的单位，给予30万元奖励。&lt;b&gt;</p></body></html>\n");
        var result = Repo.Pipeline.ProcessFile(policy, "page.html");
        var page = HtmlReport.Build(result, Repo.Grammar).Page;
        var html = HtmlPage.Render(page);

        Assert.DoesNotContain("&lt;p&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ln\" id=\"L3\" data-n=\"3\"></span>（一）对<mark", html, StringComparison.Ordinal);
        Assert.Contains(">30万元</mark>奖励。&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.All(page.Highlights, h => Assert.DoesNotContain('<', page.Text[h.Start..h.End]));
        var clause = result.Document!.Clauses.Single().Children.Single();
        Assert.Equal((1, 3), (clause.Span.Line, clause.Span.TextLine));
        Assert.Equal(3, result.Document.Rules.Single().Evidence.TextLine);
    }

    [Fact]
    public void A_bad_input_is_reported_by_name_and_the_other_pages_are_still_written_atomically()
    {
        using var temp = new TempFolder("policyextract-report-");
        var empty = temp.Write("empty.txt", "");
        var output = Path.Combine(temp.FullName, "out");

        var run = HtmlReport.Run(Repo.Pipeline, [empty, Repo.Seed("003")], output);

        Assert.Equal(1, run.Batch.Failed);
        Assert.Contains(run.Batch.Diagnostics, d => d.Code == DiagnosticCatalog.EmptyFile.Code && d.File.EndsWith("empty.txt", StringComparison.Ordinal));
        Assert.Equal(["003_74689b4667354c9e.html"], Directory.GetFiles(output).Select(Path.GetFileName));
        Assert.Equal(run.Pages.Single().Html, File.ReadAllText(Path.Combine(output, "003_74689b4667354c9e.html")));
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes()
    {
        var first = HtmlReport.Build(Repo.ExtractSeed("002"), Repo.Grammar).Html;
        var second = HtmlReport.Build(Repo.ExtractSeed("002"), Repo.Grammar).Html;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Diagnostics_are_listed_and_shown_at_their_line()
    {
        var html = HtmlReport.Build(Repo.ExtractSeed("002"), Repo.Grammar).Html;

        Assert.Contains("<h2>Diagnostics (1)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#n1\">line 55</a> warning <code>MD002</code>", html, StringComparison.Ordinal);
        Assert.Matches("<span class=\"ln\" id=\"L55\" data-n=\"55\"></span>[^\n]*<span class=\"note warning\" id=\"n1\" data-code=\"MD002\"", html);
    }

    [Fact]
    public void A_row_shows_the_short_id_and_says_what_was_not_read()
    {
        var rule = new Rule(
            "doc#2.1#3", "2.1", [""], null, "补助", Frequency.Unspecified,
            new Amount(AmountKind.Ratio, null, null, null, null, 0.5m, null, null, null, null, false, null),
            [], [], ConditionJoin.All, new Evidence("给予50%的补助", 10, 19, 4) { TextLine = 2 });

        var row = HtmlReport.Row(rule);

        Assert.Equal(("2.1#3", HtmlReport.NotRead, 2), (row.Cells[0], row.Cells[2], row.Line));
        Assert.Contains("of (base not read)", row.Cells[6], StringComparison.Ordinal);
        var html = HtmlPage.Render(new ReviewPage("t", [], "x", [], [], new RuleTable(HtmlReport.Columns, [row]), []));
        Assert.Contains("<td title=\"doc#2.1#3\">2.1#3</td>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"none\">(not read)</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_a_title_is_headed_by_its_file()
    {
        using var temp = new TempFolder("policyextract-report-");
        var policy = temp.Write("untitled.txt", "为支持创新，制定本办法。\n一、支持\n（一）对获得专利金奖的单位，给予30万元奖励。\n");

        var page = HtmlReport.Build(Repo.Pipeline.ProcessFile(policy, "untitled.txt"), Repo.Grammar).Page;

        Assert.Equal("untitled (no title found)", page.Title);
    }

    [Fact]
    public void Skipped_tests_say_why_in_their_name()
    {
        // dotnet test prints a skipped test's name, not its reason: the reason is in the name.
        foreach (var attribute in new Xunit.FactAttribute[] { new ChromiumFactAttribute(), new LibreOfficeFactAttribute() })
        {
            Assert.Equal(attribute.Skip is null, attribute.DisplayName is null);
            Assert.True(attribute.Skip is null || attribute.DisplayName!.EndsWith($"(skipped: {attribute.Skip})", StringComparison.Ordinal));
        }

        Assert.Equal("BrowserTests.A_test (skipped: Chromium is not installed)", SkippedName.Of("/src/tests/Report/BrowserTests.cs", "A_test", "Chromium is not installed"));
    }
}
