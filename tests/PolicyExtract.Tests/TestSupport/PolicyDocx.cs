using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyExtract.Grammar;
using PolicyExtract.Structure;

namespace PolicyExtract.Tests.TestSupport;

/// <summary>
/// Rebuilds a plain-text seed as the Word file it was converted from: each line a paragraph, and every clause label
/// (<c>一、</c>, <c>（一）</c>, <c>1.</c>, …) moved out of the text into Word's automatic numbering, so that only a
/// reader that renders numbering.xml gets the clause tree back. Around the text, what a reader must leave out: a
/// running header, a footer with a page-number field (— PAGE —), a comment, hidden text, tracked deletions; and
/// what it must keep: tracked insertions, bookmarks turned back into real ones (<c>[bookmark: OLE_LINK1]</c>).
/// </summary>
/// <remarks>
/// The numbering is one list (abstractNum 1) with a level per numbering scheme of the grammar, in rank order, each
/// in the format Word offers for it (chineseCountingThousand for 第一章/第一条, chineseCounting for 一、 and （一）,
/// decimal for 1. and （1）, decimalEnclosedCircleChinese for ①). Level 3 (一、) is set through a paragraph style, the
/// others on the paragraph. （一） never restarts by itself (<c>w:lvlRestart 0</c>), as in policies whose （一）…（十二）
/// run on across their 一、 parts; where the seed's number is not the one Word would show next (a restart, a gap), a new
/// list instance starts it there with <c>w:startOverride</c>, as Word does when a user sets the value. A label Word's
/// numbering cannot reproduce exactly (<c>(七)</c> with ASCII brackets, a label followed by Latin text at a level
/// whose suffix is a space) stays typed in the text, as in real drafts.
/// </remarks>
public static class PolicyDocx
{
    /// <summary>How a seed was rebuilt: paragraphs, and labels turned into numbering or kept as typed text.</summary>
    public sealed record Stats(int Paragraphs, int Numbered, int Typed, int Restarts);

    private sealed record LevelSpec(string Scheme, string Format, string Text, LevelSuffixValues Suffix, int? Restart);

    // Rank order of grammar/numbering.txt; the index is the Word level (ilvl).
    private static readonly LevelSpec[] Levels =
    [
        new("zhang", "chineseCountingThousand", "第%1章", LevelSuffixValues.Nothing, null),
        new("jie", "chineseCountingThousand", "第%2节", LevelSuffixValues.Nothing, null),
        new("tiao", "chineseCountingThousand", "第%3条", LevelSuffixValues.Nothing, null),
        new("zh-dun", "chineseCounting", "%4、", LevelSuffixValues.Tab, null),
        new("zh-paren", "chineseCounting", "（%5）", LevelSuffixValues.Nothing, 0),
        new("ar-dot", "decimal", "%6.", LevelSuffixValues.Space, null),
        new("ar-paren", "decimal", "（%7）", LevelSuffixValues.Nothing, null),
        new("circled", "decimalEnclosedCircleChinese", "%8", LevelSuffixValues.Nothing, null),
    ];

    private const string PartStyle = "PolicyPart";

    /// <summary>The draft under review (the default), or the final version that is printed to PDF.</summary>
    /// <param name="TrackedChanges">
    /// Whether tracked changes are left in; not in the printed version, because LibreOffice, like Word, prints them as
    /// shown markup (deleted text struck through, old numbers in brackets).
    /// </param>
    /// <param name="SectionsRunOn">
    /// Whether （一） runs on across 一、 parts by <c>w:lvlRestart 0</c>. LibreOffice 7.4 ignores lvlRestart and restarts
    /// the level anyway, so the printed version restarts where the seed does and sets the other values with
    /// <c>w:startOverride</c>.
    /// </param>
    public sealed record Options(bool TrackedChanges = true, bool SectionsRunOn = true)
    {
        public static Options Draft { get; } = new();

        public static Options Printed { get; } = new(TrackedChanges: false, SectionsRunOn: false);
    }

    public static byte[] FromSeed(string seedPath, PolicyGrammar grammar, out Stats stats, Options? options = null) =>
        Build(File.ReadAllText(seedPath).ReplaceLineEndings("\n").Split('\n'), grammar, out stats, options ?? Options.Draft);

    public static byte[] Build(IReadOnlyList<string> lines, PolicyGrammar grammar, out Stats stats, Options options)
    {
        var levels = options.SectionsRunOn ? Levels : [.. Levels.Select(l => l with { Restart = null })];
        var matcher = new LabelMatcher(grammar);
        var instances = new List<NumberingInstance> { new(new AbstractNumId { Val = 1 }) { NumberID = 1 } };
        var counters = new int?[Levels.Length];
        var currentNum = 1;
        int numbered = 0, typed = 0, restarts = 0, commentPlaced = 0, changes = 0;

        var body = new Body();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i == lines.Count - 1 && line.Length == 0)
            {
                break; // the file's final line break
            }

            var paragraph = new Paragraph();
            var properties = new ParagraphProperties();
            var text = line;
            string? bookmark = null;
            if (text.StartsWith("[bookmark: ", StringComparison.Ordinal) && text.IndexOf(']') is var close and > 0)
            {
                bookmark = text["[bookmark: ".Length..close];
                text = text[(close + 1)..];
            }

            var trimmed = text.TrimStart(' ', '\u3000');
            var match = matcher.Match(trimmed);
            var level = match is null ? -1 : Array.FindIndex(Levels, l => l.Scheme == match.Scheme.Name);
            if (match is not null && level >= 0 && Renders(Levels[level], match, trimmed))
            {
                var expected = counters[level] is { } c ? c + 1 : 1;
                if (match.Ordinal != expected)
                {
                    currentNum = instances.Count + 1;
                    instances.Add(new NumberingInstance(
                        new AbstractNumId { Val = 1 },
                        new LevelOverride(new StartOverrideNumberingValue { Val = match.Ordinal }) { LevelIndex = level })
                    { NumberID = currentNum });
                    restarts++;
                }

                counters[level] = match.Ordinal;
                for (var deeper = level + 1; deeper < Levels.Length; deeper++)
                {
                    if (levels[deeper].Restart != 0)
                    {
                        counters[deeper] = null;
                    }
                }

                if (level == 3 && currentNum == 1)
                {
                    properties.Append(new ParagraphStyleId { Val = PartStyle }); // numbered through its style
                }
                else
                {
                    properties.Append(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = currentNum }));
                }

                text = trimmed[match.Length..];
                if (Levels[level].Suffix != LevelSuffixValues.Nothing)
                {
                    text = text.TrimStart(' ', '\u3000');
                }

                numbered++;
            }
            else if (match is not null)
            {
                typed++;
            }

            // A first-line indent of two characters, as 公文 are typeset: the PDF reader uses it to find paragraphs.
            // (FirstLineChars for Word, FirstLine in twips for LibreOffice, which ignores the former.)
            properties.Append(new Indentation { FirstLine = "480", FirstLineChars = 200 });
            paragraph.Append(properties);
            if (bookmark is not null)
            {
                paragraph.Append(new BookmarkStart { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Name = bookmark });
                paragraph.Append(new BookmarkEnd { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            AppendText(paragraph, text, options.TrackedChanges, ref commentPlaced, ref changes);
            body.Append(paragraph);
        }

        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeader" },
            new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 720U, Footer = 720U, Gutter = 0U }));

        stats = new Stats(body.Elements<Paragraph>().Count(), numbered, typed, restarts);
        return Package(body, instances, levels);
    }

    /// <summary>Whether Word's numbering at this level shows exactly the label as typed, with the text after it.</summary>
    private static bool Renders(LevelSpec level, LabelMatch match, string line)
    {
        var shown = level.Text
            .Replace($"%{Array.IndexOf(Levels, level) + 1}", PolicyExtract.Ingest.WordNumberFormat.Format(level.Format, match.Ordinal), StringComparison.Ordinal);
        var rest = line[match.Length..];
        var latinAfterSpace = level.Suffix != LevelSuffixValues.Nothing && rest.TrimStart().Length > 0 && char.IsAscii(rest.TrimStart()[0]);
        return shown == match.Label && !latinAfterSpace;
    }

    /// <summary>
    /// The paragraph's text as runs. Every fifth paragraph long enough also carries a tracked change (half of its
    /// text inserted, a deleted phrase dropped) and hidden text; the first long one carries a comment.
    /// </summary>
    private static void AppendText(Paragraph paragraph, string text, bool trackedChanges, ref int commentPlaced, ref int changes)
    {
        if (text.Length < 20)
        {
            paragraph.Append(TextRun(text));
            return;
        }

        var half = text.Length / 2;
        if (char.IsLowSurrogate(text[half]))
        {
            half++;
        }

        if (commentPlaced == 0)
        {
            commentPlaced = 1;
            paragraph.Append(new CommentRangeStart { Id = "0" });
            paragraph.Append(TextRun(text[..half]));
            paragraph.Append(new CommentRangeEnd { Id = "0" });
            paragraph.Append(new Run(new CommentReference { Id = "0" }));
            paragraph.Append(TextRun(text[half..]));
            return;
        }

        if (trackedChanges && ++changes % 5 == 0)
        {
            var id = changes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            paragraph.Append(TextRun(text[..half]));
            paragraph.Append(new DeletedRun(new Run(new DeletedText("（此句已删除，给予最高999万元奖励）") { Space = SpaceProcessingModeValues.Preserve })) { Id = "9" + id, Author = "起草组" });
            paragraph.Append(new Run(new RunProperties(new Vanish()), new Text("隐藏文字：第九十九条") { Space = SpaceProcessingModeValues.Preserve }));
            paragraph.Append(new InsertedRun(TextRun(text[half..])) { Id = "8" + id, Author = "起草组" });
            return;
        }

        paragraph.Append(TextRun(text));
    }

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static byte[] Package(Body body, List<NumberingInstance> instances, LevelSpec[] levels)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);

            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            var abstractNum = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = 1 };
            for (var i = 0; i < levels.Length; i++)
            {
                var spec = levels[i];
                var level = new Level { LevelIndex = i };
                level.Append(new StartNumberingValue { Val = 1 });
                level.Append(new NumberingFormat { Val = new EnumValue<NumberFormatValues> { InnerText = spec.Format } });
                if (spec.Restart is { } restart)
                {
                    level.Append(new LevelRestart { Val = restart });
                }

                if (i == 3)
                {
                    level.Append(new ParagraphStyleIdInLevel { Val = PartStyle });
                }

                if (spec.Suffix != LevelSuffixValues.Tab)
                {
                    level.Append(new LevelSuffix { Val = spec.Suffix });
                }

                level.Append(new LevelText { Val = spec.Text });
                level.Append(new LevelJustification { Val = LevelJustificationValues.Left });
                abstractNum.Append(level);
            }

            numbering.Numbering = new Numbering([abstractNum, .. instances]);

            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "WenQuanYi Zen Hei", HighAnsi = "WenQuanYi Zen Hei", EastAsia = "WenQuanYi Zen Hei" },
                    new FontSize { Val = "24" }))),
                new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
                new Style(
                    new StyleName { Val = "Policy Part" },
                    new BasedOn { Val = "Normal" },
                    new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 3 }, new NumberingId { Val = 1 })))
                { Type = StyleValues.Paragraph, StyleId = PartStyle });

            var header = main.AddNewPart<HeaderPart>("rIdHeader");
            header.Header = new Header(new Paragraph(TextRun("（一）深圳市光明区人民政府公报　第九十九条")));
            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                TextRun("— "),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                TextRun("1"),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                TextRun(" —")));

            var comments = main.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new Comments(new Comment(new Paragraph(TextRun("一、请核实：第九十九条最高奖励999万元"))) { Id = "0", Author = "审核", Initials = "SH" });
        }

        return stream.ToArray();
    }
}
