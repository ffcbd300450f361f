using System.Text;
using PolicyExtract.Diagnostics;
using PolicyExtract.Ingest;

namespace PolicyExtract.Tests.Ingest;

public class TextDecodingTests
{
    private const string Path = "policy.txt";

    private static readonly string Seed = SeedFiles.Text();

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static void AssertDecoded(DecodeResult result, string expectedText, string expectedEncoding)
    {
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Succeeded);
        Assert.Equal(expectedEncoding, result.EncodingName);
        Assert.Equal(expectedText, result.Text);
    }

    private static Diagnostic AssertSingle(DecodeResult result, string code)
    {
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(Path, diagnostic.File);
        return diagnostic;
    }

    [Fact]
    public void Utf8WithoutBom()
    {
        AssertDecoded(TextDecoding.Decode(SeedFiles.Bytes(), Path), Seed, "utf-8");
    }

    [Fact]
    public void Utf8WithBomStripsTheBom()
    {
        var bytes = Concat([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes(Seed));
        AssertDecoded(TextDecoding.Decode(bytes, Path), Seed, "utf-8-bom");
    }

    [Fact]
    public void Utf16LittleEndianWithBom()
    {
        var bytes = Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(Seed));
        AssertDecoded(TextDecoding.Decode(bytes, Path), Seed, "utf-16le");
    }

    [Fact]
    public void Utf16BigEndianWithBom()
    {
        var bytes = Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(Seed));
        AssertDecoded(TextDecoding.Decode(bytes, Path), Seed, "utf-16be");
    }

    [Fact]
    public void Utf16WithoutBomIsRecognizedByItsNulPattern()
    {
        AssertDecoded(TextDecoding.Decode(Encoding.Unicode.GetBytes(Seed), Path), Seed, "utf-16le");
        AssertDecoded(TextDecoding.Decode(Encoding.BigEndianUnicode.GetBytes(Seed), Path), Seed, "utf-16be");
    }

    [Fact]
    public void Utf16WithoutBomAndManyIdeographicSpaces()
    {
        // U+3000 puts its NUL byte on the "big-endian" parity of a little-endian file.
        var text = string.Concat(Enumerable.Repeat("\u3000\u3000第一条　　　规定\r\n", 20));
        AssertDecoded(TextDecoding.Decode(Encoding.Unicode.GetBytes(text), Path), text, "utf-16le");
    }

    [Theory]
    [InlineData(54936)]
    [InlineData(936)]
    public void GbEncodingsOfTheSeedDecodeExactly(int codePage)
    {
        var encoding = codePage == 936 ? SeedFiles.Gbk : SeedFiles.Gb18030;
        AssertDecoded(TextDecoding.Decode(encoding.GetBytes(Seed), Path), Seed, "gb18030");
    }

    [Fact]
    public void Gb18030FourByteCharactersRoundTrip()
    {
        var text = "第一条 申请人𠮷野家、€与〇的规定。" + Seed[..200];
        AssertDecoded(TextDecoding.Decode(SeedFiles.Gb18030.GetBytes(text), Path), text, "gb18030");
    }

    [Fact]
    public void Big5IsDetected()
    {
        var text = "第一條　為了規範政府採購行為，提高政府採購資金的使用效益，維護國家利益和社會公共利益，保護政府採購當事人的合法權益，促進廉政建設，制定本法。\r\n";
        AssertDecoded(TextDecoding.Decode(SeedFiles.Big5.GetBytes(text), Path), text, "big5");
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gbk")]
    [InlineData("utf-16le")]
    public void CrlfLineEndingsArePreserved(string encoding)
    {
        var crlf = Seed.Replace("\n", "\r\n");
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(crlf),
            "gbk" => SeedFiles.Gbk.GetBytes(crlf),
            _ => Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(crlf)),
        };
        var result = TextDecoding.Decode(bytes, Path);
        Assert.Equal(crlf, result.Text);
        Assert.Contains("\r\n", result.Text);
    }

    [Fact]
    public void MixedLineEndingsArePreservedExactly()
    {
        const string text = "第一条\r\n第二条\n第三条\r第四条\r\n";
        AssertDecoded(TextDecoding.Decode(Encoding.UTF8.GetBytes(text), Path), text, "utf-8");
    }

    [Theory]
    [InlineData("第一条")] // 6 bytes
    [InlineData("第一条123")] // 9 bytes
    [InlineData("第一章 总则")] // 11 bytes
    [InlineData("第一条　总则")] // 12 bytes
    [InlineData("附件")]
    public void ShortGbkInputDecodesAsGb18030(string text)
    {
        var bytes = SeedFiles.Gbk.GetBytes(text);
        Assert.True(bytes.Length <= 12);
        AssertDecoded(TextDecoding.Decode(bytes, Path), text, "gb18030");
    }

    [Theory]
    [InlineData("第一条")]
    [InlineData("条")]
    [InlineData("a")]
    [InlineData("Article 1")]
    public void ShortUtf8InputStaysUtf8(string text)
    {
        AssertDecoded(TextDecoding.Decode(Encoding.UTF8.GetBytes(text), Path), text, "utf-8");
    }

    [Fact]
    public void PureAsciiIsUtf8()
    {
        const string text = "Article 1. The subsidy is 100,000 yuan.\nArticle 2. Applications close on 2024-06-30.\n";
        AssertDecoded(TextDecoding.Decode(Encoding.ASCII.GetBytes(text), Path), text, "utf-8");
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFE, 0xFF })]
    [InlineData(new byte[] { 0x20, 0x0D, 0x0A, 0x09, 0x20 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x0A, 0xE3, 0x80, 0x80, 0x0A })] // BOM, LF, U+3000, LF
    public void EmptyOrBlankIsIN001(byte[] bytes)
    {
        var result = TextDecoding.Decode(bytes, Path);
        Assert.Null(result.Text);
        var diagnostic = AssertSingle(result, "IN001");
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Null(diagnostic.Span);
    }

    public static TheoryData<byte[], string> BinaryInputs => new()
    {
        { Concat("%PDF-1.7\n%\u00e2\u00e3"u8.ToArray(), new byte[100]), "PDF" },
        { Concat([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "word/document.xml"u8.ToArray()), "ZIP/Office" },
        { [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, 0x3E, 0x00], "OLE2" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "PNG" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46], "JPEG" },
        { Concat("GIF89a"u8.ToArray(), [0x01, 0x00, 0x01, 0x00]), "GIF" },
        { [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00], "ELF" },
        { RandomBytesWithNuls(), "NUL" },
        { Concat(Encoding.UTF8.GetBytes("第一条 规定"), [0x00], Encoding.UTF8.GetBytes("第二条")), "NUL" },
        { Concat(Encoding.UTF8.GetBytes("第一条"), [0x01, 0x02, 0x03, 0x04, 0x05, 0x06], Encoding.UTF8.GetBytes("条")), "control" },
    };

    private static byte[] RandomBytesWithNuls()
    {
        var bytes = new byte[4096];
        new Random(20240601).NextBytes(bytes);
        bytes[10] = 0;
        bytes[11] = 0;
        return bytes;
    }

    [Theory]
    [MemberData(nameof(BinaryInputs))]
    public void BinaryIsIN002SayingWhatItLooksLike(byte[] bytes, string looksLike)
    {
        var result = TextDecoding.Decode(bytes, Path);
        Assert.Null(result.Text);
        var diagnostic = AssertSingle(result, "IN002");
        Assert.Contains(looksLike, Assert.Single(diagnostic.Args));
        Assert.Contains(looksLike, diagnostic.Message);
    }

    [Fact]
    public void TruncatedUtf8IsDecodedWithAReplacementAndIN008()
    {
        var bytes = Encoding.UTF8.GetBytes(Seed.TrimEnd('\n'));
        var cut = bytes[..^1]; // the last character is three bytes: keep two
        var result = TextDecoding.Decode(cut, Path);

        Assert.Equal("utf-8", result.EncodingName);
        Assert.Equal(Seed.TrimEnd('\n')[..^1] + "\uFFFD", result.Text);
        var diagnostic = AssertSingle(result, "IN008");
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal(["1"], diagnostic.Args.ToArray());
        var lastLine = Seed.TrimEnd('\n').Count(c => c == '\n') + 1;
        Assert.Equal(new SourceSpan(lastLine, result.Text!.Length - 1, result.Text.Length), diagnostic.Span);
    }

    [Fact]
    public void ShortTruncatedUtf8StaysUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("第一条")[..^1];
        var result = TextDecoding.Decode(bytes, Path);
        Assert.Equal("第一\uFFFD", result.Text);
        Assert.Equal("utf-8", result.EncodingName);
        Assert.Equal(["1"], AssertSingle(result, "IN008").Args.ToArray());
    }

    [Fact]
    public void AFewBadBytesInUtf8AreCountedWithTheFirstLine()
    {
        var lines = Seed.Split('\n');
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(Seed));
        // Corrupt one byte in line 5 and one in line 20 (0xFF is never valid UTF-8).
        var line5 = Encoding.UTF8.GetByteCount(string.Join('\n', lines[..4]) + "\n");
        var line20 = Encoding.UTF8.GetByteCount(string.Join('\n', lines[..19]) + "\n");
        bytes.Insert(line20, 0xFF);
        bytes.Insert(line5, 0xFF);

        var result = TextDecoding.Decode(bytes.ToArray(), Path);

        Assert.Equal("utf-8", result.EncodingName);
        var text = Assert.IsType<string>(result.Text);
        Assert.Equal(2, text.Count(c => c == '\uFFFD'));
        var diagnostic = AssertSingle(result, "IN008");
        Assert.Equal(["2"], diagnostic.Args.ToArray());
        var span = Assert.NotNull(diagnostic.Span);
        Assert.Equal(5, span.Line);
        Assert.Equal('\uFFFD', text[span.Start]);
        Assert.Equal(Seed, text.Replace("\uFFFD", ""));
    }

    [Fact]
    public void BadBytesInUtf8WithBomAreWarnedAbout()
    {
        var bytes = Concat([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes("第一条\r\n第二条"), [0xC3]);
        var result = TextDecoding.Decode(bytes, Path);
        Assert.Equal("第一条\r\n第二条\uFFFD", result.Text);
        Assert.Equal("utf-8-bom", result.EncodingName);
        var diagnostic = AssertSingle(result, "IN008");
        Assert.Equal(new SourceSpan(2, 8, 9), diagnostic.Span);
    }

    [Fact]
    public void OddLengthUtf16IsDecodedWithAWarning()
    {
        var bytes = Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes("第一条"), [0x41]);
        var result = TextDecoding.Decode(bytes, Path);
        Assert.Equal("第一条\uFFFD", result.Text);
        AssertSingle(result, "IN008");
    }

    [Fact]
    public void Utf32IsIN003()
    {
        var bytes = Concat([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(false, false).GetBytes("第一条"));
        var result = TextDecoding.Decode(bytes, Path);
        Assert.Null(result.Text);
        AssertSingle(result, "IN003");
    }

    [Fact]
    public void UndecodableBytesAreIN003()
    {
        var bytes = Enumerable.Repeat((byte)0xFF, 200).ToArray();
        var result = TextDecoding.Decode(bytes, Path);
        Assert.Null(result.Text);
        Assert.Equal("unknown", result.EncodingName);
        AssertSingle(result, "IN003");
    }

    [Fact]
    public void GbkWithAStrayInvalidByteStillDecodesWithIN008()
    {
        var bytes = Concat(SeedFiles.Gbk.GetBytes("第一条 规定\n第二条 "), [0xFF], SeedFiles.Gbk.GetBytes(Seed));
        var result = TextDecoding.Decode(bytes, Path);
        Assert.Equal("gb18030", result.EncodingName);
        Assert.Equal("第一条 规定\n第二条 \uFFFD" + Seed, result.Text);
        var diagnostic = AssertSingle(result, "IN008");
        Assert.Equal(2, diagnostic.Span?.Line);
    }

    [Fact]
    public void ValidUtf8AlwaysBeatsTheDetector()
    {
        // Every line of the seed on its own, in UTF-8, whatever the detector might think of it.
        foreach (var line in Seed.Split('\n').Where(l => l.Length > 0))
        {
            var result = TextDecoding.Decode(Encoding.UTF8.GetBytes(line), Path);
            Assert.Equal("utf-8", result.EncodingName);
            Assert.Equal(line, result.Text);
        }
    }

    [Fact]
    public void EveryGbkLineOfTheSeedDecodesExactly()
    {
        foreach (var line in Seed.Split('\n').Where(l => l.Length > 0))
        {
            var result = TextDecoding.Decode(SeedFiles.Gbk.GetBytes(line), Path);
            Assert.Equal(line, result.Text);
            Assert.Equal("gb18030", result.EncodingName);
        }
    }
}
