using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using PolicyExtract.Diagnostics;
using PolicyExtract.Grammar;
using PolicyExtract.Pipeline;

namespace PolicyExtract.Cli;

/// <summary>
/// <c>extract &lt;files or folders…&gt; [--out &lt;dir&gt;] [--jsonl] [--jobs N] [--errors file]</c>: one JSON per policy,
/// extracted in parallel and written as it is done; messages, progress and the summary on stderr. With
/// <c>--explain &lt;clause&gt;</c> and one file, how that clause was read instead.
/// </summary>
internal static class ExtractCommand
{
    public const int ExitOk = 0;
    public const int ExitSomeFailed = 1;
    public const int ExitGrammar = 3;

    /// <summary>The shell's convention for a run ended by Ctrl-C (128 + SIGINT).</summary>
    public const int ExitInterrupted = 130;

    public static Command Create()
    {
        var inputs = InputsArgument();
        var output = new Option<string?>("--out", "-o") { Description = "Folder for the JSON output, one file per document, and errors.json (created if missing)" };
        var jsonl = new Option<bool>("--jsonl") { Description = "Write each document to standard output as one line of JSON (JSON Lines), in input order" };
        var jobs = Usage.Count("--jobs", "-j", Environment.ProcessorCount, "Documents extracted at once (default: one per core)");
        var errors = new Option<string?>("--errors") { Description = "Where to write the run's errors as JSON (default: <out>/errors.json)" };
        var explain = new Option<string?>("--explain") { Description = "Print how each segment of this clause (its path, as in the JSON: 2.3) of the one file given was read, and its rules; writes nothing", HelpName = "clause" };
        var grammar = GrammarOption();
        Usage.RequireNonEmpty(output, errors, grammar, explain);
        var budget = new Budget();
        var command = new Command("extract", "Extract clauses, metadata and rules from policy documents (.txt, .html, .docx, .pdf)") { inputs, output, jsonl, jobs, errors, grammar, explain };
        foreach (var option in budget.Options)
        {
            command.Options.Add(option);
        }

        Usage.RejectUnknownOptions(command, inputs);
        command.Validators.Add(result =>
        {
            if (result.GetValue(explain) is not null)
            {
                if (result.GetValue(inputs) is not [_] || result.GetValue(output) is not null || result.GetValue(jsonl))
                {
                    result.AddError("Option '--explain' reads one file and writes nothing: give one file, without '--out' or '--jsonl'.");
                }
            }
            else if (result.GetValue(output) is null && !result.GetValue(jsonl))
            {
                result.AddError("Option '--out' is required unless '--jsonl' is given: say where the documents go.");
            }
        });
        command.SetAction(parse => parse.GetValue(explain) is { } clause ? Explain(parse.GetValue(inputs)![0], clause, parse.GetValue(grammar)) : Run(
            parse.GetValue(inputs)!,
            parse.GetValue(output),
            parse.GetValue(jsonl),
            parse.GetValue(jobs),
            parse.GetValue(errors),
            parse.GetValue(grammar),
            grammarDirectory => budget.Pool(parse, grammarDirectory)));
        return command;
    }

    /// <summary>What every command that writes a file per policy takes: the inputs, <c>--out</c> and <c>--grammar</c>.</summary>
    internal static (Argument<string[]> Inputs, Option<string?> Output, Option<string?> Grammar) Arguments(string outputDescription)
    {
        var output = new Option<string?>("--out", "-o") { Required = true, Description = outputDescription };
        var grammar = GrammarOption();
        Usage.RequireNonEmpty(output, grammar);
        return (InputsArgument(), output, grammar);
    }

    private static Argument<string[]> InputsArgument() =>
        new("inputs") { Arity = ArgumentArity.OneOrMore, Description = "Policy files (.txt in any Chinese encoding, .html/.htm, .docx, .pdf with a text layer) or folders of them" };

    internal static Option<string?> GrammarOption() =>
        new("--grammar") { Description = "Grammar folder (default: the grammar shipped with the tool)" };

    private static int Run(string[] inputs, string? outputDirectory, bool jsonl, int jobs, string? errorsFile, string? grammarDirectory, Func<string?, WorkerPool?> workers)
    {
        var clock = Stopwatch.StartNew();
        var grammar = LoadGrammar(grammarDirectory);
        if (grammar is null)
        {
            return ExitGrammar;
        }

        using var cancel = new CancellationTokenSource();
        using var interrupt = OnSignal(PosixSignal.SIGINT, cancel);
        using var terminate = OnSignal(PosixSignal.SIGTERM, cancel);

        using var jsonOut = jsonl ? Console.OpenStandardOutput() : null;
        using var pool = workers(grammarDirectory);
        var extractor = new BatchExtractor(new PolicyPipeline(grammar), new BatchOptions { Workers = jobs, Cancel = cancel.Token, Isolation = pool });
        var run = RunProgress.Show(observer => extractor.Run(inputs, outputDirectory, observer, errorsFile), jsonOut);
        jsonOut?.Flush();

        var seconds = clock.Elapsed.TotalSeconds;

        // Without --out every document went to standard output as a line; with both, the files are counted.
        var (written, where) = outputDirectory is null ? (run.Documents, "standard output") : (run.Written.Length, jsonl ? $"{outputDirectory} and standard output" : outputDirectory);
        foreach (var notice in run.Notices)
        {
            Console.Error.WriteLine(notice);
        }

        if (!run.Skipped.IsEmpty)
        {
            const int named = 5;
            var kinds = run.Skipped.GroupBy(f => Path.GetExtension(f) is { Length: > 0 } e ? e.ToLowerInvariant() : "(no extension)", StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} ×{g.Count()}");
            Console.Error.WriteLine(
                $"skipped {run.Skipped.Length} file{(run.Skipped.Length == 1 ? "" : "s")} of other kinds in the folders given ({string.Join(", ", kinds)}): " +
                string.Join(", ", run.Skipped.Take(named).Select(Diagnostic.Escape)) + (run.Skipped.Length > named ? ", …" : "") + "; extract reads .txt, .html, .docx and .pdf");
        }

        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{run.Inputs} inputs: {written} written to {where}, {run.Failed} failed; " +
            $"{run.Clauses} clauses, {run.Rules} rules, {run.Warnings} warnings, {run.Errors.Length} errors; " +
            $"{seconds:0.00} s, {run.Handled / seconds:0.0} documents/s, {run.Bytes / 1e6 / seconds:0.00} MB/s"));

        // The messages scrolled past during a long run; what failed is repeated where the user looks last.
        var failures = run.Errors.GroupBy(e => e.File, StringComparer.Ordinal).ToList();
        if (failures.Count > 0)
        {
            const int shown = 20;
            Console.Error.WriteLine($"errors in {failures.Count} input{(failures.Count == 1 ? "" : "s")}:");
            foreach (var failure in failures.Take(shown))
            {
                Console.Error.WriteLine("  " + failure.First());
            }

            if (failures.Count > shown)
            {
                Console.Error.WriteLine($"  … and {failures.Count - shown} more");
            }
        }

        if (run.ErrorsFile is not null)
        {
            Console.Error.WriteLine(Diagnostic.Escape($"errors listed in {run.ErrorsFile}"));
        }
        else if (run.ErrorsFileFailed)
        {
            Console.Error.WriteLine(Diagnostic.Escape($"the run's errors could not be written to {errorsFile ?? Path.Combine(outputDirectory!, BatchExtractor.ErrorsFileName)}: see the error above"));
        }

        if (run.Interrupted)
        {
            Console.Error.WriteLine(
                $"interrupted after {run.Handled} of {run.Inputs} inputs: every file written is complete; run the same command again to write the rest");
            return ExitInterrupted;
        }

        return run.Failed > 0 || run.ErrorsFileFailed ? ExitSomeFailed : ExitOk;
    }

    /// <summary>
    /// <c>extract FILE --explain CLAUSE</c>: the clause's text, each segment's role or the decision taken on it, and the
    /// rules the clause gave, on standard output. Exit 1 when the file cannot be read or has no such clause.
    /// </summary>
    private static int Explain(string file, string clausePath, string? grammarDirectory)
    {
        var grammar = LoadGrammar(grammarDirectory);
        if (grammar is null)
        {
            return ExitGrammar;
        }

        var pipeline = new PolicyPipeline(grammar);
        var result = pipeline.ProcessFile(file, file);
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == Severity.Error))
        {
            Console.Error.WriteLine(diagnostic);
        }

        if (result.Document is not { } document)
        {
            return ExitSomeFailed;
        }

        var clause = document.Clauses.SelectMany(c => c.DescendantsAndSelf()).FirstOrDefault(c => c.Path == clausePath);
        var readings = pipeline.Explain(result, clausePath);
        if (clause is null || readings is null)
        {
            const int named = 12;
            var paths = document.Clauses.SelectMany(c => c.DescendantsAndSelf()).Select(c => c.Path).ToList();
            Console.Error.WriteLine(Diagnostic.Escape(clause is null
                ? $"{file}: no clause {clausePath}; its clauses are {string.Join(", ", paths.Take(named))}{(paths.Count > named ? ", …" : "")}"
                : $"{file}: a {document.Document.Kind} grants nothing, so its clauses are not read for rules"));
            return ExitSomeFailed;
        }

        var output = Console.Out;
        output.WriteLine(Diagnostic.Escape($"{file} clause {clause.Path} (line {clause.Span.Line}): {clause.Text}"));
        foreach (var reading in readings)
        {
            output.WriteLine(Diagnostic.Escape(string.Create(CultureInfo.InvariantCulture, $"  [{reading.Start}, {reading.End}) {reading.Text}")));
            output.WriteLine(Diagnostic.Escape($"      → {reading.Role}"));
        }

        var rules = document.Rules.Where(r => r.Clause == clause.Path).ToList();
        output.WriteLine(rules.Count == 0 ? "no rules" : $"{rules.Count} rule{(rules.Count == 1 ? "" : "s")}:");
        foreach (var rule in rules)
        {
            // The fields as validate writes them, in the expectations' order, without the ones at their default.
            var fields = Validation.RuleFields.Of(rule);
            bool Shown(string name) =>
                fields.TryGetValue(name, out var values) && values.Any(v => v != Validation.RuleFields.None) && !(name == "currency" && values is ["CNY"])
                && !(Validation.RuleFields.DefaultsWhenComplete.TryGetValue(name, out var byDefault) && values is [var only] && only == byDefault);
            var written = Validation.RuleFields.Names.Where(Shown).Select(name => $"{name} {string.Join(" | ", fields[name])}");
            output.WriteLine(Diagnostic.Escape("  " + string.Join("; ", written)));
        }

        return ExitOk;
    }

    /// <summary>
    /// The first Ctrl-C (or a TERM) asks the run to stop between documents, so that it can say what it wrote; a second
    /// Ctrl-C ends the process at once, which atomic writes make safe too.
    /// </summary>
    private static PosixSignalRegistration OnSignal(PosixSignal signal, CancellationTokenSource cancel) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            if (!cancel.IsCancellationRequested)
            {
                context.Cancel = true;
                Console.Error.WriteLine("stopping: finishing the documents under way (Ctrl-C again to quit at once)");
                cancel.Cancel();
            }
        });

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
