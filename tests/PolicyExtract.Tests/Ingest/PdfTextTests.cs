using PolicyExtract.Ingest;
using PolicyExtract.Structure;
using PolicyExtract.Tests.TestSupport;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PolicyExtract.Tests.Ingest;

public sealed class PdfTextTests
{
    private static readonly PdfText Reader = new(new LabelMatcher(Repo.Grammar));

    /// <summary>A 1×1 PNG: a page that holds only an image is a scanned page.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private const double Size = 10; // Courier: every glyph 0.6 em wide, so a line's width is its length times 6 pt

    private const double Left = 72;

    /// <summary>A line of <paramref name="length"/> Courier characters: the words of <paramref name="text"/> padded with x's.</summary>
    private static string Exactly(string text, int length) => text.Length >= length ? text[..length] : text + " " + new string('x', length - text.Length - 1);

    private static byte[] Pdf(Action<PdfDocumentBuilder, PdfDocumentBuilder.AddedFont> build)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Courier);
        build(builder, font);
        return builder.Build();
    }

    /// <summary>
    /// Two A4 pages with a running header, page-number footers, a first-line indent per paragraph, a paragraph that
    /// runs on to the next page and a clause label starting a line.
    /// </summary>
    [Fact]
    public void Page_furniture_goes_and_wrapped_lines_are_joined_into_paragraphs()
    {
        var full = 70; // characters of a full line (420 pt of the 451 pt text block)
        var bytes = Pdf((b, font) =>
        {
            var one = b.AddPage(595, 842);
            one.AddText("POLICY GAZETTE 2024", Size, new PdfPoint(230, 800), font);
            one.AddText(Exactly("1.Grants: firms in the district receive up to 100000 yuan", full - 2), Size, new PdfPoint(Left + 12, 760), font);
            one.AddText("per patent filed.", Size, new PdfPoint(Left, 748), font);
            one.AddText(Exactly("A second paragraph starts indented and fills the line", full - 2), Size, new PdfPoint(Left + 12, 736), font);
            one.AddText(Exactly("and its second line is full as well so it runs on", full), Size, new PdfPoint(Left, 724), font);
            one.AddText("- 1 -", Size, new PdfPoint(290, 40), font);

            var two = b.AddPage(595, 842);
            two.AddText("POLICY GAZETTE 2024", Size, new PdfPoint(230, 800), font);
            two.AddText("to the next page.", Size, new PdfPoint(Left, 760), font);
            two.AddText(Exactly("2.Next clause, whose line is full but is not joined to", full), Size, new PdfPoint(Left, 748), font);
            two.AddText("3.the line above, because this one starts with a label.", Size, new PdfPoint(Left, 736), font);
            two.AddText("- 2 -", Size, new PdfPoint(290, 40), font);
        });

        var result = Reader.Decode(bytes, "t.pdf");
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var lines = result.Text!.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("1.Grants: firms in the district receive up to 100000 yuan x", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("xx per patent filed.", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("A second paragraph", lines[1], StringComparison.Ordinal);
        Assert.Contains("runs on xx", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("xx to the next page.", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2.Next clause", lines[2], StringComparison.Ordinal);
        Assert.Equal("3.the line above, because this one starts with a label.", lines[3]);
        Assert.DoesNotContain("GAZETTE", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("- 1 -", result.Text, StringComparison.Ordinal);

        // Page 2 starts mid-paragraph, where "to the next page." was written.
        Assert.Equal([0, result.Text.IndexOf("to the next page.", StringComparison.Ordinal)], result.PageStarts.ToArray());
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_IN024_ocr_it_first()
    {
        var bytes = Pdf((b, _) =>
        {
            b.AddPage(595, 842).AddPng(Png, new PdfRectangle(0, 0, 595, 842));
            b.AddPage(595, 842).AddPng(Png, new PdfRectangle(0, 0, 595, 842));
        });

        var result = Reader.Decode(bytes, "scan.pdf");
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("IN024", error.Code);
        Assert.Equal(["2"], error.Args.ToArray());
        Assert.Contains("OCR it first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scanned_pages_among_text_pages_are_a_warning_IN025()
    {
        var bytes = Pdf((b, font) =>
        {
            b.AddPage(595, 842).AddText("1.Text on the first page.", Size, new PdfPoint(Left, 760), font);
            b.AddPage(595, 842).AddPng(Png, new PdfRectangle(0, 0, 595, 842));
            b.AddPage(595, 842); // blank: nothing to warn about
        });

        var result = Reader.Decode(bytes, "mixed.pdf");
        Assert.Equal("1.Text on the first page.", result.Text);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("IN025", warning.Code);
        Assert.Equal(["1", "3", "2"], warning.Args.ToArray());
        Assert.Equal([0, 25, 25], result.PageStarts.ToArray());
    }

    [Theory]
    [InlineData("%PDF-1.7\n")]
    [InlineData("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")]
    public void A_broken_pdf_is_an_error_without_a_stack_trace(string content)
    {
        var result = Reader.Decode(System.Text.Encoding.ASCII.GetBytes(content), "broken.pdf");
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Contains(error.Code, new[] { "IN022", "IN024" });
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }

    [LibreOfficeFact]
    public void An_encrypted_pdf_is_IN023()
    {
        using var temp = new TempFolder("policyextract-encrypted-");
        var docx = Path.Combine(temp.FullName, "secret.docx");
        File.WriteAllBytes(docx, MiniDocx.Create([MiniDocx.P("第一条 保密。")]));
        const string filter = """pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}""";
        var pdf = LibreOffice.ToPdf([docx], temp.FullName, filter).Single();

        var result = Reader.Decode(File.ReadAllBytes(pdf), "secret.pdf");
        Assert.Equal("IN023", Assert.Single(result.Diagnostics).Code);
    }
}
