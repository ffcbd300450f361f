using System.Text;

namespace PolicyExtract.Tests.Ingest;

/// <summary>Locates the repository's seed corpus from the test binary's folder.</summary>
internal static class SeedFiles
{
    public const string PolicySeed = "000_971b0a2b12078196.txt";

    static SeedFiles()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The repository root: the nearest ancestor of the test binaries holding PolicyExtract.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PolicyExtract.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("PolicyExtract.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static byte[] Bytes(string name = PolicySeed) => File.ReadAllBytes(Path.Combine(RepositoryRoot, "seeds", name));

    /// <summary>The seed's text (the file is UTF-8 without BOM, LF line endings).</summary>
    public static string Text(string name = PolicySeed) => new UTF8Encoding(false, true).GetString(Bytes(name));

    public static Encoding Gb18030 => Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public static Encoding Gbk => Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public static Encoding Big5 => Encoding.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
}
