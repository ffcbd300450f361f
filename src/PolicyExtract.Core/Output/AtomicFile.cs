using System.Diagnostics;
using System.Globalization;

namespace PolicyExtract.Output;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a part: a temp file in the same folder, then a
/// rename. A process killed mid-write leaves only a hidden temp file, which <see cref="RemoveStale"/> clears on the next
/// run.
/// </summary>
/// <remarks>
/// The promise is about the process dying (Ctrl-C, kill, a crash): the rename is atomic and the kernel has the bytes.
/// The temp file is not forced to disk before the rename: an fsync per document was a third of a corpus run's time, and
/// after a power cut the journal of the file system (ext4 commits a replace-by-rename with its data) decides; rerun
/// the command after one.
/// </remarks>
public static class AtomicFile
{
    private const string TempPrefix = ".policyextract-";
    private const string TempSuffix = ".tmp";

    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);

        // The temp name does not repeat the target's: a long Chinese file name plus a suffix would pass the file
        // system's 255-byte name limit that the target itself still fits in.
        var temp = Path.Combine(directory, $"{TempPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush();
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// Deletes the temp files that killed runs left in <paramref name="directory"/>: those of processes no longer alive.
    /// A run still writing there keeps its own. Returns how many were removed.
    /// </summary>
    public static int RemoveStale(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(directory, TempPrefix + "*" + TempSuffix))
        {
            var name = Path.GetFileName(file);
            var pid = name.AsSpan(TempPrefix.Length);
            pid = pid[..Math.Max(pid.IndexOf('-'), 0)];
            if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !IsAlive(id))
            {
                try
                {
                    File.Delete(file);
                    removed++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Someone else's file we may not touch: leaving it harms nothing, it is hidden and never read.
                }
            }
        }

        return removed;
    }

    private static bool IsAlive(int processId)
    {
        if (processId == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
