using System.Collections.Immutable;
using PolicyExtract.Diagnostics;
using PolicyExtract.Output;

namespace PolicyExtract.Pipeline;

/// <summary>
/// The folder a run writes one file per document into, as <c>&lt;document id&gt;&lt;extension&gt;</c>. Every view of the
/// documents (the JSON, the review pages) is written through here, so all of them name, guard and report the same way:
/// names are claimed in input order (a second document with a taken or reserved name fails, naming the first), a name
/// can never leave the folder whatever the input file was called, and every write is atomic. Not thread-safe: one
/// writer claims and writes, in input order.
/// </summary>
public sealed class OutputFolder
{
    private readonly string _fullPath;
    private readonly string _extension;
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly ImmutableHashSet<string> _reserved;
    private readonly ImmutableHashSet<string> _inputs;

    /// <param name="reserved">Files the run itself writes (errors.json), which no document may take if they are in the folder.</param>
    /// <param name="inputs">The run's input files, which no output may replace (a review page named like the page it reviews).</param>
    public OutputFolder(string directory, string extension, IEnumerable<string> reserved, IEnumerable<string> inputs)
    {
        Directory = directory;
        _fullPath = Path.GetFullPath(directory);
        _extension = extension;
        _reserved = [.. reserved.Select(Path.GetFullPath)];
        _inputs = [.. inputs.Select(Path.GetFullPath)];
    }

    public string Directory { get; }

    /// <summary>
    /// Claims the output name of <paramref name="result"/>'s document: the result with its path to write to, or, when
    /// the name is taken, reserved or would leave the folder, the result failed with IN009 or IN016 and no path.
    /// </summary>
    public (ExtractionResult Result, string? Target) Claim(ExtractionResult result)
    {
        if (result.Document is not { } document)
        {
            return (result, null);
        }

        var name = document.Document.Id + _extension;
        var target = Path.Combine(Directory, name);

        // The id is the input's file name, which cannot hold a separator where it was read; but names travel (a
        // backslash is an ordinary character on Linux and a separator on Windows), so the check is on the result.
        var full = Path.GetFullPath(target);
        if (name is "." or ".." || !string.Equals(Path.GetDirectoryName(full), Path.TrimEndingDirectorySeparator(_fullPath), StringComparison.Ordinal))
        {
            return (Failed(result, Diagnostic.Create(DiagnosticCatalog.OutputOutsideFolder, result.File, null, name, Directory)), null);
        }

        if (_inputs.Contains(full))
        {
            return (Failed(result, Diagnostic.Create(DiagnosticCatalog.WouldOverwriteInput, result.File, null, InputFiles.Display(target))), null);
        }

        if (_reserved.Contains(full))
        {
            return (Failed(result, Diagnostic.Create(DiagnosticCatalog.OutputCollision, result.File, null, name, "the run's own list of errors")), null);
        }

        if (!_owners.TryAdd(name, result.File))
        {
            return (Failed(result, Diagnostic.Create(DiagnosticCatalog.OutputCollision, result.File, null, name, _owners[name])), null);
        }

        return (result, target);
    }

    /// <summary>Writes a claimed document atomically; a write that fails fails the result with IN012.</summary>
    public (ExtractionResult Result, bool Written) Write(ExtractionResult result, string target, Func<ExtractionResult, byte[]> render)
    {
        try
        {
            AtomicFile.Write(target, render(result));
            return (result, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (Failed(result, Diagnostic.Create(DiagnosticCatalog.CannotWrite, result.File, null, target, e.Message)), false);
        }
    }

    private static ExtractionResult Failed(ExtractionResult result, Diagnostic error) =>
        result with { Document = null, Diagnostics = result.Diagnostics.Add(error) };
}
