using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using PolicyExtract.Pipeline;

namespace PolicyExtract.Cli;

/// <summary>
/// Each document's budget, for the commands that read policies in bulk (extract, report): the options that set it and
/// the worker processes that enforce it. The tool starts copies of itself (the hidden <c>worker</c> command), so the
/// budget holds for the installed binary and for <c>dotnet policyextract.dll</c> alike.
/// </summary>
internal sealed class Budget
{
    public Option<int> TimeLimit { get; } = Usage.Count("--time-limit", "-t", (int)WorkerOptions.DefaultTimeLimit.TotalSeconds, "Seconds one document may take before it is stopped and reported (IN030); default 30");

    public Option<int> MemoryLimit { get; } = Usage.Count("--memory-limit", "-m", (int)(WorkerOptions.DefaultMemoryLimitBytes / (1024 * 1024)), "Megabytes of memory one document may take before it is stopped and reported (IN031); default 1024");

    public Option<bool> InProcess { get; } = new("--in-process") { Description = "Read every document in this process, without time or memory budgets (faster to start; one hostile file can stop the run)" };

    public IEnumerable<Option> Options => [TimeLimit, MemoryLimit, InProcess];

    /// <summary>The workers for a run, or null when <c>--in-process</c> was given.</summary>
    public WorkerPool? Pool(ParseResult parse, string? grammarDirectory)
    {
        if (parse.GetValue(InProcess))
        {
            return null;
        }

        var seconds = parse.GetValue(TimeLimit);
        var megabytes = parse.GetValue(MemoryLimit);
        var (program, arguments) = Self();
        arguments = [.. arguments, "worker", "--time-limit", Text(seconds), "--memory-limit", Text(megabytes)];
        if (grammarDirectory is not null)
        {
            arguments = [.. arguments, "--grammar", Path.GetFullPath(grammarDirectory)];
        }

        return new WorkerPool(new WorkerOptions(program, arguments, TimeSpan.FromSeconds(seconds), megabytes * 1024L * 1024));
    }

    /// <summary>
    /// How to start this tool again: the installed binary starts itself; under <c>dotnet policyextract.dll</c> the host
    /// is the process and the assembly its first argument.
    /// </summary>
    private static (string Program, ImmutableArray<string> Arguments) Self()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the tool cannot tell where it runs from");
        return string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? (process, [typeof(Budget).Assembly.Location])
            : (process, []);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The hidden command a worker runs: requests on standard input, answers on standard output.</summary>
    public static Command WorkerCommand()
    {
        var budget = new Budget();
        var grammar = ExtractCommand.GrammarOption();
        var command = new Command("worker", "Reads documents for another policyextract process (internal)") { Hidden = true };
        command.Options.Add(budget.TimeLimit);
        command.Options.Add(budget.MemoryLimit);
        command.Options.Add(grammar);
        command.SetAction(parse =>
        {
            var loaded = ExtractCommand.LoadGrammar(parse.GetValue(grammar));
            if (loaded is null)
            {
                return ExtractCommand.ExitGrammar;
            }

            using var output = Console.OpenStandardOutput();
            return WorkerPool.Serve(new PolicyPipeline(loaded), Console.In, output, TimeSpan.FromSeconds(parse.GetValue(budget.TimeLimit)), parse.GetValue(budget.MemoryLimit) * 1024L * 1024);
        });
        return command;
    }
}
