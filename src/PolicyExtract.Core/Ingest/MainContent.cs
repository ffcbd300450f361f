using AngleSharp.Dom;

namespace PolicyExtract.Ingest;

/// <summary>
/// Finds a government page's article among its site chrome (search boxes, breadcrumbs, "hot searches", related links,
/// footers) while the page's text is written, so that the text can be cut to it and every offset still points into
/// the markup. The article is the smallest element that holds nearly all of the page's running text: starting at
/// <c>body</c>, descend into the child that holds at least <see cref="Share"/> of its parent's text, counting only CJK
/// characters outside links (chrome is short labels and links; a policy is long runs of prose). Headings just before
/// the article (an <c>h1</c> title above the article's own <c>div</c>) are kept with it.
/// </summary>
/// <remarks>
/// Measured on the corpus's government pages against SmartReader (Mozilla Readability): both find the article on six
/// of seven; Readability keeps a search form inside one page's content column (it scores blocks by punctuation and
/// class names, and the form sits in the article's container), which the share rule leaves behind. This is written here
/// rather than taken from SmartReader because the cut must map back into the same DOM the text came from, and
/// Readability works on its own cleaned copy of the page.
/// A cut never drops the policy's text: if a line outside the article that is not a link starts like a clause (第X条,
/// 一、, （一）, 1.) or is a sentence of some length, the whole page is kept; and only containers (div, section, td …) are
/// descended into, never a paragraph.
/// </remarks>
internal sealed class MainContent
{
    /// <summary>How much of its parent's running text a child must hold to be the article rather than a part of it.</summary>
    public const double Share = 0.85;

    private const int ShortBlock = 60;

    // A sentence this long outside the article means the cut would lose text of the policy.
    private const int SentenceProse = 4;

    // How many lines around the article make it worth cutting away.
    private const int ChromeLines = 3;

    private static readonly HashSet<string> Containers =
        ["div", "section", "article", "main", "center", "form", "table", "tbody", "thead", "tr", "td", "th", "font", "span"];
    private const int HeadingClimb = 2;

    private sealed class Box(IElement element, Box? parent, int start)
    {
        public IElement Element { get; } = element;

        public Box? Parent { get; } = parent;

        public List<Box> Children { get; } = [];

        public int Start { get; } = start;

        public int End { get; set; } = start;

        public long Prose { get; set; }
    }

    private readonly Stack<Box?> _open = new();
    private readonly List<(int Start, int End)> _links = [];
    private Box? _body;
    private int _linkDepth;
    private int _linkStart;

    /// <summary>An element is entered; <paramref name="written"/> is the text length so far; skipped elements are not boxes.</summary>
    public void Enter(IElement element, bool skipped, int written)
    {
        if (skipped)
        {
            _open.Push(null);
            return;
        }

        var parent = _open.Count > 0 ? _open.Peek() : null;
        var box = new Box(element, parent, written);
        parent?.Children.Add(box);
        if (element.LocalName == "body" && _body is null)
        {
            _body = box;
        }

        if (element.LocalName == "a")
        {
            if (_linkDepth++ == 0)
            {
                _linkStart = written;
            }
        }

        _open.Push(box);
    }

    public void Exit(int written)
    {
        var box = _open.Pop();
        if (box is null)
        {
            return;
        }

        box.End = written;
        if (box.Parent is { } parent)
        {
            parent.Prose += box.Prose;
        }

        if (box.Element.LocalName == "a" && --_linkDepth == 0)
        {
            _links.Add((_linkStart, written));
        }
    }

    /// <summary>Visible text of a text node, written inside the current element.</summary>
    public void Text(string data)
    {
        if (_linkDepth > 0 || _open.Count == 0 || _open.Peek() is not { } box)
        {
            return;
        }

        var prose = 0;
        foreach (var c in data)
        {
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                prose++;
            }
        }

        box.Prose += prose;
    }

    /// <summary>
    /// The article's range in <paramref name="text"/>, widened to whole lines, or null when the whole page is kept
    /// (no element holds most of the text, or the cut would drop a numbered line).
    /// </summary>
    public (int Start, int End)? Find(string text)
    {
        var (start, end) = Article(text) ?? (0, text.Length);
        (start, end) = WithoutLinkLines(text, start, end);
        return start == 0 && end >= text.Length ? null : (start, end);
    }

    private (int Start, int End)? Article(string text)
    {
        if (_body is null || _body.Prose == 0)
        {
            return null;
        }

        var chain = new List<Box>();
        var box = _body;
        while (box.Children.Count > 0)
        {
            var best = box.Children[0];
            foreach (var child in box.Children)
            {
                if (child.Prose > best.Prose)
                {
                    best = child;
                }
            }

            // Only into containers: a long paragraph beside short ones is the text, not an article among chrome.
            if (best.Prose < Share * box.Prose || !Containers.Contains(best.Element.LocalName))
            {
                break;
            }

            chain.Add(best);
            box = best;
        }

        if (chain.Count == 0)
        {
            return null;
        }

        var start = box.Start;
        foreach (var level in Enumerable.Reverse(chain).Take(HeadingClimb))
        {
            start = Math.Min(start, HeadingBefore(level) ?? start);
        }

        start = Math.Min(start, text.Length);
        while (start < text.Length && text[start] == '\n')
        {
            start++;
        }

        start = LineStart(text, start);
        var end = LineEnd(text, Math.Min(box.End, text.Length));
        if (ProseOutside(text, 0, start) || ProseOutside(text, end, text.Length))
        {
            return null;
        }

        // A line or two beside the article is as likely the page's own text as chrome: chrome comes in blocks.
        return Lines(text, 0, start) + Lines(text, end, text.Length) >= ChromeLines ? (start, end) : null;
    }

    private static int Lines(string text, int from, int to)
    {
        var n = 0;
        for (var at = from; at < to;)
        {
            var end = text.IndexOf('\n', at, to - at);
            end = end < 0 ? to : end;
            n += text.AsSpan(at, end - at).IsWhiteSpace() ? 0 : 1;
            at = end + 1;
        }

        return n;
    }

    /// <summary>
    /// The range without the lines at its start and end that are mostly links (政策解读：政策图解|…, related documents):
    /// a page's own furniture, which the article's container may hold too.
    /// </summary>
    private (int Start, int End) WithoutLinkLines(string text, int start, int end)
    {
        while (end > start)
        {
            var lineStart = LineStart(text, end);
            if (!IsLinkLine(text, lineStart, end))
            {
                break;
            }

            end = Math.Max(start, lineStart - 1);
        }

        while (start < end)
        {
            var lineEnd = text.IndexOf('\n', start, end - start) is var n and >= 0 ? n : end;
            if (!IsLinkLine(text, start, lineEnd))
            {
                break;
            }

            start = Math.Min(end, lineEnd + 1);
        }

        return (start, end);
    }

    private bool IsLinkLine(string text, int start, int end)
    {
        var visible = 0;
        var linked = 0;
        for (var i = start; i < end; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            visible++;
            if (IsLinked(i))
            {
                linked++;
            }
        }

        return visible > 0 && linked * 2 >= visible && !StartsLikeClause(text.AsSpan(start, end - start));
    }

    /// <summary>
    /// The start of the heading that titles <paramref name="box"/>: among the elements just before it, past short ones
    /// such as a date row, the nearest h1–h6 or element whose class or id names a title.
    /// </summary>
    private static int? HeadingBefore(Box box)
    {
        if (box.Parent is not { } parent)
        {
            return null;
        }

        int? found = null;
        for (var i = parent.Children.IndexOf(box) - 1; i >= 0; i--)
        {
            var sibling = parent.Children[i];
            if (IsHeading(sibling.Element))
            {
                found = sibling.Start;
                continue;
            }

            if (sibling.End - sibling.Start > ShortBlock || found is not null)
            {
                break;
            }
        }

        return found;
    }

    private static bool IsHeading(IElement element) =>
        element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
            || Names(element).Any(n => n.Contains("title", StringComparison.Ordinal) || n.Contains("biaoti", StringComparison.Ordinal));

    private static IEnumerable<string> Names(IElement element) =>
        $"{element.Id} {element.ClassName}".ToLowerInvariant().Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Whether [from, to) holds a line of the policy rather than of the site: one that starts like a clause, or a
    /// sentence of some length (chrome is labels, links and short notes), outside links.
    /// </summary>
    private bool ProseOutside(string text, int from, int to)
    {
        for (var at = from; at < to;)
        {
            var end = text.IndexOf('\n', at, to - at);
            end = end < 0 ? to : end;
            var line = text.AsSpan(at, end - at).Trim();
            var prose = StartsLikeClause(line) || (line.Length > 0 && line[^1] is '。' or '；' && Han(line) >= SentenceProse)
                || Structure.LineShapes.IsDate(line.ToString()) || Structure.LineShapes.IsDocNumber(line.ToString());
            if (prose && !InLink(at, end))
            {
                return true;
            }

            at = end + 1;
        }

        return false;
    }

    private static int Han(ReadOnlySpan<char> line)
    {
        var n = 0;
        foreach (var c in line)
        {
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                n++;
            }
        }

        return n;
    }

    private bool InLink(int start, int end) => LinkAt(start) is var k and >= 0 && end <= _links[k].End;

    private bool IsLinked(int at) => LinkAt(at) >= 0;

    /// <summary>
    /// The link whose text holds position <paramref name="at"/>, or -1. Links cannot nest in HTML, so their ranges are
    /// disjoint and in order: a binary search, so that a page of thousands of links stays linear.
    /// </summary>
    private int LinkAt(int at)
    {
        int lo = 0, hi = _links.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_links[mid].End <= at)
            {
                lo = mid + 1;
            }
            else if (_links[mid].Start > at)
            {
                hi = mid - 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>第X条, 一、, （一）, 1. or 1、 followed by text: how a clause starts (a rough test, to be safe, not a parser).</summary>
    private static bool StartsLikeClause(ReadOnlySpan<char> line)
    {
        line = line.TrimStart(" \t\u3000");
        if (line.Length < 8)
        {
            return false;
        }

        if (line[0] == '第')
        {
            var tiao = line[..Math.Min(8, line.Length)].IndexOf('条');
            return tiao > 1 && IsNumeral(line[1..tiao]);
        }

        if (line[0] is '（' or '(')
        {
            var close = line[..Math.Min(6, line.Length)].IndexOfAny('）', ')');
            return close > 1 && IsNumeral(line[1..close]);
        }

        var mark = line[..Math.Min(5, line.Length)].IndexOfAny("、.．");
        return mark > 0 && IsNumeral(line[..mark]);
    }

    private static bool IsNumeral(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && !"一二三四五六七八九十百零〇".Contains(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    private static int LineStart(string text, int at) => at <= 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;

    private static int LineEnd(string text, int at)
    {
        if (at > 0 && at <= text.Length && text[at - 1] == '\n')
        {
            return at - 1;
        }

        var end = text.IndexOf('\n', Math.Min(at, text.Length));
        return end < 0 ? text.Length : end;
    }
}
