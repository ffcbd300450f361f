using System.CommandLine;
using PolicyExtract.Diagnostics;
using PolicyExtract.Pipeline;
using PolicyExtract.Report;
using PolicyExtract.Validation;

namespace PolicyExtract.Cli;

/// <summary>
/// <c>score &lt;expectation folders…&gt; [--documents &lt;dir&gt;…] [--json | --markdown] [--grammar &lt;dir&gt;]</c>: extracts
/// every document of the folders and prints the comparison with its expectations as one table, a row per document and
/// the total. Nothing is written. Exit 0 when the table could be made (whatever the scores), 1 when a document could
/// not be extracted, 2 on usage errors (no such folder, no expectations in it, a stem without its document, a
/// malformed expectations file), 3 on an invalid grammar.
/// </summary>
internal static class ScoreCommand
{
    public const int ExitScored = 0;
    public const int ExitSomeFailed = 1;

    public static Command Create()
    {
        var folders = new Argument<string[]>("folders") { Arity = ArgumentArity.OneOrMore, Description = "Folders of curated expectations (STEM.rules.txt, STEM.clauses.txt, STEM.document.txt) with their documents (STEM_name.txt, .html, .docx, .pdf)" };
        var documents = new Option<string[]>("--documents") { Description = "A further folder to find documents in, for expectations kept apart from them (the seeds: --documents seeds); may be repeated" };
        var json = new Option<bool>("--json") { Description = "Write the scores as JSON" };
        var markdown = new Option<bool>("--markdown") { Description = "Write the table as Markdown (as SCORES.md holds it)" };
        var grammar = ExtractCommand.GrammarOption();
        Usage.RequireNonEmpty(documents, grammar);
        var command = new Command("score", "Extract the documents of expectation folders and print precision and recall per document and in total") { folders, documents, json, markdown, grammar };
        Usage.RejectUnknownOptions(command, folders);
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(markdown))
            {
                result.AddError("Options '--json' and '--markdown' cannot be used together.");
            }
        });
        command.SetAction(parse => Run(parse.GetValue(folders)!, parse.GetValue(documents) ?? [], parse.GetValue(json), parse.GetValue(markdown), parse.GetValue(grammar)));
        return command;
    }

    private static int Run(string[] folders, string[] documentFolders, bool json, bool markdown, string? grammarDirectory)
    {
        var missing = folders.Concat(documentFolders).Where(f => !Directory.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            missing.ForEach(f => Console.Error.WriteLine(Diagnostic.Create(DiagnosticCatalog.InputNotFound, f, null)));
            return ValidateCommand.ExitUsage;
        }

        var grammar = ExtractCommand.LoadGrammar(grammarDirectory);
        if (grammar is null)
        {
            return ExtractCommand.ExitGrammar;
        }

        var score = CorpusScorer.Score(new PolicyPipeline(grammar), folders, documentFolders);
        var usage = score.Problems.Concat(score.InputErrors).ToList();
        if (usage.Count > 0)
        {
            usage.ForEach(p => Console.Error.WriteLine(p));
            return ValidateCommand.ExitUsage;
        }

        Console.Out.Write(json ? ScoreReport.Json(score) : markdown ? ScoreReport.Markdown(score) : ScoreReport.Text(score));
        foreach (var error in score.Documents.SelectMany(d => d.Errors))
        {
            Console.Error.WriteLine(error);
        }

        return score.Documents.Any(d => d.Failed) ? ExitSomeFailed : ExitScored;
    }
}
