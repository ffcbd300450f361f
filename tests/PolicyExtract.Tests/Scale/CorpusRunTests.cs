using System.Diagnostics;
using System.Text;
using PolicyExtract.Corpus;
using PolicyExtract.Output;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Scale;

/// <summary>
/// extract over a generated corpus, as a separate process: a run killed mid-way leaves only complete files, and the rerun
/// writes exactly what an uninterrupted run writes; --jsonl streams the same documents; progress shows on long runs.
/// </summary>
public sealed class CorpusRunTests : IDisposable
{
    private readonly TempFolder _temp = new("policyextract-scale-");

    public void Dispose() => _temp.Dispose();

    private static CorpusGenerator Generator => new(Directory.GetFiles(Repo.Seeds, "*.txt"));

    private string Corpus(int count)
    {
        var folder = Path.Combine(_temp.FullName, "corpus");
        Generator.WriteTo(folder, count, seed: 7);
        return folder;
    }

    private static SortedDictionary<string, byte[]> Files(string folder) =>
        new(Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);

    private static string Cli => Path.Combine(AppContext.BaseDirectory, "policyextract.dll");

    [Fact]
    public void The_generator_makes_the_same_corpus_every_time_in_every_format_and_encoding()
    {
        var first = Generator.Generate(60, seed: 3).ToList();
        var second = Generator.Generate(60, seed: 3).ToList();

        Assert.Equal(first.Select(f => f.Name), second.Select(f => f.Name));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
        Assert.Contains(first, f => f.Name.EndsWith(".html", StringComparison.Ordinal));
        Assert.Contains(first, f => f.Name.Contains(' ', StringComparison.Ordinal));
        var encodings = first.Where(f => f.Name.EndsWith(".txt", StringComparison.Ordinal))
            .Select(f => Repo.Pipeline.Process(f.Bytes, f.Name).Document?.Document.Source.Encoding)
            .ToHashSet();
        Assert.Superset(new HashSet<string?> { "utf-8", "gb18030", "utf-16le" }, encodings);
    }

    [Fact]
    public void Every_generated_document_extracts_and_every_policy_among_them_grants_something()
    {
        foreach (var file in Generator.Generate(40, seed: 11))
        {
            var result = Repo.Pipeline.Process(file.Bytes, file.Name);
            Assert.True(result.Document is not null, file.Name + ": " + string.Join('\n', result.Diagnostics));
            Assert.True(result.Document!.Document.Explains is not null || result.Document.Rules.Length > 0, file.Name);
        }
    }

    [Fact]
    public void A_killed_run_leaves_complete_files_only_and_a_rerun_yields_exactly_the_uninterrupted_output()
    {
        var corpus = Corpus(120);
        var whole = Path.Combine(_temp.FullName, "whole");
        var reference = CliProcess.Invoke(_temp.FullName, "extract", corpus, "--out", whole);
        Assert.True(reference.ExitCode == 0, reference.Stderr);
        var expected = Files(whole);

        var output = Path.Combine(_temp.FullName, "out");
        using (var run = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { Cli, "extract", corpus, "--out", output }, RedirectStandardError = true, RedirectStandardOutput = true })!)
        {
            run.ErrorDataReceived += (_, _) => { };
            run.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            while (!run.HasExited && (!Directory.Exists(output) || Directory.GetFiles(output, "*.json").Length < 10) && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(5);
            }

            Assert.False(run.HasExited, "the run ended before it could be killed: make the corpus larger");
            run.Kill(entireProcessTree: true); // SIGKILL: nothing the process can do about it
            run.WaitForExit();
        }

        var partial = Files(output);
        var documents = partial.Keys.Where(k => !k.StartsWith('.')).ToList();
        Assert.InRange(documents.Count, 10, expected.Count - 2);
        Assert.DoesNotContain("errors.json", documents);
        Assert.All(documents, name => Assert.Equal(expected[name], partial[name]));

        var rerun = CliProcess.Invoke(_temp.FullName, "extract", corpus, "--out", output);

        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        var final = Files(output);
        Assert.Equal(expected.Keys, final.Keys); // the killed run's temp files are gone too
        Assert.All(expected, pair => Assert.Equal(pair.Value, final[pair.Key]));
    }

    [Fact]
    public void Jsonl_streams_each_document_on_one_line_in_input_order_as_the_files_hold_it()
    {
        var corpus = Corpus(12);
        var output = Path.Combine(_temp.FullName, "out");

        var run = CliProcess.Invoke(_temp.FullName, "extract", corpus, "--out", output, "--jsonl", "--jobs", "3");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ids = Directory.GetFiles(corpus, "*", SearchOption.AllDirectories).Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ids, lines.Select(l => PolicyJson.DeserializeStrict(Encoding.UTF8.GetBytes(l)).Document.Id));
        foreach (var line in lines)
        {
            var document = PolicyJson.DeserializeStrict(Encoding.UTF8.GetBytes(line));
            Assert.Equal(File.ReadAllBytes(Path.Combine(output, document.Document.Id + ".json")), PolicyJson.Serialize(document));
        }
    }

    [Fact]
    public void Jsonl_alone_writes_no_files_and_without_either_the_command_says_what_is_missing()
    {
        var corpus = Corpus(3);

        var alone = CliProcess.Invoke(_temp.FullName, "extract", corpus, "--jsonl");
        Assert.True(alone.ExitCode == 0, alone.Stderr);
        Assert.Equal(3, alone.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(["corpus"], Directory.GetDirectories(_temp.FullName).Select(Path.GetFileName));

        var neither = CliProcess.Invoke(_temp.FullName, "extract", corpus);
        Assert.NotEqual(0, neither.ExitCode);
        Assert.Contains("--out", neither.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_run_that_is_not_on_a_terminal_prints_a_plain_progress_line_every_tenth_and_a_summary()
    {
        var corpus = Corpus(60);

        var run = CliProcess.Invoke(_temp.FullName, "extract", corpus, "--out", "out");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var progress = run.Stderr.Split('\n').Where(l => l.StartsWith("progress: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, progress.Count);
        Assert.StartsWith("progress: 6 of 60 inputs (10%)", progress[0], StringComparison.Ordinal);
        Assert.StartsWith("progress: 60 of 60 inputs (100%)", progress[^1], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stderr); // no escape codes when not on a terminal
        Assert.Matches(@"60 inputs: 60 written to out, 0 failed; \d+ clauses, \d+ rules, \d+ warnings, 0 errors; [0-9.]+ s, [0-9.]+ documents/s, [0-9.]+ MB/s", run.Stderr);
    }
}
