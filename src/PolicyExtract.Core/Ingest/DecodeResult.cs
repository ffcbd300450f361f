using System.Collections.Immutable;
using PolicyExtract.Diagnostics;

namespace PolicyExtract.Ingest;

/// <summary>
/// The outcome of turning a file's bytes into text.
/// </summary>
/// <param name="Text">
/// The decoded text, BOM removed and line endings exactly as in the file (CRLF stays CRLF), so that
/// <see cref="SourceSpan"/> offsets computed downstream point into this string. <see langword="null"/> when an error
/// diagnostic was raised.
/// </param>
/// <param name="EncodingName">
/// One of the <see cref="EncodingNames"/> constants: the encoding the text was decoded with, or, on error, the encoding
/// determined before the error ("utf-8-bom" for a file holding only a BOM) or <see cref="EncodingNames.Unknown"/>.
/// </param>
/// <param name="Diagnostics">IN001–IN003 errors (then <paramref name="Text"/> is null) or an IN008 warning.</param>
public sealed record DecodeResult(string? Text, string EncodingName, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when <see cref="Text"/> is available (there may still be warnings).</summary>
    public bool Succeeded => Text is not null;

    /// <summary>
    /// For a PDF, the 0-based offset in <see cref="Text"/> where each page's text starts (page 1 first, so the first
    /// value is 0), in page order and non-decreasing; a page without text starts where the next one does. Default
    /// (empty) for every other format.
    /// </summary>
    public ImmutableArray<int> PageStarts { get; init; } = [];
}

/// <summary>Canonical lower-case names reported in <see cref="DecodeResult.EncodingName"/>.</summary>
public static class EncodingNames
{
    /// <summary>UTF-8 without a byte order mark.</summary>
    public const string Utf8 = "utf-8";

    /// <summary>UTF-8 with a byte order mark (removed from the text).</summary>
    public const string Utf8Bom = "utf-8-bom";

    /// <summary>UTF-16 little-endian, with or without a byte order mark.</summary>
    public const string Utf16LE = "utf-16le";

    /// <summary>UTF-16 big-endian, with or without a byte order mark.</summary>
    public const string Utf16BE = "utf-16be";

    /// <summary>GB18030; also used for GBK and GB2312 input, of which it is a superset.</summary>
    public const string Gb18030 = "gb18030";

    /// <summary>Big5 (Windows code page 950).</summary>
    public const string Big5 = "big5";

    /// <summary>
    /// Text read from a .docx or .pdf: those files store Unicode characters themselves (XML, the PDF's font maps), so no
    /// byte encoding was detected.
    /// </summary>
    public const string Unicode = "unicode";

    /// <summary>Reported only on failure, when no encoding could be determined.</summary>
    public const string Unknown = "unknown";
}
