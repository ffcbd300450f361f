namespace PolicyExtract.Tests.TestSupport;

/// <summary>
/// Reads the curated spec files under Specs/: '#' comment lines and blank lines are skipped; every other line is kept
/// with its line number, so a failure can point at the expectation that failed.
/// </summary>
public static class SpecFile
{
    public static IEnumerable<(int Line, string Text)> Lines(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var text = line.Trim();
            if (text.Length > 0 && text[0] != '#')
            {
                yield return (number, text);
            }
        }
    }

    /// <summary>Whitespace-separated columns, the last one taking the rest of the line (titles may contain spaces).</summary>
    public static string[] Columns(string line, int count) =>
        line.Split((char[]?)null, count, StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).ToArray();
}
