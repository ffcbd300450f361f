using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyExtract.Ingest;
using PolicyExtract.Tests.TestSupport;
using static PolicyExtract.Tests.TestSupport.MiniDocx;

namespace PolicyExtract.Tests.Ingest;

public sealed class DocxTextTests
{
    private static DecodeResult Read(byte[] docx) => DocxText.Decode(docx, "t.docx");

    private static string Text(byte[] docx)
    {
        var result = Read(docx);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result.Text!;
    }

    [Theory]
    [InlineData("decimal", 1, "1")]
    [InlineData("decimal", 12, "12")]
    [InlineData("decimalZero", 7, "07")]
    [InlineData("chineseCounting", 1, "一")]
    [InlineData("chineseCounting", 10, "十")]
    [InlineData("chineseCounting", 11, "十一")]
    [InlineData("chineseCounting", 20, "二十")]
    [InlineData("chineseCounting", 24, "二十四")]
    [InlineData("chineseCounting", 100, "一百")]
    [InlineData("chineseCountingThousand", 101, "一百零一")]
    [InlineData("chineseCountingThousand", 110, "一百一十")]
    [InlineData("chineseCountingThousand", 1010, "一千零一十")]
    [InlineData("chineseLegalSimplified", 10, "壹拾")]
    [InlineData("chineseLegalSimplified", 21, "贰拾壹")]
    [InlineData("ideographTraditional", 3, "丙")]
    [InlineData("ideographTraditional", 11, "11")]
    [InlineData("ideographZodiac", 12, "亥")]
    [InlineData("ideographDigital", 10, "一〇")]
    [InlineData("decimalEnclosedCircleChinese", 3, "③")]
    [InlineData("decimalEnclosedCircle", 21, "21")]
    [InlineData("decimalEnclosedParen", 2, "⑵")]
    [InlineData("decimalEnclosedFullstop", 2, "⒉")]
    [InlineData("decimalFullWidth", 12, "１２")]
    [InlineData("upperRoman", 14, "XIV")]
    [InlineData("lowerLetter", 28, "bb")]
    [InlineData("bullet", 3, "")]
    public void Number_formats_are_written_as_Word_shows_them(string format, int value, string expected)
    {
        Assert.Equal(expected, WordNumberFormat.Format(format, value));
    }

    [Fact]
    public void An_unknown_number_format_is_null_so_the_reader_can_warn()
    {
        Assert.Null(WordNumberFormat.Format("hebrew2", 3));
        Assert.Null(WordNumberFormat.Format("ordinalText", 3));
    }

    [Fact]
    public void Automatic_numbering_is_rendered_before_the_text_and_lower_levels_restart()
    {
        Lvl[] levels = [new(0, "chineseCounting", "%1、"), new(1, "chineseCounting", "（%2）"), new(2, "decimal", "%3.", Suffix: null)];
        var docx = Create(
            [N(0, "总则"), N(1, "目的"), N(2, "甲"), N(2, "乙"), N(1, "范围"), N(2, "丙"), N(0, "措施"), N(1, "奖励")],
            levels);
        Assert.Equal("一、总则\n（一）目的\n1. 甲\n2. 乙\n（二）范围\n1. 丙\n二、措施\n（一）奖励", Text(docx));
    }

    [Fact]
    public void A_level_with_lvlRestart_0_runs_on_across_its_parents_and_startOverride_restarts_it()
    {
        Lvl[] levels = [new(0, "chineseCounting", "%1、"), new(1, "chineseCounting", "（%2）", Restart: 0)];
        var docx = Create(
            [N(0, "甲"), N(1, "a"), N(1, "b"), N(0, "乙"), N(1, "c"), N(0, "丙", 2), N(1, "d", 2), N(1, "e", 3)],
            levels,
            [new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 }, new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 2 }, Restart(3, 1, 7)]);

        // numId 2 shares abstractNum 1, so its 丙 is 三 and d continues (四); numId 3 sets e to 7.
        Assert.Equal("一、甲\n（一）a\n（二）b\n二、乙\n（三）c\n三、丙\n（四）d\n（七）e", Text(docx));
    }

    [Fact]
    public void Level_text_may_show_the_numbers_above_and_a_legal_level_writes_them_in_decimal()
    {
        Lvl[] levels = [new(0, "chineseCounting", "第%1章"), new(1, "decimal", "%1.%2", Legal: true), new(2, "decimal", "%1-%3")];
        var docx = Create([N(0, "总则"), N(1, "x"), N(2, "y")], levels);
        Assert.Equal("第一章总则\n1.1x\n一-1y", Text(docx));
    }

    [Fact]
    public void Numbering_may_come_from_the_paragraph_style()
    {
        Lvl[] levels = [new(0, "chineseCounting", "%1、")];
        var docx = Create([P("前言"), new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Part" }), R("总则")), new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Part" }), R("措施"))], levels);
        using (var stream = new MemoryStream())
        {
            stream.Write(docx);
            using (var document = WordprocessingDocument.Open(stream, true))
            {
                document.MainDocumentPart!.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                    new Style(new StyleName { Val = "Part" }, new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = 1 }))) { Type = StyleValues.Paragraph, StyleId = "Part" });
            }

            docx = stream.ToArray();
        }

        Assert.Equal("前言\n一、总则\n二、措施", Text(docx));
    }

    [Fact]
    public void An_unknown_format_is_a_warning_at_its_paragraph_and_falls_back_to_decimal()
    {
        var result = Read(Create([P("标题"), N(0, "措施")], [new Lvl(0, "hebrew1", "%1、")]));
        Assert.Equal("标题\n1、措施", result.Text);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("IN026", warning.Code);
        Assert.Equal(["hebrew1"], warning.Args.ToArray());
        Assert.Equal(2, warning.Span!.Value.Line);
    }

    [Fact]
    public void Tracked_changes_are_read_as_accepted_and_reported()
    {
        var docx = Create(
        [
            P(R("对获得专利的单位给予"), new InsertedRun(R("最高")) { Id = "1", Author = "a" }, new DeletedRun(new Run(new DeletedText("不超过"))) { Id = "2", Author = "a" }, R("10万元奖励。")),
            P(new MoveFromRun(R("搬走的文字")) { Id = "3", Author = "a" }, R("第二段"), new MoveToRun(R("搬来的文字")) { Id = "4", Author = "a" }),
            new Paragraph(new ParagraphProperties(new ParagraphMarkRunProperties(new Deleted { Id = "5", Author = "a" })), R("前半句，")),
            P("后半句。"),
        ]);
        var result = Read(docx);
        Assert.Equal("对获得专利的单位给予最高10万元奖励。\n第二段搬来的文字\n前半句，后半句。", result.Text);
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal("IN027", info.Code);
        Assert.Equal(["2", "3"], info.Args.ToArray());
    }

    [Fact]
    public void Headers_footers_comments_hidden_text_and_field_codes_are_left_out()
    {
        var docx = Create(
        [
            P(new CommentRangeStart { Id = "0" }, R("正文"), new CommentRangeEnd { Id = "0" }, new Run(new CommentReference { Id = "0" })),
            P(R("见第"), new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }), new Run(new FieldCode(" PAGEREF _Toc1 ")), new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), R("3"), new Run(new FieldChar { FieldCharType = FieldCharValues.End }), R("页")),
            P(R("可见"), new Run(new RunProperties(new Vanish()), new Text("隐藏")), new BookmarkStart { Id = "1", Name = "OLE_LINK1" }, new BookmarkEnd { Id = "1" }),
        ], headerFooterComment: true);
        Assert.Equal("正文\n见第3页\n可见", Text(docx));
    }

    [Fact]
    public void Line_breaks_tabs_and_empty_paragraphs_keep_their_lines()
    {
        var docx = Create([P(R("第一行"), new Run(new Break()), R("第二行")), P(""), P(R("甲"), new Run(new TabChar()), R("乙"))]);
        Assert.Equal("第一行\n第二行\n\n甲\t乙", Text(docx));
    }

    [Fact]
    public void A_table_row_is_one_line_with_its_cells_separated_by_tabs()
    {
        static TableCell Cell(params string[] paragraphs) => new([.. paragraphs.Select(p => (OpenXmlElement)P(p))]);
        var table = new Table(
            new TableRow(Cell("项目"), Cell("金额")),
            new TableRow(Cell("专利", "金奖"), Cell("100万元")));
        Assert.Equal("前\n项目\t金额\n专利 金奖\t100万元\n后", Text(Create([P("前"), table, P("后")])));
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0 })]
    [InlineData(new byte[] { 1, 2, 3, 4, 5 })]
    public void A_broken_package_is_IN020_without_a_stack_trace(byte[] bytes)
    {
        var result = Read(bytes);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("IN020", error.Code);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_without_a_Word_document_is_IN020()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("第一条");
        }

        Assert.Equal("IN020", Assert.Single(Read(stream.ToArray()).Diagnostics).Code);
    }

    [Fact]
    public void A_document_without_text_is_IN001()
    {
        Assert.Equal("IN001", Read(Create([P(""), P("  ")])).Diagnostics.Single().Code);
    }

    [Fact]
    public void The_seed_documents_the_tests_build_are_valid_Word_files()
    {
        foreach (var seed in Repo.SeedNumbers)
        {
            using var stream = new MemoryStream(PolicyDocx.FromSeed(Repo.Seed(seed), Repo.Grammar, out _));
            using var document = WordprocessingDocument.Open(stream, false);
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, seed + ":\n" + string.Join('\n', errors));
        }
    }

    /// <summary>LibreOffice prints numbering as Word does; our formats must agree with it where it knows them.</summary>
    [LibreOfficeFact]
    public void Number_formats_agree_with_LibreOffice()
    {
        string[] formats = ["decimal", "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting", "japaneseCounting", "ideographTraditional", "ideographZodiac", "decimalEnclosedCircleChinese", "upperLetter", "lowerRoman"];
        int[] values = [1, 2, 9, 10, 11, 12, 19, 20, 24, 99, 100, 101, 110, 1001, 1010];
        using var temp = new TempFolder("policyextract-numfmt-");
        var files = new List<string>();
        foreach (var format in formats)
        {
            var body = values.Select((_, i) => (OpenXmlElement)N(0, "x", i + 1));
            var path = Path.Combine(temp.FullName, format + ".docx");
            File.WriteAllBytes(path, Create(body, [new Lvl(0, format, "%1|")], values.Select((v, i) => Restart(i + 1, 0, v))));
            files.Add(path);
        }

        var pdfs = LibreOffice.ToPdf(files, temp.FullName);
        var pdfReader = new PdfText(new PolicyExtract.Structure.LabelMatcher(Repo.Grammar));
        foreach (var (format, pdf) in formats.Zip(pdfs))
        {
            var printed = pdfReader.Decode(File.ReadAllBytes(pdf), pdf).Text!.Split('\n').Select(l => l.Split('|')[0].Trim());
            // Beyond ⑳ Word writes decimal and LibreOffice goes on with ㉑; letters beyond 110 (39 Ms) wrap in print.
            var ours = values.Select(v => (format == "decimalEnclosedCircleChinese" && v > 20) || (format == "upperLetter" && v > 110) ? null : WordNumberFormat.Format(format, v));
            Assert.Equal(ours.Where(o => o is not null), printed.Zip(ours).Where(p => p.Second is not null).Select(p => p.First));
        }
    }
}
