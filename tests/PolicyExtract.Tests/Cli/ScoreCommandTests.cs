using System.Text.Json;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Cli;

/// <summary>
/// The score command end to end, as a separate process: a folder of expectations with its document beside them
/// (a copy of Specs/Validate, the small policy read by hand), extracted and scored in one table.
/// </summary>
public sealed class ScoreCommandTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("policyextract-score-");

    public ScoreCommandTests()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(_temp.FullName, "Corpus"));
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Specs, "Validate")))
        {
            File.Copy(file, Path.Combine(corpus.FullName, Path.GetFileName(file)));
        }
    }

    public void Dispose() => _temp.Delete(recursive: true);

    private string Rules => Path.Combine(_temp.FullName, "Corpus", "fixture.rules.txt");

    private ChildProcess.Run Score(params string[] args) => CliProcess.Invoke(_temp.FullName, ["score", .. args]);

    private static string[] Row(string stdout, string name) =>
        stdout.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_document_that_matches_its_expectations_scores_one_everywhere_it_has_facts()
    {
        var run = Score("Corpus");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var header = run.Stdout.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["document", "rules", "found", "matched", "missing", "unexpected", "clauses", "metadata", "triggers", "beneficiary", "amounts", "ratios", "caps", "limits", "thresholds", "inclusiveness"],
            header);
        // Three rules, all found; the fixture has one ratio, one cap, one limit and one threshold.
        Assert.Equal(
            ["Corpus/fixture", "3", "3", "3", "0", "0", "0", "0", "1.00/1.00", "1.00/1.00", "1.00/1.00", "1.00/1.00", "1.00/1.00", "1.00/1.00", "1.00/1.00", "1.00/1.00"],
            Row(run.Stdout, "Corpus/fixture"));
        Assert.Equal(Row(run.Stdout, "Corpus/fixture")[1..], Row(run.Stdout, "total")[1..]);
    }

    [Fact]
    public void A_wrong_expectation_lowers_the_kind_it_belongs_to_and_nothing_else()
    {
        // The curator misread 30万元 as 31万元: rule 1.1 still pairs by its trigger, its amount no longer agrees.
        File.WriteAllText(Rules, File.ReadAllText(Rules).Replace("max 300000 incl default", "max 310000 incl default", StringComparison.Ordinal));

        var run = Score("Corpus");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var row = Row(run.Stdout, "Corpus/fixture");
        Assert.Equal(["3", "3", "3", "0", "0"], row[1..6]);
        Assert.Equal("0.50/0.50", row[10]); // amounts: 30万 and 20万 expected, one right
        Assert.Equal("1.00/1.00", row[8]); // triggers untouched
        Assert.Contains("amounts                 2          2        1       0.50    0.50", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_rule_counts_against_recall_and_clause_and_metadata_differences_are_counted()
    {
        var rules = File.ReadAllText(Rules);
        File.WriteAllText(Rules, rules + "\nrule 1.1\n  > 给予最高30万元资助\n  trigger 主导行业标准制定\n  beneficiary 单位\n  benefit 资助\n  frequency once\n  amount fixed 50000\n");
        var metadata = Path.Combine(_temp.FullName, "Corpus", "fixture.document.txt");
        File.WriteAllText(metadata, File.ReadAllText(metadata).Replace("measures", "opinions", StringComparison.Ordinal));

        var run = Score("Corpus");

        var row = Row(run.Stdout, "Corpus/fixture");
        Assert.Equal(["4", "3", "3", "1", "0", "0", "1"], row[1..8]);
        Assert.Equal("1.00/0.67", row[10]); // amounts: 2 of 3 expected found, nothing found wrongly
    }

    [Fact]
    public void Markdown_and_json_carry_the_same_numbers_and_are_deterministic()
    {
        var markdown = Score("Corpus", "--markdown");
        Assert.Equal(0, markdown.ExitCode);
        Assert.StartsWith("| document | rules | found | matched | missing | unexpected | clauses | metadata | triggers |", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("| Corpus/fixture | 3 | 3 | 3 | 0 | 0 | 0 | 0 | 1.00/1.00 |", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("| **total** | **3** |", markdown.Stdout, StringComparison.Ordinal);

        var first = Score("Corpus", "--json");
        var second = Score("Corpus", "--json");
        Assert.Equal(first.Stdout, second.Stdout);
        using var json = JsonDocument.Parse(first.Stdout);
        var document = json.RootElement.GetProperty("documents").EnumerateArray().Single();
        Assert.Equal("Corpus/fixture", document.GetProperty("name").GetString());
        Assert.Equal(3, document.GetProperty("rules").GetProperty("matched").GetInt32());
        var triggers = json.RootElement.GetProperty("total").GetProperty("scores").EnumerateArray().First();
        Assert.Equal(("triggers", 3, 3), (triggers.GetProperty("kind").GetString(), triggers.GetProperty("expected").GetInt32(), triggers.GetProperty("correct").GetInt32()));
    }

    [Fact]
    public void Expectations_kept_apart_from_their_documents_are_scored_with_documents()
    {
        var run = CliProcess.Invoke(Repo.Root, "score", "tests/PolicyExtract.Tests/Specs/Seeds", "--documents", "seeds");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(["182", "182", "182", "0", "0", "0", "0"], Row(run.Stdout, "total")[1..8]);
    }

    [Fact]
    public void Usage_errors_exit_2_with_one_line_each()
    {
        File.Move(Path.Combine(_temp.FullName, "Corpus", "fixture.txt"), Path.Combine(_temp.FullName, "fixture.txt"));
        var noDocument = Score("Corpus");
        Assert.Equal(2, noDocument.ExitCode);
        Assert.Contains("Corpus/fixture.*: error VA007 expectations for fixture, but no document for them", noDocument.Stderr, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(_temp.FullName, "Empty"));
        var noExpectations = Score("Empty");
        Assert.Equal(2, noExpectations.ExitCode);
        Assert.Contains("Empty: error VA009", noExpectations.Stderr, StringComparison.Ordinal);

        var nowhere = Score("nowhere");
        Assert.Equal(2, nowhere.ExitCode);
        Assert.Contains("nowhere: error IN010", nowhere.Stderr, StringComparison.Ordinal);

        File.Move(Path.Combine(_temp.FullName, "fixture.txt"), Path.Combine(_temp.FullName, "Corpus", "fixture.txt"));
        File.WriteAllText(Rules, "complete\nrule 1.1\n  amount fixed 5\n");
        var malformed = Score("Corpus");
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("fixture.rules.txt:2: error VA005", malformed.Stderr, StringComparison.Ordinal);

        var both = Score("Corpus", "--json", "--markdown");
        Assert.Equal(2, both.ExitCode);
        Assert.DoesNotContain("   at ", noDocument.Stderr + noExpectations.Stderr + nowhere.Stderr + malformed.Stderr + both.Stderr, StringComparison.Ordinal);
    }
}
