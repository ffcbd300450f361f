namespace PolicyExtract.Tests.TestSupport;

/// <summary>Runs the built command-line tool as a separate process, as a user would.</summary>
public static class CliProcess
{
    public static ChildProcess.Run Invoke(string workingDirectory, params string[] args) =>
        ChildProcess.Invoke("dotnet", [Path.Combine(AppContext.BaseDirectory, "policyextract.dll"), .. args], TimeSpan.FromMinutes(2), workingDirectory);

    /// <summary>
    /// Runs a command that writes into <c>--out</c> twice from the repository root, into <paramref name="under"/>/first
    /// and /second, so a test can compare the two; both runs must succeed. Returns the first run and both folders.
    /// </summary>
    public static (ChildProcess.Run First, string FirstOut, string SecondOut) InvokeTwice(string under, params string[] args)
    {
        var first = Path.Combine(under, "first");
        var second = Path.Combine(under, "second");
        var run = Invoke(Repo.Root, [.. args, "--out", first]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var again = Invoke(Repo.Root, [.. args, "--out", second]);
        Assert.True(again.ExitCode == 0, again.Stderr);
        return (run, first, second);
    }
}
