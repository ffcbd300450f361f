using System.Buffers;
using PolicyExtract.Normalize;
using PolicyExtract.Rules;
using PolicyExtract.Structure;

namespace PolicyExtract.Extract;

/// <summary>Turns a range of a clause's text into <see cref="Evidence"/>: the exact source text and its span.</summary>
public sealed class EvidenceMap(NormalizedText text)
{
    public Evidence Of(Clause clause, int start, int end)
    {
        var from = clause.TextOffsets[start];
        var to = clause.TextOffsets[end - 1] + 1;
        var span = text.SpanOf(from, to);
        return new Evidence(text.SourceTextOf(span), span.Start, span.End, span.Line) { TextLine = span.TextLine };
    }
}

/// <summary>
/// Sentences of a clause's text: split after 。；！？ (and ASCII ;, which pages written in ASCII punctuation use as ；) and at
/// paragraph breaks, with their start offsets.
/// </summary>
public static class Sentences
{
    // Most characters of a clause are none of these: a vectorized search skips the runs between them.
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。；;！？\n");
    private static readonly SearchValues<char> SegmentMarks = SearchValues.Create("（“《）”》，,");

    public static IEnumerable<(int Start, string Text)> Of(string text)
    {
        var start = 0;
        for (var i = text.NextOf(SentenceEnds, 0); i < text.Length; i = text.NextOf(SentenceEnds, i + 1))
        {
            var end = text[i] == '\n' ? i : i + 1;
            if (end > start)
            {
                yield return (start, text[start..end]);
            }

            start = i + 1;
        }

        if (start < text.Length)
        {
            yield return (start, text[start..]);
        }
    }

    /// <summary>
    /// Comma-segments of a sentence, starts offset by <paramref name="offset"/>, end punctuation trimmed. A comma inside
    /// brackets or quotes does not split: （专利、商标，版权） stays whole.
    /// </summary>
    public static IEnumerable<(int Start, string Text)> Segments(string sentence, int offset = 0)
    {
        var start = 0;
        var depth = 0;
        // NextOf gives the length when no mark is left: that last stop ends the final segment, and the loop.
        for (var i = sentence.NextOf(SegmentMarks, 0); start <= sentence.Length; i = sentence.NextOf(SegmentMarks, i + 1))
        {
            if (i < sentence.Length)
            {
                depth += sentence[i] is '（' or '“' or '《' ? 1 : sentence[i] is '）' or '”' or '》' ? -1 : 0;
                if (!(sentence[i] is '，' or ',' && depth <= 0))
                {
                    continue;
                }
            }

            var to = i;
            while (to > start && sentence[to - 1] is '。' or '；' or ';' or '！')
            {
                to--;
            }

            // …2万元）; 对新增…: the space after an ASCII mark is no part of the segment.
            while (start < to && sentence[start] is ' ' or '\u3000')
            {
                start++;
            }

            if (to > start)
            {
                yield return (offset + start, sentence[start..to]);
            }

            start = i + 1;
        }
    }
}
