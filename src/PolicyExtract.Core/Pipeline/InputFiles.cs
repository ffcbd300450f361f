using System.Collections.Immutable;
using System.Text;
using PolicyExtract.Diagnostics;
using PolicyExtract.Ingest;

namespace PolicyExtract.Pipeline;

/// <summary>The files a run reads, each with the path shown for it, and what it found and left out.</summary>
/// <param name="Files">Regular files of a kind the pipeline reads, in input order (folders in ordinal order of their relative paths).</param>
/// <param name="Problems">Inputs named on the command line that cannot be read at all: each is a failed input.</param>
/// <param name="Notices">Warnings about what the folder walk left out: special files, link loops, PolicyExtract's own pages.</param>
/// <param name="Skipped">Files in the folders given that are not a kind the run reads (.jpg, .csv, .md …), as shown.</param>
public sealed record InputList(
    ImmutableArray<(string Path, string Display)> Files,
    ImmutableArray<Diagnostic> Problems,
    ImmutableArray<Diagnostic> Notices,
    ImmutableArray<string> Skipped);

/// <summary>
/// Expands the files and folders a user names into the inputs of a run. Only regular files are read: a FIFO would
/// block the run for ever and a device (a link to <c>/dev/zero</c>) never ends, so both are left out with a warning (or
/// fail, when named). Folders are walked once each, by the identity of the folder rather than its path, so a link back
/// to a folder above (<c>a -> .</c>) or a second way into one is a warning, not an endless walk. Hidden files and
/// folders are not inputs. A path is shown as given: on Linux a backslash is part of a name, not a separator.
/// </summary>
public static class InputFiles
{
    /// <summary>Review pages carry this in their head; a folder of them beside the policies is not read as policies.</summary>
    public const string GeneratorMark = "<meta name=\"generator\" content=\"PolicyExtract\">";

    public static InputList Expand(IEnumerable<string> inputs)
    {
        var files = new List<(string, string)>();
        var problems = new List<Diagnostic>();
        var notices = new List<Diagnostic>();
        var skipped = new List<string>();
        var walked = new HashSet<(long, long)>();
        foreach (var input in inputs)
        {
            var identity = FileProbe.Stat(input);
            switch (identity.Kind)
            {
                case FileKind.Missing:
                    problems.Add(Diagnostic.Create(DiagnosticCatalog.InputNotFound, Display(input), null));
                    break;
                case FileKind.Regular:
                    files.Add((input, Display(input)));
                    break;
                case FileKind.Directory:
                    var found = new List<(string Path, string Relative)>();
                    Walk(input, "", identity, walked, found, notices);
                    foreach (var (path, relative) in found.OrderBy(f => f.Relative, StringComparer.Ordinal))
                    {
                        var shown = Display(Path.Join(input, relative));
                        if (!FormatDetection.IsCandidate(path))
                        {
                            skipped.Add(shown);
                        }
                        else if (IsOwnPage(path))
                        {
                            notices.Add(Diagnostic.Create(DiagnosticCatalog.OwnPageSkipped, shown, null));
                        }
                        else
                        {
                            files.Add((path, shown));
                        }
                    }

                    break;
                default:
                    problems.Add(Diagnostic.Create(DiagnosticCatalog.NotARegularFile, Display(input), null, FileProbe.Describe(identity.Kind)));
                    break;
            }
        }

        return new InputList([.. files], [.. problems], [.. notices], [.. skipped]);
    }

    /// <summary>A path as messages and outputs show it: forward slashes where the system separates with backslashes.</summary>
    public static string Display(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

    private static void Walk(string folder, string relative, FileIdentity identity, HashSet<(long, long)> walked, List<(string, string)> found, List<Diagnostic> notices)
    {
        if (!walked.Add((identity.Device, identity.Inode)))
        {
            var target = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(folder);
            notices.Add(Diagnostic.Create(DiagnosticCatalog.LinkLoop, Display(folder), null, Display(target)));
            return;
        }

        List<string> entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true })
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => !name.StartsWith('.'))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            notices.Add(Diagnostic.Create(DiagnosticCatalog.FolderUnreadable, Display(folder), null, e.Message));
            return;
        }

        // Entries in ordinal order, so which of two ways into a folder is walked (and which warned about) never depends
        // on the order the file system lists them in.
        foreach (var name in entries)
        {
            var path = Path.Join(folder, name);
            var entryRelative = relative.Length == 0 ? name : relative + "/" + name;
            var entry = FileProbe.Stat(path);
            switch (entry.Kind)
            {
                case FileKind.Regular:
                    found.Add((path, entryRelative));
                    break;
                case FileKind.Directory:
                    Walk(path, entryRelative, entry, walked, found, notices);
                    break;
                case FileKind.Missing:
                    // A link to nothing: reading it would only fail.
                    notices.Add(Diagnostic.Create(DiagnosticCatalog.SpecialFileSkipped, Display(path), null, "link to a file that does not exist"));
                    break;
                default:
                    notices.Add(Diagnostic.Create(DiagnosticCatalog.SpecialFileSkipped, Display(path), null, FileProbe.Describe(entry.Kind)));
                    break;
            }
        }
    }

    /// <summary>Whether an .html file is a review page this tool wrote: it says so in its first kilobytes.</summary>
    private static bool IsOwnPage(string path)
    {
        if (!path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[2048];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return Encoding.UTF8.GetString(head[..read]).Contains(GeneratorMark, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
