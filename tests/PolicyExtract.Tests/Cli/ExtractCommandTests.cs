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

        var noOut = CliProcess.Invoke(_temp.FullName, "extract", "nowhere");
        Assert.NotEqual(0, noOut.ExitCode);
        Assert.Contains("--out", noOut.Stderr, StringComparison.Ordinal);
    }
}
