using System.Text;
using PolicyExtract.Output;
using PolicyExtract.Tests.TestSupport;
using PolicyExtract.Validation;

namespace PolicyExtract.Tests.Validation;

/// <summary>
/// The corpus of real policies (Specs/Corpus): documents as published, each with expectations written by reading it
/// (README.md there says how they were collected and read). The development split (Dev) runs through a gaps ratchet
/// over rules, clauses and metadata, as the seeds' rules do: STEM.gaps.txt lists every difference that is still open,
/// a new one fails (a regression), and so does a listed one that is gone. The held-out split (HeldOut) is scored only
/// at the end of a change to the rule model (SCORES.md), so here it must only extract cleanly and its expectations be
/// well formed: a ratchet over it would make every change to the rules look at it.
/// </summary>
public sealed class CorpusTests
{
    private static string Corpus => Path.Combine(Repo.Specs, "Corpus");

    private static string Dev => Path.Combine(Corpus, "Dev");

    private static string HeldOut => Path.Combine(Corpus, "HeldOut");

    private static readonly Lazy<CorpusScore> DevScore = new(() => CorpusScorer.Score(Repo.Pipeline, [Dev], []));

    private static IEnumerable<string> Stems(string folder) => ExpectationFiles.AllStems(folder);

    public static TheoryData<string> DevStems => new(Stems(Dev));

    public static TheoryData<string> HeldOutStems => new(Stems(HeldOut));

    public static TheoryData<string> AllDocuments => new([.. Stems(Dev).Select(s => "Dev/" + s), .. Stems(HeldOut).Select(s => "HeldOut/" + s)]);

    /// <summary>The document filed under a stem: STEM_name.ext beside its expectations.</summary>
    private static string Document(string folder, string stem) =>
        Directory.GetFiles(folder, stem + "_*").Single(f => !f.EndsWith(".md", StringComparison.Ordinal));

    [Fact]
    public void The_corpus_is_whole_and_its_splits_are_disjoint()
    {
        var dev = Stems(Dev).ToList();
        var heldOut = Stems(HeldOut).ToList();
        Assert.True(dev.Count + heldOut.Count >= 25, $"{dev.Count + heldOut.Count} documents");
        Assert.Empty(dev.Intersect(heldOut));
        foreach (var (folder, stem) in dev.Select(s => (Dev, s)).Concat(heldOut.Select(s => (HeldOut, s))))
        {
            foreach (var suffix in new[] { ".rules.txt", ".clauses.txt", ".document.txt", ".sources.md" })
            {
                Assert.True(File.Exists(Path.Combine(folder, stem + suffix)), $"{stem}{suffix} missing in {Path.GetFileName(folder)}");
            }

            var rules = RuleExpectations.Parse(File.ReadAllText(Path.Combine(folder, stem + ".rules.txt")), stem + ".rules.txt");
            Assert.True(rules.Complete, $"{stem}.rules.txt is not marked complete");
            _ = Document(folder, stem);
        }

        Assert.Empty(DevScore.Value.Problems);
    }

    /// <summary>
    /// Every difference between what the development documents give and their expectations is listed in STEM.gaps.txt,
    /// and nothing else. Set POLICYEXTRACT_WRITE_GAPS=1 to rewrite the lists after fixing gaps, and check in review that
    /// lines only disappear.
    /// </summary>
    [Theory]
    [MemberData(nameof(DevStems))]
    public void Dev_document_matches_its_expectations_but_for_the_listed_gaps(string stem)
    {
        var scored = DevScore.Value.Documents.Single(d => d.Name == "Dev/" + stem);
        Assert.False(scored.Failed, string.Join('\n', scored.Errors));
        var actual = scored.Report.Findings.Select(Gap).Order(StringComparer.Ordinal).ToList();
        var gapsPath = Path.Combine(Dev, stem + ".gaps.txt");
        if (Environment.GetEnvironmentVariable("POLICYEXTRACT_WRITE_GAPS") == "1")
        {
            File.WriteAllText(gapsPath, GapsHeader + string.Concat(actual.Select(a => a + "\n")));
        }

        var listed = File.Exists(gapsPath) ? SpecFile.Lines(gapsPath).Select(l => l.Text).Order(StringComparer.Ordinal).ToList() : [];
        var regressions = Minus(actual, listed);
        var fixedGaps = Minus(listed, actual);
        Assert.True(
            regressions.Count == 0 && fixedGaps.Count == 0,
            $"New differences (regressions):\n{string.Join('\n', regressions)}\nGaps now fixed (delete from {stem}.gaps.txt):\n{string.Join('\n', fixedGaps)}");
    }

    /// <summary>The documents must extract without error and give schema-valid output; their scores wait for the end of a change.</summary>
    [Theory]
    [MemberData(nameof(HeldOutStems))]
    public void Held_out_document_extracts_cleanly(string stem)
    {
        var path = Document(HeldOut, stem);
        var result = Repo.Pipeline.ProcessFile(path, Path.GetFileName(path));
        Assert.True(result.Document is not null, string.Join('\n', result.Diagnostics));
        var json = Encoding.UTF8.GetString(PolicyJson.Serialize(result.Document!));
        Assert.Empty(OutputSchema.Published.Validate(json, stem));
    }

    /// <summary>
    /// The pages and exports as published, chrome and all: every document of both splits reads its title, issuers,
    /// 文号, status, kind and dates as its expectations say (the pages issue's measure; metadata is not what the
    /// held-out split is kept for). The clause that states a date is left to the ratchet, which the clause tree decides.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllDocuments))]
    public void Title_issuers_number_dates_and_kind_are_read_as_published(string document)
    {
        var folder = Path.Combine(Corpus, document[..document.IndexOf('/')]);
        var stem = document[(document.IndexOf('/') + 1)..];
        var path = Document(folder, stem);
        var metadata = Repo.Pipeline.ProcessFile(path, Path.GetFileName(path)).Document!.Document;
        var expected = MetadataExpectations.Parse(File.ReadAllText(Path.Combine(folder, stem + ".document.txt")), stem + ".document.txt");
        var actual = MetadataExpectations.Describe(metadata, []).Where(e => !MetadataExpectations.ListKeys.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        string[] keys = ["title", "issuer", "documentNumber", "issuedOn", "status", "kind", "effective.from", "effective.until", "effective.validYears", "effective.retroactiveFrom", "effective.basis", "interpretedBy"];
        Assert.All(expected.Entries.Where(e => keys.Contains(e.Key)), e => Assert.True(
            actual[e.Key] == e.Value, $"{stem}.document.txt:{e.Line} {e.Key}: expected '{e.Value}', read '{actual[e.Key]}'"));
    }

    /// <summary>
    /// Every rule's quote is in the document as it displays (for a page, its text; whitespace aside, since a page's
    /// markup breaks lines where its text does not), and every rule's clause is in the expected clause tree.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllDocuments))]
    public void Every_expectation_quotes_its_document(string document)
    {
        var folder = Path.Combine(Corpus, document[..document.IndexOf('/')]);
        var stem = document[(document.IndexOf('/') + 1)..];
        var path = Document(folder, stem);
        var text = Repo.Pipeline.ProcessFile(path, Path.GetFileName(path)).Text;
        Assert.NotNull(text);
        var shown = new[] { text!.Written, text.Text, text.Source }.Select(Squeeze).ToList();
        var clauses = ClauseExpectations.Parse(File.ReadAllText(Path.Combine(folder, stem + ".clauses.txt")), stem + ".clauses.txt")
            .Clauses.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var rules = RuleExpectations.Parse(File.ReadAllText(Path.Combine(folder, stem + ".rules.txt")), stem + ".rules.txt");
        Assert.All(rules.Rules, rule =>
        {
            Assert.True(clauses.Contains(rule.Clause), $"{stem}.rules.txt:{rule.Line}: no clause {rule.Clause} in {stem}.clauses.txt");
            Assert.True(shown.Any(s => s.Contains(Squeeze(rule.Source), StringComparison.Ordinal)), $"{stem}.rules.txt:{rule.Line}: not in the document: {rule.Source}");
        });
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private const string GapsHeader =
        "# Open gaps: where the extraction still differs from this document's expectations (rules, clauses, metadata).\n" +
        "# Not expectations: a known-failures list that may only shrink (see CorpusTests). One difference per line.\n";

    /// <summary>A finding as a line of STEM.gaps.txt: rules as the seeds' gaps write them, then clauses and metadata.</summary>
    internal static string Gap(Finding f)
    {
        var line = f.Section switch
        {
            ExpectationSection.Rules => SeedRulesTests.Gap(f.Kind, f.Clause, f.Field, f.Expected, f.Actual),
            ExpectationSection.Clauses => f.Kind switch
            {
                DifferenceKind.Missing => $"clauses {f.Clause} missing: {f.Expected}",
                DifferenceKind.Unexpected => $"clauses {f.Clause} unexpected: {f.Actual}",
                _ => $"clauses {f.Clause} {f.Field}: expected '{f.Expected}', found '{f.Actual}'",
            },
            _ => f.Kind switch
            {
                DifferenceKind.Missing => $"document {f.Field} missing: {f.Expected}",
                DifferenceKind.Unexpected => $"document {f.Field} unexpected: {f.Actual}",
                _ => $"document {f.Field}: expected '{f.Expected}', found '{f.Actual}'",
            },
        };

        // One difference a line, whatever the values hold.
        return line.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Trim();
    }

    /// <summary>The lines of <paramref name="a"/> not in <paramref name="b"/>, counted (two equal gaps are two lines).</summary>
    private static List<string> Minus(List<string> a, List<string> b)
    {
        var rest = b.ToList();
        return [.. a.Where(x => !rest.Remove(x))];
    }
}
