using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyExtract.Ingest;

/// <summary>
/// Word's automatic paragraph numbering (ECMA-376 Part 1, §17.9), rendered as Word shows it: a <c>（一）</c> that exists
/// only in numbering.xml. Keeps the list counters while a document's paragraphs are read in order, so one instance
/// serves one document and is not thread-safe.
/// </summary>
/// <remarks>
/// <para>A paragraph is numbered by its own <c>w:numPr</c> (<c>w:numId</c>, <c>w:ilvl</c>) or its style's (through
/// <c>w:basedOn</c>); <c>w:numId</c> 0 removes numbering. The instance (<c>w:num</c>) names an abstract definition
/// (<c>w:abstractNum</c>, following one <c>w:numStyleLink</c>) whose levels (<c>w:lvl</c>) give the start value
/// (<c>w:start</c>), the format (<c>w:numFmt</c>, see <see cref="WordNumberFormat"/>), the text (<c>w:lvlText</c>, where
/// <c>%1</c>…<c>%9</c> stand for the counters of levels 1…9, each in its own level's format, or all in decimal when the
/// level is <c>w:isLgl</c>) and the suffix (<c>w:suff</c>: tab by default, space, nothing).</para>
/// <para>Counters belong to the abstract definition, so instances that share it continue one list, as Word does; an
/// instance's <c>w:lvlOverride</c> replaces a level (<c>w:lvl</c>) or restarts it (<c>w:startOverride</c>, applied where
/// the instance is first used). Numbering a level restarts the levels below it unless their <c>w:lvlRestart</c> says
/// otherwise (0: never; n: only when level n or one above it is numbered).</para>
/// </remarks>
internal sealed class WordNumbering
{
    private const int Levels = 9;

    /// <summary>The longest level text read as a label.</summary>
    private const int MaxLevelText = 64;

    private readonly Dictionary<int, NumberingInstance> _instances = [];
    private readonly Dictionary<int, AbstractNum> _abstracts = [];
    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int[]> _counters = [];
    private readonly Dictionary<int, bool[]> _started = [];
    private readonly HashSet<(int NumId, int Level)> _overridesApplied = [];

    public WordNumbering(MainDocumentPart main)
    {
        if (main.NumberingDefinitionsPart?.Numbering is { } numbering)
        {
            foreach (var num in numbering.Elements<NumberingInstance>())
            {
                if (num.NumberID?.Value is { } id)
                {
                    _instances.TryAdd(id, num);
                }
            }

            foreach (var abs in numbering.Elements<AbstractNum>())
            {
                if (abs.AbstractNumberId?.Value is { } id)
                {
                    _abstracts.TryAdd(id, abs);
                }
            }
        }

        if (main.StyleDefinitionsPart?.Styles is { } styles)
        {
            foreach (var style in styles.Elements<Style>())
            {
                if (style.StyleId?.Value is { } id)
                {
                    _styles.TryAdd(id, style);
                }
            }
        }
    }

    /// <summary>The numbering formats met that <see cref="WordNumberFormat"/> does not know, in order of first use.</summary>
    public List<string> UnknownFormats { get; } = [];

    /// <summary>
    /// The label Word shows before <paramref name="paragraph"/> with its suffix (a tab or space suffix is one space,
    /// which normalization drops beside Chinese text), or null when the paragraph is not numbered. Advances the counters:
    /// call once per paragraph, in document order. <paramref name="unknownFormat"/> is set when a level's format is not
    /// known (its numbers are then written in decimal).
    /// </summary>
    public string? Label(Paragraph paragraph, out string? unknownFormat)
    {
        unknownFormat = null;
        if (Resolve(paragraph) is not var (numId, level) || !_instances.TryGetValue(numId, out var instance) || instance.AbstractNumId?.Val?.Value is not { } abstractId)
        {
            return null;
        }

        abstractId = FollowStyleLink(abstractId);
        if (!_abstracts.ContainsKey(abstractId))
        {
            return null;
        }

        var counters = _counters.TryGetValue(abstractId, out var c) ? c : _counters[abstractId] = new int[Levels];
        var started = _started.TryGetValue(abstractId, out var s) ? s : _started[abstractId] = new bool[Levels];

        var definition = LevelOf(instance, abstractId, level);
        if (StartOverride(instance, level) is { } restart && _overridesApplied.Add((numId, level)))
        {
            counters[level] = restart;
            started[level] = true;
        }
        else if (!started[level])
        {
            counters[level] = StartOf(definition);
            started[level] = true;
        }
        else
        {
            counters[level]++;
        }

        for (var deeper = level + 1; deeper < Levels; deeper++)
        {
            // lvlRestart n (1-based): restart after level n or a higher one; 0: never; absent: after any higher level.
            var restartAfter = LevelOf(instance, abstractId, deeper)?.LevelRestart?.Val?.Value;
            if (restartAfter is null || level < restartAfter)
            {
                started[deeper] = false;
            }
        }

        if (definition is null)
        {
            return null;
        }

        // A label is a few placeholders and marks (第%1章, %1.%2., （%3）); a level text longer than this is no label but
        // a way to make every numbered paragraph huge (2,000 %1 on 20,000 paragraphs made one clause of 178 million
        // characters), so it is read as no label.
        var template = definition.LevelText?.Val?.Value is { Length: <= MaxLevelText } written ? written : "";
        var legal = definition.IsLegalNumberingStyle is { } lgl && (lgl.Val?.Value ?? true);
        var label = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '%' && i + 1 < template.Length && template[i + 1] is >= '1' and <= '9')
            {
                var referenced = template[i + 1] - '1';
                var value = referenced == level || started[referenced] ? counters[referenced] : StartOf(LevelOf(instance, abstractId, referenced));
                var format = FormatName(LevelOf(instance, abstractId, referenced));
                // A legal-style level writes the numbers of the levels above it in decimal (1.1.1 under 第一章).
                var text = legal && referenced < level ? WordNumberFormat.Format("decimal", value) : WordNumberFormat.Format(format, value);
                if (text is null)
                {
                    unknownFormat ??= format;
                    if (!UnknownFormats.Contains(format))
                    {
                        UnknownFormats.Add(format);
                    }

                    text = value.ToString(CultureInfo.InvariantCulture);
                }

                label.Append(text);
                i++;
            }
            else
            {
                label.Append(template[i]);
            }
        }

        var suffix = definition.LevelSuffix?.Val?.Value;
        if (label.Length > 0 && (suffix is null || suffix == LevelSuffixValues.Tab || suffix == LevelSuffixValues.Space))
        {
            label.Append(' ');
        }

        return label.ToString();
    }

    /// <summary>The paragraph's numbering instance and level, from its own properties or its style's; null when none.</summary>
    private (int NumId, int Level)? Resolve(Paragraph paragraph)
    {
        var own = paragraph.ParagraphProperties?.NumberingProperties;
        int? numId = own?.NumberingId?.Val?.Value;
        int? level = own?.NumberingLevelReference?.Val?.Value;
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

        // Walk the style and its basedOn chain (bounded: a cycle in a broken file must not hang us).
        var style = styleId is null ? null : _styles.GetValueOrDefault(styleId);
        for (var depth = 0; style is not null && depth < 16 && (numId is null || level is null); depth++)
        {
            var numPr = style.StyleParagraphProperties?.NumberingProperties;
            numId ??= numPr?.NumberingId?.Val?.Value;
            level ??= numPr?.NumberingLevelReference?.Val?.Value;
            style = style.BasedOn?.Val?.Value is { } basedOn ? _styles.GetValueOrDefault(basedOn) : null;
        }

        if (numId is not { } id || id == 0)
        {
            return null;
        }

        // A style-numbered paragraph without ilvl takes the level whose w:pStyle names its style.
        if (level is null && styleId is not null && _instances.TryGetValue(id, out var instance)
            && instance.AbstractNumId?.Val?.Value is { } abstractId && _abstracts.TryGetValue(FollowStyleLink(abstractId), out var abs))
        {
            level = abs.Elements<Level>().FirstOrDefault(l => l.ParagraphStyleIdInLevel?.Val?.Value == styleId)?.LevelIndex?.Value;
        }

        return (id, Math.Clamp(level ?? 0, 0, Levels - 1));
    }

    /// <summary>An abstract definition that only links to a numbering style (w:numStyleLink) uses that style's list.</summary>
    private int FollowStyleLink(int abstractId)
    {
        if (_abstracts.TryGetValue(abstractId, out var abs) && abs.NumberingStyleLink?.Val?.Value is { } link
            && _styles.GetValueOrDefault(link)?.StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value is { } linkedNum
            && _instances.TryGetValue(linkedNum, out var linked) && linked.AbstractNumId?.Val?.Value is { } target && target != abstractId)
        {
            return target;
        }

        return abstractId;
    }

    private Level? LevelOf(NumberingInstance instance, int abstractId, int level)
    {
        var overridden = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.GetFirstChild<Level>();
        return overridden ?? _abstracts.GetValueOrDefault(abstractId)?.Elements<Level>().FirstOrDefault(l => (l.LevelIndex?.Value ?? -1) == level);
    }

    private static int? StartOverride(NumberingInstance instance, int level) =>
        instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.StartOverrideNumberingValue?.Val?.Value;

    private static int StartOf(Level? level) => level?.StartNumberingValue?.Val?.Value ?? 0;

    private static string FormatName(Level? level) =>
        level?.NumberingFormat?.Val?.InnerText is { Length: > 0 } name ? name : "decimal";
}
