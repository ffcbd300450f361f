using System.Diagnostics;

namespace PolicyExtract.Tests.TestSupport;

/// <summary>Runs a program to its end with both outputs read (so a full pipe never blocks it), within a time limit.</summary>
public static class ChildProcess
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Run Invoke(string program, IEnumerable<string> args, TimeSpan limit, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish in {limit.TotalSeconds:0} s");
        }

        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }
}
