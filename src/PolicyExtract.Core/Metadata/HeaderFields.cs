using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Grammar;
using PolicyExtract.Structure;

namespace PolicyExtract.Metadata;

/// <summary>
/// The 政府信息公开 fields a page or a database export prints around a policy (grammar/document.txt [header-field]):
/// <c>- [发文字号] 京残发〔2007〕62号</c>, <c>文号: 沪府规〔2021〕17号</c>, <c>发文字号：穗府办规〔2024〕13号</c>. Their lines
/// are not the title; their values fill what the document's own text leaves out.
/// </summary>
public sealed record HeaderFields(ImmutableHashSet<int> Lines, string? Number, DateOnly? Issued, ImmutableArray<string> Issuers, string? Title)
{
    /// <summary>The fields among the head's lines; a line is a field when it starts with a key, bracketed or followed by a colon.</summary>
    public static HeaderFields Read(ImmutableArray<HeadLine> head, DocumentLexicon lexicon)
    {
        var lines = ImmutableHashSet.CreateBuilder<int>();
        string? number = null, title = null;
        DateOnly? issued = null;
        var issuers = new List<string>();
        for (var i = 0; i < head.Length; i++)
        {
            if (Field(head[i].Text, lexicon) is not var (field, value))
            {
                continue;
            }

            lines.Add(i);
            switch (field)
            {
                case "number" when number is null && LineShapes.IsDocNumber(Compact(value)):
                    number = Compact(value);
                    break;
                case "issued" when issued is null:
                    issued = IsoDate(value) ?? DateReader.First(value)?.Date;
                    break;
                case "issuer":
                    issuers.AddRange(value.Split([';', '；', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Where(v => LineShapes.IsOrganisation(v, lexicon) && !issuers.Contains(v)));
                    break;
                case "title" when title is null && value.Length > 0:
                    title = value;
                    break;
            }
        }

        return new HeaderFields(lines.ToImmutable(), number, issued, [.. issuers], title);
    }

    /// <summary>The field a line fills and its value, or null when the line is not a field.</summary>
    private static (string Field, string Value)? Field(string line, DocumentLexicon lexicon)
    {
        var s = line.AsSpan().TrimStart("-*•·> \t");
        var bracketed = s.Length > 0 && s[0] is '[' or '【';
        if (bracketed)
        {
            s = s[1..];
        }

        foreach (var (key, field) in lexicon.HeaderFields)
        {
            if (!s.StartsWith(key, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = s[key.Length..].TrimStart(' ');
            var closed = rest.Length > 0 && rest[0] is ']' or '】';
            if (closed)
            {
                rest = rest[1..].TrimStart(' ');
            }

            var colon = rest.Length > 0 && rest[0] is ':' or '：';
            if (colon)
            {
                rest = rest[1..];
            }

            // A key in brackets, or followed by a colon: 发文字号 at the start of a sentence is not a field.
            if (bracketed ? closed : colon)
            {
                return (field, rest.Trim().ToString());
            }
        }

        return null;
    }

    private static string Compact(string value) => value.Replace(" ", "", StringComparison.Ordinal);

    private static DateOnly? IsoDate(string value) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
