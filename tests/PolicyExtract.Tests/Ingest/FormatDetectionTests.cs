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
    [InlineData("policy.docx", null)]
    [InlineData("policy.doc", null)]
    [InlineData("policy.wps", null)]
    [InlineData("policy.rtf", null)]
    [InlineData("policy.pdf", null)]
    [InlineData("policy.odt", null)]
    [InlineData("data.json", null)]
    public void FromPath(string path, SourceFormat? expected)
    {
        Assert.Equal(expected, FormatDetection.FromPath(path));
    }

    [Theory]
    [InlineData(".docx", "Word files are not supported yet; save as .txt")]
    [InlineData("DOC", "Word files are not supported yet; save as .txt")]
    [InlineData(".wps", "WPS files are not supported yet; save as .txt")]
    [InlineData(".odt", "OpenDocument files are not supported yet; save as .txt")]
    [InlineData(".rtf", "RTF files are not supported yet; save as .txt")]
    [InlineData(".PDF", "PDF files are not supported yet; copy the text into a .txt file")]
    [InlineData(".json", "supported inputs are .txt, .text, .md, .html, .htm, .shtml and .xhtml")]
    public void UnsupportedHint(string extension, string hint)
    {
        Assert.Equal(hint, FormatDetection.UnsupportedHint(extension));
    }

    [Fact]
    public void UnsupportedDiagnosticIsIN004WithExtensionAndHint()
    {
        var diagnostic = FormatDetection.Unsupported("in/关于印发.docx");
        Assert.Equal("IN004", diagnostic.Code);
        Assert.Equal("in/关于印发.docx", diagnostic.File);
        Assert.Equal([".docx", "Word files are not supported yet; save as .txt"], diagnostic.Args.ToArray());
        Assert.Equal("unsupported file format '.docx'; Word files are not supported yet; save as .txt", diagnostic.Message);
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
