using System.CommandLine;
using System.Text;
using PolicyExtract.Output;
using PolicyExtract.Diff;
using PolicyExtract.Pipeline;
using PolicyExtract.Report;

namespace PolicyExtract.Cli;

/// <summary>
/// <c>diff &lt;old&gt; &lt;new&gt; [--json]</c>: what changed in substance between two versions of a policy, each a
/// source file or an output JSON. Exit 0 when nothing changed in substance, 1 when something did, 2 when a version
/// could not be read, 3 when the grammar is broken.
/// </summary>
internal static class DiffCommand
{
    public const int ExitSame = 0;
    public const int ExitChanged = 1;
    public const int ExitUsage = 2;

    public static Command Create()
    {
        var old = new Argument<string>("old") { Description = "The earlier version: a policy file or its output JSON" };
        var @new = new Argument<string>("new") { Description = "The later version: a policy file or its output JSON" };
        var json = new Option<bool>("--json") { Description = "Write the diff as JSON" };
        var html = new Option<string?>("--html") { Description = "Also write a review page of the new version with the changes marked (the new version must be a policy file)" };
        var grammar = new Option<string?>("--grammar") { Description = "Grammar folder for source files (default: the grammar shipped with the tool)" };
        Usage.RequireNonEmpty(html, grammar);
        var command = new Command("diff", "Compare two versions of a policy rule by rule; exit 1 when something changed in substance") { old, @new, json, html, grammar };
        Usage.RejectUnknownOptions(command, old, @new);
        command.SetAction(parse => Run(parse.GetValue(old)!, parse.GetValue(@new)!, parse.GetValue(json), parse.GetValue(html), parse.GetValue(grammar)));
        return command;
    }

    private static int Run(string oldPath, string newPath, bool json, string? htmlPath, string? grammarDirectory)
    {
        if (htmlPath is not null && new[] { oldPath, newPath }.Any(v => string.Equals(Path.GetFullPath(v), Path.GetFullPath(htmlPath), StringComparison.Ordinal)))
        {
            Console.Error.WriteLine(Diagnostics.Diagnostic.Escape($"{htmlPath}: error --html names a version being compared; the page would overwrite it: write it elsewhere"));
            return ExitUsage;
        }

        if (htmlPath is not null && VersionReader.IsOutput(newPath))
        {
            Console.Error.WriteLine($"{newPath}: error --html shows the new version's text, so the new version must be a policy file, not an output JSON");
            return ExitUsage;
        }

        PolicyPipeline? pipeline = null;
        if (!VersionReader.IsOutput(oldPath) || !VersionReader.IsOutput(newPath))
        {
            // A source file is extracted on the spot, with the grammar extract would use.
            if (ExtractCommand.LoadGrammar(grammarDirectory) is not { } grammar)
            {
                return ExtractCommand.ExitGrammar;
            }

            pipeline = new PolicyPipeline(grammar);
        }

        VersionRead[] versions = [VersionReader.Read(oldPath, oldPath, pipeline), VersionReader.Read(newPath, newPath, pipeline)];
        var problems = versions.SelectMany(v => v.Problems).ToList();
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        if (versions.Any(v => v.Document is null))
        {
            return ExitUsage;
        }

        var diff = PolicyDiffer.Compare(versions[0].Document!, versions[1].Document!);
        if (htmlPath is not null)
        {
            var page = DiffPage.Build(versions[1].Extraction!, diff, pipeline!.Grammar, oldPath, newPath);
            try
            {
                AtomicFile.Write(htmlPath, Encoding.UTF8.GetBytes(HtmlPage.Render(page)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{htmlPath}: error cannot write the page: {e.Message}");
                return ExitUsage;
            }
        }

        if (json && DiffText.Warning(diff) is { } warning)
        {
            Console.Error.WriteLine($"diff: warning {warning}");
        }

        Console.Out.Write(json ? DiffJson.Render(diff, oldPath, newPath) : DiffText.Render(diff, oldPath, newPath));
        return diff.HasSubstance ? ExitChanged : ExitSame;
    }
}
