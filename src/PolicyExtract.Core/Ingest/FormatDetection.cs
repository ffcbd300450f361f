using PolicyExtract.Diagnostics;

namespace PolicyExtract.Ingest;

/// <summary>How an input file's text is to be read.</summary>
public enum SourceFormat
{
    /// <summary>Plain text: the decoded file is the document.</summary>
    Text,

    /// <summary>An HTML page: visible text is extracted with <see cref="HtmlText.Extract(string)"/>.</summary>
    Html,
}

/// <summary>Chooses <see cref="SourceFormat"/> from a file name, and spots HTML saved under a text extension.</summary>
public static class FormatDetection
{
    /// <summary>
    /// The format for a path's extension (case-insensitive): .txt, .text, .md and no extension at all → Text;
    /// .html, .htm, .shtml, .xhtml → Html; anything else (.docx, .doc, .wps, .rtf, .pdf, .odt, ...) → null, for which the
    /// caller reports IN004 with <see cref="UnsupportedHint(string)"/> (or uses <see cref="Unsupported(string)"/>).
    /// </summary>
    /// <remarks>A file without extension is treated as text because the decoder still rejects binary content (IN002).</remarks>
    public static SourceFormat? FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            "" or ".txt" or ".text" or ".md" => SourceFormat.Text,
            ".html" or ".htm" or ".shtml" or ".xhtml" => SourceFormat.Html,
            _ => null,
        };
    }

    private static readonly HashSet<string> OfficeExtensions =
        [".docx", ".doc", ".docm", ".dotx", ".wps", ".odt", ".rtf", ".pdf", ".ofd", ".xls", ".xlsx", ".et", ".ods"];

    /// <summary>
    /// Whether a file met while walking a folder is an input: a page or text file (not .md notes nor extensionless
    /// files, which folders hold besides policies), or an office file, which is taken so that the user is told it is
    /// not supported rather than have it silently skipped.
    /// </summary>
    public static bool IsCandidate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext is not ("" or ".md") && (FromPath(path) is not null || OfficeExtensions.Contains(ext));
    }

    /// <summary>
    /// What to tell the user about an unsupported extension (with or without the leading dot, any case), e.g.
    /// "Word files are not supported yet; save as .txt". Fills the second hole of IN004.
    /// </summary>
    public static string UnsupportedHint(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var ext = extension.StartsWith('.') ? extension.ToLowerInvariant() : "." + extension.ToLowerInvariant();
        return ext switch
        {
            ".docx" or ".doc" or ".docm" or ".dotx" => "Word files are not supported yet; save as .txt",
            ".wps" => "WPS files are not supported yet; save as .txt",
            ".odt" => "OpenDocument files are not supported yet; save as .txt",
            ".rtf" => "RTF files are not supported yet; save as .txt",
            ".pdf" => "PDF files are not supported yet; copy the text into a .txt file",
            ".xls" or ".xlsx" or ".et" or ".ods" => "spreadsheets are not supported; save the policy text as .txt",
            ".ofd" => "OFD files are not supported yet; export the text as .txt",
            _ => "supported inputs are .txt, .text, .md, .html, .htm, .shtml and .xhtml",
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
