using System.Collections.Frozen;

namespace PolicyExtract.Ingest;

/// <summary>
/// Caps how deeply elements nest before the page reaches the HTML parser. AngleSharp's tree builder does work in
/// proportion to the stack of open elements for every tag (the "has an element in scope" checks of WHATWG HTML
/// §13.2.4.2), so 100 000 nested <c>&lt;div&gt;</c> took 106 s to parse; real policy pages nest a few dozen levels.
/// </summary>
/// <remarks>
/// A linear scan estimates the depth from the markup: start tags open a level and end tags close one, except void
/// elements (<c>br</c>, <c>img</c>, …), self-closing tags, and elements whose end tag may be omitted (<c>p</c>, <c>li</c>,
/// <c>td</c>, … close themselves when a sibling starts, §13.1.2.4), which would otherwise count every paragraph of a page
/// that never closes its <c>&lt;p&gt;</c>. Comments and the content of raw-text elements (<c>script</c>, <c>style</c>, …)
/// are skipped. The tags that would open a level beyond the cap, and the end tags met while beyond it, are replaced by
/// spaces of the same length, so the page keeps its length and every offset into it stays valid for the original;
/// their text is kept. A page that stays within the cap is returned as it is.
/// </remarks>
internal static class HtmlNesting
{
    /// <summary>Far more levels than a real page has (government pages nest a few dozen), yet cheap to parse.</summary>
    public const int MaxDepth = 512;

    private static readonly FrozenSet<string> VoidElements = FrozenSet.ToFrozenSet(
    [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> OptionalEndTags = FrozenSet.ToFrozenSet(
    [
        "html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup",
        "caption", "option", "optgroup", "rb", "rt", "rtc", "rp",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RawTextElements = FrozenSet.ToFrozenSet(
        ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="html"/> with the tags beyond <paramref name="maxDepth"/> levels blanked out, and the offset of the
    /// first blanked tag (-1 when none was, and then the very same string is returned).
    /// </summary>
    public static string Limit(string html, int maxDepth, out int firstBlanked)
    {
        var first = -1;
        char[]? copy = null;
        var depth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            var next = html[lt + 1];
            if (next == '!' || next == '?')
            {
                i = html.AsSpan(lt).StartsWith("<!--", StringComparison.Ordinal) ? SkipPast(html, lt + 4, "-->") : SkipPast(html, lt + 2, ">");
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1; // a '<' that opens no tag is text
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            var tagEnd = TagEnd(html, nameEnd);
            var name = html.AsSpan(nameStart, nameEnd - nameStart).ToString();
            var counted = !VoidElements.Contains(name) && !OptionalEndTags.Contains(name);
            if (closing)
            {
                if (counted && depth > 0)
                {
                    if (depth > maxDepth)
                    {
                        Blank(lt, tagEnd);
                    }

                    depth--;
                }

                i = tagEnd;
                continue;
            }

            var selfClosing = tagEnd >= 2 && html[tagEnd - 1] == '>' && html[tagEnd - 2] == '/';
            if (counted && !selfClosing)
            {
                depth++;
                if (depth > maxDepth)
                {
                    Blank(lt, tagEnd);
                }
            }

            i = tagEnd;
            if (RawTextElements.Contains(name) && !selfClosing)
            {
                // Its content is text up to its own end tag, whatever it looks like (a script writing "<div>").
                i = IndexOfEndTag(html, tagEnd, name);
            }
            else if (name.Equals("plaintext", StringComparison.OrdinalIgnoreCase))
            {
                break; // everything after <plaintext> is text
            }
        }

        firstBlanked = first;
        return copy is null ? html : new string(copy);

        void Blank(int from, int to)
        {
            copy ??= html.ToCharArray();
            if (first < 0)
            {
                first = from;
            }

            Array.Fill(copy, ' ', from, to - from);
        }
    }

    /// <summary>The offset just after the tag's closing '&gt;' (or the end of the text); quoted attribute values may hold '&gt;'.</summary>
    private static int TagEnd(string html, int from)
    {
        char quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && i > from && html[i - 1] == '=')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }

    private static int SkipPast(string html, int from, string end)
    {
        var at = from <= html.Length ? html.IndexOf(end, from, StringComparison.Ordinal) : -1;
        return at < 0 ? html.Length : at + end.Length;
    }

    private static int IndexOfEndTag(string html, int from, string name)
    {
        for (var at = html.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = html.IndexOf("</", at + 2, StringComparison.Ordinal))
        {
            if (html.AsSpan(at + 2).StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }
        }

        return html.Length;
    }
}
