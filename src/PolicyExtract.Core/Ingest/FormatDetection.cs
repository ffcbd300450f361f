using PolicyExtract.Diagnostics;

namespace PolicyExtract.Ingest;

/// <summary>How an input file's text is to be read.</summary>
public enum SourceFormat
{
    /// <summary>Plain text: the decoded file is the document.</summary>
    Text,

    /// <summary>An HTML page: visible text is extracted with <see cref="HtmlText.Extract(string)"/>.</summary>
    Html,

    /// <summary>A Word 2007+ document (Office Open XML): paragraphs as Word shows them, see <see cref="DocxText"/>.</summary>
    Docx,

    /// <summary>A PDF with a text layer: lines joined back into paragraphs, see <see cref="PdfText"/>.</summary>
    Pdf,
}

/// <summary>Chooses <see cref="SourceFormat"/> from a file name, and spots HTML saved under a text extension.</summary>
public static class FormatDetection
{
    /// <summary>
    /// The format for a path's extension (case-insensitive): .txt, .text, .md and no extension at all → Text;
    /// .html, .htm, .shtml, .xhtml → Html; .docx, .docm, .dotx → Docx; .pdf → Pdf; anything else (.doc, .wps, .rtf, .odt,
    /// ...) → null, for which the caller reports IN004 with <see cref="UnsupportedHint(string)"/> (or uses
    /// <see cref="Unsupported(string)"/>). <see cref="FromContent"/> then checks the bytes of office files.
    /// </summary>
    /// <remarks>A file without extension is treated as text because the decoder still rejects binary content (IN002).</remarks>
    public static SourceFormat? FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            "" or ".txt" or ".text" or ".md" => SourceFormat.Text,
            ".html" or ".htm" or ".shtml" or ".xhtml" => SourceFormat.Html,
            ".docx" or ".docm" or ".dotx" => SourceFormat.Docx,
            ".pdf" => SourceFormat.Pdf,
            _ => null,
        };
    }

    private static readonly HashSet<string> OfficeExtensions =
        [".doc", ".dot", ".wps", ".odt", ".rtf", ".ofd", ".xls", ".xlsx", ".et", ".ods"];

    /// <summary>
    /// Whether a file met while walking a folder is an input: a page or text file (not .md notes nor extensionless
    /// files, which folders hold besides policies), a .docx or .pdf, or another office file, which is taken so that the
    /// user is told it is not supported rather than have it silently skipped.
    /// </summary>
    public static bool IsCandidate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext is not ("" or ".md") && (FromPath(path) is not null || OfficeExtensions.Contains(ext));
    }

    /// <summary>
    /// What to tell the user about an unsupported extension (with or without the leading dot, any case), e.g.
    /// "legacy Word 97-2003 .doc files are not supported; save it as .docx". Fills the second hole of IN004.
    /// </summary>
    public static string UnsupportedHint(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var ext = extension.StartsWith('.') ? extension.ToLowerInvariant() : "." + extension.ToLowerInvariant();
        return ext switch
        {
            ".doc" or ".dot" => "legacy Word 97-2003 .doc files are not supported; save it as .docx",
            ".wps" => "WPS Writer .wps files are not supported; save it as .docx",
            ".odt" => "OpenDocument .odt files are not supported; save it as .docx",
            ".rtf" => "RTF files are not supported; save it as .docx",
            ".ofd" => "OFD files are not supported; export it as PDF or .docx",
            ".xls" or ".xlsx" or ".et" or ".ods" => "spreadsheets are not supported; save the policy text as .docx or .txt",
            _ => "supported inputs are .txt, .text, .md, .html, .htm, .shtml, .xhtml, .docx and .pdf",
        };
    }

    /// <summary>The IN004 diagnostic for a path whose <see cref="FromPath(string)"/> is null.</summary>
    public static Diagnostic Unsupported(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ext = Path.GetExtension(path);
        return Diagnostic.Create(DiagnosticCatalog.UnsupportedFormat, path, null, ext, UnsupportedHint(ext));
    }

    /// <summary>
    /// Checks an office file's bytes against its extension, because renamed files are common (a .doc saved as .docx, a
    /// PDF named .doc). For a path whose extension is .docx/.pdf or a legacy office type (.doc, .wps, .rtf, …): a PDF
    /// signature means <see cref="SourceFormat.Pdf"/>, a ZIP signature under a Word extension (.docx, .doc, .wps)
    /// or .pdf means <see cref="SourceFormat.Docx"/>; an OLE2 compound file (Word 97-2003, WPS) or RTF content under .docx or
    /// .pdf gives IN021 naming what it really is. Other paths keep <paramref name="byExtension"/> (text and HTML
    /// inputs are checked by the decoder, IN002). Returns the format to read, or the diagnostic.
    /// </summary>
    public static (SourceFormat? Format, Diagnostic? Error) FromContent(string path, SourceFormat? byExtension, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var office = byExtension is SourceFormat.Docx or SourceFormat.Pdf || OfficeExtensions.Contains(ext);
        if (!office || bytes.IsEmpty)
        {
            return (byExtension, null);
        }

        var wordExtension = byExtension == SourceFormat.Docx || ext is ".doc" or ".dot" or ".wps";
        if (bytes.StartsWith("%PDF-"u8))
        {
            return (SourceFormat.Pdf, null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) && (wordExtension || byExtension == SourceFormat.Pdf))
        {
            return (SourceFormat.Docx, null);
        }

        if (byExtension is SourceFormat.Docx or SourceFormat.Pdf && BinarySignatures.Identify(bytes) is { } what
            && (what.StartsWith("an OLE2", StringComparison.Ordinal) || what.StartsWith("an RTF", StringComparison.Ordinal)))
        {
            var real = what.StartsWith("an OLE2", StringComparison.Ordinal) ? "a legacy Word 97-2003 or WPS document (OLE2)" : "an RTF document";
            return (null, Diagnostic.Create(DiagnosticCatalog.WrongContent, path, null, ext, real, "open it in Word or WPS and save it as .docx"));
        }

        return (byExtension, null);
    }

    /// <summary>
    /// True when text (typically from a .txt file) is really an HTML page: after whitespace and a BOM character it
    /// starts with <c>&lt;!DOCTYPE html</c> or <c>&lt;html</c> (case-insensitive, the latter followed by whitespace,
    /// <c>&gt;</c> or the end).
    /// </summary>
    public static bool SniffHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.AsSpan().TrimStart("\uFEFF \t\r\n\f\u00A0\u3000");
        if (rest.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!rest.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return rest.Length == 5 || rest[5] is ' ' or '\t' or '\r' or '\n' or '\f' or '>' or '/';
    }
}
