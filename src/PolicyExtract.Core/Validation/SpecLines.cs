using System.Globalization;

namespace PolicyExtract.Validation;

/// <summary>
/// The line format the clause and metadata expectation files share: <c>#</c> starts a comment line, blank lines are
/// ignored, every other line is kept trimmed with its 1-based line number.
/// </summary>
internal static class SpecLines
{
    public static IEnumerable<(int Line, string Text)> Of(string text)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var content = raw.TrimEnd('\r').Trim();
            if (content.Length > 0 && content[0] != '#')
            {
                yield return (number, content);
            }
        }
    }

    public static ExpectationsFormatException Error(string path, int line, string message) => new(path, line, message);
}

/// <summary>
/// A mistake in an expectations file, at <see cref="Path"/>:<see cref="Line"/> (1-based). The message is the
/// conventional <c>path:line: reason</c>, so tests that only print it stay readable.
/// </summary>
public sealed class ExpectationsFormatException(string path, int line, string reason)
    : FormatException(string.Create(CultureInfo.InvariantCulture, $"{path}:{line}: {reason}"))
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
