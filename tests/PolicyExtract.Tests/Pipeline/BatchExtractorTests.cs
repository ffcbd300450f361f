using PolicyExtract.Pipeline;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Pipeline;

public sealed class BatchExtractorTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("policyextract-batch-");

    public void Dispose() => _temp.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp.FullName, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private BatchResult Run(params string[] inputs) => new BatchExtractor(Repo.Pipeline).Run(inputs, Path.Combine(_temp.FullName, "out"));

    [Fact]
    public void Drafting_notes_link_to_their_policy_whatever_dashes_the_title_is_typeset_with()
    {
        Write("plan.txt", "某区知识产权行动计划（2021—2035年）\n一、目标\n（一）发展目标。");
        Write("notes.txt", "《某区知识产权行动计划(2021－2035年)》起草说明\n一、起草背景\n（一）政策背景。");

        var result = Run(Path.Combine(_temp.FullName, "in"));

        var notes = result.Results.Single(r => r.File.EndsWith("notes.txt", StringComparison.Ordinal)).Document!.Document;
        Assert.Equal("plan", notes.Explains!.DocumentId);
    }

    [Fact]
    public void Drafting_notes_whose_policy_is_not_among_the_inputs_say_so()
    {
        var notes = Write("notes.txt", "《某区若干措施》起草说明\n一、起草背景\n（一）政策背景。");

        var result = Assert.Single(Run(notes).Results);

        Assert.Null(result.Document!.Document.Explains!.DocumentId);
        Assert.Contains(result.Document.Diagnostics, d => d.Code == "MD004" && d.Args[0] == "某区若干措施");
    }

    [Fact]
    public void A_file_named_only_by_its_extension_keeps_a_non_empty_id()
    {
        var odd = Write(".txt", "某区若干措施\n一、支持\n（一）给予奖励。");

        var run = Run(odd);

        Assert.Equal(".txt", Assert.Single(run.Results).Document!.Document.Id);
        Assert.Equal(Path.Combine(_temp.FullName, "out", ".txt.json"), Assert.Single(run.Written));
    }

    [Fact]
    public void Two_inputs_with_one_output_name_fail_the_second_and_keep_the_first()
    {
        Write("a/policy.txt", "某区若干措施\n一、支持\n（一）给予奖励。");
        Write("b/policy.html", "<p>某区实施办法</p><p>一、支持</p><p>（一）给予奖励。</p>");

        var result = Run(Path.Combine(_temp.FullName, "in"));

        Assert.Single(result.Written);
        var failed = Assert.Single(result.Results, r => r.Failed);
        Assert.EndsWith("b/policy.html", failed.File, StringComparison.Ordinal);
        Assert.Equal("IN009", failed.Diagnostics[^1].Code);
    }

    [Fact]
    public void Folders_are_walked_in_a_fixed_order_skipping_notes_and_hidden_files()
    {
        Write("z.txt", "某区若干措施\n一、支持\n（一）给予奖励。");
        Write("a/b.html", "<p>某区实施办法</p><p>一、支持</p>");
        Write("README.md", "# notes");
        Write(".hidden.txt", "一、支持");
        Write("scan.pdf", "%PDF-1.4");

        var inputs = BatchExtractor.ExpandInputs([Path.Combine(_temp.FullName, "in")], []);

        Assert.Equal(["a/b.html", "scan.pdf", "z.txt"], inputs.Select(i => Path.GetRelativePath(Path.Combine(_temp.FullName, "in"), i.Path).Replace('\\', '/')));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_an_error_per_document_not_a_crash()
    {
        var policy = Write("policy.txt", "某区若干措施\n一、支持\n（一）给予奖励。");
        var blocked = Path.Combine(_temp.FullName, "blocked");
        File.WriteAllText(blocked, "a file where the output folder should be");

        var result = new BatchExtractor(Repo.Pipeline).Run([policy], blocked);

        Assert.Empty(result.Written);
        Assert.Equal("IN012", Assert.Single(result.Results).Diagnostics[^1].Code);
    }
}
