using AngleSharp.Html;

namespace PolicyExtract.Ingest;

/// <summary>
/// Recovers where each DOM text node's characters sit in the HTML source. AngleSharp records the start offset of
/// element tags but not of text, so the aligner keeps a cursor that only moves forward and matches each text node's
/// data against the source from there, undoing what the parser did: character references (<c>&amp;amp;</c>,
/// <c>&amp;#20108;</c>, <c>&amp;#x4E8C;</c>, legacy <c>&amp;nbsp</c> without semicolon), CRLF/CR → LF, dropped NULs,
/// the newline dropped after <c>&lt;pre&gt;</c>, and markup the parser ignored (stray end tags, comments).
/// </summary>
/// <remarks>
/// Linear time: every text node is matched greedily (with at most a few restarts after a false start) and may not run
/// past the start tag of the next element in document order (the <em>limit</em>). A node whose text is not where document order says (the parser
/// moved it, e.g. text foster-parented out of a table) fails; the cursor then jumps to the limit, so no stretch of
/// source is scanned twice. The caller gives the unaligned rest of a failed node a fallback offset.
/// </remarks>
internal sealed class SourceAligner
{
    // Elements whose content the tokenizer reads as raw text up to the matching end tag.
    private static readonly string[] RawTextElements =
        ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

    private const int MaxRestarts = 8;

    private readonly string _src;
    private readonly IReadOnlyList<(int EventIndex, int Position)> _elementStarts;
    private int _next;

    /// <param name="source">The HTML the DOM was parsed from.</param>
    /// <param name="elementStarts">Event index and source offset of every element start that has a recorded position,
    /// in document (event) order.</param>
    public SourceAligner(string source, IReadOnlyList<(int EventIndex, int Position)> elementStarts)
    {
        _src = source;
        _elementStarts = elementStarts;
    }

    /// <summary>Everything before this offset has been accounted for.</summary>
    public int Cursor { get; private set; }

    /// <summary>Moves past an element's start tag (if it lies ahead: reconstructed elements reuse earlier tags).</summary>
    public void EnterElement(int tagStart, string localName)
    {
        if (tagStart < Cursor || tagStart >= _src.Length)
        {
            return;
        }

        Cursor = TagEnd(tagStart, _src.Length);

        // The tokenizer drops one newline right after these start tags.
        if (localName is "pre" or "textarea" or "listing")
        {
            if (Cursor < _src.Length && _src[Cursor] == '\r')
            {
                Cursor++;
            }

            if (Cursor < _src.Length && _src[Cursor] == '\n')
            {
                Cursor++;
            }
        }
        else if (localName == "template")
        {
            // Template content lives in a separate fragment that the walk does not visit: skip its source.
            var end = _src.AsSpan(Cursor).IndexOf("</template", StringComparison.OrdinalIgnoreCase);
            Cursor = end < 0 ? _src.Length : Cursor + end;
        }
    }

    /// <summary>
    /// At an element's exit, the offset of its end tag if the tag follows (after at most a little whitespace), moving
    /// past it; otherwise the cursor. End tags carry no recorded position, so this is the best "where the element ends".
    /// </summary>
    public int ExitElement(string localName)
    {
        var s = Cursor;
        var max = Math.Min(_src.Length, Cursor + 256); // bounded so that many nested exits can't rescan a long run
        while (s < max && IsAsciiWhitespace(_src[s]))
        {
            s++;
        }

        var nameEnd = s + 2 + localName.Length;
        if (nameEnd <= _src.Length && _src[s] == '<' && _src[s + 1] == '/'
            && _src.AsSpan(s + 2, localName.Length).Equals(localName, StringComparison.OrdinalIgnoreCase)
            && (nameEnd == _src.Length || !char.IsAsciiLetterOrDigit(_src[nameEnd])))
        {
            Cursor = TagEnd(s, _src.Length);
            return s;
        }

        return Cursor;
    }

    /// <summary>
    /// Aligns a text node's data, filling <paramref name="offsets"/> (one per UTF-16 unit of <paramref name="data"/>),
    /// and returns how many leading units were aligned: all of them on success; on failure the prefix found before the
    /// limit (text the parser appended to it came from elsewhere), possibly 0. <paramref name="eventIndex"/> is the
    /// node's position in document order.
    /// </summary>
    public int Align(string data, int eventIndex, Span<int> offsets)
    {
        var limit = Limit(eventIndex);
        var s = Cursor;
        var k = 0;
        var attemptStart = s;
        var restarts = 0;
        while (k < data.Length)
        {
            if (s >= limit)
            {
                Fail(limit);
                return k;
            }

            var c = _src[s];
            var d = data[k];
            if (k == 0)
            {
                attemptStart = s;
            }

            if (c == '&' && TryCharacterReference(s, limit, data, k, out var srcLength, out var dataLength))
            {
                offsets.Slice(k, dataLength).Fill(s);
                s += srcLength;
                k += dataLength;
                continue;
            }

            if (c == d)
            {
                offsets[k++] = s++;
                continue;
            }

            if (c == '\r' && d == '\n')
            {
                offsets[k++] = s++;
                if (s < _src.Length && _src[s] == '\n')
                {
                    s++;
                }

                continue;
            }

            if (c == '\0')
            {
                // The parser drops NUL in text, or replaces it with U+FFFD in raw text.
                if (d == '\uFFFD')
                {
                    offsets[k++] = s;
                }

                s++;
                continue;
            }

            if (c == '<' || c == ']')
            {
                var after = SkipMarkup(s, limit);
                if (after > s)
                {
                    s = after;
                    continue;
                }
            }

            if (k == 0)
            {
                // Not there yet: whitespace the tree builder dropped, or text it moved elsewhere (foster parenting).
                s++;
                continue;
            }

            if (restarts < MaxRestarts)
            {
                // A false start inside such moved text: look again just after it. Bounded, so still linear.
                restarts++;
                s = attemptStart + 1;
                k = 0;
                continue;
            }

            Fail(limit);
            return 0; // after repeated false starts the prefix is not trustworthy
        }

        Cursor = s;
        return data.Length;
    }

    private void Fail(int limit) => Cursor = Math.Max(Cursor, limit);

    /// <summary>
    /// Start offset of the first element after <paramref name="eventIndex"/> in document order whose tag lies at or
    /// after the cursor. Both only grow, so the pointer only moves forward.
    /// </summary>
    private int Limit(int eventIndex)
    {
        while (_next < _elementStarts.Count
               && (_elementStarts[_next].EventIndex <= eventIndex || _elementStarts[_next].Position < Cursor))
        {
            _next++;
        }

        return _next < _elementStarts.Count ? _elementStarts[_next].Position : _src.Length;
    }

    /// <summary>
    /// Matches a character reference at <paramref name="s"/> (which holds '&amp;') against
    /// <paramref name="data"/>[<paramref name="k"/>..]. Tries the longest reading first and accepts the first whose
    /// expansion equals the data, which also covers legacy names without semicolon ("&amp;notit" → "¬it").
    /// </summary>
    private bool TryCharacterReference(int s, int limit, string data, int k, out int srcLength, out int dataLength)
    {
        srcLength = dataLength = 0;
        var i = s + 1;
        if (i < limit && _src[i] == '#')
        {
            i++;
            var hex = i < limit && (_src[i] == 'x' || _src[i] == 'X');
            if (hex)
            {
                i++;
            }

            var digitsStart = i;
            long value = 0;
            while (i < limit && (hex ? char.IsAsciiHexDigit(_src[i]) : char.IsAsciiDigit(_src[i])))
            {
                value = Math.Min(value * (hex ? 16 : 10) + HexValue(_src[i]), 0x110000);
                i++;
            }

            if (i == digitsStart)
            {
                return false;
            }

            if (i < limit && _src[i] == ';')
            {
                i++;
            }

            return Matches(NumericReference(value), data, k, i - s, out srcLength, out dataLength);
        }

        var nameEnd = i;
        while (nameEnd < limit && nameEnd - i < 40 && char.IsAsciiLetterOrDigit(_src[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == i)
        {
            return false;
        }

        if (nameEnd < limit && _src[nameEnd] == ';'
            && HtmlEntityProvider.Resolver.GetSymbol(_src.Substring(i, nameEnd - i + 1)) is { } withSemicolon
            && Matches(withSemicolon, data, k, nameEnd + 1 - s, out srcLength, out dataLength))
        {
            return true;
        }

        // Legacy references without semicolon: the resolver knows only those names without ';'.
        for (var end = nameEnd; end > i + 1; end--)
        {
            if (HtmlEntityProvider.Resolver.GetSymbol(_src.Substring(i, end - i)) is { } legacy
                && Matches(legacy, data, k, end - s, out srcLength, out dataLength))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string expansion, string data, int k, int consumed, out int srcLength, out int dataLength)
    {
        if (expansion.Length > 0 && data.AsSpan(k).StartsWith(expansion, StringComparison.Ordinal))
        {
            srcLength = consumed;
            dataLength = expansion.Length;
            return true;
        }

        srcLength = dataLength = 0;
        return false;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>A numeric character reference's expansion per the HTML standard.</summary>
    private static string NumericReference(long value)
    {
        if (value is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            return "\uFFFD";
        }

        // C1 controls are read as Windows-1252, as browsers do.
        if (value is >= 0x80 and <= 0x9F)
        {
            const string cp1252 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
                                  + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
            return cp1252[(int)value - 0x80].ToString();
        }

        return char.ConvertFromUtf32((int)value);
    }

    /// <summary>
    /// Skips markup at <paramref name="s"/> that produces no text (a tag, comment, doctype, processing instruction,
    /// CDATA delimiters; a raw-text element together with its content). Returns <paramref name="s"/> itself when the
    /// source there is text. Searches stop at <paramref name="limit"/>.
    /// </summary>
    private int SkipMarkup(int s, int limit)
    {
        var src = _src;
        if (src[s] == ']')
        {
            return src.AsSpan(s, limit - s).StartsWith("]]>") ? s + 3 : s;
        }

        if (s + 1 >= limit)
        {
            return s;
        }

        var c1 = src[s + 1];
        if (c1 == '!')
        {
            var rest = src.AsSpan(s, limit - s);
            if (rest.StartsWith("<![CDATA["))
            {
                return s + 9;
            }

            if (rest.StartsWith("<!--"))
            {
                if (rest.StartsWith("<!-->"))
                {
                    return s + 5;
                }

                if (rest.StartsWith("<!--->"))
                {
                    return s + 6;
                }

                var close = rest[4..].IndexOf("-->");
                return close < 0 ? limit : s + 4 + close + 3;
            }

            return ToGreaterThan(s + 2, limit);
        }

        if (c1 == '?')
        {
            return ToGreaterThan(s + 2, limit);
        }

        if (c1 == '/')
        {
            if (s + 2 < limit && char.IsAsciiLetter(src[s + 2]))
            {
                return TagEnd(s, limit);
            }

            return s + 2 < limit && src[s + 2] == '>' ? s + 3 : ToGreaterThan(s + 2, limit);
        }

        if (!char.IsAsciiLetter(c1))
        {
            return s; // a literal '<'
        }

        var end = TagEnd(s, limit);
        var nameLength = 0;
        while (s + 1 + nameLength < limit && IsTagNameChar(src[s + 1 + nameLength]))
        {
            nameLength++;
        }

        var name = src.AsSpan(s + 1, nameLength);
        if (name.Equals("plaintext", StringComparison.OrdinalIgnoreCase))
        {
            return limit;
        }

        foreach (var raw in RawTextElements)
        {
            if (name.Equals(raw, StringComparison.OrdinalIgnoreCase))
            {
                var closing = src.AsSpan(end, limit - end).IndexOf("</" + raw, StringComparison.OrdinalIgnoreCase);
                return closing < 0 ? limit : TagEnd(end + closing, limit);
            }
        }

        return end;
    }

    private int ToGreaterThan(int from, int limit)
    {
        var gt = _src.AsSpan(from, limit - from).IndexOf('>');
        return gt < 0 ? limit : from + gt + 1;
    }

    /// <summary>
    /// The offset just past the '&gt;' ending the tag that starts at <paramref name="tagStart"/>, honouring quoted
    /// attribute values the way the tokenizer does (quotes count only right after '=').
    /// </summary>
    private int TagEnd(int tagStart, int limit)
    {
        var src = _src;
        var i = tagStart + 1;
        if (i < limit && src[i] == '/')
        {
            i++;
        }

        while (i < limit && IsTagNameChar(src[i]))
        {
            i++;
        }

        while (i < limit)
        {
            var c = src[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (c == '=')
            {
                i++;
                while (i < limit && IsAsciiWhitespace(src[i]))
                {
                    i++;
                }

                if (i < limit && (src[i] == '"' || src[i] == '\''))
                {
                    var close = src.AsSpan(i + 1, limit - i - 1).IndexOf(src[i]);
                    if (close < 0)
                    {
                        return limit;
                    }

                    i += close + 2;
                    continue;
                }

                continue;
            }

            i++;
        }

        return limit;
    }

    private static bool IsTagNameChar(char c) => !IsAsciiWhitespace(c) && c != '/' && c != '>';

    private static bool IsAsciiWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
