using System.Text.Json;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Cli;

/// <summary>
/// The validate command end to end, as a separate process, on a small policy (Specs/Validate/fixture.txt) extracted by
/// the extract command and checked against expectations written by reading it.
/// </summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("policyextract-validate-");

    public ValidateCommandTests()
    {
        File.Copy(Path.Combine(Expected, "fixture.txt"), Path.Combine(_temp.FullName, "fixture.txt"));
        var run = CliProcess.Invoke(_temp.FullName, "extract", "fixture.txt", "--out", "out");
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    private static string Expected => Path.Combine(Repo.Specs, "Validate");

    private string OutputFile => Path.Combine(_temp.FullName, "out", "fixture.json");

    public void Dispose() => _temp.Delete(recursive: true);

    private ChildProcess.Run Validate(params string[] extra) =>
        CliProcess.Invoke(_temp.FullName, ["validate", .. extra]);

    private void Edit(string from, string to) => Replace(OutputFile, from, to);

    [Fact]
    public void Output_that_matches_its_expectations_exits_0()
    {
        var run = Validate("out", "--expected", Expected);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.EndsWith("result: pass\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 expected, 3 extracted: 3 matched, 0 missing, 0 unexpected", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_figure_fails_naming_document_clause_field_both_values_and_the_source_line()
    {
        Edit("\"value\": 300000,", "\"value\": 310000,");

        var run = Validate("out/fixture.json", "--expected", Expected);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains("fixture clause 1.1 amount: rule field differs", StringComparison.Ordinal));
        Assert.True(at >= 0, run.Stdout);
        Assert.Equal("    expected      max 300000 incl default", lines[at + 1]);
        Assert.Equal("    actual        max 310000 incl default", lines[at + 2]);
        Assert.EndsWith("Specs/Validate/fixture.rules.txt:11", lines[at + 3], StringComparison.Ordinal);
        Assert.Equal("    source        fixture.txt:3  对主导国家标准制定的单位，给予最高30万元资助", lines[at + 4]);
        Assert.EndsWith("result: FAIL\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_report_carries_the_same_finding_and_is_deterministic()
    {
        Edit("\"value\": 300000,", "\"value\": 310000,");

        var first = Validate("out", "--expected", Expected, "--json");
        var second = Validate("out", "--expected", Expected, "--json");

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        using var json = JsonDocument.Parse(first.Stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        var finding = Assert.Single(root.GetProperty("documents")[0].GetProperty("findings").EnumerateArray());
        string Text(string name) => finding.GetProperty(name).GetString()!;
        Assert.Equal(
            "rules field 1.1 amount | max 300000 incl default | max 310000 incl default | 3",
            $"{Text("section")} {Text("kind")} {Text("clause")} {Text("field")} | {Text("expected")} | {Text("actual")} | {finding.GetProperty("sourceLine").GetInt32()}");
        var amounts = root.GetProperty("total").GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "amounts");
        Assert.Equal((2, 2, 1, 0.5m), (amounts.GetProperty("expected").GetInt32(), amounts.GetProperty("extracted").GetInt32(), amounts.GetProperty("correct").GetInt32(), amounts.GetProperty("precision").GetDecimal()));
    }

    [Fact]
    public void A_schema_violation_fails_with_file_line_and_json_path()
    {
        Edit("\"sha256\": \"", "\"sha256\": \"X");

        var run = Validate("out", "--expected", Expected);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"out/fixture\.json:\d+: error VA002 does not match the published schema at #/document\.source\.sha256: PatternMismatch", run.Stdout);
    }

    [Fact]
    public void A_value_the_format_does_not_know_fails_the_schema_and_the_reader_without_a_stack_trace()
    {
        Edit("\"frequency\": \"unspecified\"", "\"frequency\": \"sometimes\"");

        var run = Validate("out", "--expected", Expected);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("#/rules[0].frequency: NotInEnumeration", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"out/fixture\.json:\d+: error VA001 not a readable output file: .*\(at \$\.rules\[0\]\.frequency\)", run.Stdout);
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_json_is_reported_with_its_line()
    {
        var json = File.ReadAllText(OutputFile);
        File.WriteAllText(OutputFile, json[..(json.Length / 2)]);

        var run = Validate("out", "--expected", Expected);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"out/fixture\.json:\d+: error VA001 not a readable output file: ", run.Stdout);
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_expectations_is_not_a_pass()
    {
        File.Move(OutputFile, Path.Combine(_temp.FullName, "out", "other.json"));
        Replace(Path.Combine(_temp.FullName, "out", "other.json"), "\"id\": \"fixture\"", "\"id\": \"other\"");

        var run = Validate("out", "--expected", Expected);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error VA003 no expectations for document other in ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("error VA004 expectations for fixture, but no output file for it", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_and_input_errors_exit_2()
    {
        var missingOutput = Validate("nowhere", "--expected", Expected);
        Assert.Equal(2, missingOutput.ExitCode);
        Assert.Contains("nowhere: error IN010", missingOutput.Stderr, StringComparison.Ordinal);

        var missingExpected = Validate("out", "--expected", "no-such-dir");
        Assert.Equal(2, missingExpected.ExitCode);
        Assert.Contains("no-such-dir: error IN010", missingExpected.Stderr, StringComparison.Ordinal);

        var noOption = Validate("out");
        Assert.Equal(2, noOption.ExitCode);
        Assert.Contains("--expected", noOption.Stderr, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(_temp.FullName, "empty"));
        var empty = Validate("empty", "--expected", Expected);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("empty: error VA006", empty.Stderr, StringComparison.Ordinal);

        var badExpectations = Directory.CreateDirectory(Path.Combine(_temp.FullName, "bad"));
        File.WriteAllText(Path.Combine(badExpectations.FullName, "fixture.rules.txt"), "rule 1.1\n  amount lots\n");
        var bad = Validate("out", "--expected", "bad");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad/fixture.rules.txt:2: error VA005 amount starts with one of", bad.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.Stderr, StringComparison.Ordinal);
    }

    private static void Replace(string path, string from, string to)
    {
        var json = File.ReadAllText(path);
        Assert.Contains(from, json, StringComparison.Ordinal);
        File.WriteAllText(path, json.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void A_policy_given_by_mistake_is_told_what_validate_wants()
    {
        File.Copy(Path.Combine(Expected, "fixture.txt"), Path.Combine(_temp.FullName, "policy.txt"));

        var run = Validate("policy.txt", "--expected", Expected);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("policy.txt: error VA001 not a readable output file: this is not JSON: validate checks the files extract writes (run 'policyextract extract' on a policy first, then validate its output)", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("0xE5", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_came_out_empty_is_shown_as_empty()
    {
        Edit("\"triggers\": [\n        \"主导国家标准制定\"\n      ]", "\"triggers\": [\n        \"\"\n      ]");

        var run = Validate("out", "--expected", Expected);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("    expected      主导国家标准制定\n    actual        (empty)\n", run.Stdout, StringComparison.Ordinal);
    }
}
