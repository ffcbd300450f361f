using System.CommandLine;
using System.Diagnostics;
using PolicyExtract.Diagnostics;
using PolicyExtract.Grammar;
using PolicyExtract.Pipeline;

namespace PolicyExtract.Cli;

/// <summary><c>extract &lt;files or folders…&gt; --out &lt;dir&gt;</c>: one JSON per policy; messages on stderr.</summary>
internal static class ExtractCommand
{
    public const int ExitOk = 0;
    public const int ExitSomeFailed = 1;
    public const int ExitGrammar = 3;

    public static Command Create()
    {
        var (inputs, output, grammar) = Arguments("Folder for the JSON output (created if missing)");
        var command = new Command("extract", "Extract clauses, metadata and rules from policy documents") { inputs, output, grammar };
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(grammar)));
        return command;
    }

    /// <summary>What every command that writes a file per policy takes: the inputs, <c>--out</c> and <c>--grammar</c>.</summary>
    internal static (Argument<string[]> Inputs, Option<string> Output, Option<string?> Grammar) Arguments(string outputDescription) =>
    (
        new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "Policy files (.txt, .html) or folders of them" },
        new Option<string>("--out", "-o") { Required = true, Description = outputDescription },
        new Option<string?>("--grammar") { Description = "Grammar folder (default: the grammar shipped with the tool)" });

    private static int Run(string[] inputs, string outputDirectory, string? grammarDirectory)
    {
        var clock = Stopwatch.StartNew();
        var grammar = LoadGrammar(grammarDirectory);
        if (grammar is null)
        {
            return ExitGrammar;
        }

        var result = new BatchExtractor(new PolicyPipeline(grammar)).Run(inputs, outputDirectory);
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity != Severity.Info))
        {
            Console.Error.WriteLine(diagnostic);
        }

        var documents = result.Results.Where(r => r.Document is not null).Select(r => r.Document!).ToList();
        var clauses = documents.Sum(d => d.Clauses.Sum(c => c.DescendantsAndSelf().Count()));
        var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        Console.Error.WriteLine(
            $"{result.Results.Length} inputs: {result.Written.Length} written to {outputDirectory}, {result.Failed} failed; " +
            $"{clauses} clauses, {documents.Sum(d => d.Rules.Length)} rules, {warnings} warnings; {clock.Elapsed.TotalSeconds:0.00} s");
        return result.Failed > 0 ? ExitSomeFailed : ExitOk;
    }

    internal static PolicyGrammar? LoadGrammar(string? directory)
    {
        var grammar = PolicyGrammar.Load(directory ?? PolicyGrammar.DefaultDirectory, out var problems);
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        return grammar;
    }
}
