using System.Collections.Frozen;
using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PolicyExtract.Ingest;

/// <summary>
/// Text extracted from markup, with a map back to it.
/// </summary>
/// <param name="Text">The visible text, lines separated by '\n', no trailing line break.</param>
/// <param name="SourceOffsets">
/// Same length as <paramref name="Text"/>. <c>SourceOffsets[i]</c> is the UTF-16 offset in the HTML string of the
/// character that produced <c>Text[i]</c>: for a character from a reference like <c>&amp;nbsp;</c> the offset of its
/// '&amp;'; for a collapsed whitespace run, its first character; for a line break or tab the extractor inserted, the
/// tag that caused it (for the end of a block, its end tag when found, else the end of the block's last text).
/// Non-decreasing.
/// </param>
public sealed record MappedText(string Text, ImmutableArray<int> SourceOffsets)
{
    /// <summary>
    /// Offset in the markup of the first tag ignored because elements nested deeper than <see cref="HtmlNesting.MaxDepth"/>
    /// levels (its text is kept); -1 when the page nests within the limit.
    /// </summary>
    public int DeepNestingAt { get; init; } = -1;

    /// <summary>Whether site chrome around the article was left out (<see cref="MainContent"/>): the text is the article only.</summary>
    public bool ChromeLeftOut { get; init; }
}

/// <summary>
/// Extracts the visible text of an HTML page (a government policy page) with offsets back into the markup.
/// </summary>
/// <remarks>
/// <para>The <c>&lt;body&gt;</c> is extracted minus chrome, then cut to the page's article where one container holds
/// nearly all of its running text (<see cref="MainContent"/>: by the text's share, not by names such as
/// <c>div.TRS_Editor</c> or <c>#zoom</c>, and never when the cut would lose a clause, a sentence, a date or a 文号).
/// Dropped while walking: <c>head</c>, scripts,
/// styles, <c>noscript</c>, <c>template</c>, embedded objects, <c>nav</c>, <c>aside</c>, form controls (<c>button</c>,
/// <c>select</c>, <c>textarea</c>), <c>header</c>/<c>footer</c> unless inside <c>article</c> or <c>main</c> (there they
/// hold the article's own title and date), elements with the <c>hidden</c> attribute or <c>display:none</c>, and
/// elements whose id or class names chrome (see <see cref="IsChrome"/>). <c>form</c> itself is kept: ASP.NET pages,
/// common on government sites, wrap the entire page in one.</para>
/// <para>Layout: block elements end lines, <c>&lt;br&gt;</c> is a line break, table rows are lines with cells
/// separated by tabs, whitespace collapses as in normal flow except inside <c>&lt;pre&gt;</c>; see
/// <see cref="LineWriter"/>. The DOM is walked with an explicit stack, so nesting depth cannot overflow the call stack
/// (AngleSharp itself caps the tree depth at 512 and keeps deeper content as siblings).</para>
/// </remarks>
public static class HtmlText
{
    private static readonly FrozenSet<string> SkippedElements = FrozenSet.ToFrozenSet(
    [
        "head", "title", "script", "style", "noscript", "template", "nav", "aside", "button", "select", "option",
        "optgroup", "datalist", "textarea", "iframe", "object", "embed", "applet", "svg", "math", "canvas", "audio",
        "video", "map", "noembed", "noframes", "frameset",
    ]);

    private static readonly FrozenSet<string> BlockElements = FrozenSet.ToFrozenSet(
    [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "section",
        "summary", "ul", "xmp", "table", "caption", "thead", "tbody", "tfoot", "tr",
    ]);

    // Table structure: their boundaries end a row, and a following cell must not turn that break into a tab.
    private static readonly FrozenSet<string> RowLevelElements = FrozenSet.ToFrozenSet(
        ["table", "caption", "thead", "tbody", "tfoot", "tr"]);

    private static readonly FrozenSet<string> ChromeWords = FrozenSet.ToFrozenSet(
    [
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "footer", "header",
        "sidebar", "share", "banner",
    ]);

    // Any of these in an id/class keeps the element even if a chrome word is there too ("article-header"). Not "main" or
    // "text": "main-nav", "main_menu" and "nav-text" are chrome.
    private static readonly FrozenSet<string> ContentWords = FrozenSet.ToFrozenSet(
    [
        "content", "article", "zoom", "detail", "details", "body", "post", "editor", "zhengwen", "zw",
    ]);

    [Flags]
    private enum Role : byte
    {
        None = 0,
        Skipped = 1,
        Preformatted = 2,
        Cell = 4,
        ArticleScope = 8,
    }

    /// <summary>Extracts the visible text of <paramref name="html"/>. Never throws on malformed markup.</summary>
    public static MappedText Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        html = HtmlNesting.Limit(html, HtmlNesting.MaxDepth, out var deepNestingAt);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var document = parser.ParseDocument(html);

        var events = Flatten(document);
        var elementStarts = new List<(int EventIndex, int Position)>();
        for (var i = 0; i < events.Count; i++)
        {
            if (!events[i].Exit && events[i].Node is IElement element && PositionOf(element) is var p and >= 0)
            {
                elementStarts.Add((i, p));
            }
        }

        var aligner = new SourceAligner(html, elementStarts);
        var writer = new LineWriter(html.Length);
        var roles = new Stack<Role>();
        int skipDepth = 0, preDepth = 0, cellDepth = 0, articleDepth = 0;
        var offsets = new int[64];
        var rowsWithCells = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        var content = new MainContent();

        for (var i = 0; i < events.Count; i++)
        {
            var (node, exit) = events[i];
            if (node is IText text)
            {
                var data = text.Data;
                if (offsets.Length < data.Length)
                {
                    offsets = new int[Math.Max(data.Length, offsets.Length * 2)];
                }

                var aligned = aligner.Align(data, i, offsets);
                if (aligned < data.Length)
                {
                    // The parser moved this text (or the source is too broken to follow): point at its parent. The
                    // writer clamps offsets to be non-decreasing, so this never points before text already written.
                    var fallback = text.ParentElement is { } parent && PositionOf(parent) is var pp and >= 0 ? pp : aligner.Cursor;
                    offsets.AsSpan(aligned, data.Length - aligned).Fill(fallback);
                }

                if (skipDepth == 0)
                {
                    content.Text(data);
                    for (var k = 0; k < data.Length; k++)
                    {
                        writer.Append(data[k], offsets[k], preDepth > 0);
                    }
                }

                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (!exit)
            {
                var position = PositionOf(element);
                if (position >= 0)
                {
                    aligner.EnterElement(position, name);
                }

                var at = position >= 0 ? position : aligner.Cursor;
                var role = Role.None;
                if (skipDepth > 0 || IsSkipped(element, name, articleDepth > 0))
                {
                    role |= Role.Skipped;
                    skipDepth++;
                }

                if (name is "article" or "main")
                {
                    role |= Role.ArticleScope;
                    articleDepth++;
                }

                if (name is "pre" or "listing" or "xmp" or "plaintext")
                {
                    role |= Role.Preformatted;
                    preDepth++;
                }

                if (skipDepth == 0)
                {
                    if (name == "br")
                    {
                        writer.HardBreak(at);
                    }
                    else if (name is "td" or "th")
                    {
                        // Tracked by parent rather than asking PreviousElementSibling, which AngleSharp answers by
                        // scanning siblings: quadratic for a row with thousands of cells.
                        if (element.ParentElement is { } row && !rowsWithCells.Add(row))
                        {
                            writer.NextCell(at);
                        }
                        else
                        {
                            writer.FirstCell();
                        }
                    }
                    else if (BlockElements.Contains(name))
                    {
                        writer.BlockBreak(at, cancellable: cellDepth > 0 && !RowLevelElements.Contains(name));
                    }
                }

                if (name is "td" or "th")
                {
                    role |= Role.Cell;
                    cellDepth++;
                }

                content.Enter(element, role.HasFlag(Role.Skipped), writer.Length);
                roles.Push(role);
            }
            else
            {
                var role = roles.Pop();
                var at = aligner.ExitElement(name);
                if (role.HasFlag(Role.Cell))
                {
                    cellDepth--;
                }

                if (skipDepth == 0 && BlockElements.Contains(name))
                {
                    writer.BlockBreak(at, cancellable: cellDepth > 0 && !RowLevelElements.Contains(name));
                }

                content.Exit(writer.Length);

                if (role.HasFlag(Role.Skipped))
                {
                    skipDepth--;
                }

                if (role.HasFlag(Role.Preformatted))
                {
                    preDepth--;
                }

                if (role.HasFlag(Role.ArticleScope))
                {
                    articleDepth--;
                }
            }
        }

        var page = writer.ToMappedText();
        if (content.Find(page.Text) is not var (start, end))
        {
            return page with { DeepNestingAt = deepNestingAt };
        }

        return new MappedText(page.Text[start..end], page.SourceOffsets[start..end]) { DeepNestingAt = deepNestingAt, ChromeLeftOut = true };
    }

    /// <summary>
    /// Decodes an HTML file's bytes: a BOM wins, then a <c>charset=</c> declaration in the first 1024 bytes
    /// (<c>&lt;meta charset=gb2312&gt;</c> or the http-equiv form; GBK/GB2312 labels decode as GB18030, Big5 labels as
    /// Big5), else <see cref="TextDecoding.Decode"/>'s detection. Valid UTF-8 with non-ASCII content is decoded as
    /// UTF-8 even under a legacy declaration, since migrated pages often keep a stale one.
    /// </summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="path">The input path as given, used only to label diagnostics.</param>
    public static DecodeResult DecodeHtml(ReadOnlySpan<byte> bytes, string path)
    {
        var hasBom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
                     || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
                     || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        var declared = hasBom ? null : DeclaredEncoding(bytes[..Math.Min(bytes.Length, 1024)]);
        return TextDecoding.DecodeCore(bytes, path, declared);
    }

    /// <summary>
    /// The <see cref="EncodingNames"/> value for the first recognized <c>charset=</c> label, or null. Labels follow the
    /// WHATWG Encoding Standard; a UTF-16 label in an ASCII-readable meta tag means UTF-8, as browsers treat it.
    /// </summary>
    internal static string? DeclaredEncoding(ReadOnlySpan<byte> head)
    {
        var rest = head;
        while (true)
        {
            var at = IndexOfIgnoreCase(rest, "charset"u8);
            if (at < 0)
            {
                return null;
            }

            rest = rest[(at + 7)..];
            var i = 0;
            while (i < rest.Length && rest[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }

            if (i >= rest.Length || rest[i] != (byte)'=')
            {
                continue;
            }

            i++;
            while (i < rest.Length && rest[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'"' or (byte)'\'')
            {
                i++;
            }

            var start = i;
            while (i < rest.Length && (char.IsAsciiLetterOrDigit((char)rest[i]) || rest[i] is (byte)'-' or (byte)'_' or (byte)':' or (byte)'.'))
            {
                i++;
            }

            var label = System.Text.Encoding.ASCII.GetString(rest[start..i]).ToLowerInvariant();
            var name = label switch
            {
                "gb2312" or "gbk" or "gb18030" or "gb_2312" or "gb_2312-80" or "chinese" or "csgb2312"
                    or "csiso58gb231280" or "iso-ir-58" or "x-gbk" or "cp936" or "windows-936" => EncodingNames.Gb18030,
                "big5" or "big5-hkscs" or "cn-big5" or "csbig5" or "x-x-big5" or "cp950" => EncodingNames.Big5,
                "utf-8" or "utf8" or "unicode-1-1-utf-8" or "unicode11utf8" or "unicode20utf8" or "x-unicode20utf8"
                    or "utf-16" or "utf-16le" or "utf-16be" or "unicode" or "unicodefffe" => EncodingNames.Utf8,
                _ => null,
            };
            if (name is not null)
            {
                return name;
            }
        }
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < lowerNeedle.Length && (haystack[i + j] | 0x20) == lowerNeedle[j])
            {
                j++;
            }

            if (j == lowerNeedle.Length)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Document-order enter/exit events for elements and text nodes, built without recursion.</summary>
    private static List<(INode Node, bool Exit)> Flatten(IDocument document)
    {
        var events = new List<(INode Node, bool Exit)>();
        var stack = new Stack<(INode Node, bool Exit)>();
        PushChildren(stack, document);

        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText)
            {
                events.Add((node, false));
                continue;
            }

            if (node is not IElement)
            {
                continue; // comments, doctype, processing instructions
            }

            events.Add((node, exit));
            if (exit)
            {
                continue;
            }

            stack.Push((node, true));
            PushChildren(stack, node);
        }

        return events;
    }

    // By index: AngleSharp computes PreviousSibling by searching the parent's child list, quadratic for wide nodes.
    private static void PushChildren(Stack<(INode Node, bool Exit)> stack, INode parent)
    {
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], false));
        }
    }

    private static int PositionOf(IElement element) => element.SourceReference?.Position.Index ?? -1;

    private static bool IsSkipped(IElement element, string name, bool insideArticle)
    {
        if (SkippedElements.Contains(name))
        {
            return true;
        }

        if (name is "header" or "footer" && !insideArticle)
        {
            return true;
        }

        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        if (element.GetAttribute("style") is { } style && IsDisplayNone(style))
        {
            return true;
        }

        return name is not ("html" or "body") && IsChrome(element);
    }

    private static bool IsDisplayNone(string style)
    {
        Span<char> compact = stackalloc char[Math.Min(style.Length, 512)];
        var n = 0;
        foreach (var c in style)
        {
            if (n == compact.Length)
            {
                break;
            }

            if (!char.IsWhiteSpace(c))
            {
                compact[n++] = char.ToLowerInvariant(c);
            }
        }

        return compact[..n].IndexOf("display:none", StringComparison.Ordinal) >= 0;
    }

    /// <summary>
    /// Chrome by name: some id or class token, or a '-'/'_'-separated part of one, is a chrome word (nav, menu,
    /// breadcrumb, footer, header, sidebar, share, banner, ...), and no token or part is a content word (content,
    /// article, zoom, detail, editor, ...). Whole parts only: "navigation" and "top-nav" count,
    /// "canvas" or "snapshot" do not; "article-header" and "content_nav" are kept, "main-menu" is not.
    /// </summary>
    private static bool IsChrome(IElement element)
    {
        var chrome = false;
        var content = false;
        Classify(element.Id);
        Classify(element.ClassName);
        return chrome && !content;

        void Classify(string? names)
        {
            if (string.IsNullOrEmpty(names))
            {
                return;
            }

            foreach (var token in names.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries))
            {
                var lower = token.ToLowerInvariant();
                Check(lower);
                if (lower.AsSpan().IndexOfAny('-', '_') >= 0)
                {
                    foreach (var part in lower.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries))
                    {
                        Check(part);
                    }
                }
            }
        }

        void Check(string word)
        {
            chrome |= ChromeWords.Contains(word);
            content |= ContentWords.Contains(word);
        }
    }
}
