using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyExtract.Normalize;

/// <summary>
/// Makes policy text uniform for the later stages while keeping a map back to the source:
/// <list type="bullet">
/// <item>full-width digits and Latin letters become ASCII, ASCII brackets become full-width (<c>(七)</c> is <c>（七）</c>);</item>
/// <item>no-break, ideographic and other odd spaces become spaces; a single space next to Chinese text is a stray left by
/// line wrapping or typesetting and is dropped (<c>不超过 5 万元</c>, <c>第 1 0 条</c>); a longer run is a layout gap and
/// becomes one space; lines are trimmed;</item>
/// <item>conversion residue (<c>[bookmark: _GoBack]</c>) and page footers (<c>— 9 —</c>, <c>第3页 共9页</c>) are removed;</item>
/// <item>CRLF and lone CR become LF.</item>
/// </list>
/// Joining sentences broken across lines is left to the structure stage, which knows which lines are labels.
/// Thread-safe (stateless).
/// </summary>
public static partial class Normalizer
{
    // Residue of Word-to-text converters. Bounded: a bracket run longer than 200 characters is not residue.
    [GeneratedRegex(@"\[(bookmark|image|pagebreak|page break|footnote|comment)[^\]\n]{0,200}\]", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Residue();

    /// <summary>Normalizes <paramref name="text"/> whose character i came from source offset <paramref name="sourceOffsets"/>[i] (null: identity).</summary>
    public static NormalizedText Normalize(string text, string source, IReadOnlyList<int>? sourceOffsets = null)
    {
        var sourceLines = new LineIndex(source);
        int StartOf(int i) => sourceOffsets is null ? i : sourceOffsets[i];
        int EndOf(int i)
        {
            if (sourceOffsets is null)
            {
                return i + 1;
            }

            // A character that came from an entity (&nbsp;) spans the whole entity.
            var s = sourceOffsets[i];
            if (s < source.Length && source[s] == '&')
            {
                var semi = source.IndexOf(';', s, Math.Min(12, source.Length - s));
                return semi > 0 ? semi + 1 : s + 1;
            }

            return Math.Min(s + 1, source.Length);
        }

        var sb = new StringBuilder(text.Length);
        var written = new StringBuilder(text.Length);
        var starts = ImmutableArray.CreateBuilder<int>(text.Length);
        var ends = ImmutableArray.CreateBuilder<int>(text.Length);
        var lines = ImmutableArray.CreateBuilder<NormalizedLine>();

        var pos = 0;
        while (pos <= text.Length)
        {
            var lineEnd = pos;
            while (lineEnd < text.Length && text[lineEnd] != '\n' && text[lineEnd] != '\r')
            {
                lineEnd++;
            }

            var breakLength = lineEnd >= text.Length ? 0 : text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1;
            var lineStart = sb.Length;
            AppendLine(text, pos, lineEnd, sb, written, starts, ends, StartOf, EndOf);
            // An empty last line has no character of its own: it sits at the end of the source.
            var sourceLine = sourceLines.LineOf(pos < text.Length ? StartOf(pos) : source.Length);

            lines.Add(new NormalizedLine(sourceLine, lineStart, sb.Length));
            if (breakLength == 0)
            {
                break;
            }

            sb.Append('\n');
            written.Append('\n');
            starts.Add(StartOf(lineEnd));
            ends.Add(EndOf(lineEnd + breakLength - 1));
            pos = lineEnd + breakLength;
        }

        return new NormalizedText(sb.ToString(), written.ToString(), starts.ToImmutable(), ends.ToImmutable(), lines.ToImmutable(), source, sourceLines)
        {
            HasDisplayedText = sourceOffsets is not null,
        };
    }

    private static void AppendLine(
        string text, int from, int to, StringBuilder sb, StringBuilder written, ImmutableArray<int>.Builder starts, ImmutableArray<int>.Builder ends,
        Func<int, int> startOf, Func<int, int> endOf)
    {
        // 1. Character mapping, skipping residue; kept characters remember their input index.
        var chars = new List<(char C, int Index)>(to - from);
        var residue = Residue().EnumerateMatches(text.AsSpan(from, to - from));
        var skipUntil = from;
        var residueRanges = new List<(int Start, int End)>();
        foreach (var m in residue)
        {
            residueRanges.Add((from + m.Index, from + m.Index + m.Length));
        }

        var r = 0;
        for (var i = from; i < to; i++)
        {
            if (r < residueRanges.Count && i >= residueRanges[r].Start)
            {
                skipUntil = residueRanges[r].End;
                r++;
            }

            if (i < skipUntil)
            {
                continue;
            }

            chars.Add((MapChar(text[i]), i));
        }

        // 2. Page footers vanish whole.
        if (IsPageFooter(chars))
        {
            return;
        }

        // 3. Spaces: trim, drop strays beside Chinese text, fold layout gaps.
        var first = 0;
        var last = chars.Count - 1;
        while (first <= last && chars[first].C == ' ')
        {
            first++;
        }

        while (last >= first && chars[last].C == ' ')
        {
            last--;
        }

        for (var i = first; i <= last; i++)
        {
            var (c, index) = chars[i];
            if (c == ' ')
            {
                var runEnd = i;
                while (runEnd + 1 <= last && chars[runEnd + 1].C == ' ')
                {
                    runEnd++;
                }

                if (runEnd > i || !IsStray(chars, i - 1, runEnd + 1))
                {
                    sb.Append(' ');
                    written.Append(text[index]);
                    starts.Add(startOf(index));
                    ends.Add(endOf(chars[runEnd].Index));
                }

                i = runEnd;
                continue;
            }

            sb.Append(c);
            written.Append(text[index]);
            starts.Add(startOf(index));
            ends.Add(endOf(index));
        }
    }

    /// <summary>A single space between <paramref name="left"/> and <paramref name="right"/> is a stray when Chinese text is on either side, or when it splits digits inside Chinese text (第 1 0 条).</summary>
    private static bool IsStray(List<(char C, int Index)> chars, int left, int right)
    {
        var a = chars[left].C;
        var b = chars[right].C;
        if (IsCjk(a) || IsCjk(b))
        {
            return true;
        }

        if (!char.IsAsciiDigit(a) || !char.IsAsciiDigit(b))
        {
            return false;
        }

        // Digits split by single spaces: look past them on both sides for Chinese text.
        var l = left;
        while (l >= 0 && (char.IsAsciiDigit(chars[l].C) || (chars[l].C == ' ' && l > 0 && chars[l - 1].C != ' ')))
        {
            l--;
        }

        var rr = right;
        while (rr < chars.Count && (char.IsAsciiDigit(chars[rr].C) || (chars[rr].C == ' ' && rr + 1 < chars.Count && chars[rr + 1].C != ' ')))
        {
            rr++;
        }

        return l >= 0 && rr < chars.Count && IsCjk(chars[l].C) && IsCjk(chars[rr].C);
    }

    internal static char MapChar(char c) => c switch
    {
        >= '\uFF10' and <= '\uFF19' => (char)(c - '\uFF10' + '0'),
        >= '\uFF21' and <= '\uFF3A' => (char)(c - '\uFF21' + 'A'),
        >= '\uFF41' and <= '\uFF5A' => (char)(c - '\uFF41' + 'a'),
        '(' => '（',
        ')' => '）',
        '\u00A0' or '\u3000' or '\u2002' or '\u2003' or '\u2009' or '\u200A' or '\u202F' or '\u205F' or '\u1680' => ' ',
        '\u200B' or '\uFEFF' or '\u2007' or '\u2008' or '\u2004' or '\u2005' or '\u2006' => ' ',
        _ => c,
    };

    /// <summary>Chinese characters and the punctuation typeset with them.</summary>
    internal static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3001' and <= '\u303F') or (>= '\uFF01' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20') or (>= '\uFF3B' and <= '\uFF40') or (>= '\uFF5B' and <= '\uFF65')
            or (>= '\u2018' and <= '\u201F') or '\u2014' or '\u2026' or '\u00B7' or (>= '\u2460' and <= '\u24FF')
            || char.IsSurrogate(c);

    private static bool IsPageFooter(List<(char C, int Index)> chars)
    {
        // Counted before copying: a 50 MB line must not be copied once more only to be found too long.
        var nonSpace = 0;
        foreach (var (c, _) in chars)
        {
            if (c is not (' ' or '\t') && ++nonSpace > 24)
            {
                return false;
            }
        }

        return IsPageNumberLine(new string([.. chars.Select(c => c.C)]));
    }

    /// <summary>
    /// <c>— 9 —</c>, <c>-9-</c>, <c>第3页</c>, <c>第3页 共9页</c>: a line that is only a page number (spaces ignored). Also
    /// used by the PDF reader to drop page footers before lines are joined into paragraphs.
    /// </summary>
    internal static bool IsPageNumberLine(string line)
    {
        var s = new string([.. line.Select(MapChar).Where(c => c is not (' ' or '\t'))]);
        if (s.Length is 0 or > 24)
        {
            return false;
        }

        static bool IsDash(char c) => c is '—' or '–' or '-' or '－' or '─' or '~';
        var lead = 0;
        while (lead < s.Length && IsDash(s[lead]))
        {
            lead++;
        }

        var digits = lead;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        var trail = digits;
        while (trail < s.Length && IsDash(s[trail]))
        {
            trail++;
        }

        if (lead > 0 && digits > lead && digits - lead <= 4 && trail > digits && trail == s.Length)
        {
            return true;
        }

        // 第3页, 第3页共9页
        return s.StartsWith('第') && s.Contains('页') && s.All(c => char.IsAsciiDigit(c) || c is '第' or '页' or '共' or '/');
    }
}
