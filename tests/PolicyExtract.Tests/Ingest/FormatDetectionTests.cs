using PolicyExtract.Ingest;

namespace PolicyExtract.Tests.Ingest;

public class FormatDetectionTests
{
    [Theory]
    [InlineData("a/b/policy.txt", SourceFormat.Text)]
    [InlineData("policy.TEXT", SourceFormat.Text)]
    [InlineData("notes.md", SourceFormat.Text)]
    [InlineData("README", SourceFormat.Text)]
    [InlineData("page.html", SourceFormat.Html)]
    [InlineData("page.HTM", SourceFormat.Html)]
    [InlineData("/srv/www/index.shtml", SourceFormat.Html)]
    [InlineData("page.xhtml", SourceFormat.Html)]
    [InlineData("policy.docx", SourceFormat.Docx)]
    [InlineData("policy.DOCM", SourceFormat.Docx)]
    [InlineData("policy.pdf", SourceFormat.Pdf)]
    [InlineData("policy.doc", null)]
    [InlineData("policy.wps", null)]
    [InlineData("policy.rtf", null)]
    [InlineData("policy.odt", null)]
    [InlineData("data.json", null)]
    public void FromPath(string path, SourceFormat? expected)
    {
        Assert.Equal(expected, FormatDetection.FromPath(path));
    }

    [Theory]
    [InlineData(".doc", "legacy Word 97-2003 .doc files are not supported; save it as .docx")]
    [InlineData("DOC", "legacy Word 97-2003 .doc files are not supported; save it as .docx")]
    [InlineData(".wps", "WPS Writer .wps files are not supported; save it as .docx")]
    [InlineData(".odt", "OpenDocument .odt files are not supported; save it as .docx")]
    [InlineData(".rtf", "RTF files are not supported; save it as .docx")]
    [InlineData(".ofd", "OFD files are not supported; export it as PDF or .docx")]
    [InlineData(".json", "supported inputs are .txt, .text, .md, .html, .htm, .shtml, .xhtml, .docx and .pdf")]
    public void UnsupportedHint(string extension, string hint)
    {
        Assert.Equal(hint, FormatDetection.UnsupportedHint(extension));
    }

    [Fact]
    public void UnsupportedDiagnosticIsIN004WithExtensionAndHint()
    {
        var diagnostic = FormatDetection.Unsupported("in/关于印发.doc");
        Assert.Equal("IN004", diagnostic.Code);
        Assert.Equal("in/关于印发.doc", diagnostic.File);
        Assert.Equal([".doc", "legacy Word 97-2003 .doc files are not supported; save it as .docx"], diagnostic.Args.ToArray());
        Assert.Equal("unsupported file format '.doc'; legacy Word 97-2003 .doc files are not supported; save it as .docx", diagnostic.Message);
    }

    private static readonly byte[] Pdf = "%PDF-1.7\n"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00];
    private static readonly byte[] Rtf = @"{\rtf1\ansi"u8.ToArray();

    /// <summary>Office files are read by what they are, whatever their name; a legacy file under a new name is IN021.</summary>
    public static TheoryData<string, byte[], SourceFormat?, string?> Contents => new()
    {
        { "a.docx", Zip, SourceFormat.Docx, null },
        { "a.pdf", Pdf, SourceFormat.Pdf, null },
        { "a.docx", Pdf, SourceFormat.Pdf, null },
        { "a.doc", Pdf, SourceFormat.Pdf, null },
        { "a.pdf", Zip, SourceFormat.Docx, null },
        { "a.doc", Zip, SourceFormat.Docx, null },
        { "a.wps", Zip, SourceFormat.Docx, null },
        { "a.doc", Ole2, null, null },
        { "a.docx", Ole2, null, "IN021" },
        { "a.pdf", Ole2, null, "IN021" },
        { "a.docx", Rtf, null, "IN021" },
        // Text and pages keep their extension's format: the decoder names what they really are (IN002).
        { "a.txt", Pdf, SourceFormat.Text, null },
        { "a.html", Zip, SourceFormat.Html, null },
        { "a.docx", [], SourceFormat.Docx, null },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void FromContent(string path, byte[] bytes, SourceFormat? format, string? code)
    {
        var (actual, error) = FormatDetection.FromContent(path, FormatDetection.FromPath(path), bytes);
        Assert.Equal(format, actual);
        Assert.Equal(code, error?.Code);
    }

    [Fact]
    public void A_legacy_file_named_docx_says_what_it_is_and_how_to_fix_it()
    {
        var (_, error) = FormatDetection.FromContent("in/草案.docx", SourceFormat.Docx, Ole2);
        Assert.Equal([".docx", "a legacy Word 97-2003 or WPS document (OLE2)", "open it in Word or WPS and save it as .docx"], error!.Args.ToArray());
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html>", true)]
    [InlineData("\uFEFF  \r\n<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", true)]
    [InlineData("<html>\n<body>", true)]
    [InlineData("<HTML lang=\"zh\">", true)]
    [InlineData("\n\t<html", true)]
    [InlineData("<htmlx>", false)]
    [InlineData("第一条 <html> 标签", false)]
    [InlineData("<p>段落</p>", false)]
    [InlineData("", false)]
    public void SniffHtml(string text, bool expected)
    {
        Assert.Equal(expected, FormatDetection.SniffHtml(text));
    }
}
