using System.Diagnostics;

namespace PolicyExtract.Tests.TestSupport;

/// <summary>Runs the built command-line tool as a separate process, as a user would.</summary>
public static class CliProcess
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Run Invoke(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "policyextract.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("policyextract did not finish in 2 minutes");
        }

        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }
}
