using PolicyExtract.Tests.TestSupport;
using PolicyExtract.Validation;

namespace PolicyExtract.Tests.Structure;

/// <summary>The clause tree of every seed against Specs/Seeds/NNN.clauses.txt, which was written by reading the documents.</summary>
public sealed class SeedClauseTreeTests
{
    public static TheoryData<string> Seeds => new(Repo.SeedNumbers);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Clause_tree_matches_the_document(string seed)
    {
        var result = Repo.ExtractSeed(seed);
        Assert.NotNull(result.Document);
        var actual = result.Document!.Clauses.SelectMany(c => c.DescendantsAndSelf()).Select(ClauseExpectations.Describe).ToList();
        var path = Path.Combine(Repo.Specs, "Seeds", seed + ExpectationFiles.ClausesSuffix);
        var expected = ClauseExpectations.Parse(File.ReadAllText(path), path).Clauses.Select(c => c.Describe()).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Clause_spans_cover_their_label_and_text(string seed)
    {
        var result = Repo.ExtractSeed(seed);
        var source = File.ReadAllText(Repo.Seed(seed));
        foreach (var clause in result.Document!.Clauses.SelectMany(c => c.DescendantsAndSelf()))
        {
            var covered = source[clause.Span.Start..clause.Span.End];
            Assert.StartsWith(clause.Label, covered, StringComparison.Ordinal);
            // The source keeps the stray spaces that normalization drops (不超过 5 万元).
            Assert.EndsWith(clause.Text.Split('\n')[^1].Replace(" ", ""), covered.Replace(" ", ""), StringComparison.Ordinal);
            Assert.Equal(clause.Span.Line, source[..clause.Span.Start].Count(c => c == '\n') + 1);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seeds_raise_no_numbering_warnings(string seed)
    {
        var result = Repo.ExtractSeed(seed);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("ST", StringComparison.Ordinal));
    }
}
