using System.Collections.Immutable;

namespace PolicyExtract.Validation;

/// <summary>
/// Where a document's curated expectations are: <c>STEM.rules.txt</c>, <c>STEM.clauses.txt</c> and
/// <c>STEM.document.txt</c> in one folder (any of them may be absent). The stem is the document id itself, or, for ids
/// that carry a content hash after a number (<c>000_971b0a2b12078196</c>, as the seeds are named), the part before the
/// first '_' (<c>000</c>), so that expectations outlive a change to the file's bytes. The tests and the validate
/// command both find expectations through here.
/// </summary>
public sealed record ExpectationFiles(string Stem, string? Rules, string? Clauses, string? Document)
{
    public const string RulesSuffix = ".rules.txt";
    public const string ClausesSuffix = ".clauses.txt";
    public const string DocumentSuffix = ".document.txt";

    private static readonly string[] Suffixes = [RulesSuffix, ClausesSuffix, DocumentSuffix];

    /// <summary>The expectations of <paramref name="documentId"/> in <paramref name="directory"/>, or null when there are none.</summary>
    public static ExpectationFiles? Find(string directory, string documentId)
    {
        foreach (var stem in Stems(documentId))
        {
            var paths = Suffixes.Select(s => Path.Combine(directory, stem + s)).Select(p => File.Exists(p) ? p : null).ToArray();
            if (paths.Any(p => p is not null))
            {
                return new ExpectationFiles(stem, paths[0], paths[1], paths[2]);
            }
        }

        return null;
    }

    /// <summary>The stems a document id may be filed under, most specific first.</summary>
    public static ImmutableArray<string> Stems(string documentId)
    {
        var underscore = documentId.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 ? [documentId, documentId[..underscore]] : [documentId];
    }

    /// <summary>Every stem that has an expectations file in <paramref name="directory"/>, in ordinal order.</summary>
    public static ImmutableArray<string> AllStems(string directory) =>
        [.. Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .SelectMany(name => Suffixes.Where(s => name!.EndsWith(s, StringComparison.Ordinal)).Select(s => name![..^s.Length]))
            .Where(stem => stem.Length > 0 && !stem.StartsWith('.'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    public IEnumerable<string> Paths => new[] { Rules, Clauses, Document }.OfType<string>();
}
