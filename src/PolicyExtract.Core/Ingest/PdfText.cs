using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PolicyExtract.Diagnostics;
using PolicyExtract.Normalize;
using PolicyExtract.Structure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace PolicyExtract.Ingest;

/// <summary>
/// Reads the text layer of a PDF with PdfPig and rebuilds the paragraphs that page layout broke into lines.
/// Immutable and thread-safe once built (one per pipeline).
/// </summary>
/// <remarks>
/// <para>Per page, the glyphs (PdfPig's <see cref="Page.Letters"/>, horizontal ones only; duplicates drawn twice for
/// a bold effect dropped) are grouped into lines by baseline, top to bottom, left to right: single-column reading
/// order, which is how policies are typeset. Inside a line a gap wider than a third of the font size is a space.</para>
/// <para>Page furniture is removed before lines are joined: a first or last line of a page that is only a page number
/// (<c>— 9 —</c>, <c>-9-</c>, <c>第 9 页 共 12 页</c>; the patterns of <see cref="Normalizer"/>) and a running header or
/// footer, a first or last line that recurs at the same height on at least two pages (digits ignored).</para>
/// <para>A line continues the previous one (on the same page or the next) when the previous line is full (the text
/// this line starts with, which line breaking could not split, would not have fitted after it), the line does not start to the
/// right of the previous one (a first-line indent starts a paragraph), it does not start with a clause label of the
/// grammar (<see cref="LabelMatcher"/>), and no blank line separates them; a gap of more than one and a half lines is
/// an empty paragraph and is kept as an empty line. Lines are joined without a space, except between two Latin letters
/// or digits (Latin text wraps at spaces).</para>
/// <para>The result is one line per paragraph; <see cref="DecodeResult.PageStarts"/> gives where each page's text starts.
/// A PDF without any text is IN024 (scanned: OCR it first); pages without text but with images are IN025.</para>
/// </remarks>
public sealed class PdfText(LabelMatcher labels)
{
    /// <summary>A line of a page. <paramref name="FirstUnit"/>: the width of the text it starts with that line breaking
    /// could not split (a Latin word or number with the punctuation after it, or one Chinese character with its
    /// punctuation), so that a previous line short by that much still counts as full.</summary>
    private sealed record Line(int Page, string Text, double Left, double Right, double Baseline, double FontSize, double FirstUnit, double PageWidth);

    // Characters that line breaking keeps off the start of a line (they go with the character before), and off the
    // end of one (they go with the character after), in Chinese typesetting (GB/T 15834 punctuation, 禁则).
    private const string NoLineStart = "，。、；：？！）》」』〕】〉｝］”’…%‰,.;:?!)]}·";
    private const string NoLineEnd = "（《「『〔【〈｛［“‘([{";

    /// <summary>The text of the PDF in <paramref name="bytes"/>. Never throws on a broken or hostile file.</summary>
    public DecodeResult Decode(ReadOnlySpan<byte> bytes, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        List<List<Line>> pages = [];
        List<int> scanned = [];
        try
        {
            using var document = PdfDocument.Open(bytes.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            foreach (var page in document.GetPages())
            {
                var lines = Lines(page);
                if (lines.Count == 0 && page.GetImages().Any())
                {
                    scanned.Add(page.Number);
                }

                pages.Add(lines);
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            return Fail(Diagnostic.Create(DiagnosticCatalog.PdfEncrypted, file, null));
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // PdfPig parses untrusted bytes and, on a broken file, throws whatever the damaged structure provokes
            // (format, index, null-reference, cast exceptions): all mean the file is unreadable, none is our bug.
            return Fail(Diagnostic.Create(DiagnosticCatalog.PdfUnreadable, file, null, e.Message));
        }

        if (pages.All(p => p.Count == 0))
        {
            return Fail(Diagnostic.Create(DiagnosticCatalog.PdfNoTextLayer, file, null, pages.Count.ToString(CultureInfo.InvariantCulture)));
        }

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        if (scanned.Count > 0)
        {
            diagnostics.Add(Diagnostic.Create(
                DiagnosticCatalog.PdfPagesWithoutText, file, null,
                scanned.Count.ToString(CultureInfo.InvariantCulture), pages.Count.ToString(CultureInfo.InvariantCulture), scanned[0].ToString(CultureInfo.InvariantCulture)));
        }

        RemoveFurniture(pages);
        var (text, pageStarts) = Join(pages);
        return new DecodeResult(text, EncodingNames.Unicode, diagnostics.ToImmutable()) { PageStarts = pageStarts };
    }

    private static DecodeResult Fail(Diagnostic diagnostic) => new(null, EncodingNames.Unicode, [diagnostic]);

    /// <summary>The page's glyphs as lines, top to bottom.</summary>
    private static List<Line> Lines(Page page)
    {
        var letters = page.Letters
            .Where(l => l.TextOrientation == TextOrientation.Horizontal && !string.IsNullOrWhiteSpace(l.Value))
            .OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X)
            .ToList();
        var groups = new List<List<Letter>>();
        foreach (var letter in letters)
        {
            var size = Size(letter);
            if (groups.Count > 0 && Math.Abs(groups[^1][0].StartBaseLine.Y - letter.StartBaseLine.Y) <= 0.35 * size)
            {
                groups[^1].Add(letter);
            }
            else
            {
                groups.Add([letter]);
            }
        }

        var lines = new List<Line>(groups.Count);
        foreach (var group in groups)
        {
            group.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
            var sizes = group.Select(Size).Order().ToList();
            var fontSize = sizes[sizes.Count / 2];
            var sb = new StringBuilder();
            Letter? previous = null;
            foreach (var letter in group)
            {
                if (previous is not null)
                {
                    if (letter.Value == previous.Value && Math.Abs(letter.StartBaseLine.X - previous.StartBaseLine.X) < 0.1 * fontSize)
                    {
                        continue; // the same glyph drawn again (fake bold, shadow)
                    }

                    // A gap of a third of a character is a space; more than a character is a layout gap (two spaces,
                    // which normalization folds to one rather than dropping it as a stray).
                    var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                    if (gap > fontSize / 3)
                    {
                        sb.Append(gap > 1.2 * fontSize ? "  " : " ");
                    }
                }

                sb.Append(letter.Value);
                previous = letter;
            }

            lines.Add(new Line(page.Number, sb.ToString(), group[0].StartBaseLine.X, group.Max(l => l.EndBaseLine.X), group[0].StartBaseLine.Y, fontSize, FirstUnitWidth(group), page.Width));
        }

        return lines;
    }

    private static double FirstUnitWidth(List<Letter> line)
    {
        static bool Latin(Letter l) => l.Value.Length == 1 && (char.IsAsciiLetterOrDigit(l.Value[0]) || l.Value[0] is '.' or '-' or '/');
        var i = 0;
        while (i < line.Count - 1 && NoLineEnd.Contains(line[i].Value, StringComparison.Ordinal))
        {
            i++;
        }

        if (Latin(line[i]))
        {
            while (i < line.Count && Latin(line[i]))
            {
                i++;
            }
        }
        else
        {
            i++;
        }

        while (i < line.Count && NoLineStart.Contains(line[i].Value, StringComparison.Ordinal))
        {
            i++;
        }

        return line[i - 1].EndBaseLine.X - line[0].StartBaseLine.X;
    }

    /// <summary>The glyph's size on the page: PointSize already includes the text matrix's scaling.</summary>
    private static double Size(Letter letter) => letter.PointSize > 0 ? letter.PointSize : Math.Max(1, letter.BoundingBox.Height);

    /// <summary>Drops page numbers and running headers and footers from the first and last lines of each page.</summary>
    private static void RemoveFurniture(List<List<Line>> pages)
    {
        static string Key(Line line) => new([.. line.Text.Where(c => !char.IsDigit(c) && !char.IsWhiteSpace(c))]);

        // Edge lines (first two and last two of a page) that recur at the same height on two or more pages.
        var edges = pages.SelectMany(p => p.Take(2).Concat(p.TakeLast(2)).Distinct()).ToList();
        var recurring = edges
            .GroupBy(l => (Key(l), Math.Round(l.Baseline / 2)))
            .Where(g => g.Select(l => l.Page).Distinct().Count() >= 2 && g.Key.Item1.Length > 0)
            .SelectMany(g => g)
            .ToHashSet();

        foreach (var lines in pages)
        {
            lines.RemoveAll(l => recurring.Contains(l));
            while (lines.Count > 0 && Normalizer.IsPageNumberLine(lines[^1].Text))
            {
                lines.RemoveAt(lines.Count - 1);
            }

            while (lines.Count > 0 && Normalizer.IsPageNumberLine(lines[0].Text))
            {
                lines.RemoveAt(0);
            }
        }
    }

    private (string Text, ImmutableArray<int> PageStarts) Join(List<List<Line>> pages)
    {
        var all = pages.SelectMany(p => p).ToList();
        var pitches = new List<double>();
        foreach (var lines in pages)
        {
            for (var i = 1; i < lines.Count; i++)
            {
                var d = lines[i - 1].Baseline - lines[i].Baseline;
                if (d > 0)
                {
                    pitches.Add(d / lines[i].FontSize);
                }
            }
        }

        // Line pitch in font sizes, and the right margin: the 90th percentile of line ends, so one overlong line
        // (a URL, a wide table row) does not make every other line look short.
        var pitch = pitches.Count > 0 ? pitches.Order().ElementAt(pitches.Count / 2) : 1.2;
        var rights = all.Select(l => l.Right).Order().ToList();
        var rightMargin = rights.Count > 0 ? rights[Math.Min(rights.Count - 1, (int)(rights.Count * 0.9))] : 0;
        if (all.Count > 0)
        {
            // A document of short lines (a list, a form) has no full line: the margin is at least three quarters of the
            // way across the text block, taking the right margin as wide as the left.
            var left = all.Min(l => l.Left);
            rightMargin = Math.Max(rightMargin, left + 0.75 * (all.Max(l => l.PageWidth) - 2 * left));
        }

        var text = new StringBuilder();
        var pageStarts = new int[pages.Count];
        var nextPage = 1; // the first page whose start is not known yet
        Line? previous = null;
        foreach (var line in all)
        {
            if (previous is not null)
            {
                if (ContinuesFrom(previous, line, rightMargin, pitch))
                {
                    if (IsLatin(previous.Text[^1]) && IsLatin(line.Text[0]))
                    {
                        text.Append(' ');
                    }
                }
                else
                {
                    text.Append('\n');
                    if (line.Page == previous.Page && (previous.Baseline - line.Baseline) / line.FontSize > 1.5 * pitch)
                    {
                        text.Append('\n'); // a blank line: an empty paragraph in the source
                    }
                }
            }

            // A page's text starts where its first line is written (mid-paragraph when one runs on from the page before).
            for (; nextPage <= line.Page; nextPage++)
            {
                pageStarts[nextPage - 1] = text.Length;
            }

            text.Append(AfterLabel(line.Text));
            previous = line;
        }

        for (; nextPage <= pages.Count; nextPage++)
        {
            pageStarts[nextPage - 1] = text.Length; // pages after the last text start at its end
        }

        return (text.ToString(), [.. pageStarts]);
    }

    private bool ContinuesFrom(Line? previous, Line line, double rightMargin, double pitch)
    {
        if (previous is null)
        {
            return false;
        }

        var size = Math.Max(previous.FontSize, line.FontSize);
        // Full: the line's first unit would not have fitted at the end of the previous one (less a little slack), or
        // the previous one ends within a character of the margin.
        var full = previous.Right + line.FirstUnit >= rightMargin - 0.5 * size || previous.Right >= rightMargin - 0.8 * size;
        var notIndented = line.Left <= previous.Left + 0.5 * size;
        var sameSize = Math.Abs(previous.FontSize - line.FontSize) < 0.15 * size;
        var noGap = line.Page != previous.Page || (previous.Baseline - line.Baseline) / line.FontSize <= 1.5 * pitch;
        return full && notIndented && sameSize && noGap && labels.Match(LabelForm(line.Text)) is null;
    }

    /// <summary>
    /// The gap after a clause label is the label's tab, not a layout gap: one space, which normalization drops beside
    /// Chinese text, as it does for the label's tab in a .docx.
    /// </summary>
    private string AfterLabel(string text)
    {
        if (labels.Match(LabelForm(text)) is { } label)
        {
            var at = label.Length + (text.Length - text.TrimStart().Length);
            if (at + 2 <= text.Length && text[at] == ' ' && text[at + 1] == ' ')
            {
                return text[..at] + text[(at + 1)..].TrimStart(' ').Insert(0, " ");
            }
        }

        return text;
    }

    /// <summary>The line as the grammar's label templates expect it: brackets full-width, digits ASCII, no leading space.</summary>
    private static string LabelForm(string text) => new string([.. text.Select(Normalizer.MapChar)]).TrimStart();

    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c);
}
