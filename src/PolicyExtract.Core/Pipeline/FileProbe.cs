using System.Runtime.InteropServices;

namespace PolicyExtract.Pipeline;

/// <summary>What a path names, as <c>stat</c> sees it (through symbolic links).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>A path's kind, and the (device, inode) pair that names the file itself, whatever the path to it.</summary>
public readonly record struct FileIdentity(FileKind Kind, long Device, long Inode);

/// <summary>
/// Tells regular files from FIFOs, devices and sockets, which .NET reports alike (a FIFO and <c>/dev/zero</c> are
/// "Normal" files of length 0; opening the first blocks for ever, reading the second never ends), and gives the identity
/// a folder walk needs to notice a symbolic link back to a folder it is in.
/// </summary>
/// <remarks>
/// Calls <c>SystemNative_Stat</c>, the runtime's own portable wrapper of <c>stat</c>, in <c>libSystem.Native</c> (beside
/// the runtime on the JIT, linked into the Native AOT binary): its <c>FileStatus</c> has one layout on every Unix, where
/// libc's <c>struct stat</c> has one per architecture. The offsets are those of .NET 10's <c>pal_io.h</c>;
/// <c>FileProbeTests</c> checks them against files of every kind. On Windows every existing file is regular.
/// </remarks>
public static partial class FileProbe
{
    private const int ModeOffset = 4;
    private const int DeviceOffset = 88;
    private const int InodeOffset = 104;
    private const int StatusSize = 128;

    public static FileIdentity Stat(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return new(File.Exists(path) ? FileKind.Regular : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing, 0, 0);
        }

        Span<byte> status = stackalloc byte[StatusSize];
        if (SystemNativeStat(path, status) != 0)
        {
            return new(FileKind.Missing, 0, 0);
        }

        var kind = (MemoryMarshal.Read<int>(status[ModeOffset..]) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        return new(kind, MemoryMarshal.Read<long>(status[DeviceOffset..]), MemoryMarshal.Read<long>(status[InodeOffset..]));
    }

    /// <summary>How a kind is named in messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "FIFO (named pipe)",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Socket => "socket",
        FileKind.Directory => "folder",
        FileKind.Missing => "missing file",
        FileKind.Regular => "file",
        _ => "special file",
    };

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SystemNativeStat(string path, Span<byte> status);
}
