using System.CommandLine;
using PolicyExtract.Check;
using PolicyExtract.Diagnostics;
using PolicyExtract.Pipeline;
using PolicyExtract.Report;

namespace PolicyExtract.Cli;

/// <summary>
/// <c>check &lt;files or folders…&gt; [--grammar &lt;dir&gt;]</c>: extracts the inputs (nothing is written) and checks every
/// count a document states (共24条具体措施, 本章共3条) against the clause tree it describes. Report on stdout; extraction
/// errors on stderr.
/// </summary>
internal static class CheckCommand
{
    public const int ExitAgree = 0;
    public const int ExitDisagree = 1;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "Policy files (.txt, .html, .docx, .pdf) or folders of them; drafting notes with the policy they explain" };
        var grammar = new Option<string?>("--grammar") { Description = "Grammar folder (default: the grammar shipped with the tool)" };
        Usage.RequireNonEmpty(grammar);
        var command = new Command("check", "Check the counts documents state (共24条措施, 附则共6个条款) against the clause trees they describe") { inputs, grammar };
        Usage.RejectUnknownOptions(command, inputs);
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(grammar)));
        return command;
    }

    private static int Run(string[] inputs, string? grammarDirectory)
    {
        var grammar = ExtractCommand.LoadGrammar(grammarDirectory);
        if (grammar is null)
        {
            return ExtractCommand.ExitGrammar;
        }

        var results = new BatchExtractor(new PolicyPipeline(grammar)).ExtractAll(inputs);
        var notFound = results.SelectMany(r => r.Diagnostics).Where(d => d.Code == DiagnosticCatalog.InputNotFound.Code).ToList();
        if (notFound.Count > 0)
        {
            notFound.ForEach(d => Console.Error.WriteLine(d));
            return ValidateCommand.ExitUsage;
        }

        foreach (var diagnostic in results.SelectMany(r => r.Diagnostics).Where(d => d.Severity == Severity.Error))
        {
            Console.Error.WriteLine(diagnostic);
        }

        var documents = results.Where(r => r.Document is not null).Select(r => (r.File, r.Document!)).ToList();
        var checks = new CountChecker(grammar).Check(documents);
        Console.Out.Write(CountCheckText.Render(checks, documents.Count));
        var failed = results.Any(r => r.Failed) || checks.Any(c => c.Verdict == CountVerdict.Disagrees);
        return failed ? ExitDisagree : ExitAgree;
    }
}
