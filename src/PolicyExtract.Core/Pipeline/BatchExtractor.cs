using System.Collections.Immutable;
using PolicyExtract.Diagnostics;
using PolicyExtract.Ingest;
using PolicyExtract.Metadata;
using PolicyExtract.Output;

namespace PolicyExtract.Pipeline;

/// <summary>What one <see cref="BatchExtractor.Write"/> did: every input's result, in input order, and the files written.</summary>
public sealed record BatchResult(ImmutableArray<ExtractionResult> Results, ImmutableArray<string> Written)
{
    public int Failed => Results.Count(r => r.Failed);

    public IEnumerable<Diagnostic> Diagnostics => Results.SelectMany(r => r.Diagnostics);
}

/// <summary>Follows a streaming run: told the number of inputs once, then each result as it is done (on one thread).</summary>
public interface IBatchObserver
{
    void Started(int inputs);

    void Finished(ExtractionResult result);
}

/// <summary>How a batch runs: how many documents are extracted at once, and when to stop.</summary>
public sealed record BatchOptions
{
    /// <summary>Documents extracted at once; the default is one per core.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Stops the run between documents: those under way are finished and written, no new one is started, and the run
    /// reports itself <see cref="BatchRun.Interrupted"/>. Files already written stay; a rerun writes the rest.
    /// </summary>
    public CancellationToken Cancel { get; init; }

    /// <summary>
    /// Worker processes to read each document in, within its time and memory budget; null reads them in this process,
    /// without budgets (the library's callers, the tests).
    /// </summary>
    public WorkerPool? Isolation { get; init; }

    /// <summary>
    /// Whether results keep the text they were read from (<see cref="ExtractionResult.Text"/>), for views that show it.
    /// A worker does not send it back, so a document that passed its worker is read again here.
    /// </summary>
    public bool KeepText { get; init; }
}

/// <summary>
/// Runs the pipeline over files and folders. <see cref="Run"/> streams: documents are extracted in parallel and each is
/// written as soon as it is its turn, so memory stays flat whatever the corpus size; <see cref="ExtractAll"/> keeps every
/// result for commands that need them together. A failing input never stops the others. Inputs are taken in a fixed
/// order (folders walked in ordinal order of their relative paths) and results are handled in that order, so a run's
/// output does not depend on the file system's listing order or on which worker finished first.
/// </summary>
public sealed class BatchExtractor(PolicyPipeline pipeline, BatchOptions? options = null)
{
    /// <summary>The run's own file in the output folder: every error of the run, machine-readable.</summary>
    public const string ErrorsFileName = "errors.json";

    private readonly BatchOptions _options = options ?? new BatchOptions();

    /// <summary>
    /// Extracts every input without writing anything: one result per input (a missing input is a failed result), in
    /// input order, drafting notes linked to the policy they explain when it is among the inputs.
    /// </summary>
    /// <param name="notices">Receives the warnings of the folder walk (special files, link loops, review pages), if given.</param>
    public ImmutableArray<ExtractionResult> ExtractAll(IEnumerable<string> inputs, List<Diagnostic>? notices = null)
    {
        var (files, problems, walked, _) = InputFiles.Expand(inputs);
        notices?.AddRange(walked);
        var results = new ExtractionResult[files.Length];
        var linker = new ExplainsLinker();
        foreach (var extracted in ExtractInOrder(files))
        {
            foreach (var (index, result) in linker.Offer(extracted.Index, extracted.Result))
            {
                results[index] = result;
            }
        }

        foreach (var (index, result) in linker.Finish())
        {
            results[index] = result;
        }

        return [.. problems.Select(p => new ExtractionResult(p.File, null, [p])), .. results];
    }

    /// <summary>
    /// Extracts every input and writes <c>&lt;out&gt;/&lt;document id&gt;.json</c> for each document as soon as it is
    /// done, atomically, then <c>&lt;out&gt;/errors.json</c>; hands each result to <paramref name="observer"/> (in input
    /// order, but for drafting notes, which wait until the policy they explain has been seen). Holds only the documents
    /// under way, never the corpus. Temp files a killed run left in the folder are removed first.
    /// </summary>
    /// <param name="outputDirectory">Where to write; null writes nothing (the results still reach <paramref name="observer"/>).</param>
    /// <param name="errorsFile">Where to write the run's errors; default <c>&lt;out&gt;/errors.json</c>, none without either.</param>
    public BatchRun Run(IEnumerable<string> inputs, string? outputDirectory, IBatchObserver? observer = null, string? errorsFile = null)
    {
        var (files, problems, notices, skipped) = InputFiles.Expand(inputs);
        errorsFile ??= outputDirectory is null ? null : Path.Combine(outputDirectory, ErrorsFileName);
        var folder = outputDirectory is null ? null : new OutputFolder(outputDirectory, ".json", errorsFile is null ? [] : [errorsFile], files.Select(f => f.Path));
        if (outputDirectory is not null)
        {
            AtomicFile.RemoveStale(outputDirectory);
        }

        var tally = new BatchTally(files.Length + problems.Length);
        observer?.Started(files.Length + problems.Length);
        foreach (var problem in problems)
        {
            Finish(new ExtractionResult(problem.File, null, [problem]), 0, null);
        }

        var targets = new Dictionary<int, (string? Target, long Bytes)>();
        var linker = new ExplainsLinker();
        foreach (var extracted in ExtractInOrder(files))
        {
            // Names are claimed in input order, before a drafting note may wait for its policy, so which of two
            // same-named files wins never depends on what they are.
            var (claimed, target) = folder is null ? (extracted.Result, null) : folder.Claim(extracted.Result);
            targets[extracted.Index] = (target, extracted.Bytes);
            foreach (var (index, result) in linker.Offer(extracted.Index, claimed))
            {
                Finish(result, targets[index].Bytes, targets[index].Target);
                targets.Remove(index);
            }
        }

        var interrupted = _options.Cancel.IsCancellationRequested;

        // An interrupted run leaves out the notes still waiting: linked against a part of the corpus, they would be
        // written differently from a whole run. The rerun writes them.
        foreach (var (index, result) in interrupted ? [] : linker.Finish())
        {
            Finish(result, targets[index].Bytes, targets[index].Target);
        }

        var run = tally.ToRun(interrupted) with { Skipped = skipped, Notices = notices };
        if (errorsFile is not null)
        {
            try
            {
                var record = new RunErrorsRecord(run.Inputs, run.Written.Length, run.Failed, run.Interrupted, [.. run.Errors.Select(ProblemRecord.From)]);
                AtomicFile.Write(errorsFile, RunErrorsJson.Serialize(record));
                run = run with { ErrorsFile = errorsFile };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                run = run with { Errors = run.Errors.Add(Diagnostic.Create(DiagnosticCatalog.CannotWrite, errorsFile, null, errorsFile, e.Message)), ErrorsFileFailed = true };
            }
        }

        return run;

        void Finish(ExtractionResult result, long bytes, string? target)
        {
            var written = false;
            if (target is not null)
            {
                (result, written) = folder!.Write(result, target, r => PolicyJson.Serialize(r.Document!));
            }

            tally.Add(result, bytes, written ? target : null);
            observer?.Finished(result);
        }
    }

    /// <summary>
    /// Writes <c>&lt;out&gt;/&lt;document id&gt;&lt;extension&gt;</c> for every extracted document, atomically, in input
    /// order, through an <see cref="OutputFolder"/> (names, collisions and write failures as there).
    /// </summary>
    /// <param name="render">The file's content for a result that has a document.</param>
    public static BatchResult Write(IEnumerable<ExtractionResult> results, string outputDirectory, string extension, Func<ExtractionResult, byte[]> render)
    {
        var materialized = results.ToList();
        var folder = new OutputFolder(outputDirectory, extension, [], materialized.Select(r => r.File));
        var handled = new List<ExtractionResult>();
        var written = new List<string>();
        foreach (var result in materialized)
        {
            var (claimed, target) = folder.Claim(result);
            if (target is null)
            {
                handled.Add(claimed);
                continue;
            }

            var (done, ok) = folder.Write(claimed, target, render);
            handled.Add(done);
            if (ok)
            {
                written.Add(target);
            }
        }

        return new BatchResult([.. handled], [.. written]);
    }

    private sealed record Extracted(int Index, ExtractionResult Result, long Bytes);

    private IEnumerable<Extracted> ExtractInOrder(ImmutableArray<(string Path, string Display)> files) =>
        OrderedParallel.Map(
            [.. files.Select((f, i) => (f.Path, f.Display, Index: i))],
            f => new Extracted(f.Index, ProcessContained(f.Path, f.Display), SizeOf(f.Path)),
            _options.Workers,
            window: 4 * _options.Workers,
            _options.Cancel);

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>
    /// A bug met on one document must not cost the user the others: it becomes that document's error (without a stack
    /// trace), and the run goes on.
    /// </summary>
    internal ExtractionResult ProcessContained(string path, string display)
    {
        if (_options.Isolation is { } pool)
        {
            var isolated = pool.Extract(path, display);
            return isolated.Failed || !_options.KeepText ? isolated : InProcess(path, display);
        }

        return InProcess(path, display);
    }

    private ExtractionResult InProcess(string path, string display)
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

}
