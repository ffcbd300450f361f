using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Cli;

/// <summary>The report command end to end, as a separate process.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempFolder _temp = new("policyextract-reportcli-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_seeds_give_one_page_each_byte_identical_across_runs()
    {
        var (run, first, second) = CliProcess.InvokeTwice(_temp.FullName, "report", "seeds");

        var pages = Directory.GetFiles(first).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var seeds = Directory.GetFiles(Repo.Seeds).Select(f => Path.GetFileNameWithoutExtension(f) + ".html").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(seeds, pages);
        foreach (var page in pages)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, page)), File.ReadAllBytes(Path.Combine(second, page)));
        }

        Assert.Contains("5 inputs: 5 pages written", run.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"(\d+) of \1 figures and (\d+) of \2 triggers marked", run.Stderr);
    }

    [Fact]
    public void A_bad_input_is_named_with_its_line_when_known_the_others_are_written_and_the_exit_code_is_1()
    {
        _temp.Write("letter.txt", "各位同事：\n明天下午三点开会。\n");
        File.WriteAllBytes(Path.Combine(_temp.FullName, "broken.txt"), [0xE4, 0xB8, 0x80, 0x0A, 0xFF, 0xFE, 0xFD, 0x0A]);
        File.WriteAllBytes(Path.Combine(_temp.FullName, "partly.txt"), [.. System.Text.Encoding.UTF8.GetBytes("某区若干措施\n一、支持\n（一）给予奖励。\n"), 0xFF, 0xFE, 0x0A]);
        File.Copy(Repo.Seed("003"), Path.Combine(_temp.FullName, "policy.txt"));

        var run = CliProcess.Invoke(_temp.FullName, "report", "letter.txt", "broken.txt", "partly.txt", "policy.txt", "nowhere.txt", "--out", "pages");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("letter.txt: error IN005", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("broken.txt: error IN003", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("partly.txt:4: warning IN008", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("nowhere.txt: error IN010", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["partly.html", "policy.html"], Directory.GetFiles(Path.Combine(_temp.FullName, "pages")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_an_output_folder_nothing_is_written_and_the_exit_code_is_not_0()
    {
        var run = CliProcess.Invoke(_temp.FullName, "report", Repo.Seed("003"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--out", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_temp.Info.GetFileSystemInfos());
    }
}
