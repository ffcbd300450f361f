using System.Text;
using PolicyExtract.Pipeline;
using PolicyExtract.Tests.TestSupport;
using PolicyExtract.Validation;

namespace PolicyExtract.Tests.Validation;

/// <summary>
/// Every seed's rules against Specs/Seeds/NNN.rules.txt, every genre document's (Specs/Genre: policies from other
/// districts, first used as a held-out check) and every pattern spec's (Specs/Patterns: one family of wordings each,
/// written for the spec) against its STEM.rules.txt, all written by reading the documents (the format is in
/// Seeds/RULES-FORMAT.md). A failure lists every difference with the expectation's line and the policy's line. A
/// document is named "Seeds/000", "Genre/hA1" or "Patterns/p01".
/// </summary>
public sealed class SeedRulesTests
{
    public static TheoryData<string> Seeds => new([
        .. Repo.SeedNumbers.Select(n => "Seeds/" + n),
        .. Directory.GetFiles(Path.Combine(Repo.Specs, "Genre"), "*.rules.txt").Select(f => "Genre/" + Path.GetFileName(f)[..^".rules.txt".Length]).Order(StringComparer.Ordinal),
        .. Directory.GetFiles(Path.Combine(Repo.Specs, "Patterns"), "*.rules.txt").Select(f => "Patterns/" + Path.GetFileName(f)[..^".rules.txt".Length]).Order(StringComparer.Ordinal),
    ]);

    private static string Folder(string document) => Path.Combine(Repo.Specs, document[..document.IndexOf('/')]);

    private static string Stem(string document) => document[(document.IndexOf('/') + 1)..];

    /// <summary>The policy file: the seed, or the genre or pattern document filed as STEM_name.txt beside its expectations.</summary>
    private static string Source(string document) => document.StartsWith("Seeds/", StringComparison.Ordinal)
        ? Repo.Seed(Stem(document))
        : Directory.GetFiles(Folder(document), Stem(document) + "_*.txt").Single();

    private static ExtractionResult Extract(string document) =>
        document.StartsWith("Seeds/", StringComparison.Ordinal)
            ? Repo.ExtractSeed(Stem(document))
            : Repo.Pipeline.ProcessFile(Source(document), Path.GetRelativePath(Repo.Root, Source(document)).Replace('\\', '/'));

    /// <summary>The document's expectations, found by its document id as the validate command finds them.</summary>
    private static RuleExpectations Expectations(string document)
    {
        var files = ExpectationFiles.Find(Folder(document), PolicyPipeline.DocumentId(Source(document)));
        Assert.True(files?.Rules is not null, $"no rules expectations for {document}");
        return RuleExpectations.Parse(File.ReadAllText(files!.Rules!), Path.GetRelativePath(Repo.Root, files.Rules!));
    }

    /// <summary>
    /// The extracted rules differ from the expectations only by the open gaps listed in NNN.rules.gaps.txt, a ratchet:
    /// a new difference fails (a regression), and so does a listed gap that is gone (delete its line). The list only
    /// shrinks; when it is empty the seed's rules are all right. Set POLICYEXTRACT_WRITE_GAPS=1 to rewrite the lists
    /// after fixing gaps, and review the diff: a line may only disappear.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rules_match_the_document_but_for_the_listed_gaps(string seed)
    {
        var expectations = Expectations(seed);
        var document = Extract(seed).Document;
        Assert.NotNull(document);
        var differences = RuleComparer.Compare(expectations, document!.Rules);
        var actual = differences.Select(Gap).ToList();
        var gapsPath = Path.Combine(Folder(seed), Stem(seed) + ".rules.gaps.txt");
        if (Environment.GetEnvironmentVariable("POLICYEXTRACT_WRITE_GAPS") == "1")
        {
            File.WriteAllText(gapsPath, GapsHeader + string.Concat(actual.Select(a => a + "\n")));
        }

        var listed = File.Exists(gapsPath) ? SpecFile.Lines(gapsPath).Select(l => l.Text).ToList() : [];
        var regressions = actual.Except(listed).ToList();
        var fixedGaps = listed.Except(actual).ToList();
        Assert.True(
            regressions.Count == 0 && fixedGaps.Count == 0,
            $"New differences (regressions):\n{Report(expectations, differences.Where(d => regressions.Contains(Gap(d))))}\nGaps now fixed (delete from {seed}.rules.gaps.txt):\n{string.Join('\n', fixedGaps)}");
    }

    private const string GapsHeader =
        "# Open gaps: where the extracted rules still differ from the curated expectations (NNN.rules.txt). Not expectations:\n" +
        "# a known-failures list that may only shrink (see SeedRulesTests). One difference per line.\n";

    private static string Gap(RuleDifference d) => Gap(d.Kind, d.Clause, d.Field, d.Expected, d.Actual);

    /// <summary>A difference as a line of NNN.rules.gaps.txt.</summary>
    internal static string Gap(DifferenceKind kind, string? clause, string? field, string? expected, string? actual) => kind switch
    {
        DifferenceKind.Missing => $"clause {clause} missing: {expected}",
        DifferenceKind.Unexpected => $"clause {clause} unexpected: {actual}",
        _ => $"clause {clause} {field}: expected '{expected}', found '{actual}'",
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_expectation_quotes_its_document(string seed)
    {
        // The '>' line is copied from the document, so a typo in it (or in the clause path) is caught here.
        var source = File.ReadAllText(Source(seed)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = Extract(seed).Document!;
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
