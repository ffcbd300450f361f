using System.Collections.Immutable;
using PolicyExtract.Diagnostics;
using PolicyExtract.Output;
using PolicyExtract.Pipeline;
using PolicyExtract.Validation;

namespace PolicyExtract.Diff;

/// <summary>
/// One side of a diff as read: its document, or the problems that kept it from being read; for a source file also the
/// extraction (with the text a review page shows).
/// </summary>
public sealed record VersionRead(string Display, PolicyDocument? Document, ImmutableArray<Diagnostic> Problems)
{
    public ExtractionResult? Extraction { get; init; }
}

/// <summary>
/// Reads one version of a policy for a diff: an output JSON (<c>*.json</c>, read back strictly, as <c>validate</c> does)
/// or a policy source file, extracted on the spot. Never throws for a bad file.
/// </summary>
public static class VersionReader
{
    public static bool IsOutput(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <param name="pipeline">Extracts a source file; needed only when <paramref name="path"/> is not an output JSON.</param>
    public static VersionRead Read(string path, string display, PolicyPipeline? pipeline)
    {
        if (!File.Exists(path))
        {
            return new VersionRead(display, null, [Diagnostic.Create(DiagnosticCatalog.InputNotFound, display, null)]);
        }

        if (IsOutput(path))
        {
            var read = OutputReader.Read(path, display);
            return new VersionRead(display, read.Document, read.Error is { } error ? [error] : []);
        }

        ArgumentNullException.ThrowIfNull(pipeline);
        var result = pipeline.ProcessFile(path, display);
        return new VersionRead(display, result.Document, [.. result.Diagnostics.Where(d => d.Severity == Severity.Error)]) { Extraction = result };
    }
}
