using System.Runtime.CompilerServices;

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

    /// <summary>The DOM after load in a window of the given size, so that scripts can measure the layout.</summary>
    public static string DumpDom(string file, int width, int height) =>
        Run("--dump-dom", $"--window-size={width},{height}", new Uri(Path.GetFullPath(file)).AbsoluteUri).Stdout;

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
    public ChromiumFactAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "")
    {
        if (!Chromium.Available)
        {
            Skip = Chromium.SkipReason;
            DisplayName = SkippedName.Of(file, test, Skip);
        }
    }
}

/// <summary>
/// The name a skipped test shows: dotnet test prints a skipped test's name but not why it was skipped (xunit shows the
/// reason only at detailed verbosity), so the reason goes into the name.
/// </summary>
public static class SkippedName
{
    public static string Of(string file, string test, string reason) =>
        $"{Path.GetFileNameWithoutExtension(file)}.{test} (skipped: {reason})";
}
