using System.Collections.Immutable;
using PolicyExtract.Diagnostics;

namespace PolicyExtract.Normalize;

/// <summary>A line of <see cref="NormalizedText"/>: [Start, End) in the normalized text, and the source line it came from.</summary>
public readonly record struct NormalizedLine(int SourceLine, int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Text after normalization (see <see cref="Normalizer"/>), lines separated by '\n', with a map from every character
/// back to the source range it came from: character i came from source [SourceStarts[i], SourceEnds[i]). A removed
/// source character has no normalized character; an inserted one maps to where it was inserted.
/// </summary>
public sealed class NormalizedText
{
    internal NormalizedText(string text, string written, ImmutableArray<int> starts, ImmutableArray<int> ends, ImmutableArray<NormalizedLine> lines, string source, LineIndex sourceLines)
    {
        Text = text;
        Written = written;
        SourceStarts = starts;
        SourceEnds = ends;
        Lines = lines;
        Source = source;
        SourceLines = sourceLines;
    }

    public string Text { get; }

    /// <summary>
    /// For each character of <see cref="Text"/>, the character as written in the normalizer's input (for HTML, the
    /// page's text with entities decoded): "(七)" where <see cref="Text"/> has "（七）".
    /// </summary>
    public string Written { get; }

    public ImmutableArray<int> SourceStarts { get; }

    public ImmutableArray<int> SourceEnds { get; }

    public ImmutableArray<NormalizedLine> Lines { get; }

    /// <summary>The decoded source file (for HTML, the markup).</summary>
    public string Source { get; }

    public LineIndex SourceLines { get; }

    /// <summary>The source span of normalized characters [start, end). An empty range maps to an empty span at its position.</summary>
    public SourceSpan SpanOf(int start, int end)
    {
        if (Text.Length == 0)
        {
            return new SourceSpan(1, 0, 0) { TextLine = HasDisplayedText ? 1 : null };
        }

        if (end <= start)
        {
            var at = start < Text.Length ? SourceStarts[start] : SourceEnds[^1];
            return new SourceSpan(SourceLines.LineOf(at), at, at) { TextLine = DisplayedLineOf(start) };
        }

        var from = SourceStarts[start];
        return new SourceSpan(SourceLines.LineOf(from), from, SourceEnds[end - 1]) { TextLine = DisplayedLineOf(start) };
    }

    /// <summary>Whether the text was read out of markup (HTML): its lines are the page's displayed lines, not the file's.</summary>
    public bool HasDisplayedText { get; init; }

    /// <summary>The 1-based displayed line of a position of <see cref="Text"/> (one line of it per displayed line), for HTML.</summary>
    private int? DisplayedLineOf(int position)
    {
        if (!HasDisplayedText)
        {
            return null;
        }

        int lo = 0, hi = Lines.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (Lines[mid].Start <= position)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo + 1;
    }

    /// <summary>The source text under a span, as it is in the file.</summary>
    public string SourceTextOf(SourceSpan span) => Source[span.Start..span.End];
}
