using System.Collections.Immutable;

namespace PolicyExtract.Normalize;

/// <summary>
/// Line starts of a decoded source, to turn 0-based offsets into 1-based line numbers. A line ends at LF, CRLF or a
/// lone CR. Thread-safe (immutable).
/// </summary>
public sealed class LineIndex
{
    private readonly ImmutableArray<int> _starts;

    public LineIndex(string text)
    {
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        _starts = starts.ToImmutable();
    }

    public int LineCount => _starts.Length;

    /// <summary>The offset where 1-based <paramref name="line"/> starts; lines before the first or after the last are clamped.</summary>
    public int StartOf(int line) => _starts[Math.Clamp(line, 1, _starts.Length) - 1];

    /// <summary>The 1-based line that holds <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var at = _starts.BinarySearch(offset);
        return at >= 0 ? at + 1 : ~at;
    }
}
