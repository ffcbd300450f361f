using System.CommandLine;
using PolicyExtract.Cli;

var root = new RootCommand("PolicyExtract: turns Chinese government incentive policies into structured, checkable rules.")
{
    ExtractCommand.Create(),
};
return root.Parse(args).Invoke();
