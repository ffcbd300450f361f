using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using PolicyExtract.Diagnostics;
using UtfUnknown;

namespace PolicyExtract.Ingest;

/// <summary>
/// Turns the bytes of a policy file into text. Chinese policy files arrive as UTF-8 (with or without BOM), UTF-16
/// ("Unicode" from Windows Notepad), GBK/GB18030 from older systems and occasionally Big5, mostly unlabelled.
/// </summary>
/// <remarks>
/// The decision order, first match wins:
/// <list type="number">
/// <item>0 bytes → IN001. A known binary signature (PDF, ZIP/Office, OLE2, images, executables, archives) → IN002.</item>
/// <item>A BOM: UTF-8 (removed), UTF-16 LE/BE. A UTF-32 BOM → IN003 (not supported).</item>
/// <item>NUL bytes: UTF-16 without BOM if the NUL pattern and the decoded characters say so, else IN002.</item>
/// <item>Many C0 control bytes → IN002.</item>
/// <item>Strictly valid UTF-8 → UTF-8. This beats any detector guess: pure ASCII and Chinese UTF-8 both land here.</item>
/// <item>UTF-8 with only a few bad sequences (a file cut mid-character) → UTF-8 with U+FFFD and an IN008 warning.</item>
/// <item>UTF-8 with whole lines in GB18030 (a pasted paragraph) → each line in its own encoding, an IN014 warning.</item>
/// <item>UTF.Unknown's answer when it is GB18030/GBK/GB2312, Big5 or UTF-16 with confidence ≥ 0.5 (only asked for
/// more than 12 bytes: on shorter input it answers null or windows-1256).</item>
/// <item>GB18030 if at most 1% of the characters need replacing (IN008 if any do), else IN003.</item>
/// </list>
/// A decoded text that is empty or only whitespace is IN001. Line endings are never touched.
/// </remarks>
public static class TextDecoding
{
    private const int Gb18030CodePage = 54936;
    private const int Big5CodePage = 950;
    private const int Utf16LECodePage = 1200;
    private const int Utf16BECodePage = 1201;
    private const int Utf8CodePage = 65001;

    // UTF.Unknown answers null or windows-1256 for input of 12 bytes or fewer (verified, see DEPENDENCIES.md).
    private const int DetectorMinimumBytes = 13;
    private const float DetectorMinimumConfidence = 0.5f;

    // "A few bad sequences": a damaged UTF-8 file has overwhelmingly valid multi-byte sequences, whereas GBK bytes read
    // as UTF-8 are mostly invalid. These bounds keep GBK far away from the UTF-8 branch.
    private const int MaxDamagedUtf8Sequences = 16;
    private const int ValidMultiByteSequencesPerBadOne = 8;

    // A mixed UTF-8/GB18030 file needs this much UTF-8 Chinese (about a sentence) besides its GB18030 lines.
    private const int MinUtf8SequencesForMixed = 16;

    static TextDecoding()
    {
        // GBK, GB18030 and Big5 live in the code-pages provider, which is built into net10 but not registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Decodes a plain-text file's bytes, detecting the encoding (see the class remarks for the rules).</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="path">The input path as given, used only to label diagnostics.</param>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, string path) => DecodeCore(bytes, path, declaredEncoding: null);

    /// <summary>
    /// The shared pipeline. <paramref name="declaredEncoding"/> (an <see cref="EncodingNames"/> value from an HTML
    /// meta charset) replaces the guessing steps for legacy encodings, but valid UTF-8 with non-ASCII content still wins:
    /// pages migrated to UTF-8 often keep a stale <c>charset=gb2312</c>, and GBK text is practically never valid UTF-8.
    /// </summary>
    internal static DecodeResult DecodeCore(ReadOnlySpan<byte> bytes, string path, string? declaredEncoding)
    {
        ArgumentNullException.ThrowIfNull(path);

        if (bytes.IsEmpty)
        {
            return Error(DiagnosticCatalog.EmptyFile, path, EncodingNames.Unknown);
        }

        if (BinarySignatures.Identify(bytes) is { } looksLike)
        {
            return Error(DiagnosticCatalog.BinaryFile, path, EncodingNames.Unknown, looksLike);
        }

        // UTF-32 must be tested before UTF-16: its little-endian BOM starts with the UTF-16 LE BOM.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return Error(DiagnosticCatalog.Undecodable, path, EncodingNames.Unknown);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var body = bytes[3..];
            if (body.Contains((byte)0))
            {
                return Error(DiagnosticCatalog.BinaryFile, path, EncodingNames.Utf8Bom, "binary data: contains NUL bytes");
            }

            return Finish(DecodeWith(Utf8CodePage, body), EncodingNames.Utf8Bom, path);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Finish(DecodeWith(Utf16LECodePage, bytes[2..]), EncodingNames.Utf16LE, path);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Finish(DecodeWith(Utf16BECodePage, bytes[2..]), EncodingNames.Utf16BE, path);
        }

        if (bytes.Contains((byte)0))
        {
            // UTF-16 text has NULs (the high byte of every ASCII character); other text never does.
            if (SniffUtf16(bytes, requireNulPattern: true) is { } utf16)
            {
                return Finish(utf16.Decoded, utf16.Name, path);
            }

            return Error(DiagnosticCatalog.BinaryFile, path, EncodingNames.Unknown, "binary data: contains NUL bytes");
        }

        if (HasManyControlBytes(bytes))
        {
            return Error(DiagnosticCatalog.BinaryFile, path, EncodingNames.Unknown, "binary data: many control bytes");
        }

        if (Utf8.IsValid(bytes))
        {
            // Pure ASCII decodes identically in every candidate encoding; keep the page's declaration as the name then.
            var name = declaredEncoding is not null && declaredEncoding != EncodingNames.Utf8 && Ascii.IsValid(bytes)
                ? declaredEncoding
                : EncodingNames.Utf8;
            return Finish(new Decoded(Encoding.UTF8.GetString(bytes), 0, -1), name, path);
        }

        if (declaredEncoding == EncodingNames.Gb18030)
        {
            return Finish(DecodeWith(Gb18030CodePage, bytes), EncodingNames.Gb18030, path);
        }

        if (declaredEncoding == EncodingNames.Big5)
        {
            return Finish(DecodeWith(Big5CodePage, bytes), EncodingNames.Big5, path);
        }

        if (LooksLikeDamagedUtf8(bytes))
        {
            return Finish(DecodeWith(Utf8CodePage, bytes), EncodingNames.Utf8, path);
        }

        if (MixedUtf8AndGb18030(bytes, path) is { } mixed)
        {
            return mixed;
        }

        if (AskDetector(bytes) is { } detected)
        {
            return Finish(detected.Decoded, detected.Name, path);
        }

        var gb = DecodeWith(Gb18030CodePage, bytes);
        if (IsAcceptable(gb))
        {
            return Finish(gb, EncodingNames.Gb18030, path);
        }

        return Error(DiagnosticCatalog.Undecodable, path, EncodingNames.Unknown);
    }

    /// <summary>Text plus how many byte sequences were replaced by U+FFFD and where the first replacement is.</summary>
    private readonly record struct Decoded(string Text, int InvalidCount, int FirstInvalidCharIndex);

    private readonly record struct Candidate(Decoded Decoded, string Name);

    private static DecodeResult Finish(Decoded decoded, string encodingName, string path)
    {
        if (IsBlank(decoded.Text))
        {
            return Error(DiagnosticCatalog.EmptyFile, path, encodingName);
        }

        if (decoded.InvalidCount == 0)
        {
            return new DecodeResult(decoded.Text, encodingName, []);
        }

        var at = Math.Clamp(decoded.FirstInvalidCharIndex, 0, Math.Max(0, decoded.Text.Length - 1));
        var span = new SourceSpan(LineAt(decoded.Text, at), at, Math.Min(at + 1, decoded.Text.Length));
        var warning = Diagnostic.Create(
            DiagnosticCatalog.InvalidCharacters, path, span, decoded.InvalidCount.ToString(CultureInfo.InvariantCulture));
        return new DecodeResult(decoded.Text, encodingName, [warning]);
    }

    private static DecodeResult Error(DiagnosticDescriptor descriptor, string path, string encodingName, params string[] args) =>
        new(null, encodingName, [Diagnostic.Create(descriptor, path, null, args)]);

    /// <summary>Empty, or nothing but whitespace and stray BOM characters.</summary>
    private static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>1-based line of a character offset; CRLF, LF and a lone CR each end a line.</summary>
    internal static int LineAt(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>
    /// Decodes in one pass with a fallback that counts replaced sequences; the fallback's byte index is absolute for a
    /// single <c>GetChars</c> call (verified for UTF-8, UTF-16 and GB18030), which locates the first replacement.
    /// </summary>
    private static Decoded DecodeWith(int codePage, ReadOnlySpan<byte> bytes)
    {
        var counter = new CountingDecoderFallback();
        var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, counter);
        var buffer = new char[encoding.GetMaxCharCount(bytes.Length)];
        var length = encoding.GetChars(bytes, buffer);
        var text = new string(buffer, 0, length);
        if (counter.Count == 0)
        {
            return new Decoded(text, 0, -1);
        }

        var plain = Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        var firstByte = Math.Clamp(counter.FirstByteIndex, 0, bytes.Length);
        return new Decoded(text, counter.Count, plain.GetCharCount(bytes[..firstByte]));
    }

    /// <summary>"Without too many replacement characters": at most 1% of the decoded text.</summary>
    private static bool IsAcceptable(Decoded decoded) => decoded.InvalidCount * 100 <= decoded.Text.Length;

    /// <summary>
    /// Bytes below 0x20 other than tab, LF, VT, FF, CR, SUB (DOS end-of-file) and ESC (terminal colours), and DEL.
    /// None of the supported encodings uses them inside multi-byte characters, so more than a few means binary data.
    /// </summary>
    private static bool HasManyControlBytes(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or 0x0B or 0x0C or (byte)'\r' or 0x1A or 0x1B)) || b == 0x7F)
            {
                count++;
            }
        }

        return count >= 4 && count * 50 > bytes.Length;
    }

    /// <summary>
    /// Invalid UTF-8 that is still UTF-8: either only an incomplete character at the very end (a cut file), or a few
    /// bad sequences among many valid multi-byte ones.
    /// </summary>
    private static bool LooksLikeDamagedUtf8(ReadOnlySpan<byte> bytes)
    {
        var invalid = 0;
        var validMultiByte = 0;
        var truncatedTail = false;
        var rest = bytes;
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(rest, out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                if (consumed > 1)
                {
                    validMultiByte++;
                }
            }
            else if (status == OperationStatus.NeedMoreData)
            {
                invalid++;
                truncatedTail = consumed == rest.Length;
            }
            else
            {
                invalid++;
            }

            if (invalid > MaxDamagedUtf8Sequences)
            {
                return false;
            }

            rest = rest[Math.Max(1, consumed)..];
        }

        return (invalid == 1 && truncatedTail) || validMultiByte >= ValidMultiByteSequencesPerBadOne * invalid;
    }

    /// <summary>
    /// A UTF-8 file with passages pasted from a GBK/GB18030 one (a paragraph copied from an older system's file). Read line
    /// by line: a line valid in UTF-8 is UTF-8; a line that is mostly not (fewer valid multi-byte sequences than invalid
    /// ones) and decodes cleanly in GB18030 is GB18030; any other line is UTF-8 with U+FFFD. Only when the UTF-8 lines
    /// hold at least <see cref="MinUtf8SequencesForMixed"/> multi-byte characters, which GBK text practically never forms
    /// by chance, so a GBK file stays with the detector. A line break never splits a GBK character (trail bytes are
    /// ≥ 0x40), so the lines can be decoded separately. Warns IN014 at the first GB18030 line (and IN008 for
    /// replacements); the encoding reported is UTF-8, the file's own.
    /// </summary>
    private static DecodeResult? MixedUtf8AndGb18030(ReadOnlySpan<byte> bytes, string path)
    {
        var text = new StringBuilder(bytes.Length);
        int utf8Sequences = 0, gbLines = 0, firstGb = -1, invalid = 0, firstInvalid = -1;
        var rest = bytes;
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..(newline + 1)];
            rest = rest[line.Length..];
            var (valid, bad) = CountUtf8Sequences(line);
            if (bad == 0)
            {
                utf8Sequences += valid;
                text.Append(Encoding.UTF8.GetString(line));
                continue;
            }

            if (valid < bad && DecodeWith(Gb18030CodePage, line) is { InvalidCount: 0 } gb)
            {
                gbLines++;
                firstGb = firstGb < 0 ? text.Length : firstGb;
                text.Append(gb.Text);
                continue;
            }

            var damaged = DecodeWith(Utf8CodePage, line);
            firstInvalid = firstInvalid < 0 && damaged.InvalidCount > 0 ? text.Length + damaged.FirstInvalidCharIndex : firstInvalid;
            invalid += damaged.InvalidCount;
            text.Append(damaged.Text);
        }

        if (gbLines == 0 || utf8Sequences < MinUtf8SequencesForMixed)
        {
            return null;
        }

        var decoded = text.ToString();
        if (IsBlank(decoded))
        {
            return Error(DiagnosticCatalog.EmptyFile, path, EncodingNames.Utf8);
        }

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        diagnostics.Add(Diagnostic.Create(
            DiagnosticCatalog.MixedEncodings, path, new SourceSpan(LineAt(decoded, firstGb), firstGb, firstGb + 1), gbLines.ToString(CultureInfo.InvariantCulture)));
        if (invalid > 0)
        {
            var at = Math.Clamp(firstInvalid, 0, Math.Max(0, decoded.Length - 1));
            diagnostics.Add(Diagnostic.Create(
                DiagnosticCatalog.InvalidCharacters, path, new SourceSpan(LineAt(decoded, at), at, Math.Min(at + 1, decoded.Length)), invalid.ToString(CultureInfo.InvariantCulture)));
        }

        return new DecodeResult(decoded, EncodingNames.Utf8, diagnostics.ToImmutable());
    }

    private static (int ValidMultiByte, int Invalid) CountUtf8Sequences(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                invalid++;
            }
            else if (consumed > 1)
            {
                valid++;
            }

            bytes = bytes[Math.Max(1, consumed)..];
        }

        return (valid, invalid);
    }

    /// <summary>
    /// UTF-16 without BOM. The byte order with more NULs (the high byte of ASCII characters, line breaks and digits) is
    /// tried first; with <paramref name="requireNulPattern"/> those NULs must be at least 1% of the characters, so that
    /// ASCII text with a stray NUL (which reads as CJK in UTF-16) stays binary. Parity alone cannot decide the order
    /// (U+3000 and U+4E00 put a NUL on the other parity), so the decoded characters must also look like text.
    /// </summary>
    private static Candidate? SniffUtf16(ReadOnlySpan<byte> bytes, bool requireNulPattern)
    {
        if (bytes.Length < 2)
        {
            return null;
        }

        int nulEven = 0, nulOdd = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
            {
                if (i % 2 == 0)
                {
                    nulEven++;
                }
                else
                {
                    nulOdd++;
                }
            }
        }

        if (requireNulPattern && Math.Max(nulEven, nulOdd) * 100 < bytes.Length / 2)
        {
            return null;
        }

        var littleEndianFirst = nulOdd >= nulEven;
        foreach (var littleEndian in new[] { littleEndianFirst, !littleEndianFirst })
        {
            var decoded = DecodeWith(littleEndian ? Utf16LECodePage : Utf16BECodePage, bytes);
            if (!decoded.Text.Contains('\0') && IsAcceptable(decoded) && TextLikeness(decoded.Text) >= 0.9)
            {
                return new Candidate(decoded, littleEndian ? EncodingNames.Utf16LE : EncodingNames.Utf16BE);
            }
        }

        return null;
    }

    /// <summary>
    /// Share of characters plausible in a Chinese document: ASCII text, Latin, punctuation and symbols, CJK
    /// ideographs and punctuation, full-width forms, and valid surrogate pairs.
    /// </summary>
    private static double TextLikeness(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var good = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var plausible = c switch
            {
                '\t' or '\n' or '\r' or '\f' => true,
                >= ' ' and <= '~' => true,
                >= '\u00A0' and <= '\u024F' => true, // Latin-1 and Latin Extended
                >= '\u2000' and <= '\u27BF' => true, // punctuation, letterlike, arrows, maths, box drawing, dingbats
                >= '\u3000' and <= '\u33FF' => true, // CJK punctuation, kana, bopomofo, enclosed CJK
                >= '\u3400' and <= '\u4DBF' => true, // CJK extension A
                >= '\u4E00' and <= '\u9FFF' => true, // CJK unified ideographs
                >= '\uF900' and <= '\uFAFF' => true, // CJK compatibility ideographs
                >= '\uFE30' and <= '\uFE4F' => true, // CJK compatibility forms
                >= '\uFF00' and <= '\uFFEF' => true, // full-width and half-width forms
                _ => char.IsSurrogatePair(text, i) || (i > 0 && char.IsSurrogatePair(text[i - 1], c)),
            };
            if (plausible)
            {
                good++;
            }
        }

        return (double)good / text.Length;
    }

    private static Candidate? AskDetector(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < DetectorMinimumBytes)
        {
            return null;
        }

        var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        if (detected is null || detected.Confidence < DetectorMinimumConfidence || detected.EncodingName is null)
        {
            return null;
        }

        Decoded decoded;
        string name;
        switch (detected.EncodingName.ToLowerInvariant())
        {
            case "gb18030" or "gb2312" or "gbk" or "x-gbk" or "cp936":
                // GB18030 is a superset of GBK and GB2312 with the same two-byte codes.
                (decoded, name) = (DecodeWith(Gb18030CodePage, bytes), EncodingNames.Gb18030);
                break;
            case "big5" or "big5-hkscs" or "cp950":
                (decoded, name) = (DecodeWith(Big5CodePage, bytes), EncodingNames.Big5);
                break;
            case "utf-16le" or "utf-16be" or "utf-16":
                return SniffUtf16(bytes, requireNulPattern: false);
            default:
                return null;
        }

        return IsAcceptable(decoded) ? new Candidate(decoded, name) : null;
    }

    /// <summary>Replaces each undecodable byte sequence with U+FFFD, counting them and noting where the first was.</summary>
    private sealed class CountingDecoderFallback : DecoderFallback
    {
        public int Count { get; private set; }

        public int FirstByteIndex { get; private set; } = -1;

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private void Record(int index)
        {
            if (Count == 0)
            {
                FirstByteIndex = index;
            }

            Count++;
        }

        private sealed class Buffer(CountingDecoderFallback owner) : DecoderFallbackBuffer
        {
            private int _remaining;

            public override int Remaining => _remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Record(index);
                _remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_remaining == 0)
                {
                    return '\0';
                }

                _remaining--;
                return '\uFFFD';
            }

            public override bool MovePrevious()
            {
                if (_remaining != 0)
                {
                    return false;
                }

                _remaining = 1;
                return true;
            }

            public override void Reset() => _remaining = 0;
        }
    }
}
