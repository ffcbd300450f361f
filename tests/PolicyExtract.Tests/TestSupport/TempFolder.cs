namespace PolicyExtract.Tests.TestSupport;

/// <summary>A new folder under the system's temp folder for one test, deleted with its content when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix) => Info = Directory.CreateTempSubdirectory(prefix);

    public DirectoryInfo Info { get; }

    public string FullName => Info.FullName;

    /// <summary>Writes a UTF-8 file (folders created) and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Info.Delete(recursive: true);
}
