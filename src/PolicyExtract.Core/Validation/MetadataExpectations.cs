using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Metadata;

namespace PolicyExtract.Validation;

/// <summary>One <c>key: value</c> line of metadata; <see cref="Line"/> is its line in the expectations file (0 for extracted ones).</summary>
public sealed record MetadataEntry(string Key, string Value, int Line);

/// <summary>
/// A document's metadata, read by hand (<c>NNN.document.txt</c>): <c>key: value</c> lines, <c>-</c> for none. The keys
/// are <see cref="SingleKeys"/>, each at most once (one not named is not checked), and the lists <c>cite</c>
/// (<c>title | 文号</c>) and <c>diagnostic</c> (<c>CODE line</c>), one line per item in document order; a list key not
/// named at all means the list is empty, and <c>*</c> as its only line that it is not checked.
/// </summary>
public sealed record MetadataExpectations(string Path, ImmutableArray<MetadataEntry> Entries)
{
    public static readonly ImmutableArray<string> SingleKeys =
    [
        "title", "issuer", "documentNumber", "issuedOn", "status", "kind", "effective.from", "effective.until",
        "effective.validYears", "effective.retroactiveFrom", "effective.basis", "effective.clause", "interpretedBy", "explains",
    ];

    public static readonly ImmutableArray<string> ListKeys = ["cite", "diagnostic"];

    /// <summary>
    /// A list key's value that says the list is not checked (<c>diagnostic: *</c>): the corpus of real policies is read
    /// for its metadata and rules, and which warnings the tool gives about a document's numbering is not what a
    /// reader of it decides.
    /// </summary>
    public const string Unchecked = "*";

    /// <summary>Reads an expectations file; every mistake in it is an <see cref="ExpectationsFormatException"/> naming file and line.</summary>
    public static MetadataExpectations Parse(string text, string path)
    {
        var entries = ImmutableArray.CreateBuilder<MetadataEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, content) in SpecLines.Of(text))
        {
            var colon = content.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? content[..colon].Trim() : "";
            if (!SingleKeys.Contains(key) && !ListKeys.Contains(key))
            {
                throw SpecLines.Error(path, line, $"expected 'key: value' with a key of {string.Join(", ", SingleKeys.Concat(ListKeys))}");
            }

            if (SingleKeys.Contains(key) && !seen.TryAdd(key, line))
            {
                throw SpecLines.Error(path, line, $"'{key}' is given twice (first at line {seen[key]})");
            }

            var value = content[(colon + 1)..].Trim();
            entries.Add(new MetadataEntry(key, value, line));
        }

        foreach (var star in entries.Where(e => ListKeys.Contains(e.Key) && e.Value == Unchecked))
        {
            if (entries.Count(e => e.Key == star.Key) > 1)
            {
                throw SpecLines.Error(path, star.Line, $"'{star.Key}: {Unchecked}' (not checked) stands alone: no other '{star.Key}' line");
            }
        }

        return new MetadataExpectations(path, entries.ToImmutable());
    }

    /// <summary>
    /// Extracted metadata as entries in the order the expectation files list them. <paramref name="diagnostics"/> are the
    /// document's findings as code and source line.
    /// </summary>
    public static ImmutableArray<MetadataEntry> Describe(DocumentMetadata m, IEnumerable<(string Code, int? Line)> diagnostics)
    {
        var entries = ImmutableArray.CreateBuilder<MetadataEntry>();
        void Add(string key, object? value) => entries.Add(new MetadataEntry(key, Value(value), 0));

        Add("title", m.Title);
        // Several signing bodies are written "A ; B", in the order the document signs them.
        Add("issuer", m.Issuers.IsEmpty ? null : string.Join(" ; ", m.Issuers));
        Add("documentNumber", m.DocumentNumber);
        Add("issuedOn", m.IssuedOn);
        Add("status", m.Status);
        Add("kind", m.Kind);
        Add("effective.from", m.Effective.From);
        Add("effective.until", m.Effective.Until);
        Add("effective.validYears", m.Effective.ValidYears);
        Add("effective.retroactiveFrom", m.Effective.RetroactiveFrom);
        Add("effective.basis", m.Effective.Basis);
        Add("effective.clause", m.Effective.Clause);
        Add("interpretedBy", m.InterpretedBy);
        foreach (var cite in m.Cites)
        {
            Add("cite", cite.Title + (cite.DocumentNumber is { } n ? " | " + n : ""));
        }

        Add("explains", m.Explains is { } e ? e.Title + (e.DocumentId is { } id ? " | " + id : "") : null);
        foreach (var (code, line) in diagnostics)
        {
            Add("diagnostic", line is { } l ? $"{code} {Value(l)}" : code);
        }

        return entries.ToImmutable();
    }

    private static string Value(object? value) => value switch
    {
        null => "-",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString().ToLowerInvariant(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
