using System.Runtime.InteropServices;
using PolicyExtract.Corpus;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Cli;

/// <summary>
/// The CLI as it is installed: published with Native AOT (README, "Install"), where nothing is compiled at run time and
/// whatever a library reaches by reflection must have survived trimming. Every command of the published binary is run
/// beside the JIT build of the same source on the same inputs (seeds, a generated corpus in four encodings and HTML,
/// a .docx, a PDF where LibreOffice can print one, bad files) and must write the same bytes and exit the same way.
/// </summary>
/// <remarks>
/// The publish takes two to four minutes; it runs once for the class, from a copy of the sources, so that it never
/// touches the working tree's build output.
/// </remarks>
public sealed class NativeAotTests(NativeAotTests.Build build) : IClassFixture<NativeAotTests.Build>
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public void Extract_writes_the_same_files_and_errors_as_the_JIT_build()
    {
        using var temp = new TempFolder("policyextract-aot-extract-");
        var inputs = MixedInputs(temp.FullName);

        var (jit, aot) = BothWrite(temp.FullName, ["extract", inputs]);

        Assert.Equal(1, jit.Run.ExitCode); // the bad files fail; the rest are written
        Assert.Equal(jit.Run.ExitCode, aot.Run.ExitCode);
        Assert.Equal(WithoutTimes(jit.Run.Stderr), WithoutTimes(aot.Run.Stderr));
        Assert.Contains("errors.json", jit.Files.Keys);
        Assert.True(jit.Files.Count >= 20, $"only {jit.Files.Count} files written");
        AssertSameFiles(jit.Files, aot.Files);
    }

    [Fact]
    public void Extract_of_the_seeds_gives_the_committed_output()
    {
        using var temp = new TempFolder("policyextract-aot-seeds-");
        var output = Path.Combine(temp.FullName, "out");
        var run = RunAot(Repo.Root, "extract", "seeds", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var committed = Directory.GetFiles(Path.Combine(Repo.Root, "output"), "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        AssertSameFiles(committed, Read(output));
    }

    [Fact]
    public void Validate_reads_the_schema_and_reports_as_the_JIT_build_does()
    {
        using var temp = new TempFolder("policyextract-aot-validate-");

        // A schema violation and an expectation mismatch, so that both checks are seen to work, not only to pass.
        var broken = Path.Combine(temp.FullName, "broken");
        Directory.CreateDirectory(broken);
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "output"), "00*.json"))
        {
            File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
        }

        var first = Directory.GetFiles(broken, "000_*.json").Single();
        var text = File.ReadAllText(first);
        var at = text.IndexOf("\"kind\": \"ratio\"", StringComparison.Ordinal);
        Assert.True(at > 0, "seed 000 has a ratio rule");
        File.WriteAllText(first, text[..at] + "\"kind\": \"bogus\"" + text[(at + "\"kind\": \"ratio\"".Length)..]);

        string[][] commands =
        [
            ["validate", "output", "--expected", "tests/PolicyExtract.Tests/Specs/Seeds", "--json"],
            ["validate", broken, "--expected", "tests/PolicyExtract.Tests/Specs/Seeds", "--json"],
        ];
        foreach (var command in commands)
        {
            var jit = CliProcess.Invoke(Repo.Root, command);
            var aot = RunAot(Repo.Root, command);
            Assert.Equal(jit.ExitCode, aot.ExitCode);
            Assert.Equal(jit.Stdout, aot.Stdout);
            Assert.Equal(jit.Stderr, aot.Stderr);
        }

        var report = RunAot(Repo.Root, commands[1]);
        Assert.Equal(1, report.ExitCode);
        Assert.Contains("NotInEnumeration", report.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_diff_score_and_report_write_what_the_JIT_build_writes()
    {
        using var temp = new TempFolder("policyextract-aot-commands-");
        var outputs = Directory.GetFiles(Path.Combine(Repo.Root, "output"), "00*.json").Order(StringComparer.Ordinal).ToList();

        string[][] commands =
        [
            ["check", "seeds"], ["diff", outputs[0], outputs[1], "--json"], ["diff", outputs[2], outputs[2]],
            ["score", "tests/PolicyExtract.Tests/Specs/Corpus/Dev", "--json"],
            ["score", "tests/PolicyExtract.Tests/Specs/Seeds", "--documents", "seeds"],
        ];
        foreach (var command in commands)
        {
            var jit = CliProcess.Invoke(Repo.Root, command);
            var aot = RunAot(Repo.Root, command);
            Assert.Equal(jit.ExitCode, aot.ExitCode);
            Assert.Equal(jit.Stdout, aot.Stdout);
            Assert.Equal(WithoutTimes(jit.Stderr), WithoutTimes(aot.Stderr));
        }

        var (jitReport, aotReport) = BothWrite(temp.FullName, ["report", "seeds"]);
        Assert.Equal(0, aotReport.Run.ExitCode);
        Assert.Equal(5, jitReport.Files.Count(f => f.Key.EndsWith(".html", StringComparison.Ordinal)));
        AssertSameFiles(jitReport.Files, aotReport.Files);
    }

    /// <summary>Seeds, 24 generated documents (UTF-8 with and without BOM, GB18030, UTF-16; text and GBK or UTF-8 HTML), a .docx, a PDF where
    /// LibreOffice is installed, and an empty, a binary and a legacy Word file.</summary>
    private static string MixedInputs(string under)
    {
        var inputs = Path.Combine(under, "in");
        new CorpusGenerator(Directory.GetFiles(Repo.Seeds, "*.txt")).WriteTo(Path.Combine(inputs, "corpus"), 24, 7);
        foreach (var seed in Directory.GetFiles(Repo.Seeds))
        {
            File.Copy(seed, Path.Combine(inputs, Path.GetFileName(seed)));
        }

        var docx = Path.Combine(inputs, "office", "seed-000.docx");
        Directory.CreateDirectory(Path.GetDirectoryName(docx)!);
        File.WriteAllBytes(docx, PolicyDocx.FromSeed(Repo.Seed("000"), Repo.Grammar, out _));
        if (LibreOffice.Available)
        {
            var printed = Path.Combine(under, "print", "seed-001.docx");
            Directory.CreateDirectory(Path.GetDirectoryName(printed)!);
            File.WriteAllBytes(printed, PolicyDocx.FromSeed(Repo.Seed("001"), Repo.Grammar, out _, PolicyDocx.Options.Printed));
            LibreOffice.ToPdf([printed], Path.Combine(inputs, "office"));
        }

        var bad = Path.Combine(inputs, "bad");
        Directory.CreateDirectory(bad);
        File.WriteAllBytes(Path.Combine(bad, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(bad, "binary.txt"), [0x00, 0x01, 0xFF, 0xFE, 0x00, 0x7F, 0x80, 0x00]);
        File.WriteAllBytes(Path.Combine(bad, "legacy.doc"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
        return inputs;
    }

    private sealed record Written(ChildProcess.Run Run, Dictionary<string, byte[]> Files);

    /// <summary>
    /// Runs a command that writes into <c>--out</c> with each build, from the same folder with the same arguments; the
    /// messages name the output folder as &lt;out&gt;.
    /// </summary>
    private (Written Jit, Written Aot) BothWrite(string under, string[] command)
    {
        var jitOut = Path.Combine(under, "jit");
        var aotOut = Path.Combine(under, "aot");
        var jit = CliProcess.Invoke(Repo.Root, [.. command, "--out", jitOut]);
        var aot = RunAot(Repo.Root, [.. command, "--out", aotOut]);
        return (
            new Written(jit with { Stderr = jit.Stderr.Replace(jitOut, "<out>", StringComparison.Ordinal) }, Read(jitOut)),
            new Written(aot with { Stderr = aot.Stderr.Replace(aotOut, "<out>", StringComparison.Ordinal) }, Read(aotOut)));
    }

    private ChildProcess.Run RunAot(string workingDirectory, params string[] args)
    {
        Assert.True(build.Published, "the Native AOT publish failed:\n" + build.Log);
        return ChildProcess.Invoke(build.Binary, args, Limit, workingDirectory);
    }

    private static Dictionary<string, byte[]> Read(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes, StringComparer.Ordinal)
            : [];

    private static void AssertSameFiles(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs between the JIT and the Native AOT build");
        }
    }

    /// <summary>The summary line carries the run's time and throughput, the one thing two runs may not share.</summary>
    private static string WithoutTimes(string stderr) =>
        string.Join('\n', stderr.ReplaceLineEndings("\n").Split('\n').Select(l => l.Contains(" s, ", StringComparison.Ordinal) ? l[..l.IndexOf(" s, ", StringComparison.Ordinal)].TrimEnd("0123456789.".ToCharArray()) : l));

    /// <summary>Publishes the CLI with Native AOT once for the class, from a copy of the repository's sources.</summary>
    public sealed class Build : IDisposable
    {
        private readonly TempFolder _folder = new("policyextract-aot-build-");

        public Build()
        {
            var source = Path.Combine(_folder.FullName, "src");
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "output/policy-rules.schema.json" })
            {
                CopyFile(Path.Combine(Repo.Root, file), Path.Combine(source, file));
            }

            foreach (var folder in new[] { "src", "grammar" })
            {
                CopyTree(Path.Combine(Repo.Root, folder), Path.Combine(source, folder));
            }

            var bin = Path.Combine(_folder.FullName, "bin");
            var run = ChildProcess.Invoke(
                "dotnet",
                ["publish", Path.Combine(source, "src", "PolicyExtract.Cli"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true", "-o", bin, "-v", "q", "-nologo"],
                TimeSpan.FromMinutes(20));
            Binary = Path.Combine(bin, "policyextract");
            Published = run.ExitCode == 0 && File.Exists(Binary);
            Log = run.Stdout + run.Stderr;
        }

        public string Binary { get; }

        public bool Published { get; }

        public string Log { get; }

        public void Dispose() => _folder.Dispose();

        private static void CopyTree(string from, string to)
        {
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (!parts.Any(p => p is "bin" or "obj"))
                {
                    CopyFile(file, Path.Combine(to, relative));
                }
            }
        }

        private static void CopyFile(string from, string to)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }
    }
}
