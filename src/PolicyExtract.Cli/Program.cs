using System.CommandLine;
using PolicyExtract.Cli;
using PolicyExtract.Diagnostics;

var root = new RootCommand("PolicyExtract: turns Chinese government incentive policies into structured, checkable rules.")
{
    ExtractCommand.Create(),
    ValidateCommand.Create(),
    CheckCommand.Create(),
    DiffCommand.Create(),
    ReportCommand.Create(),
    ScoreCommand.Create(),
    Budget.WorkerCommand(),
};

var parse = root.Parse(args);
if (Usage.Report(parse) is { } usage)
{
    return usage;
}

try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    // Every expected failure is a message with its file and line; this is a bug, and a user gets one line, not a trace.
    Console.Error.WriteLine(Diagnostic.Escape($"policyextract: internal error ({e.GetType().Name}: {e.Message}); please report it with the command line that gave it"));
    return 70;
}
