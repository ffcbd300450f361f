using PolicyExtract.Diagnostics;
using PolicyExtract.Output;
using PolicyExtract.Pipeline;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Pipeline;

public sealed class BatchExtractorTests : IDisposable
{
    private const string Policy = "某区若干措施\n一、支持\n（一）给予奖励。";

    private readonly TempFolder _temp = new("policyextract-batch-");

    public void Dispose() => _temp.Dispose();

    private string In => Path.Combine(_temp.FullName, "in");

    private string Out => Path.Combine(_temp.FullName, "out");

    private string Write(string name, string text) => _temp.Write(Path.Combine("in", name), text);

    /// <summary>Every result a run hands out, in the order it handed them.</summary>
    private sealed class Collect(Action<ExtractionResult>? also = null) : IBatchObserver
    {
        public int Inputs { get; private set; } = -1;

        public List<ExtractionResult> Results { get; } = [];

        public void Started(int inputs) => Inputs = inputs;

        public void Finished(ExtractionResult result)
        {
            Results.Add(result);
            also?.Invoke(result);
        }
    }

    private (BatchRun Run, List<ExtractionResult> Results) Run(BatchOptions? options, params string[] inputs)
    {
        var collect = new Collect();
        var run = new BatchExtractor(Repo.Pipeline, options).Run(inputs, Out, collect);
        Assert.Equal(run.Inputs, collect.Inputs);
        return (run, collect.Results);
    }

    private (BatchRun Run, List<ExtractionResult> Results) Run(params string[] inputs) => Run(null, inputs);

    /// <summary>Every file in a folder, hidden ones included, by name.</summary>
    private static SortedDictionary<string, byte[]> Files(string folder) =>
        new(Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);

    [Fact]
    public void Drafting_notes_link_to_their_policy_whatever_dashes_the_title_is_typeset_with()
    {
        Write("plan.txt", "某区知识产权行动计划（2021—2035年）\n一、目标\n（一）发展目标。");
        Write("notes.txt", "《某区知识产权行动计划(2021－2035年)》起草说明\n一、起草背景\n（一）政策背景。");

        var (_, results) = Run(In);

        var notes = results.Single(r => r.File.EndsWith("notes.txt", StringComparison.Ordinal)).Document!.Document;
        Assert.Equal("plan", notes.Explains!.DocumentId);
    }

    [Fact]
    public void Drafting_notes_that_come_before_their_policy_wait_for_it_and_are_written_linked()
    {
        Write("a-notes.txt", "《某区知识产权行动计划》起草说明\n一、起草背景\n（一）政策背景。");
        Write("b-other.txt", Policy);
        Write("c-plan.txt", "某区知识产权行动计划\n一、目标\n（一）发展目标。");

        var (run, results) = Run(In);

        Assert.Equal(["b-other.txt", "c-plan.txt", "a-notes.txt"], results.Select(r => Path.GetFileName(r.File)));
        Assert.Equal(3, run.Written.Length);
        var written = PolicyJson.DeserializeStrict(File.ReadAllBytes(Path.Combine(Out, "a-notes.json")));
        Assert.Equal("c-plan", written.Document.Explains!.DocumentId);
        Assert.Empty(written.Diagnostics);
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
        var odd = Write(".txt", Policy);

        var (run, results) = Run(odd);

        Assert.Equal(".txt", Assert.Single(results).Document!.Document.Id);
        Assert.Equal(Path.Combine(Out, ".txt.json"), Assert.Single(run.Written));
    }

    [Fact]
    public void Two_inputs_with_one_output_name_fail_the_second_and_keep_the_first()
    {
        Write("a/policy.txt", Policy);
        Write("b/policy.html", "<p>某区实施办法</p><p>一、支持</p><p>（一）给予奖励。</p>");

        var (run, results) = Run(In);

        Assert.Single(run.Written);
        var failed = Assert.Single(results, r => r.Failed);
        Assert.EndsWith("b/policy.html", failed.File, StringComparison.Ordinal);
        Assert.Equal("IN009", failed.Diagnostics[^1].Code);
    }

    [Fact]
    public void No_document_may_take_the_name_of_the_runs_own_error_list()
    {
        Write("errors.txt", Policy);

        var (run, results) = Run(In);

        var error = Assert.Single(Assert.Single(results).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("IN009", "errors.json", "the run's own list of errors"), (error.Code, error.Args[0], error.Args[1]));
        Assert.Empty(run.Written);
        Assert.Equal("IN009", Assert.Single(RunErrorsJson.Deserialize(File.ReadAllBytes(Path.Combine(Out, "errors.json")))!.Errors).Code);
    }

    [Fact]
    public void An_output_name_that_would_leave_the_folder_is_refused()
    {
        var result = Repo.Pipeline.Process("某区若干措施\n一、支持\n（一）给予奖励。"u8, "policy.txt");
        var escaping = result with { Document = result.Document! with { Document = result.Document.Document with { Id = "../../evil" } } };

        var (claimed, target) = new OutputFolder(Out, ".json", [], []).Claim(escaping);

        Assert.Null(target);
        Assert.Equal(("IN016", "../../evil.json"), (claimed.Diagnostics[^1].Code, claimed.Diagnostics[^1].Args[0]));
    }

    [Fact]
    public void Folders_are_walked_in_a_fixed_order_skipping_notes_and_hidden_files()
    {
        Write("z.txt", Policy);
        Write("a/b.html", "<p>某区实施办法</p><p>一、支持</p>");
        Write("README.md", "# notes");
        Write(".hidden.txt", "一、支持");
        Write("scan.pdf", "%PDF-1.4");

        var inputs = InputFiles.Expand([In]).Files;

        Assert.Equal(["a/b.html", "scan.pdf", "z.txt"], inputs.Select(i => Path.GetRelativePath(In, i.Path).Replace('\\', '/')));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_an_error_per_document_not_a_crash()
    {
        var policy = Write("policy.txt", Policy);
        File.WriteAllText(Out, "a file where the output folder should be");

        var (run, results) = Run(policy);

        Assert.Empty(run.Written);
        Assert.Equal("IN012", Assert.Single(results).Diagnostics[^1].Code);
        Assert.Contains(run.Errors, e => e.Code == "IN012" && e.Args[0].EndsWith("errors.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_json_lists_every_error_with_its_file_and_line_and_a_clean_run_writes_an_empty_list()
    {
        Write("good.txt", Policy);
        Write("empty.txt", "");
        Write("letter.txt", "各位同事：\n明天下午三点开会。\n");

        var (run, _) = Run(In, Path.Combine(_temp.FullName, "missing.txt"));

        var errors = RunErrorsJson.Deserialize(File.ReadAllBytes(Path.Combine(Out, "errors.json")))!;
        Assert.Equal((4, 1, 3, false), (errors.Inputs, errors.Written, errors.Failed, errors.Interrupted));
        Assert.Equal(
            ["missing.txt IN010", "empty.txt IN001", "letter.txt IN005"],
            errors.Errors.Select(e => $"{Path.GetFileName(e.File)} {e.Code}"));
        Assert.Equal(run.Errors.Length, errors.Errors.Length);

        File.Delete(Path.Combine(In, "empty.txt"));
        File.Delete(Path.Combine(In, "letter.txt"));
        Run(In);
        var clean = RunErrorsJson.Deserialize(File.ReadAllBytes(Path.Combine(Out, "errors.json")))!;
        Assert.Equal((1, 1, 0), (clean.Inputs, clean.Written, clean.Failed));
        Assert.Empty(clean.Errors);
    }

    [Fact]
    public void Any_number_of_workers_writes_the_same_bytes_as_one()
    {
        string[] inputs = [Repo.Seeds, .. Directory.GetFiles(Path.Combine(Repo.Specs, "Genre"), "*_*.txt")];
        var outputs = new List<SortedDictionary<string, byte[]>>();
        foreach (var workers in new[] { 1, 2, 7 })
        {
            var folder = Path.Combine(_temp.FullName, "out" + workers);
            var run = new BatchExtractor(Repo.Pipeline, new BatchOptions { Workers = workers }).Run(inputs, folder);
            Assert.Equal(0, run.Failed);
            outputs.Add(Files(folder));
        }

        Assert.True(outputs[0].Count > 8);
        foreach (var other in outputs.Skip(1))
        {
            Assert.Equal(outputs[0].Keys, other.Keys);
            Assert.All(outputs[0], pair => Assert.Equal(pair.Value, other[pair.Key]));
        }
    }

    [Fact]
    public void An_interrupted_run_leaves_only_complete_files_and_a_rerun_completes_exactly_the_uninterrupted_output()
    {
        foreach (var seed in Directory.GetFiles(Repo.Seeds, "*.txt"))
        {
            for (var copy = 0; copy < 4; copy++)
            {
                File.Copy(seed, Path.Combine(Directory.CreateDirectory(In).FullName, $"{copy}-{Path.GetFileName(seed)}"));
            }
        }

        var whole = Path.Combine(_temp.FullName, "whole");
        new BatchExtractor(Repo.Pipeline).Run([In], whole);
        var expected = Files(whole);

        using var cancel = new CancellationTokenSource();
        var seen = 0;
        var interrupted = new BatchExtractor(Repo.Pipeline, new BatchOptions { Workers = 2, Cancel = cancel.Token })
            .Run([In], Out, new Collect(_ => { if (++seen == 3) cancel.Cancel(); }));

        Assert.True(interrupted.Interrupted);
        Assert.InRange(interrupted.Handled, 3, interrupted.Inputs - 1);
        var partial = Files(Out);
        Assert.True(RunErrorsJson.Deserialize(partial["errors.json"])!.Interrupted);
        foreach (var (name, bytes) in partial.Where(p => p.Key != "errors.json"))
        {
            Assert.Equal(expected[name], bytes);
        }

        // A killed run leaves its temp file behind (hidden, from a process now gone): the rerun clears it.
        File.WriteAllText(Path.Combine(Out, ".policyextract-2147483646-0123456789abcdef.tmp"), "{\"schemaVer");

        new BatchExtractor(Repo.Pipeline).Run([In], Out);

        var rerun = Files(Out);
        Assert.Equal(expected.Keys, rerun.Keys);
        Assert.All(expected, pair => Assert.Equal(pair.Value, rerun[pair.Key]));
    }
}
