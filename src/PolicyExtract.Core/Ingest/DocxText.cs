using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyExtract.Diagnostics;
using PolicyExtract.Normalize;
using MathText = DocumentFormat.OpenXml.Math.Text;

namespace PolicyExtract.Ingest;

/// <summary>
/// Reads the text of a Word 2007+ document (.docx) as Word shows it, with DocumentFormat.OpenXml.
/// </summary>
/// <remarks>
/// <para>The result is the document's own text, one line per body paragraph in order, so that a span's line is the
/// paragraph's number (counting from 1, empty paragraphs included): automatic numbering rendered before the text (see
/// <see cref="WordNumbering"/>; a tab or space after the number is one space), a manual line break (<c>w:br</c>,
/// <c>w:cr</c>) starting a new line, <c>w:tab</c> a tab. A table row is one line, its cells separated by tabs and the
/// paragraphs inside a cell by a space.</para>
/// <para>Tracked changes are read as accepted: insertions (<c>w:ins</c>, <c>w:moveTo</c>) kept, deletions (<c>w:del</c>,
/// <c>w:moveFrom</c>) dropped, a deleted paragraph mark joins its paragraph to the next; they are reported as IN027.
/// Left out: headers, footers, footnotes and comments (other parts), hidden text (<c>w:vanish</c>), field codes
/// (their results are kept), drawings and text boxes.</para>
/// </remarks>
public static class DocxText
{
    /// <summary>A part larger than this many characters is refused: a zip bomb must not exhaust memory.</summary>
    private const long MaxCharactersInPart = 64L * 1024 * 1024;

    /// <summary>
    /// Deeper than this, a file is refused before the SDK builds its tree: the SDK and the walk here recurse once a level,
    /// and 100,000 nested elements (12 KB zipped) overflow the stack, which ends the process. Real documents nest a few
    /// dozen levels, tables in tables included.
    /// </summary>
    internal const int MaxDepth = 256;

    /// <summary>Over this many elements in its Word parts, a file is refused: 10 million empty paragraphs zip to 98 KB.</summary>
    internal const int MaxElements = 4_000_000;

    /// <summary>
    /// The text of the document in <paramref name="bytes"/>. Never throws on a broken file: a file that is not a readable
    /// Word package gives IN020 and no text. Warnings: IN026 for each numbering format not known; info IN027 for
    /// tracked changes.
    /// </summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var copy = bytes.ToArray();
        if (Vet(copy, file) is { } refused)
        {
            return new(null, EncodingNames.Unicode, [refused]);
        }

        try
        {
            using var stream = new MemoryStream(copy, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            if (document.MainDocumentPart?.Document?.Body is not { } body)
            {
                return Fail(file, "it has no main document part");
            }

            var reader = new Reader(new WordNumbering(document.MainDocumentPart));
            foreach (var block in body.ChildElements)
            {
                reader.Block(block);
            }

            return reader.Result(file);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FileFormatException or InvalidOperationException)
        {
            // The SDK reports a bad zip, a missing or malformed part, or a part over the size cap this way: all mean
            // the file is broken, not that we are.
            return Fail(file, Reason(e));
        }
    }

    /// <summary>
    /// Streams through the package's Word parts (no tree, constant stack) and refuses a file whose nesting or size no
    /// document has (IN028, IN029). A package that is broken otherwise is left to the reading, which says how.
    /// </summary>
    private static Diagnostic? Vet(byte[] bytes, string file)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharactersInPart,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long elements = 0;
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
            {
                using var part = entry.Open();
                using var reader = XmlReader.Create(part, settings);
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (++elements > MaxElements)
                    {
                        return Diagnostic.Create(DiagnosticCatalog.WordTooManyElements, file, null, MaxElements.ToString(CultureInfo.InvariantCulture));
                    }

                    if (reader.Depth > MaxDepth)
                    {
                        return Diagnostic.Create(DiagnosticCatalog.WordTooDeep, file, null, MaxDepth.ToString(CultureInfo.InvariantCulture), $"{entry.FullName} <{reader.Name}>");
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return null;
        }

        return null;
    }

    private static string Reason(Exception e) => e switch
    {
        InvalidDataException or FileFormatException => "not a valid ZIP package",
        OpenXmlPackageException when e.Message.Contains("MaxCharactersInPart", StringComparison.Ordinal) => "a part is too large",
        XmlException => "malformed XML: " + e.Message,
        _ => e.Message,
    };

    private static DecodeResult Fail(string file, string reason) =>
        new(null, EncodingNames.Unicode, [Diagnostic.Create(DiagnosticCatalog.WordUnreadable, file, null, reason)]);

    /// <summary>Walks the body once, in document order, collecting lines.</summary>
    private sealed class Reader(WordNumbering numbering)
    {
        private readonly StringBuilder _text = new();
        private readonly List<(int Start, string Format)> _unknownFormats = [];
        private int _insertions;
        private int _deletions;
        private bool _atLineStart = true;

        public void Block(OpenXmlElement element)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    Paragraph(paragraph);
                    break;
                case Table table:
                    foreach (var row in table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().First() == table))
                    {
                        Row(row);
                    }

                    break;
                case SectionProperties or AlternateContent:
                    break;
                default:
                    // Content controls (w:sdt), custom XML and the like wrap paragraphs: read what they hold.
                    foreach (var child in element.ChildElements)
                    {
                        Block(child);
                    }

                    break;
            }
        }

        public DecodeResult Result(string file)
        {
            var text = _text.ToString();
            var lines = new LineIndex(text);
            var diagnostics = new List<Diagnostic>();
            foreach (var (start, format) in _unknownFormats)
            {
                var end = text.IndexOf('\n', start) is var e and >= 0 ? e : text.Length;
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.UnknownNumberFormat, file, new SourceSpan(lines.LineOf(start), start, end), format));
            }

            if (_insertions + _deletions > 0)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticCatalog.TrackedChanges, file, null,
                    _insertions.ToString(System.Globalization.CultureInfo.InvariantCulture), _deletions.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (text.Trim().Length == 0)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.EmptyFile, file, null));
                return new DecodeResult(null, EncodingNames.Unicode, [.. diagnostics]);
            }

            return new DecodeResult(text, EncodingNames.Unicode, [.. diagnostics]);
        }

        private void Paragraph(Paragraph paragraph)
        {
            StartLine();
            var lineStart = _text.Length;
            if (numbering.Label(paragraph, out var unknown) is { } label)
            {
                _text.Append(label);
                if (unknown is not null && !_unknownFormats.Exists(u => u.Format == unknown))
                {
                    _unknownFormats.Add((lineStart, unknown));
                }
            }

            Inline(paragraph, '\n');
            var mark = paragraph.ParagraphProperties?.ParagraphMarkRunProperties;
            if (mark?.GetFirstChild<Deleted>() is not null)
            {
                // The paragraph mark itself was deleted: accepted, this paragraph runs on into the next one.
                _deletions++;
                return;
            }

            if (mark?.GetFirstChild<Inserted>() is not null)
            {
                _insertions++;
            }

            _atLineStart = false;
        }

        private void Row(TableRow row)
        {
            StartLine();
            var first = true;
            foreach (var cell in row.Descendants<TableCell>().Where(c => c.Ancestors<TableRow>().First() == row))
            {
                if (!first)
                {
                    _text.Append('\t');
                }

                first = false;
                var firstParagraph = true;
                foreach (var paragraph in cell.Descendants<Paragraph>())
                {
                    if (!firstParagraph)
                    {
                        _text.Append(' ');
                    }

                    firstParagraph = false;
                    if (numbering.Label(paragraph, out _) is { } label)
                    {
                        _text.Append(label);
                    }

                    // Inside a cell a line break would split the row: a space stands in for it.
                    Inline(paragraph, ' ');
                }
            }

            _atLineStart = false;
        }

        /// <summary>Ends the previous line unless a deleted paragraph mark joined it to this one.</summary>
        private void StartLine()
        {
            if (!_atLineStart)
            {
                _text.Append('\n');
            }

            _atLineStart = true;
        }

        private void Inline(OpenXmlElement element, char lineBreak)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case ParagraphProperties or RunProperties or AlternateContent or Drawing or Picture or EmbeddedObject or Table:
                        break;
                    case DeletedRun or MoveFromRun:
                        _deletions++;
                        break;
                    case InsertedRun or MoveToRun:
                        _insertions++;
                        Inline(child, lineBreak);
                        break;
                    case Run run:
                        if (run.RunProperties?.Vanish is { } vanish && (vanish.Val?.Value ?? true))
                        {
                            break; // hidden text: Word does not show or print it
                        }

                        Inline(run, lineBreak);
                        break;
                    case Text text:
                        _text.Append(text.Text);
                        break;
                    case MathText math:
                        _text.Append(math.Text);
                        break;
                    case TabChar or PositionalTab:
                        _text.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        _text.Append(lineBreak);
                        break;
                    case NoBreakHyphen:
                        _text.Append('-');
                        break;
                    case FieldCode or DeletedFieldCode or DeletedText or SoftHyphen or SymbolChar or FootnoteReference or EndnoteReference or CommentReference:
                        break;
                    default:
                        // Hyperlinks, simple fields (their result), content controls, smart tags: read what they hold.
                        Inline(child, lineBreak);
                        break;
                }
            }
        }
    }
}
