using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Structure;

namespace PolicyExtract.Validation;

/// <summary>Compares a document's clause tree and metadata with their expectations; rules go through <see cref="RuleComparer"/>.</summary>
public static class ExpectationComparer
{
    /// <summary>
    /// Clauses are matched by path. The expectations list the whole tree, so a clause they do not list is unexpected;
    /// for a matched clause every field of <see cref="ClauseExpectations.Fields"/> that differs is a finding.
    /// </summary>
    public static ImmutableArray<Finding> Clauses(ClauseExpectations expected, IEnumerable<Clause> topLevel)
    {
        var actual = topLevel.SelectMany(c => c.DescendantsAndSelf()).ToList();
        var byPath = actual.GroupBy(c => c.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        foreach (var wanted in expected.Clauses)
        {
            var at = At(expected.Path, wanted.Line);
            if (!byPath.TryGetValue(wanted.Path, out var found))
            {
                findings.Add(new Finding(ExpectationSection.Clauses, DifferenceKind.Missing, wanted.Path, null, wanted.Describe(), null, at, wanted.SourceLine, wanted.Title, null));
                continue;
            }

            var e = ClauseExpectations.Values(wanted);
            var a = ClauseExpectations.Values(found);
            for (var i = 0; i < e.Length; i++)
            {
                if (e[i] != a[i])
                {
                    findings.Add(new Finding(ExpectationSection.Clauses, DifferenceKind.Field, wanted.Path, ClauseExpectations.Fields[i], e[i], a[i], at, found.Span.Line, FirstLine(found), null));
                }
            }
        }

        var listed = expected.Clauses.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in actual.Where(c => !listed.Contains(c.Path)))
        {
            findings.Add(new Finding(ExpectationSection.Clauses, DifferenceKind.Unexpected, extra.Path, null, null, ClauseExpectations.Describe(extra), expected.Path, extra.Span.Line, FirstLine(extra), null));
        }

        return findings.ToImmutable();
    }

    /// <summary>
    /// Single keys are compared when the expectations name them. A list key (cite, diagnostic) is always compared, unless
    /// its one line is <c>*</c> (not checked), as a sequence: an item on one side only is missing or unexpected, and the same items in another order are one finding.
    /// </summary>
    public static ImmutableArray<Finding> Metadata(MetadataExpectations expected, ImmutableArray<MetadataEntry> actual)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        foreach (var wanted in expected.Entries.Where(e => MetadataExpectations.SingleKeys.Contains(e.Key)))
        {
            var found = actual.FirstOrDefault(a => a.Key == wanted.Key)?.Value ?? "-";
            if (found != wanted.Value)
            {
                findings.Add(new Finding(ExpectationSection.Metadata, DifferenceKind.Field, null, wanted.Key, wanted.Value, found, At(expected.Path, wanted.Line), 0, null, null));
            }
        }

        foreach (var key in MetadataExpectations.ListKeys)
        {
            var wanted = expected.Entries.Where(e => e.Key == key).ToList();
            if (wanted is [{ Value: MetadataExpectations.Unchecked }])
            {
                continue;
            }

            var found = actual.Where(a => a.Key == key).Select(a => a.Value).ToList();
            if (wanted.Select(w => w.Value).SequenceEqual(found))
            {
                continue;
            }

            var remaining = found.ToList();
            var missing = wanted.Where(w => !remaining.Remove(w.Value)).ToList();
            foreach (var w in missing)
            {
                findings.Add(new Finding(ExpectationSection.Metadata, DifferenceKind.Missing, null, key, w.Value, null, At(expected.Path, w.Line), SourceLineOf(key, w.Value), null, null));
            }

            foreach (var extra in remaining)
            {
                findings.Add(new Finding(ExpectationSection.Metadata, DifferenceKind.Unexpected, null, key, null, extra, expected.Path, SourceLineOf(key, extra), null, null));
            }

            if (missing.Count == 0 && remaining.Count == 0)
            {
                var first = wanted.Count > 0 ? wanted[0].Line : 0;
                findings.Add(new Finding(ExpectationSection.Metadata, DifferenceKind.Field, null, key + " order", string.Join(" ; ", wanted.Select(w => w.Value)), string.Join(" ; ", found), At(expected.Path, first), 0, null, null));
            }
        }

        return findings.ToImmutable();
    }

    internal static string At(string path, int line) => line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{path}:{line}") : path;

    /// <summary>A diagnostic entry names its own source line (<c>MD002 55</c>).</summary>
    private static int SourceLineOf(string key, string value) =>
        key == "diagnostic" && value.Split(' ') is [_, var line] && int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string FirstLine(Clause c) => c.Title ?? c.Text.Split('\n')[0];
}
