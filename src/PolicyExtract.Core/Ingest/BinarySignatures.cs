namespace PolicyExtract.Ingest;

/// <summary>
/// Recognizes common non-text files by their leading bytes, so that a policy saved as .docx or .pdf but named .txt
/// gets a precise IN002 message ("a ZIP/Office file") instead of a vague decoding failure.
/// </summary>
internal static class BinarySignatures
{
    private static readonly (byte[] Magic, int Offset, string Description)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), 0, "a PDF file"),
        ([0x50, 0x4B, 0x03, 0x04], 0, "a ZIP/Office file (.docx, .xlsx, .odt, ...)"),
        ([0x50, 0x4B, 0x05, 0x06], 0, "a ZIP/Office file (.docx, .xlsx, .odt, ...)"),
        ([0x50, 0x4B, 0x07, 0x08], 0, "a ZIP/Office file (.docx, .xlsx, .odt, ...)"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0, "an OLE2 file (legacy Office .doc/.xls, WPS)"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "a PNG image"),
        ([0xFF, 0xD8, 0xFF], 0, "a JPEG image"),
        ("GIF87a"u8.ToArray(), 0, "a GIF image"),
        ("GIF89a"u8.ToArray(), 0, "a GIF image"),
        ([0x49, 0x49, 0x2A, 0x00], 0, "a TIFF image"),
        ([0x4D, 0x4D, 0x00, 0x2A], 0, "a TIFF image"),
        ("RIFF"u8.ToArray(), 0, "a RIFF media file (WebP, WAV, AVI)"),
        ("ftyp"u8.ToArray(), 4, "an MP4/QuickTime media file"),
        ("ID3"u8.ToArray(), 0, "an MP3 audio file"),
        ("OggS"u8.ToArray(), 0, "an Ogg media file"),
        ([0x7F, 0x45, 0x4C, 0x46], 0, "an ELF executable"),
        ([0xCF, 0xFA, 0xED, 0xFE], 0, "a Mach-O executable"),
        ([0xFE, 0xED, 0xFA, 0xCF], 0, "a Mach-O executable"),
        ([0x00, 0x61, 0x73, 0x6D], 0, "a WebAssembly module"),
        ([0x1F, 0x8B], 0, "a gzip archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], 0, "an xz archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], 0, "a zstd archive"),
        ([0x52, 0x61, 0x72, 0x21, 0x1A, 0x07], 0, "a RAR archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0, "a 7z archive"),
        ("SQLite format 3\0"u8.ToArray(), 0, "an SQLite database"),
        // RTF is technically text, but decoding it as plain text yields control words, not the policy.
        (@"{\rtf"u8.ToArray(), 0, "an RTF document"),
    ];

    /// <summary>What the bytes look like ("a PDF file"), or null when no known signature matches.</summary>
    public static string? Identify(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, offset, description) in Signatures)
        {
            if (bytes.Length >= offset + magic.Length && bytes.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                return description;
            }
        }

        // "MZ" alone is too short to trust (a text file may start with it); a PE file also has NULs in its header.
        if (bytes.Length >= 64 && bytes[0] == (byte)'M' && bytes[1] == (byte)'Z' && bytes[..64].Contains((byte)0))
        {
            return "a Windows executable";
        }

        return null;
    }
}
