using System.Text;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Robustness;

/// <summary>
/// What a careless operator does, end to end through the command line: empty or malformed arguments, outputs aimed at
/// the inputs, an errors file that cannot be written, special files named on their own, odd file names, and an output
/// edited into a shape that hides its rules. Each is a clear message and the right exit code; nothing is overwritten,
/// dropped or forged.
/// </summary>
public sealed class CarelessOperatorTests : IDisposable
{
    private readonly TempFolder _temp = new("policyextract-careless-");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("extract: error Option '--jobs' takes a whole number of at least 1, not 'abc'.", "extract", "seeds", "--out", "OUT", "--jobs", "abc")]
    [InlineData("extract: error Option '--jobs' takes a whole number of at least 1, not '0'.", "extract", "seeds", "--out", "OUT", "--jobs", "0")]
    [InlineData("extract: error Option '--out' needs a path, not an empty string.", "extract", "seeds", "--out", "")]
    [InlineData("extract: error Option '--errors' needs a path, not an empty string.", "extract", "seeds", "--out", "OUT", "--errors", "")]
    [InlineData("extract: error Option '--time-limit' takes a whole number of at least 1, not 'soon'.", "extract", "seeds", "--out", "OUT", "--time-limit", "soon")]
    [InlineData("extract: error An empty string is not a path: name a file or a folder.", "extract", "", "--out", "OUT")]
    [InlineData("report: error Option '--out' needs a path, not an empty string.", "report", "seeds", "--out", "")]
    [InlineData("diff: error Option '--html' needs a path, not an empty string.", "diff", "seeds/SEED", "seeds/SEED", "--html", "")]
    [InlineData("validate: error Option '--expected' needs a path, not an empty string.", "validate", "output", "--expected", "")]
    public void A_malformed_argument_is_a_usage_error_in_one_line(string message, params string[] args)
    {
        var seed = Path.GetFileName(Repo.Seed("000"));
        var run = CliProcess.Invoke(Repo.Root, [.. args.Select(a => a.Replace("OUT", Path.Combine(_temp.FullName, "out")).Replace("SEED", seed))]);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(message, lines[0]);
        Assert.StartsWith("usage: see 'policyextract ", lines[^1]);
        Assert.DoesNotContain("Unhandled", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_temp.FullName, "out")));
    }

    [Fact]
    public void A_review_page_never_overwrites_the_page_it_reviews_and_review_pages_are_not_read_as_policies()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp.FullName, "pages")).FullName;
        var page = Path.Combine(folder, "policy.html");
        var published = "<html><body><h1>某区促进企业发展若干措施</h1><p>一、对获得国家级奖项的企业给予最高30万元奖励。</p></body></html>";
        File.WriteAllText(page, published);
        File.Copy(Repo.Seed("000"), Path.Combine(folder, "seed.txt"));

        var first = CliProcess.Invoke(Repo.Root, "report", folder, "--out", folder);

        Assert.Equal(1, first.ExitCode);
        Assert.Contains($"{page}: error IN033 its output {page} would overwrite an input of this run; write to another folder", first.Stderr);
        Assert.Equal(published, File.ReadAllText(page));
        Assert.True(File.Exists(Path.Combine(folder, "seed.html")));

        // The next run over the folder finds the page it wrote and leaves it out, saying so.
        var second = CliProcess.Invoke(Repo.Root, "report", folder, "--out", Path.Combine(_temp.FullName, "elsewhere"));
        Assert.Contains($"{Path.Combine(folder, "seed.html")}: warning IN035 skipped: a review page PolicyExtract wrote, not a policy", second.Stderr);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["policy.html", "seed.html"], Directory.GetFiles(Path.Combine(_temp.FullName, "elsewhere")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Diff_never_writes_its_page_over_a_version_it_compares()
    {
        var older = Path.Combine(_temp.FullName, "old.txt");
        var newer = Path.Combine(_temp.FullName, "new.html");
        File.Copy(Repo.Seed("000"), older);
        File.WriteAllText(newer, "<html><body><h1>某区促进企业发展若干措施</h1><p>一、给予最高30万元奖励。</p></body></html>");
        var before = File.ReadAllBytes(newer);

        var run = CliProcess.Invoke(_temp.FullName, "diff", "old.txt", "new.html", "--html", "./new.html");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("./new.html: error --html names a version being compared", run.Stderr);
        Assert.Equal(before, File.ReadAllBytes(newer));
    }

    [Fact]
    public void An_errors_file_that_cannot_be_written_fails_the_run()
    {
        // A file where the errors file's folder should be: no run can create it.
        var blocker = _temp.Write("blocker", "a file, not a folder");
        var run = CliProcess.Invoke(Repo.Root, "extract", Repo.Seed("000"), "--out", Path.Combine(_temp.FullName, "out"), "--errors", Path.Combine(blocker, "errors.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error IN012 cannot write", run.Stderr);
        Assert.Contains("the run's errors could not be written to", run.Stderr);
        Assert.True(File.Exists(Path.Combine(_temp.FullName, "out", Path.GetFileNameWithoutExtension(Repo.Seed("000")) + ".json")));
    }

    [Fact]
    public void A_device_or_a_fifo_named_on_its_own_is_refused_without_reading_it()
    {
        var zero = Path.Combine(_temp.FullName, "zero.txt");
        File.CreateSymbolicLink(zero, "/dev/zero");
        var fifo = Path.Combine(_temp.FullName, "fifo.txt");
        Assert.Equal(0, ChildProcess.Invoke("mkfifo", [fifo], TimeSpan.FromSeconds(10)).ExitCode);

        var run = CliProcess.Invoke(_temp.FullName, "extract", "zero.txt", "fifo.txt", "--out", "out");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("zero.txt: error IN017 this is a character device, not a file; only regular files are read", run.Stderr);
        Assert.Contains("fifo.txt: error IN017 this is a FIFO (named pipe), not a file; only regular files are read", run.Stderr);
    }

    [Fact]
    public void Odd_file_names_keep_their_identity_and_cannot_forge_a_message_line()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp.FullName, "in")).FullName;
        var seed = File.ReadAllBytes(Repo.Seed("000"));
        string[] names = ["a\\b.txt", "x\\..\\y.txt", "forged.txt\nevil.txt: error IN001 the file is empty\nz.txt"];
        foreach (var name in names)
        {
            File.WriteAllBytes(Path.Combine(folder, name), seed);
        }

        var run = CliProcess.Invoke(_temp.FullName, "extract", "in", "--out", "out");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["a\\b.json", "errors.json", "forged.txt\nevil.txt: error IN001 the file is empty\nz.json", "x\\..\\y.json"],
            Directory.GetFiles(Path.Combine(_temp.FullName, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("in/a\\b.txt: warning IN034 the file name holds a backslash", run.Stderr);
        Assert.Contains("in/x\\..\\y.txt: warning IN034 the file name holds a backslash", run.Stderr);
        Assert.Contains("in/forged.txt\\nevil.txt: error IN001 the file is empty\\nz.txt: warning IN034 the file name holds a line break", run.Stderr);
        Assert.DoesNotContain(run.Stderr.Split('\n'), line => line.StartsWith("evil.txt", StringComparison.Ordinal));
        Assert.Contains("3 inputs: 3 written", run.Stderr);
    }

    [Fact]
    public void Validate_refuses_an_output_whose_repeated_key_would_hide_its_rules()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp.FullName, "edited")).FullName;
        var name = Path.GetFileNameWithoutExtension(Repo.Seed("000")) + ".json";
        var json = File.ReadAllText(Path.Combine(Repo.Root, "output", name));
        var edited = json.Replace("\n  \"rules\": [", "\n  \"rules\": [],\n  \"rules\": [", StringComparison.Ordinal);
        Assert.NotEqual(json, edited);
        File.WriteAllText(Path.Combine(folder, name), edited, new UTF8Encoding(false));

        var validate = CliProcess.Invoke(Repo.Root, "validate", folder, "--expected", "tests/PolicyExtract.Tests/Specs/Seeds");
        var diff = CliProcess.Invoke(Repo.Root, "diff", Path.Combine("output", name), Path.Combine(folder, name));

        Assert.Contains("error VA001 not a readable output file: ", validate.Stderr + validate.Stdout);
        Assert.Contains("rules", validate.Stderr + validate.Stdout);
        Assert.NotEqual(0, validate.ExitCode);
        Assert.Equal(2, diff.ExitCode);
        Assert.Contains("VA001", diff.Stderr);
    }

    [Fact]
    public void A_worker_runs_the_same_code_as_the_process_and_writes_the_same_bytes()
    {
        string[] inputs = ["seeds", "tests/PolicyExtract.Tests/Specs/Corpus/Dev"];
        var isolated = Path.Combine(_temp.FullName, "isolated");
        var inProcess = Path.Combine(_temp.FullName, "in-process");

        var a = CliProcess.Invoke(Repo.Root, ["extract", .. inputs, "--out", isolated]);
        var b = CliProcess.Invoke(Repo.Root, ["extract", .. inputs, "--out", inProcess, "--in-process"]);

        Assert.Equal(b.ExitCode, a.ExitCode);
        var files = Directory.GetFiles(inProcess).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 25);
        Assert.Equal(files, Directory.GetFiles(isolated).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.True(
            File.ReadAllBytes(Path.Combine(isolated, f!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(inProcess, f!))), f));
    }
}
