using System.Globalization;
using PolicyExtract.Metadata;
using PolicyExtract.Pipeline;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Metadata;

/// <summary>
/// Every seed's metadata against Specs/Seeds/NNN.document.txt, written by reading the documents. All five seeds run as one
/// batch, as the README's command runs them, so that the drafting notes can be linked to the policy they explain.
/// </summary>
public sealed class SeedMetadataTests
{
    private static readonly Lazy<BatchResult> Batch = new(() =>
    {
        var output = Directory.CreateTempSubdirectory("policyextract-meta-");
        try
        {
            return new BatchExtractor(Repo.Pipeline).Run([Repo.Seeds], output.FullName);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    });

    public static TheoryData<string> Seeds => new(Repo.SeedNumbers);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Metadata_matches_the_document(string seed)
    {
        var result = Batch.Value.Results.Single(r => Path.GetFileName(r.File).StartsWith(seed + "_", StringComparison.Ordinal));
        Assert.NotNull(result.Document);
        var expected = SpecFile.Lines(Path.Combine(Repo.Specs, "Seeds", seed + ".document.txt"))
            .Select(l => Normalize(l.Text))
            .ToList();
        var actual = Describe(result.Document!.Document).ToList();
        actual.AddRange(result.Diagnostics.Select(d => $"diagnostic: {d.Code} {d.Span?.Line}"));
        Assert.Equal(expected, actual);
    }

    private static string Normalize(string line)
    {
        var colon = line.IndexOf(':');
        return $"{line[..colon]}: {line[(colon + 1)..].Trim()}";
    }

    private static IEnumerable<string> Describe(DocumentMetadata m)
    {
        static string V(object? value) => value switch
        {
            null => "-",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DocumentStatus s => s.ToString().ToLowerInvariant(),
            EffectiveBasis b => b.ToString().ToLowerInvariant(),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        };

        yield return $"title: {V(m.Title)}";
        yield return $"issuer: {V(m.Issuer)}";
        yield return $"documentNumber: {V(m.DocumentNumber)}";
        yield return $"issuedOn: {V(m.IssuedOn)}";
        yield return $"status: {V(m.Status)}";
        yield return $"kind: {V(m.Kind)}";
        yield return $"effective.from: {V(m.Effective.From)}";
        yield return $"effective.until: {V(m.Effective.Until)}";
        yield return $"effective.validYears: {V(m.Effective.ValidYears)}";
        yield return $"effective.retroactiveFrom: {V(m.Effective.RetroactiveFrom)}";
        yield return $"effective.basis: {V(m.Effective.Basis)}";
        yield return $"effective.clause: {V(m.Effective.Clause)}";
        yield return $"interpretedBy: {V(m.InterpretedBy)}";
        foreach (var cite in m.Cites)
        {
            yield return $"cite: {cite.Title}{(cite.DocumentNumber is { } n ? " | " + n : "")}";
        }

        yield return $"explains: {(m.Explains is { } e ? e.Title + (e.DocumentId is { } id ? " | " + id : "") : "-")}";
    }
}
