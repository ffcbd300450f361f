using System.Collections.Immutable;
using PolicyExtract.Diagnostics;

namespace PolicyExtract.Pipeline;

/// <summary>
/// What one streaming <see cref="BatchExtractor.Run"/> did, in counts: the documents themselves were written and let go.
/// </summary>
/// <param name="Inputs">Inputs named or found in folders, missing ones included.</param>
/// <param name="Handled">Inputs handled before the run ended: all of them unless <paramref name="Interrupted"/>.</param>
/// <param name="Written">Output files written, in the order written.</param>
/// <param name="Errors">Every error of the run: each failed input's, and any on inputs that still gave a document.</param>
/// <param name="ErrorsFile">Where the run wrote its errors as JSON; null when it wrote none (none asked for, or the write failed).</param>
/// <param name="Skipped">Files in the folders given that are not a kind the run reads (.jpg, .csv, .md …), as shown.</param>
public sealed record BatchRun(
    int Inputs,
    int Handled,
    int Documents,
    int Failed,
    ImmutableArray<string> Written,
    int Clauses,
    int Rules,
    int Warnings,
    long Bytes,
    ImmutableArray<Diagnostic> Errors,
    bool Interrupted,
    string? ErrorsFile = null)
{
    public ImmutableArray<string> Skipped { get; init; } = [];

    /// <summary>Warnings about what the folder walk left out (special files, link loops, review pages), as found.</summary>
    public ImmutableArray<Diagnostic> Notices { get; init; } = [];

    /// <summary>The run's errors were to be written to a file and could not be: the run failed, whatever its documents did.</summary>
    public bool ErrorsFileFailed { get; init; }
}

/// <summary>Counts results as they stream past; keeps the errors, not the documents.</summary>
internal sealed class BatchTally(int inputs)
{
    private readonly List<string> _written = [];
    private readonly List<Diagnostic> _errors = [];
    private int _handled;
    private int _documents;
    private int _failed;
    private int _clauses;
    private int _rules;
    private int _warnings;
    private long _bytes;

    public void Add(ExtractionResult result, long bytes, string? written)
    {
        _handled++;
        _bytes += bytes;
        _errors.AddRange(result.Diagnostics.Where(d => d.Severity == Severity.Error));
        _warnings += result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        if (result.Document is { } document)
        {
            _documents++;
            _clauses += document.Clauses.Sum(c => c.DescendantsAndSelf().Count());
            _rules += document.Rules.Length;
        }
        else
        {
            _failed++;
        }

        if (written is not null)
        {
            _written.Add(written);
        }
    }

    public BatchRun ToRun(bool interrupted) =>
        new(inputs, _handled, _documents, _failed, [.. _written], _clauses, _rules, _warnings, _bytes, [.. _errors], interrupted);
}
