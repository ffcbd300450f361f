using PolicyExtract.Output;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Cli;

/// <summary>The extract command end to end, as a separate process.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("policyextract-cli-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void The_committed_output_is_what_the_readme_command_produces_today_byte_for_byte()
    {
        var (_, first, second) = CliProcess.InvokeTwice(_temp.FullName, "extract", "seeds");

        var committed = Directory.GetFiles(Path.Combine(Repo.Root, "output"), "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var fresh = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(committed, fresh);
        foreach (var name in fresh)
        {
            var bytes = File.ReadAllBytes(Path.Combine(first, name!));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(second, name!)));
            Assert.True(
                bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Repo.Root, "output", name!))),
                $"output/{name} is stale: run the README's main command and commit the result");
        }
    }

    [Fact]
    public void Bad_files_fail_alone_with_their_name_and_the_good_ones_are_written()
    {
        var input = Directory.CreateDirectory(Path.Combine(_temp.FullName, "in 政策"));
        File.Copy(Repo.Seed("000"), Path.Combine(input.FullName, "good.txt"));
        File.WriteAllBytes(Path.Combine(input.FullName, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(input.FullName, "binary.txt"), [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0]);
        File.WriteAllText(Path.Combine(input.FullName, "letter.txt"), "各位同事：\n明天下午三点开会，请准时参加。\n");
        File.WriteAllBytes(Path.Combine(input.FullName, "draft.docx"), [0x50, 0x4B, 0x03, 0x04, 0, 0]);
        File.WriteAllBytes(Path.Combine(input.FullName, "old.doc"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);
        var output = Path.Combine(_temp.FullName, "out");

        var run = CliProcess.Invoke(_temp.FullName, "extract", "in 政策", "--out", "out");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["errors.json", "good.json"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var errors = RunErrorsJson.Deserialize(File.ReadAllBytes(Path.Combine(output, "errors.json")))!;
        Assert.Equal(
            ["in 政策/binary.txt IN002", "in 政策/draft.docx IN020", "in 政策/empty.txt IN001", "in 政策/letter.txt IN005", "in 政策/old.doc IN004"],
            errors.Errors.Select(e => $"{e.File} {e.Code}"));
        Assert.Contains("in 政策/empty.txt: error IN001", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("in 政策/binary.txt: error IN002", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("in 政策/letter.txt: error IN005", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("in 政策/draft.docx: error IN020", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("in 政策/old.doc: error IN004 unsupported file format '.doc'; legacy Word 97-2003 .doc files are not supported; save it as .docx", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("6 inputs: 1 written", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("errors in 5 inputs:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal); // no stack traces for users
    }

    [Fact]
    public void A_missing_input_and_a_missing_argument_are_usage_errors()
    {
        var missing = CliProcess.Invoke(_temp.FullName, "extract", "nowhere", "--out", "out");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nowhere: error IN010", missing.Stderr, StringComparison.Ordinal);

        // A missing --out is a usage error: one line saying so and where to look, exit 2, not the whole help.
        var noOut = CliProcess.Invoke(_temp.FullName, "extract", "nowhere");
        Assert.Equal(2, noOut.ExitCode);
        Assert.Equal(
            "extract: error Option '--out' is required unless '--jsonl' is given: say where the documents go.\nusage: see 'policyextract extract --help'\n",
            noOut.Stderr);
        Assert.Equal("", noOut.Stdout);
    }

    [Theory]
    [InlineData("extract", "--bogus", "seeds", "--out", "o")]
    [InlineData("report", "seeds", "--bogus", "--out", "o")]
    [InlineData("check", "--bogus", "seeds")]
    [InlineData("validate", "--bogus", "--expected", "tests")]
    [InlineData("diff", "--bogus", "seeds/000_971b0a2b12078196.txt")]
    [InlineData("score", "--bogus")]
    public void An_unknown_option_is_a_usage_error_in_every_command(params string[] args)
    {
        var run = CliProcess.Invoke(Repo.Root, args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{args[0]}: error Unrecognized option '--bogus'.", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith($"usage: see 'policyextract {args[0]} --help'\n", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("IN010", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_option_is_named_with_the_option_it_looks_like()
    {
        var run = CliProcess.Invoke(Repo.Root, "extract", "seeds", "--job", "2", "--out", Path.Combine(_temp.FullName, "o"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("extract: error Unrecognized option '--job'. Did you mean '--jobs'?", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.FullName, "o")), "nothing is extracted from a mistyped command line");
    }

    [Fact]
    public void No_command_or_an_unknown_one_is_a_usage_error_too()
    {
        var none = CliProcess.Invoke(_temp.FullName);
        var unknown = CliProcess.Invoke(_temp.FullName, "frobnicate");

        Assert.Equal((2, 2), (none.ExitCode, unknown.ExitCode));
        Assert.EndsWith("usage: see 'policyextract --help'\n", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("Unrecognized command or argument 'frobnicate'", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_of_extract_names_every_format_it_reads()
    {
        var help = CliProcess.Invoke(_temp.FullName, "extract", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.All([".txt", ".html", ".docx", ".pdf"], format => Assert.Contains(format, help.Stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void Jsonl_counts_the_documents_it_wrote_to_standard_output()
    {
        var run = CliProcess.Invoke(Repo.Root, "extract", "seeds", "--jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("5 inputs: 5 written to standard output, 0 failed", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_of_other_kinds_in_a_folder_are_named_not_skipped_silently()
    {
        var input = Directory.CreateDirectory(Path.Combine(_temp.FullName, "in"));
        File.Copy(Repo.Seed("000"), Path.Combine(input.FullName, "policy.txt"));
        File.WriteAllBytes(Path.Combine(input.FullName, "scan.jpg"), [0xFF, 0xD8, 0xFF]);
        File.WriteAllText(Path.Combine(input.FullName, "notes.md"), "# notes");
        File.WriteAllText(Path.Combine(input.FullName, "figures.csv"), "a,b");

        var run = CliProcess.Invoke(_temp.FullName, "extract", "in", "--out", "out");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped 3 files of other kinds in the folders given (.csv ×1, .jpg ×1, .md ×1): in/figures.csv, in/notes.md, in/scan.jpg; extract reads .txt, .html, .docx and .pdf", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 inputs: 1 written to out", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_prints_each_segments_role_and_the_clauses_rules_and_writes_nothing()
    {
        File.WriteAllText(Path.Combine(_temp.FullName, "p.txt"), "某区若干措施\n一、支持\n（一）为加快企业上市步伐，企业通过省证监局辅导验收后，予以奖励100万元。\n");

        var run = CliProcess.Invoke(_temp.FullName, "extract", "p.txt", "--explain", "1.1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "p.txt clause 1.1 (line 3): 为加快企业上市步伐，企业通过省证监局辅导验收后，予以奖励100万元。",
                "  [0, 9) 为加快企业上市步伐",
                "      → no role: what earns a grant only if the grant right after it has nothing before its verb",
                "  [10, 23) 企业通过省证监局辅导验收后",
                "      → no role: what earns a grant only if the grant right after it has nothing before its verb",
                "  [24, 33) 予以奖励100万元",
                "      → grant: 1 rule(s), earned by 企业通过省证监局辅导验收",
                "1 rule:",
                "  trigger 通过省证监局辅导验收; beneficiary 企业; benefit 奖励; frequency unspecified; amount fixed 1000000",
            ],
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["p.txt"], Directory.GetFiles(_temp.FullName).Select(Path.GetFileName));
    }

    [Fact]
    public void Explain_names_the_clauses_there_are_when_the_one_asked_for_is_not()
    {
        File.WriteAllText(Path.Combine(_temp.FullName, "p.txt"), "某区若干措施\n一、支持\n（一）对新认定的企业给予10万元奖励。\n");

        var missing = CliProcess.Invoke(_temp.FullName, "extract", "p.txt", "--explain", "9.9");
        var twoFiles = CliProcess.Invoke(_temp.FullName, "extract", "p.txt", "p.txt", "--explain", "1.1");

        Assert.Equal((1, "p.txt: no clause 9.9; its clauses are 1, 1.1"), (missing.ExitCode, missing.Stderr.Trim()));
        Assert.Equal(2, twoFiles.ExitCode);
        Assert.Contains("'--explain' reads one file and writes nothing", twoFiles.Stderr, StringComparison.Ordinal);
    }
}
