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

// validate's exit codes are a contract for CI scripts: 1 means "the output is wrong", so a mistyped command line must
// not look like that. (extract keeps the library's 1, as its README section has always said.)
if (parse.Errors.Count > 0 && parse.CommandResult.Command.Name is "validate" or "check" or "diff" or "score")
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"{parse.CommandResult.Command.Name}: error {error.Message}");
    }

    Console.Error.WriteLine($"usage: see 'policyextract {parse.CommandResult.Command.Name} --help'");
    return ValidateCommand.ExitUsage;
}

return parse.Invoke();
