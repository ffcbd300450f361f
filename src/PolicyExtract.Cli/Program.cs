using System.CommandLine;
using PolicyExtract.Cli;

var root = new RootCommand("PolicyExtract: turns Chinese government incentive policies into structured, checkable rules.")
{
    ExtractCommand.Create(),
    ValidateCommand.Create(),
    CheckCommand.Create(),
    DiffCommand.Create(),
    ReportCommand.Create(),
    ScoreCommand.Create(),
};

var parse = root.Parse(args);
return Usage.Report(parse) ?? parse.Invoke();
