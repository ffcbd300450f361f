using System.CommandLine;
using PolicyExtract.Diagnostics;
using PolicyExtract.Pipeline;
using PolicyExtract.Report;

namespace PolicyExtract.Cli;

/// <summary>
/// <c>report &lt;files or folders…&gt; --out &lt;dir&gt; [--grammar &lt;dir&gt;]</c>: one self-contained HTML review page per
/// policy (<see cref="HtmlReport"/>). Messages on stderr; exit codes as for extract.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var (inputs, output, grammar) = ExtractCommand.Arguments("Folder for the HTML pages (created if missing)");
        var budget = new Budget();
        var command = new Command("report", "Write a review page per policy: its text with every figure, cap, limit, threshold and trigger marked beside the table of its rules") { inputs, output, grammar };
        foreach (var option in budget.Options)
        {
            command.Options.Add(option);
        }

        Usage.RejectUnknownOptions(command, inputs);
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(grammar), grammarDirectory => budget.Pool(parse, grammarDirectory)));
        return command;
    }

    private static int Run(string[] inputs, string outputDirectory, string? grammarDirectory, Func<string?, WorkerPool?> workers)
    {
        var grammar = ExtractCommand.LoadGrammar(grammarDirectory);
        if (grammar is null)
        {
            return ExtractCommand.ExitGrammar;
        }

        using var pool = workers(grammarDirectory);
        var run = HtmlReport.Run(new PolicyPipeline(grammar), inputs, outputDirectory, pool);
        foreach (var diagnostic in run.Batch.Diagnostics.Where(d => d.Severity != Severity.Info).Concat(run.Notices))
        {
            Console.Error.WriteLine(diagnostic);
        }

        Console.Error.WriteLine(
            $"{run.Batch.Results.Length} inputs: {run.Batch.Written.Length} pages written to {outputDirectory}, {run.Batch.Failed} failed; " +
            $"{run.Pages.Sum(p => p.Page.Table.Rows.Length)} rules, {run.FiguresMarked} of {run.Figures} figures and {run.TriggersMarked} of {run.Triggers} triggers marked");
        return run.Batch.Failed > 0 ? ExtractCommand.ExitSomeFailed : ExtractCommand.ExitOk;
    }
}
