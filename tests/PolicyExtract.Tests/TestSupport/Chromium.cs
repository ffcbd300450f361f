using System.Diagnostics;

namespace PolicyExtract.Tests.TestSupport;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c> package, which <c>.ci/run</c> installs where it can), run as a separate
/// process per call with a new empty profile, and with the background networking off that this machine's closed
/// network would refuse anyway.
/// </summary>
public static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    public const string SkipReason = "Chromium is not installed (" + Executable + "): the browser tests are skipped; .ci/run installs it with apt-get where it can";

    public static bool Available => File.Exists(Executable);

    /// <summary>The DOM after the page's scripts ran on load, as Chromium serializes it.</summary>
    public static string DumpDom(string file, string fragment = "") =>
        Run("--dump-dom", new Uri(Path.GetFullPath(file)).AbsoluteUri + fragment).Stdout;

    public static void Screenshot(string file, string png, int width = 1400, int height = 900) =>
        Run($"--screenshot={png}", $"--window-size={width},{height}", new Uri(Path.GetFullPath(file)).AbsoluteUri);

    private static (string Stdout, string Stderr) Run(params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("policyextract-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.FullName,
            }.Concat(args))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish in a minute");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {stderr.Result}");
            }

            return (stdout.Result, stderr.Result);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium's crash handler can outlive the browser by a moment and still hold the profile: a stale temp
                // folder is no reason to fail a test.
            }
        }
    }
}

/// <summary>A fact that needs headless Chromium: skipped, with the reason, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.Available)
        {
            Skip = Chromium.SkipReason;
        }
    }
}
