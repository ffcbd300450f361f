using System.Globalization;
using System.Text;
using PolicyExtract.Pipeline;

namespace PolicyExtract.Report;

/// <summary>
/// Renders a <see cref="ReviewPage"/> as one self-contained HTML file: inline CSS and a small inline script, no network
/// and no other file. Every piece of page data (text, titles, cells, messages, rule ids) is HTML-escaped, and none is
/// ever written inside the script, so a policy that contains <c>&lt;script&gt;</c> shows it as text.
/// </summary>
/// <remarks>
/// <para>The text is one <c>&lt;pre id="text"&gt;</c> whose text content is exactly <see cref="ReviewPage.Text"/> (CR LF
/// as an HTML parser reads it): line numbers and note badges are empty elements drawn by CSS, so copying the text or
/// reading its DOM gives the source as written.</para>
/// <para>Each highlight is one <c>&lt;mark id="mN" class="hl KIND [CLASS]" data-rule="RULE_ID"&gt;</c>, numbered in text
/// order (start, then longer first). Highlights that nest become nested elements; when two cross, the inner one is
/// closed at the outer one's end and continued in a <c>&lt;mark class="… cont" data-of="mN"&gt;</c> without an id, so
/// counting the marks without <c>cont</c> counts the highlights.</para>
/// <para>Behaviour: clicking a rule row selects the rule (class <c>selected</c> on its row and marks, its id in
/// <c>body[data-selected]</c>) and scrolls to its first mark, or its line when it has none; clicking a mark selects
/// its rule and scrolls to its row; clicking a listed note about a rule (not its line link) clicks that rule's row.
/// The element scrolled to is named in <c>body[data-focus]</c>. The URL fragment <c>#rule=RULE_ID</c> clicks that
/// rule's row on load and <c>#mark=mN</c> clicks that mark, so a link can open the page at a rule (and a headless
/// browser can check the clicks from the DOM it dumps).</para>
/// <para>Output depends only on the page: same page, same bytes.</para>
/// </remarks>
public static class HtmlPage
{
    public static string Render(ReviewPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = new StringBuilder(page.Text.Length * 3);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(InputFiles.GeneratorMark).Append('\n')
            .Append("<title>").Append(Escape(page.Title)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        RenderHeader(html, page);
        html.Append("<main>\n<pre id=\"text\" lang=\"zh-CN\">");
        RenderText(html, page);
        html.Append("</pre>\n<div class=\"side\">\n");
        RenderTable(html, page.Table);
        RenderNotes(html, page);
        html.Append("</div>\n</main>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Text for HTML content and double-quoted attribute values.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        AppendEscaped(escaped, text);
        return escaped.ToString();
    }

    private static void AppendEscaped(StringBuilder html, string text)
    {
        foreach (var c in text)
        {
            AppendEscaped(html, c);
        }
    }

    private static void AppendEscaped(StringBuilder html, char c) => _ = c switch
    {
        '&' => html.Append("&amp;"),
        '<' => html.Append("&lt;"),
        '>' => html.Append("&gt;"),
        '"' => html.Append("&quot;"),
        '\'' => html.Append("&#39;"),
        _ => html.Append(c),
    };

    private static void RenderHeader(StringBuilder html, ReviewPage page)
    {
        html.Append("<header>\n<h1>").Append(Escape(page.Title)).Append("</h1>\n<dl class=\"facts\">");
        foreach (var fact in page.Facts)
        {
            html.Append("<div><dt>").Append(Escape(fact.Label)).Append("</dt><dd>").Append(Escape(fact.Value)).Append("</dd></div>");
        }

        html.Append("</dl>\n<p class=\"legend\">");
        foreach (var kind in Enum.GetValues<HighlightKind>())
        {
            html.Append("<span class=\"key ").Append(ClassOf(kind)).Append("\">").Append(ClassOf(kind)).Append("</span> ");
        }

        html.Append("<span class=\"key note warning\"></span>diagnostic</p>\n</header>\n");
    }

    private static void RenderText(StringBuilder html, ReviewPage page)
    {
        var text = page.Text;
        var highlights = page.Highlights;
        foreach (var h in highlights)
        {
            if (h.Start < 0 || h.End < h.Start || h.End > text.Length)
            {
                throw new ArgumentException($"highlight [{h.Start}, {h.End}) of rule {h.RuleId} is outside the text (length {text.Length})", nameof(page));
            }
        }

        var order = Enumerable.Range(0, highlights.Length)
            .OrderBy(i => highlights[i].Start).ThenByDescending(i => highlights[i].End).ThenBy(i => i)
            .ToArray();
        var notes = page.Notes.Select((n, i) => (Note: n, Id: i + 1))
            .Where(n => n.Note.Start is not null)
            .ToLookup(n => Math.Clamp(n.Note.Start!.Value, 0, text.Length));
        var open = new List<int>();
        var line = 0;
        var lineIds = new HashSet<int>();
        var next = 0;
        for (var p = 0; p <= text.Length; p++)
        {
            CloseAt(p);
            if (p < text.Length && IsLineStart(text, p))
            {
                line++;
                var shown = line <= page.LineNumbers.Length ? page.LineNumbers[line - 1] : line;
                html.Append("<span class=\"ln\"");
                if (lineIds.Add(shown))
                {
                    html.Append(" id=\"L").Append(Invariant(shown)).Append('"');
                }

                html.Append(" data-n=\"").Append(Invariant(shown)).Append("\"></span>");
            }

            foreach (var (note, id) in notes[p])
            {
                html.Append("<span class=\"note ").Append(SeverityClass(note.Severity)).Append("\" id=\"n").Append(Invariant(id))
                    .Append("\" data-code=\"").Append(Escape(note.Code)).Append("\" title=\"").Append(Escape(note.Message)).Append("\"></span>");
            }

            for (; next < order.Length && highlights[order[next]].Start == p; next++)
            {
                Open(next, continuation: false);
                open.Add(next);
            }

            CloseAt(p);
            if (p < text.Length)
            {
                AppendEscaped(html, text[p]);
            }
        }

        // Closes every open highlight that ends at p. One that ends under another that goes on is closed with all above
        // it, and those are continued.
        void CloseAt(int p)
        {
            var lowest = open.FindIndex(rank => highlights[order[rank]].End <= p);
            if (lowest < 0)
            {
                return;
            }

            var continued = new List<int>();
            for (var j = open.Count - 1; j >= lowest; j--)
            {
                html.Append("</mark>");
                if (highlights[order[open[j]]].End > p)
                {
                    continued.Insert(0, open[j]);
                }
            }

            open.RemoveRange(lowest, open.Count - lowest);
            foreach (var rank in continued)
            {
                Open(rank, continuation: true);
                open.Add(rank);
            }
        }

        // A highlight's element id is m + its rank in text order; a continuation names that id instead of taking it.
        void Open(int rank, bool continuation)
        {
            var h = highlights[order[rank]];
            html.Append("<mark");
            if (!continuation)
            {
                html.Append(" id=\"m").Append(Invariant(rank + 1)).Append('"');
            }

            html.Append(" class=\"hl ").Append(ClassOf(h.Kind));
            if (h.Class is { Length: > 0 } extra)
            {
                html.Append(' ').Append(Escape(extra));
            }

            if (continuation)
            {
                html.Append(" cont\" data-of=\"m").Append(Invariant(rank + 1));
            }

            html.Append("\" data-rule=\"").Append(Escape(h.RuleId)).Append('"');
            if (h.Title is { } title)
            {
                html.Append(" title=\"").Append(Escape(title)).Append('"');
            }

            html.Append('>');
        }
    }

    /// <summary>Lines end at LF, CRLF or a lone CR, as <see cref="Normalize.LineIndex"/> counts them.</summary>
    private static bool IsLineStart(string text, int p) =>
        p == 0 || text[p - 1] == '\n' || (text[p - 1] == '\r' && text[p] != '\n');

    private static void RenderTable(StringBuilder html, RuleTable table)
    {
        html.Append("<table id=\"rules\">\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th>").Append(Escape(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < table.Rows.Length; i++)
        {
            var row = table.Rows[i];
            html.Append("<tr id=\"r").Append(Invariant(i + 1)).Append('"');
            if (row.Class is { Length: > 0 } extra)
            {
                html.Append(" class=\"").Append(Escape(extra)).Append('"');
            }

            html.Append(" data-rule=\"").Append(Escape(row.RuleId)).Append("\" data-line=\"").Append(Invariant(row.Line)).Append("\">");
            for (var c = 0; c < row.Cells.Length; c++)
            {
                var cell = row.Cells[c];

                // The first column holds the short id; the whole one shows on hover.
                html.Append(c == 0 ? "<td title=\"" + Escape(row.RuleId) + "\">" : "<td>");
                html.Append(string.Join("<br>", cell.Split('\n').Select(line => line == HtmlReport.NotRead ? "<span class=\"none\">" + Escape(line) + "</span>" : Escape(line)))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void RenderNotes(StringBuilder html, ReviewPage page)
    {
        html.Append("<section id=\"notes\">\n<h2>Diagnostics (").Append(Invariant(page.Notes.Length)).Append(")</h2>\n");
        if (page.Notes.IsEmpty)
        {
            html.Append("<p>None.</p>\n</section>\n");
            return;
        }

        html.Append("<ol>\n");
        for (var i = 0; i < page.Notes.Length; i++)
        {
            var note = page.Notes[i];
            html.Append("<li class=\"").Append(SeverityClass(note.Severity)).Append('"');
            if (note.RuleId is { } rule)
            {
                html.Append(" data-rule=\"").Append(Escape(rule)).Append('"');
            }

            html.Append('>');
            if (note.Start is not null)
            {
                html.Append("<a href=\"#n").Append(Invariant(i + 1)).Append("\">line ").Append(Invariant(note.Line ?? 0)).Append("</a> ");
            }

            html.Append(SeverityClass(note.Severity)).Append(" <code>").Append(Escape(note.Code)).Append("</code> ").Append(Escape(note.Message)).Append("</li>\n");
        }

        html.Append("</ol>\n</section>\n");
    }

    public static string ClassOf(HighlightKind kind) => kind.ToString().ToLowerInvariant();

    private static string SeverityClass(Diagnostics.Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private const string Css = """
        :root { --amount: #ffe08a; --cap: #ffbf99; --limit: #d4c4ff; --threshold: #aee8c6; --trigger: #2f7fd1; }
        * { box-sizing: border-box; }
        body { margin: 0; height: 100vh; display: flex; flex-direction: column; color: #1d1d1f; background: #fff;
          font: 14px/1.6 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; }
        header { padding: .5em 1em; border-bottom: 1px solid #ddd; }
        h1 { font-size: 1.15em; margin: 0 0 .2em; }
        h2 { font-size: 1em; margin: 1em 0 .3em; }
        .facts { display: flex; flex-wrap: wrap; gap: 0 1.2em; margin: 0; font-size: .85em; color: #444; }
        .facts div { display: flex; gap: .4em; }
        .facts dt { font-weight: 600; }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .legend { margin: .3em 0 0; font-size: .85em; }
        .key { padding: 0 .4em; border-radius: 3px; }
        main { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.5fr); }
        #text { margin: 0; padding: 1em 1em 1em 4.5em; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere;
          border-right: 1px solid #ddd; font: inherit; }
        .side { overflow: auto; padding: 0 1em 1em; }
        .ln::before { content: attr(data-n); display: inline-block; width: 3em; margin-left: -3.5em; margin-right: .5em;
          text-align: right; color: #999; font-size: .85em; user-select: none; }
        mark { color: inherit; background: none; cursor: pointer; border-radius: 2px; }
        .amount { background: var(--amount); }
        .cap { background: var(--cap); }
        .limit { background: var(--limit); }
        .threshold { background: var(--threshold); }
        mark.trigger { border-bottom: 2px solid var(--trigger); }
        .key.trigger { border-bottom: 2px solid var(--trigger); }
        mark.partial { border-bottom-style: dashed; }
        mark.selected { outline: 2px solid #d9363e; }
        mark.added { box-shadow: inset 0 -4px #2e9e4f; background-color: #dcf5e3; }
        mark.removed { box-shadow: inset 0 -4px #d9363e; text-decoration: line-through; }
        mark.changed { box-shadow: inset 0 -4px #e3a008; outline: 1px dashed #e3a008; }
        tr.added td { background: #eefaf1; } tr.added td:first-child { box-shadow: inset 4px 0 #2e9e4f; }
        tr.changed td { background: #fff6df; } tr.changed td:first-child { box-shadow: inset 4px 0 #e3a008; }
        tr.removed td { color: #8a8a8a; text-decoration: line-through; } tr.removed td:first-child { box-shadow: inset 4px 0 #d9363e; }
        /* The table fits its panel: every column stays in view at 1400 px, long cells wrap instead of widening it. */
        table { border-collapse: collapse; font-size: .85em; margin-top: 1em; width: 100%; table-layout: fixed; }
        th, td { border: 1px solid #ddd; padding: .2em .4em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
        th { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        th:nth-child(1) { width: 5em; } th:nth-child(2) { width: 4.5em; } th:nth-child(3) { width: 19%; }
        th:nth-child(4) { width: 10%; } th:nth-child(5) { width: 7%; } th:nth-child(6) { width: 11%; }
        th:nth-child(7) { width: 17%; } th:nth-child(8), th:nth-child(9) { width: 12%; } th:nth-child(10) { width: 16%; }
        td:first-child { font-size: .85em; color: #555; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .none { color: #999; font-style: italic; }
        th { position: sticky; top: 0; background: #f4f4f6; }
        tbody tr { cursor: pointer; }
        tbody tr:hover td { background: #f7f7fa; }
        tr.selected td { background: #fff1bf; }
        .note::before { content: "\26A0\FE0E" attr(data-code); font-size: .75em; padding: 0 .3em; margin: 0 .2em;
          border-radius: 3px; color: #fff; background: #b26b00; vertical-align: super; }
        .note.error::before { background: #c62828; }
        .note.info::before { background: #607d8b; }
        #notes li.error { color: #c62828; }
        """;

    private const string Script = """
        (function () {
          'use strict';
          var body = document.body, rows = {}, marks = {};
          var each = function (selector, f) { Array.prototype.forEach.call(document.querySelectorAll(selector), f); };
          each('#rules tr[data-rule]', function (row) { rows[row.getAttribute('data-rule')] = row; });
          each('mark[data-rule]', function (mark) {
            var id = mark.getAttribute('data-rule');
            (marks[id] = marks[id] || []).push(mark);
          });
          function select(id) {
            each('.selected', function (el) { el.classList.remove('selected'); });
            if (rows[id]) { rows[id].classList.add('selected'); }
            (marks[id] || []).forEach(function (mark) { mark.classList.add('selected'); });
            body.setAttribute('data-selected', id);
          }
          function show(el) {
            if (!el) { return; }
            el.scrollIntoView({ block: 'center' });
            body.setAttribute('data-focus', el.id);
          }
          Object.keys(rows).forEach(function (id) {
            rows[id].addEventListener('click', function () {
              var first = (marks[id] || []).filter(function (mark) { return mark.id; })[0];
              select(id);
              show(first || document.getElementById('L' + rows[id].getAttribute('data-line')));
            });
          });
          Object.keys(marks).forEach(function (id) {
            marks[id].forEach(function (mark) {
              mark.addEventListener('click', function (event) {
                event.stopPropagation();
                select(id);
                show(rows[id]);
              });
            });
          });
          each('#notes li[data-rule]', function (item) {
            item.addEventListener('click', function (event) {
              var row = rows[item.getAttribute('data-rule')];
              if (row && event.target.tagName !== 'A') { row.click(); }
            });
          });
          var hash = '';
          try { hash = decodeURIComponent(location.hash.slice(1)); } catch (e) { hash = ''; }
          if (hash.indexOf('rule=') === 0 && rows[hash.slice(5)]) {
            rows[hash.slice(5)].click();
          } else if (hash.indexOf('mark=') === 0 && document.getElementById(hash.slice(5))) {
            document.getElementById(hash.slice(5)).click();
          }
        })();
        """;
}
