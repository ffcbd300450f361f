using System.Collections.Immutable;
using PolicyExtract.Diagnostics;
using PolicyExtract.Ingest;
using PolicyExtract.Metadata;
using PolicyExtract.Output;

namespace PolicyExtract.Pipeline;

/// <summary>What one <see cref="BatchExtractor.Run"/> did: every input's result, in input order, and the files written.</summary>
public sealed record BatchResult(ImmutableArray<ExtractionResult> Results, ImmutableArray<string> Written)
{
    public int Failed => Results.Count(r => r.Failed);

    public IEnumerable<Diagnostic> Diagnostics => Results.SelectMany(r => r.Diagnostics);
}

/// <summary>
/// Runs the pipeline over files and folders and writes <c>&lt;out&gt;/&lt;file name without extension&gt;.json</c> for each
/// document (or another view of it, through <see cref="Write"/>), atomically. A failing input never stops the others.
/// Inputs are taken in a fixed order (folders walked in ordinal order of their relative paths), so a run's output does
/// not depend on the file system's listing order.
/// </summary>
public sealed class BatchExtractor(PolicyPipeline pipeline)
{
    /// <summary>Expands files and folders into the inputs to read, each with the path shown for it (forward slashes).</summary>
    public static ImmutableArray<(string Path, string Display)> ExpandInputs(IEnumerable<string> inputs, List<Diagnostic> problems)
    {
        var files = new List<(string, string)>();
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add((input, Slashes(input)));
            }
            else if (Directory.Exists(input))
            {
                var found = Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                    .Select(f => (Path: f, Relative: Slashes(Path.GetRelativePath(input, f))))
                    .Where(f => !f.Relative.Split('/').Any(part => part.StartsWith('.')) && FormatDetection.IsCandidate(f.Path))
                    .OrderBy(f => f.Relative, StringComparer.Ordinal);
                files.AddRange(found.Select(f => (f.Path, Slashes(Path.Join(input, f.Relative)))));
            }
            else
            {
                problems.Add(Diagnostic.Create(DiagnosticCatalog.InputNotFound, input, null));
            }
        }

        return [.. files];
    }

    /// <summary>
    /// Extracts every input without writing anything: one result per input (a missing input is a failed result), in
    /// input order, drafting notes linked to the policy they explain when it is among the inputs.
    /// </summary>
    public ImmutableArray<ExtractionResult> ExtractAll(IEnumerable<string> inputs)
    {
        var problems = new List<Diagnostic>();
        var files = ExpandInputs(inputs, problems);
        var results = new List<ExtractionResult>(problems.Select(p => new ExtractionResult(p.File, null, [p])));
        results.AddRange(files.Select(f => ProcessContained(f.Path, f.Display)));
        return [.. LinkExplained(results)];
    }

    public BatchResult Run(IEnumerable<string> inputs, string outputDirectory) =>
        Write(ExtractAll(inputs), outputDirectory, ".json", r => PolicyJson.Serialize(r.Document!));

    /// <summary>
    /// Writes <c>&lt;out&gt;/&lt;document id&gt;&lt;extension&gt;</c> for every extracted document, atomically, in input order.
    /// Any view of the documents (the JSON, the review pages) is written through here, so all of them name, guard
    /// against name collisions and report write failures the same way: a second document with a taken name, or one
    /// that cannot be written, becomes a failed result naming its file, and the others are still written.
    /// </summary>
    /// <param name="render">The file's content for a result that has a document.</param>
    public static BatchResult Write(IEnumerable<ExtractionResult> results, string outputDirectory, string extension, Func<ExtractionResult, byte[]> render)
    {
        var linked = results.ToList();
        var written = new List<string>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < linked.Count; i++)
        {
            if (linked[i].Document is not { } document)
            {
                continue;
            }

            var name = document.Document.Id + extension;
            if (!owners.TryAdd(name, linked[i].File))
            {
                linked[i] = linked[i] with
                {
                    Document = null,
                    Diagnostics = linked[i].Diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.OutputCollision, linked[i].File, null, name, owners[name])),
                };
                continue;
            }

            var target = Path.Combine(outputDirectory, name);
            try
            {
                AtomicFile.Write(target, render(linked[i]));
                written.Add(target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                linked[i] = linked[i] with
                {
                    Document = null,
                    Diagnostics = linked[i].Diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.CannotWrite, linked[i].File, null, target, e.Message)),
                };
            }
        }

        return new BatchResult([.. linked], [.. written]);
    }

    /// <summary>
    /// A bug met on one document must not cost the user the others: it becomes that document's error (without a stack
    /// trace), and the run goes on.
    /// </summary>
    private ExtractionResult ProcessContained(string path, string display)
    {
        try
        {
            return pipeline.ProcessFile(path, display);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ExtractionResult(display, null, [Diagnostic.Create(DiagnosticCatalog.InternalError, display, null, e.GetType().Name, e.Message)]);
        }
    }

    /// <summary>Drafting notes name the policy they explain by title; when that policy is among the inputs, record its id.</summary>
    private static List<ExtractionResult> LinkExplained(List<ExtractionResult> results)
    {
        var byTitle = results
            .Where(r => r.Document?.Document.Title is not null && r.Document.Document.Explains is null)
            .GroupBy(r => TitleKey(r.Document!.Document.Title!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Document!.Document.Id, StringComparer.Ordinal);
        var linked = new List<ExtractionResult>(results.Count);
        foreach (var result in results)
        {
            if (result.Document is not { Document.Explains: { } explains } document)
            {
                linked.Add(result);
                continue;
            }

            if (byTitle.TryGetValue(TitleKey(explains.Title), out var id))
            {
                var metadata = document.Document with { Explains = explains with { DocumentId = id } };
                linked.Add(result with { Document = document with { Document = metadata } });
            }
            else
            {
                var info = Diagnostic.Create(DiagnosticCatalog.ExplainedPolicyNotFound, result.File, null, explains.Title);
                linked.Add(result with
                {
                    Document = document with { Diagnostics = document.Diagnostics.Add(DiagnosticRecord.From(info)) },
                    Diagnostics = result.Diagnostics.Add(info),
                });
            }
        }

        return linked;
    }

    private static string Slashes(string path) => path.Replace('\\', '/');

    /// <summary>
    /// Titles as compared for linking: the same policy is typeset with different dashes, brackets and spaces in different
    /// documents (（2021—2035年） / （2021－2035年） / (2021-2035年)).
    /// </summary>
    private static string TitleKey(string title)
    {
        var key = new System.Text.StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            key.Append(c switch
            {
                '—' or '－' or '–' or '‒' or '―' or '~' or '～' => '-',
                '(' => '（',
                ')' => '）',
                _ => c,
            });
        }

        return key.ToString();
    }
}
