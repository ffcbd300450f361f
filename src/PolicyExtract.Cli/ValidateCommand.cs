using System.CommandLine;
using PolicyExtract.Diagnostics;
using PolicyExtract.Pipeline;
using PolicyExtract.Report;
using PolicyExtract.Validation;

namespace PolicyExtract.Cli;

/// <summary>
/// <c>validate &lt;output dir or file&gt; --expected &lt;dir&gt; [--json]</c>: every output against the published schema and
/// its document's curated expectations. The report goes to stdout; input errors to stderr.
/// </summary>
internal static class ValidateCommand
{
    public const int ExitMatches = 0;
    public const int ExitDiffers = 1;
    public const int ExitUsage = 2;

    public static Command Create()
    {
        var output = new Argument<string>("output") { Description = "An output folder (every *.json in it but the schema) or one output file" };
        var expected = new Option<string>("--expected") { Required = true, Description = "Folder of curated expectations: NNN.rules.txt, NNN.clauses.txt, NNN.document.txt" };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON" };
        Usage.RequireNonEmpty(expected);
        var command = new Command("validate", "Check outputs against the schema and the curated expectations; exit 0 only when all match") { output, expected, json };
        Usage.RejectUnknownOptions(command, output);
        command.SetAction(parse => Run(parse.GetValue(output)!, parse.GetValue(expected)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(string output, string expected, bool json)
    {
        var usage = new List<Diagnostic>();
        var outputs = Outputs(output, usage);
        if (!Directory.Exists(expected))
        {
            usage.Add(Diagnostic.Create(DiagnosticCatalog.InputNotFound, expected, null));
        }

        if (usage.Count > 0)
        {
            return Fail(usage);
        }

        var report = new OutputValidator(OutputSchema.Published).Validate(outputs, expected, expected.TrimEnd('/', '\\'), requireAll: Directory.Exists(output));
        if (!report.InputErrors.IsEmpty)
        {
            return Fail(report.InputErrors);
        }

        Console.Out.Write(json ? ValidationJson.Render(report) : ValidationText.Render(report));
        return report.Passed ? ExitMatches : ExitDiffers;
    }

    private static int Fail(IEnumerable<Diagnostic> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        return ExitUsage;
    }

    /// <summary>An output folder's JSON files (not its schema, not the run's errors.json) in ordinal order, or the one file named.</summary>
    private static List<(string Path, string Display)> Outputs(string output, List<Diagnostic> usage)
    {
        if (File.Exists(output))
        {
            return [(output, Slashes(output))];
        }

        if (!Directory.Exists(output))
        {
            usage.Add(Diagnostic.Create(DiagnosticCatalog.InputNotFound, output, null));
            return [];
        }

        var files = Directory.EnumerateFiles(output, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.') && Path.GetFileName(f) != BatchExtractor.ErrorsFileName)
            .Select(f => (Path: f, Display: Slashes(Path.Join(output, Path.GetFileName(f)))))
            .OrderBy(f => f.Display, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            usage.Add(Diagnostic.Create(DiagnosticCatalog.NoOutputFiles, output, null));
        }

        return files;
    }

    private static string Slashes(string path) => path.Replace('\\', '/');
}
