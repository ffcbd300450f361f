using System.Runtime.CompilerServices;

namespace PolicyExtract.Tests.TestSupport;

/// <summary>
/// LibreOffice in headless mode (Debian's <c>libreoffice-writer-nogui</c>, which <c>.ci/run</c> installs where it can),
/// used to print the test-built .docx files to PDF as a user's office suite would: Word-like numbering, line breaking
/// and page footers. Each call runs its own process with a new empty profile, so parallel tests do not share one.
/// </summary>
public static class LibreOffice
{
    public const string Executable = "/usr/bin/soffice";

    public const string SkipReason = "LibreOffice is not installed (" + Executable + "): the PDF tests that print a .docx are skipped; .ci/run installs libreoffice-writer-nogui with apt-get where it can";

    public static bool Available => File.Exists(Executable);

    /// <summary>
    /// Converts each .docx to a PDF of the same name in <paramref name="outDir"/>; returns the PDF paths.
    /// <paramref name="filter"/> is LibreOffice's --convert-to argument, with export options if need be.
    /// </summary>
    public static IReadOnlyList<string> ToPdf(IReadOnlyList<string> docx, string outDir, string filter = "pdf:writer_pdf_Export")
    {
        var profile = Directory.CreateTempSubdirectory("policyextract-soffice-");
        try
        {
            string[] args =
            [
                "-env:UserInstallation=" + new Uri(profile.FullName + "/").AbsoluteUri, "--headless", "--norestore", "--nolockcheck",
                "--convert-to", filter, "--outdir", outDir, .. docx,
            ];
            var run = ChildProcess.Invoke(Executable, args, TimeSpan.FromMinutes(3));
            var pdfs = docx.Select(d => Path.Combine(outDir, Path.GetFileNameWithoutExtension(d) + ".pdf")).ToList();
            var missing = pdfs.Where(p => !File.Exists(p)).ToList();
            return run.ExitCode == 0 && missing.Count == 0
                ? pdfs
                : throw new InvalidOperationException($"soffice exited with {run.ExitCode} without writing {string.Join(", ", missing)}: {run.Stdout}{run.Stderr}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}

/// <summary>A fact that needs LibreOffice: skipped, with the reason, where it is not installed.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "")
    {
        if (!LibreOffice.Available)
        {
            Skip = LibreOffice.SkipReason;
            DisplayName = SkippedName.Of(file, test, Skip);
        }
    }
}

/// <summary>A theory that needs LibreOffice: skipped, with the reason, where it is not installed.</summary>
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public LibreOfficeTheoryAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "")
    {
        if (!LibreOffice.Available)
        {
            Skip = LibreOffice.SkipReason;
            DisplayName = SkippedName.Of(file, test, Skip);
        }
    }
}
