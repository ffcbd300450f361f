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

    private static ChildProcess.Run Run(params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("policyextract-chromium-");
        try
        {
            string[] flags =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.FullName,
            ];
            var run = ChildProcess.Invoke(Executable, [.. flags, .. args], TimeSpan.FromMinutes(1));
            return run.ExitCode == 0 ? run : throw new InvalidOperationException($"chromium exited with {run.ExitCode}: {run.Stderr}");
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
