using PolicyExtract.Diff;
using PolicyExtract.Report;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Report;

/// <summary>The review page of a diff: the new version's page with what changed marked, and what was removed listed.</summary>
public sealed class DiffPageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policyextract-diffpage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Changed_added_and_removed_rules_are_marked_in_text_and_table()
    {
        var seed = File.ReadAllText(Repo.Seed("000"));
        var revised = seed
            .Replace("对获得中国版权金奖的单位，按项目给予最高100万元奖励", "对获得中国版权金奖的单位，按项目给予最高150万元奖励", StringComparison.Ordinal)
            .Replace("对获得深圳市专利奖的单位，按项目给予最高20万元奖励。", "", StringComparison.Ordinal)
            .Replace("对获得中国专利金奖、银奖、优秀奖的单位，按项目分别给予最高200万元、100万元、20万元奖励", "对获得中国专利金奖、银奖、优秀奖、提名奖的单位，按项目分别给予最高200万元、100万元、20万元、10万元奖励", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_dir, "old.txt"), seed);
        File.WriteAllText(Path.Combine(_dir, "new.txt"), revised);
        var old = Repo.Pipeline.ProcessFile(Path.Combine(_dir, "old.txt"), "old.txt");
        var @new = Repo.Pipeline.ProcessFile(Path.Combine(_dir, "new.txt"), "new.txt");
        var diff = PolicyDiffer.Compare(old.Document!, @new.Document!);

        var page = DiffPage.Build(@new, diff, Repo.Grammar, "old.txt", "new.txt");

        var changed = Assert.Single(diff.Changed).New.Id;
        var added = Assert.Single(diff.Added).Id;
        Assert.Equal(["added", "changed"], page.Table.Rows.Where(r => r.RuleId == added || r.RuleId == changed).Select(r => r.Class!).Order(StringComparer.Ordinal));
        Assert.Contains("amount: max 1000000 incl document → max 1500000 incl document", page.Table.Rows.Single(r => r.RuleId == changed).Cells[^1], StringComparison.Ordinal);
        var removed = Assert.Single(page.Table.Rows, r => r.Class == "removed");
        Assert.Equal("removed:" + Assert.Single(diff.Removed).Id, removed.RuleId);
        Assert.All(page.Highlights.Where(h => h.RuleId == changed && h.Class is null or "changed"), h => Assert.Equal("changed", h.Class));
        Assert.Contains(page.Highlights, h => h.RuleId == added && h.Class == "added");
        Assert.DoesNotContain(page.Highlights, h => h.RuleId != added && h.RuleId != changed && h.Class is "added" or "changed");
        Assert.Contains("diff", page.Facts.Select(f => f.Label));
        Assert.Contains("class=\"hl amount changed\"", HtmlPage.Render(page), StringComparison.Ordinal);
    }
}
