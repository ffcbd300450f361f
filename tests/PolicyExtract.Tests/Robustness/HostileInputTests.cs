using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PolicyExtract.Corpus;
using PolicyExtract.Tests.TestSupport;
using Xunit.Abstractions;

namespace PolicyExtract.Tests.Robustness;

/// <summary>
/// A hostile user's folder, built at test time: files made to overflow a parser's stack, exhaust memory, run for ever or
/// block the run, beside two real policies. One extract run over it must survive every one of them: each hostile file
/// ends within its budget with the error that names what happened, the policies beside them are written, errors.json
/// lists every error, and no stack trace reaches the user. The budget here is smaller than the defaults (30 s, 1 GB)
/// so the suite stays quick; the defaults are the same code with other numbers.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const int TimeLimitSeconds = 8;
    private const int MemoryLimitMegabytes = 400;

    [Fact]
    public void One_run_over_a_hostile_folder_survives_every_file_and_writes_the_policies_beside_them()
    {
        using var temp = new TempFolder("policyextract-hostile-");
        var (input, outputFolder) = FoldersWithGoodPolicy(temp);
        File.Copy(Path.Combine(Repo.Seeds, Seed("001")), Path.Combine(input, "good-001.txt"));

        // The batch died on these: stack overflows in the Word reader, a device read without end, a clause of 178 million characters.
        File.WriteAllBytes(Path.Combine(input, "sdt.docx"), HostileFiles.NestedDocx(100_000, "w:sdt"));
        File.WriteAllBytes(Path.Combine(input, "hyperlink.docx"), HostileFiles.NestedDocx(100_000, "w:hyperlink"));
        File.WriteAllBytes(Path.Combine(input, "foreign.docx"), HostileFiles.NestedDocx(100_000, "x:a"));
        File.CreateSymbolicLink(Path.Combine(input, "zero.txt"), "/dev/zero");
        File.WriteAllBytes(Path.Combine(input, "level-text.docx"), HostileFiles.RepeatedLevelTextDocx(2_000, 20_000));

        // No bound on time or memory.
        File.WriteAllBytes(Path.Combine(input, "paragraphs.docx"), HostileFiles.EmptyParagraphsDocx(10_000_000));
        File.WriteAllBytes(Path.Combine(input, "forms.pdf"), HostileFiles.NestedFormsPdf(12));
        File.WriteAllBytes(Path.Combine(input, "bomb.pdf"), HostileFiles.FlateBombPdf(1L << 30));
        File.WriteAllBytes(Path.Combine(input, "kids.pdf"), HostileFiles.RepeatedPagePdf(1_000_000));
        File.WriteAllBytes(Path.Combine(input, "ji-list.txt"), HostileDocuments.Build("ji-list", 3_000));
        File.WriteAllBytes(Path.Combine(input, "respectively.txt"), HostileDocuments.Build("respectively", 4_000));
        File.WriteAllBytes(Path.Combine(input, "amounts.txt"), HostileDocuments.Build("amounts", 4_000));
        File.WriteAllText(Path.Combine(input, "clauses.html"), HostileFiles.ManyClausesPage(200_000));
        Mkfifo(Path.Combine(input, "fifo.txt"));
        Directory.CreateSymbolicLink(Path.Combine(input, "a"), ".");
        Directory.CreateSymbolicLink(Path.Combine(input, "b"), ".");

        var clock = Stopwatch.StartNew();
        var run = CliProcess.Invoke(Repo.Root, "extract", input, "--out", outputFolder, "--time-limit", $"{TimeLimitSeconds}", "--memory-limit", $"{MemoryLimitMegabytes}");
        clock.Stop();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s, exit {run.ExitCode}\n{run.Stderr}");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Unhandled", run.Stderr);
        Assert.True(File.Exists(Path.Combine(outputFolder, "good-000.json")) && File.Exists(Path.Combine(outputFolder, "good-001.json")), run.Stderr);

        // A list of 3,000 awards is read now that splitting it is linear (it took 42 s and 1.6 GB).
        Assert.True(File.Exists(Path.Combine(outputFolder, "ji-list.json")), run.Stderr);

        var errors = ErrorsByFile(Path.Combine(outputFolder, "errors.json"));
        Assert.Equal("IN028", errors[In(input, "sdt.docx")]);
        Assert.Equal("IN028", errors[In(input, "hyperlink.docx")]);
        Assert.Equal("IN028", errors[In(input, "foreign.docx")]);
        Assert.Equal("IN029", errors[In(input, "paragraphs.docx")]);
        Assert.Equal("IN005", errors[In(input, "level-text.docx")]);
        // Drawing forms without end and listing one page a million times run out of time or memory, whichever comes
        // first; a stream that inflates to a gigabyte of spaces is found to hold no text, or stopped when the machine is
        // too busy to inflate it in time.
        Assert.Contains(errors[In(input, "forms.pdf")], new[] { "IN030", "IN031" });
        Assert.Contains(errors[In(input, "kids.pdf")], new[] { "IN030", "IN031" });
        Assert.Contains(errors[In(input, "bomb.pdf")], new[] { "IN024", "IN030", "IN031" });
        // Thousands of 分别 pairs or amounts in one clause write the sentence into every rule: an output of hundreds of
        // megabytes, refused as such or stopped while it is built (on a busy machine, the clock may stop it first). A
        // page of 200,000 clauses is over one budget or other.
        Assert.Contains(errors[In(input, "respectively.txt")], new[] { "IN030", "IN031", "IN037" });
        Assert.Contains(errors[In(input, "amounts.txt")], new[] { "IN030", "IN031", "IN037" });
        Assert.Contains(errors[In(input, "clauses.html")], new[] { "IN030", "IN031", "IN037" });
        Assert.Equal(11, errors.Count);

        // Special files and link loops are warnings, not inputs.
        Assert.Contains($"{In(input, "zero.txt")}: warning IN018 skipped: a character device", run.Stderr);
        Assert.Contains($"{In(input, "fifo.txt")}: warning IN018 skipped: a FIFO", run.Stderr);
        Assert.Contains($"{In(input, "a")}: warning IN019 skipped: a link to {input}, a folder already read", run.Stderr);
        Assert.Contains($"{In(input, "b")}: warning IN019 skipped: a link to {input}, a folder already read", run.Stderr);

        // Every hostile file ended within its budget, in a run with two workers.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6 * TimeLimitSeconds + 30), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// 1,000 amounts in one clause: each rule quotes the whole sentence, 13 MB in all, over the sixteenth of a 160 MB
    /// budget a document's output may take. The document fails with the code that says so; the policy beside it is written.
    /// </summary>
    [Fact]
    public void An_output_larger_than_its_budget_allows_is_refused_by_name()
    {
        using var temp = new TempFolder("policyextract-output-budget-");
        var (input, outputFolder) = FoldersWithGoodPolicy(temp);
        File.WriteAllBytes(Path.Combine(input, "amounts.txt"), HostileDocuments.Build("amounts", 1_000));

        var run = CliProcess.Invoke(Repo.Root, "extract", input, "--out", outputFolder, "--memory-limit", "160");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{In(input, "amounts.txt")}: error IN037 its output would be 12 MB, more than the 10 MB a document's output may take", run.Stderr);
        Assert.True(File.Exists(Path.Combine(outputFolder, "good-000.json")), run.Stderr);
        Assert.False(File.Exists(Path.Combine(outputFolder, "amounts.json")));
        Assert.Equal("IN037", ErrorsByFile(Path.Combine(outputFolder, "errors.json"))[In(input, "amounts.txt")]);
    }

    /// <summary>An input folder holding seed 000 as <c>good-000.txt</c>, and where the output goes.</summary>
    private static (string Input, string Output) FoldersWithGoodPolicy(TempFolder temp)
    {
        var input = Directory.CreateDirectory(Path.Combine(temp.FullName, "in")).FullName;
        File.Copy(Path.Combine(Repo.Seeds, Seed("000")), Path.Combine(input, "good-000.txt"));
        return (input, Path.Combine(temp.FullName, "out"));
    }

    private static string In(string folder, string name) => Path.Join(folder, name);

    private static string Seed(string stem) => Path.GetFileName(Directory.GetFiles(Repo.Seeds, stem + "_*").Single());

    private static Dictionary<string, string> ErrorsByFile(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.GetProperty("errors").EnumerateArray()
            .GroupBy(e => e.GetProperty("file").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("code").GetString()!);
    }

    private static void Mkfifo(string path)
    {
        var made = ChildProcess.Invoke("mkfifo", [path], TimeSpan.FromSeconds(10));
        Assert.True(made.ExitCode == 0, made.Stderr);
    }
}
