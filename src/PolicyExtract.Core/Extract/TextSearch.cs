using System.Buffers;

namespace PolicyExtract.Extract;

/// <summary>Jumps over the runs of a clause that hold none of the characters a scan stops at (a vectorized search).</summary>
internal static class TextSearch
{
    /// <summary>The first offset at or after <paramref name="from"/> holding one of <paramref name="marks"/>; the text's length if none.</summary>
    public static int NextOf(this string text, SearchValues<char> marks, int from)
    {
        if (from >= text.Length)
        {
            return text.Length;
        }

        var found = text.AsSpan(from).IndexOfAny(marks);
        return found < 0 ? text.Length : from + found;
    }
}
