using PolicyExtract.Pipeline;
using PolicyExtract.Tests.TestSupport;
using PolicyExtract.Validation;

namespace PolicyExtract.Tests.Metadata;

/// <summary>
/// Every seed's metadata against Specs/Seeds/NNN.document.txt, written by reading the documents. All five seeds run as one
/// batch, as the README's command runs them, so that the drafting notes can be linked to the policy they explain.
/// </summary>
public sealed class SeedMetadataTests
{
    private static readonly Lazy<System.Collections.Immutable.ImmutableArray<ExtractionResult>> Batch =
        new(() => new BatchExtractor(Repo.Pipeline).ExtractAll([Repo.Seeds]));

    public static TheoryData<string> Seeds => new(Repo.SeedNumbers);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Metadata_matches_the_document(string seed)
    {
        var result = Batch.Value.Single(r => Path.GetFileName(r.File).StartsWith(seed + "_", StringComparison.Ordinal));
        Assert.NotNull(result.Document);
        var path = Path.Combine(Repo.Specs, "Seeds", seed + ExpectationFiles.DocumentSuffix);
        var expected = MetadataExpectations.Parse(File.ReadAllText(path), path).Entries.Select(e => $"{e.Key}: {e.Value}").ToList();
        var actual = MetadataExpectations.Describe(result.Document!.Document, result.Diagnostics.Select(d => (d.Code, d.Span?.Line)))
            .Select(e => $"{e.Key}: {e.Value}")
            .ToList();
        Assert.Equal(expected, actual);
    }
}
