using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyExtract.Tests.TestSupport;

/// <summary>
/// Small .docx files for reader tests: a body of paragraphs and tables written with the OpenXml types, an optional
/// numbering part, header, footer and comments.
/// </summary>
public static class MiniDocx
{
    /// <summary>A level of abstractNum 1: its index, format (ST_NumberFormat name), text, start and options.</summary>
    public sealed record Lvl(int Index, string Format, string Text, int Start = 1, int? Restart = null, bool Legal = false, string? Suffix = "nothing");

    public static byte[] Create(IEnumerable<OpenXmlElement> body, IReadOnlyList<Lvl>? levels = null, IEnumerable<NumberingInstance>? instances = null, bool headerFooterComment = false)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(body));
            if (levels is not null)
            {
                var abstractNum = new AbstractNum { AbstractNumberId = 1 };
                foreach (var l in levels)
                {
                    var level = new Level { LevelIndex = l.Index };
                    level.Append(new StartNumberingValue { Val = l.Start });
                    level.Append(new NumberingFormat { Val = new EnumValue<NumberFormatValues> { InnerText = l.Format } });
                    if (l.Restart is { } r)
                    {
                        level.Append(new LevelRestart { Val = r });
                    }

                    if (l.Legal)
                    {
                        level.Append(new IsLegalNumberingStyle());
                    }

                    if (l.Suffix is not null)
                    {
                        level.Append(new LevelSuffix { Val = new EnumValue<LevelSuffixValues> { InnerText = l.Suffix } });
                    }

                    level.Append(new LevelText { Val = l.Text });
                    abstractNum.Append(level);
                }

                var nums = instances?.ToList() ?? [new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 }];
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering([abstractNum, .. nums]);
            }

            if (headerFooterComment)
            {
                main.AddNewPart<HeaderPart>("rIdH").Header = new Header(new Paragraph(new Run(new Text("一、页眉文字"))));
                main.AddNewPart<FooterPart>("rIdF").Footer = new Footer(new Paragraph(new Run(new Text("— 1 —"))));
                main.AddNewPart<WordprocessingCommentsPart>().Comments = new Comments(
                    new Comment(new Paragraph(new Run(new Text("（一）批注文字")))) { Id = "0", Author = "审核" });
                main.Document.Body!.Append(new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdH" },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdF" }));
            }
        }

        return stream.ToArray();
    }

    public static Paragraph P(params OpenXmlElement[] content) => new(content);

    public static Paragraph P(string text) => new(R(text));

    /// <summary>A paragraph numbered at <paramref name="level"/> of list instance <paramref name="numId"/>.</summary>
    public static Paragraph N(int level, string text, int numId = 1) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })), R(text));

    public static Run R(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>A list instance of abstractNum 1 whose <paramref name="level"/> restarts at <paramref name="start"/>.</summary>
    public static NumberingInstance Restart(int numId, int level, int start) =>
        new(new AbstractNumId { Val = 1 }, new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = level }) { NumberID = numId };
}
