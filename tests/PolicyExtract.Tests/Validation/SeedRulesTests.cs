using System.Text;
using PolicyExtract.Tests.TestSupport;
using PolicyExtract.Validation;

namespace PolicyExtract.Tests.Validation;

/// <summary>
/// Every seed's rules against Specs/Seeds/NNN.rules.txt, written by reading the documents (the format is in
/// RULES-FORMAT.md beside them). A failure lists every difference with the expectation's line and the policy's line.
/// </summary>
public sealed class SeedRulesTests
{
    public static TheoryData<string> Seeds => new(Repo.SeedNumbers);

    private static RuleExpectations Expectations(string seed)
    {
        var path = Path.Combine(Repo.Specs, "Seeds", seed + ".rules.txt");
        return RuleExpectations.Parse(File.ReadAllText(path), Path.GetRelativePath(Repo.Root, path));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rules_match_the_document(string seed)
    {
        var expectations = Expectations(seed);
        var document = Repo.ExtractSeed(seed).Document;
        Assert.NotNull(document);
        var differences = RuleComparer.Compare(expectations, document!.Rules);
        Assert.True(differences.IsEmpty, Report(expectations, differences));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_expectation_quotes_its_document(string seed)
    {
        // The '>' line is copied from the document, so a typo in it (or in the clause path) is caught here.
        var source = File.ReadAllText(Repo.Seed(seed)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = Repo.ExtractSeed(seed).Document!;
        var clauses = document.Clauses.SelectMany(c => c.DescendantsAndSelf()).ToDictionary(c => c.Path);
        Assert.All(Expectations(seed).Rules, rule =>
        {
            Assert.True(clauses.ContainsKey(rule.Clause), $"line {rule.Line}: no clause {rule.Clause}");
            Assert.True(source.Contains(rule.Source, StringComparison.Ordinal), $"line {rule.Line}: not in the document: {rule.Source}");
        });
    }

    private static string Report(RuleExpectations expectations, IEnumerable<RuleDifference> differences)
    {
        var text = new StringBuilder();
        foreach (var d in differences)
        {
            text.Append(expectations.Path).Append(':').Append(d.ExpectedLine).Append(" clause ").Append(d.Clause).Append(' ');
            text.Append(d.Kind switch
            {
                DifferenceKind.Missing => $"missing: {d.Expected}",
                DifferenceKind.Unexpected => $"unexpected (source line {d.SourceLine}): {d.Actual}",
                _ => $"{d.Field}: expected '{d.Expected}', found '{d.Actual}' (source line {d.SourceLine})",
            });
            text.Append('\n');
        }

        return text.ToString();
    }
}
