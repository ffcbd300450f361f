using System.IO.Compression;
using System.Text;

namespace PolicyExtract.Tests.TestSupport;

/// <summary>
/// Files built to hurt a reader, generated at test time (none is in the repository): Word packages whose XML nests
/// without end or whose numbering makes every paragraph huge, PDFs whose drawings draw each other, whose streams inflate
/// to gigabytes or whose page tree lists one page a million times, and plain text that makes rule extraction work
/// hard. Each is written raw (zip entries, PDF objects by hand): the libraries that write these formats would themselves
/// recurse or refuse.
/// </summary>
public static class HostileFiles
{
    /// <summary>A .docx whose body nests <paramref name="depth"/> elements of <paramref name="tag"/> (w:sdt, w:hyperlink, x:a) around one paragraph.</summary>
    public static byte[] NestedDocx(int depth, string tag)
    {
        var open = tag == "w:sdt" ? "<w:sdt><w:sdtContent>" : $"<{tag}>";
        var close = tag == "w:sdt" ? "</w:sdtContent></w:sdt>" : $"</{tag}>";
        var body = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            body.Append(open);
        }

        body.Append("<w:p><w:r><w:t>第一条 对企业给予10万元奖励。</w:t></w:r></w:p>");
        for (var i = 0; i < depth; i++)
        {
            body.Append(close);
        }

        return Docx(body.ToString());
    }

    /// <summary>A .docx of <paramref name="paragraphs"/> empty paragraphs (10 million zip to about 100 KB).</summary>
    public static byte[] EmptyParagraphsDocx(int paragraphs) =>
        Docx(string.Concat(Enumerable.Repeat("<w:p/>", paragraphs)));

    /// <summary>
    /// A .docx of <paramref name="paragraphs"/> numbered paragraphs whose level text repeats %1 <paramref name="repeats"/>
    /// times: read as written, every paragraph's label is thousands of characters long.
    /// </summary>
    public static byte[] RepeatedLevelTextDocx(int repeats, int paragraphs)
    {
        var numbering =
            "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
            "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>" +
            $"<w:lvlText w:val=\"{string.Concat(Enumerable.Repeat("%1", repeats))}\"/></w:lvl></w:abstractNum>" +
            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
        var paragraph = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>对企业给予10万元奖励。</w:t></w:r></w:p>";
        return Docx(string.Concat(Enumerable.Repeat(paragraph, paragraphs)), numbering);
    }

    private static byte[] Docx(string body, string? numbering = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
                (numbering is null ? "" : "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>") +
                "</Types>");
            Entry(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Entry(zip, "word/document.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:x=\"urn:x\"><w:body>" +
                body + "</w:body></w:document>");
            if (numbering is not null)
            {
                Entry(zip, "word/_rels/document.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                    "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/></Relationships>");
                Entry(zip, "word/numbering.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + numbering);
            }
        }

        return stream.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    /// <summary>
    /// A one-page PDF whose page draws form X1, and each form Xn draws X(n+1) ten times, <paramref name="levels"/> deep:
    /// 10^levels drawings of the last form, each showing a word.
    /// </summary>
    public static byte[] NestedFormsPdf(int levels)
    {
        var pdf = new RawPdf();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var forms = new int[levels + 2];
        forms[levels + 1] = 0;
        for (var n = levels; n >= 1; n--)
        {
            var content = n == levels
                ? "BT /F1 12 Tf 10 10 Td (form) Tj ET"
                : string.Concat(Enumerable.Repeat($"/X{n + 1} Do\n", 10));
            var resources = n == levels ? $"/Font << /F1 {font} 0 R >>" : $"/XObject << /X{n + 1} {forms[n + 1]} 0 R >>";
            forms[n] = pdf.AddStream($"/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << {resources} >>", content);
        }

        var pageContent = pdf.AddStream("", "/X1 Do\nBT /F1 12 Tf 72 720 Td (Article 1) Tj ET");
        return pdf.OnePage($"/Resources << /XObject << /X1 {forms[1]} 0 R >> /Font << /F1 {font} 0 R >> >> /Contents {pageContent} 0 R");
    }

    /// <summary>A one-page PDF whose content stream inflates to <paramref name="inflatedBytes"/> bytes of spaces.</summary>
    public static byte[] FlateBombPdf(long inflatedBytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            for (long written = 0; written < inflatedBytes; written += chunk.Length)
            {
                zlib.Write(chunk, 0, (int)Math.Min(chunk.Length, inflatedBytes - written));
            }
        }

        var pdf = new RawPdf();
        var content = pdf.AddBinaryStream("/Filter /FlateDecode", compressed.ToArray());
        return pdf.OnePage($"/Contents {content} 0 R");
    }

    /// <summary>A PDF whose page tree lists the same page <paramref name="kids"/> times.</summary>
    public static byte[] RepeatedPagePdf(int kids)
    {
        var pdf = new RawPdf();
        var content = pdf.AddStream("", "BT /F1 12 Tf 72 720 Td (Article 1) Tj ET");
        return pdf.ManyKids(content, kids);
    }

    /// <summary>Objects written by hand, with their cross-reference table.</summary>
    private sealed class RawPdf
    {
        private readonly List<byte[]> _objects = [];

        public int Add(string body)
        {
            _objects.Add(Encoding.ASCII.GetBytes(body));
            return _objects.Count + 2;
        }

        public int AddStream(string dictionary, string content) => AddBinaryStream(dictionary, Encoding.ASCII.GetBytes(content));

        public int AddBinaryStream(string dictionary, byte[] content)
        {
            var head = Encoding.ASCII.GetBytes($"<< {dictionary} /Length {content.Length} >>\nstream\n");
            _objects.Add([.. head, .. content, .. Encoding.ASCII.GetBytes("\nendstream")]);
            return _objects.Count + 2;
        }

        /// <summary>Objects 1 (catalog) and 2 (pages) come first; the page is the last object.</summary>
        public byte[] OnePage(string pageEntries)
        {
            var page = Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] {pageEntries} >>");
            return Write($"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        }

        public byte[] ManyKids(int content, int kids)
        {
            var page = Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content} 0 R >>");
            var list = new StringBuilder();
            for (var i = 0; i < kids; i++)
            {
                list.Append(page).Append(" 0 R ");
            }

            return Write($"<< /Type /Pages /Kids [{list}] /Count {kids} >>");
        }

        private byte[] Write(string pages)
        {
            using var output = new MemoryStream();
            var offsets = new List<long>();
            Ascii(output, "%PDF-1.4\n");
            byte[][] all = [Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"), Encoding.ASCII.GetBytes(pages), .. _objects];
            for (var i = 0; i < all.Length; i++)
            {
                offsets.Add(output.Position);
                Ascii(output, $"{i + 1} 0 obj\n");
                output.Write(all[i]);
                Ascii(output, "\nendobj\n");
            }

            var xref = output.Position;
            Ascii(output, $"xref\n0 {all.Length + 1}\n0000000000 65535 f \n");
            foreach (var offset in offsets)
            {
                Ascii(output, $"{offset:D10} 00000 n \n");
            }

            Ascii(output, $"trailer\n<< /Size {all.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            return output.ToArray();
        }

        private static void Ascii(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));
    }

    /// <summary>A policy page of <paramref name="clauses"/> numbered clauses, each its own paragraph.</summary>
    public static string ManyClausesPage(int clauses)
    {
        var html = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>某区若干措施</title></head><body><h1>某区若干措施</h1>");
        for (var i = 1; i <= clauses; i++)
        {
            html.Append("<p>").Append(i).Append(". 对企业给予10万元奖励。</p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
