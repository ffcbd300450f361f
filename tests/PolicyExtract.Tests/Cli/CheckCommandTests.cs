using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Cli;

/// <summary>The check command end to end, as a separate process.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("policyextract-checkcli-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void The_seeds_agree_and_exit_0()
    {
        var run = CliProcess.Invoke(Repo.Root, "check", "seeds");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.EndsWith("check: 5 documents, 8 count statements: 8 agree, 0 disagree, 0 unresolved\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("seeds/001_40116fd13688b064.txt:26: ok “共6个条款”: clause 6 六、附则 of 000_971b0a2b12078196 has 6 clauses", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disagreement_exits_1_and_names_file_line_and_both_counts()
    {
        File.Copy(Repo.Seed("000"), Path.Combine(_temp.FullName, "policy.txt"));
        File.WriteAllText(Path.Combine(_temp.FullName, "notes.txt"), File.ReadAllText(Repo.Seed("001")).Replace("附则共6个条款", "附则共7个条款", StringComparison.Ordinal));

        var run = CliProcess.Invoke(_temp.FullName, "check", "policy.txt", "notes.txt");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("notes.txt:26: error CK001 says clause 6 六、附则 of policy has 7 clauses, but it has 6 (“共7个条款”)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_exit_2_and_a_file_that_is_no_policy_exits_1()
    {
        var missing = CliProcess.Invoke(_temp.FullName, "check", "nowhere");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nowhere: error IN010", missing.Stderr, StringComparison.Ordinal);

        Assert.Equal(2, CliProcess.Invoke(_temp.FullName, "check").ExitCode);

        File.WriteAllText(Path.Combine(_temp.FullName, "letter.txt"), "各位同事：\n明天下午三点开会。\n");
        var letter = CliProcess.Invoke(_temp.FullName, "check", "letter.txt");
        Assert.Equal(1, letter.ExitCode);
        Assert.Contains("letter.txt: error IN005", letter.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", letter.Stderr, StringComparison.Ordinal);
    }
}
