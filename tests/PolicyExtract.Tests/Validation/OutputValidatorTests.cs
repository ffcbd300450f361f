using System.Collections.Immutable;
using PolicyExtract.Output;
using PolicyExtract.Rules;
using PolicyExtract.Tests.TestSupport;
using PolicyExtract.Validation;

namespace PolicyExtract.Tests.Validation;

/// <summary>The validate command's library side: reading outputs back, finding expectations, partial expectations, the scores.</summary>
public sealed class OutputValidatorTests
{
    private static string SeedSpecs => Path.Combine(Repo.Specs, "Seeds");

    private static IEnumerable<(string Path, string Display)> CommittedOutputs =>
        Directory.GetFiles(Path.Combine(Repo.Root, "output"), "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal) && Path.GetFileName(f) != PolicyExtract.Pipeline.BatchExtractor.ErrorsFileName)
            .Order(StringComparer.Ordinal)
            .Select(f => (f, "output/" + Path.GetFileName(f)));

    [Fact]
    public void Every_committed_output_reads_back_to_the_same_bytes()
    {
        foreach (var (path, display) in CommittedOutputs)
        {
            var read = OutputReader.Read(path, display);
            Assert.True(read.Document is not null, read.Error?.ToString());
            Assert.Equal(File.ReadAllBytes(path), PolicyJson.Serialize(read.Document!));
        }
    }

    /// <summary>
    /// validate and the test suite judge the seeds alike: on the committed output, validate reports exactly the open
    /// gaps of NNN.rules.gaps.txt, and nothing about clauses, metadata or the schema.
    /// </summary>
    [Fact]
    public void Validate_on_the_seeds_reports_exactly_the_listed_gaps()
    {
        var report = new OutputValidator(OutputSchema.Published).Validate(CommittedOutputs, SeedSpecs, "Specs/Seeds", requireAll: true);

        Assert.Empty(report.InputErrors);
        Assert.Empty(report.Problems);
        Assert.Equal(Repo.SeedNumbers.Count(), report.Documents.Length);
        foreach (var document in report.Documents)
        {
            Assert.Empty(document.Problems);
            Assert.DoesNotContain(document.Findings, f => f.Section != ExpectationSection.Rules);
            var gapsPath = Path.Combine(SeedSpecs, document.DocumentId![..3] + ".rules.gaps.txt");
            var listed = File.Exists(gapsPath) ? SpecFile.Lines(gapsPath).Select(l => l.Text).ToList() : [];
            Assert.Equal(listed.Order(StringComparer.Ordinal), document.Findings.Select(f => SeedRulesTests.Gap(f.Kind, f.Clause, f.Field, f.Expected, f.Actual)).Order(StringComparer.Ordinal));
            Assert.All(document.Findings, f => Assert.True(f.SourceLine > 0 && f.SourceText is { Length: > 0 }, $"{f} has no source line"));
        }

        Assert.Equal(report.Documents.All(d => d.Passed), report.Passed);
    }

    [Theory]
    [InlineData("000_971b0a2b12078196", "000")]
    [InlineData("000", "000")]
    [InlineData("fixture", "fixture")]
    public void Expectations_are_found_by_document_id_or_its_number(string id, string stem)
    {
        var directory = id == "fixture" ? Path.Combine(Repo.Specs, "Validate") : SeedSpecs;
        var files = ExpectationFiles.Find(directory, id);
        Assert.NotNull(files);
        Assert.Equal(stem, files!.Stem);
        Assert.Equal(Path.Combine(directory, stem + ".rules.txt"), files.Rules);
    }

    [Fact]
    public void An_exact_id_wins_over_its_number_and_no_file_is_no_expectations()
    {
        var directory = Directory.CreateTempSubdirectory("policyextract-stems-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "000.rules.txt"), "");
            File.WriteAllText(Path.Combine(directory.FullName, "000_abc.clauses.txt"), "");
            File.WriteAllText(Path.Combine(directory.FullName, "000.rules.gaps.txt"), "");
            Assert.Equal("000_abc", ExpectationFiles.Find(directory.FullName, "000_abc")!.Stem);
            Assert.Equal("000", ExpectationFiles.Find(directory.FullName, "000_def")!.Stem);
            Assert.Null(ExpectationFiles.Find(directory.FullName, "001_abc"));
            Assert.Equal(["000", "000_abc"], ExpectationFiles.AllStems(directory.FullName).ToArray());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static readonly Rule Rule11 = FixtureRule("1.1");

    private static Rule FixtureRule(string clause)
    {
        var document = Repo.Pipeline.ProcessFile(Path.Combine(Repo.Specs, "Validate", "fixture.txt"), "fixture.txt").Document!;
        return document.Rules.Single(r => r.Clause == clause);
    }

    [Fact]
    public void A_partial_expectation_checks_only_the_fields_it_names()
    {
        const string pinned = "rule 1.1\n  > 给予最高30万元资助\n  amount max 300000 incl default\n";
        var ok = RuleExpectations.Parse(pinned, "pin.rules.txt");
        Assert.Empty(RuleComparer.Compare(ok, [Rule11]));

        var wrong = RuleExpectations.Parse(pinned.Replace("300000", "250000", StringComparison.Ordinal), "pin.rules.txt");
        var difference = Assert.Single(RuleComparer.Compare(wrong, [Rule11]));
        Assert.Equal((DifferenceKind.Field, "amount", "max 250000 incl default", "max 300000 incl default", 3), (difference.Kind, difference.Field, difference.Expected, difference.Actual, difference.ExpectedLine));

        // Not complete: an extracted rule it says nothing about is not unexpected.
        Assert.Empty(RuleComparer.Compare(ok, [Rule11, FixtureRule("1.2")]));
    }

    [Fact]
    public void Scores_count_facts_of_matched_rules_and_in_a_complete_file_of_unexpected_ones()
    {
        const string text = """
            complete
            rule 1.1
              > 对主导国家标准制定的单位，给予最高30万元资助
              trigger      主导国家标准制定 ; 主导国家标准修订
              beneficiary  单位
              benefit      资助
              frequency    unspecified
              amount       max 300000 incl default
              condition    成熟度 >= 0.4 % incl default
            """;
        var expectations = RuleExpectations.Parse(text, "x.rules.txt");
        var match = RuleComparer.Match(expectations, [Rule11, FixtureRule("1.2")]);
        var scores = RuleMetrics.Score(expectations, match).ToDictionary(s => s.Kind);

        // Triggers: 2 expected; 1 on the matched rule + 1 on the unexpected one; 1 shared.
        Assert.Equal(new FieldScore(FieldKind.Triggers, 2, 2, 1), scores[FieldKind.Triggers]);
        // Amounts: max 300000 matches; the unexpected rule's max 200000 is a false positive.
        Assert.Equal(new FieldScore(FieldKind.Amounts, 1, 2, 1), scores[FieldKind.Amounts]);
        Assert.Equal((0.5m, 1m), (scores[FieldKind.Amounts].Precision, scores[FieldKind.Amounts].Recall));
        // Thresholds: the condition was not extracted.
        Assert.Equal(new FieldScore(FieldKind.Thresholds, 1, 0, 0), scores[FieldKind.Thresholds]);
        Assert.Null(scores[FieldKind.Thresholds].Precision);
        // Inclusiveness: the amount's and the condition's; extracted the amount's and the unexpected rule's two bounds.
        Assert.Equal(new FieldScore(FieldKind.Inclusiveness, 2, 3, 1), scores[FieldKind.Inclusiveness]);
        // Beneficiary: 单位 on both sides of the pair, and the unexpected rule's 单位 besides.
        Assert.Equal(new FieldScore(FieldKind.Beneficiary, 1, 2, 1), scores[FieldKind.Beneficiary]);
        // Limits: the unexpected rule's limit only; nothing was expected, so recall has nothing to measure.
        Assert.Equal(new FieldScore(FieldKind.Limits, 0, 1, 0), scores[FieldKind.Limits]);
        Assert.Null(scores[FieldKind.Limits].Recall);
        Assert.Equal(new FieldScore(FieldKind.Caps, 0, 0, 0), scores[FieldKind.Caps]);
        Assert.Equal(new FieldScore(FieldKind.Ratios, 0, 0, 0), scores[FieldKind.Ratios]);
    }

    [Fact]
    public void Metadata_lists_compare_in_order_and_single_keys_only_when_named()
    {
        var expected = MetadataExpectations.Parse("title: 甲\ncite: A\ncite: B\n", "m.document.txt");
        ImmutableArray<MetadataEntry> Actual(string title, params string[] cites) =>
            [new("title", title, 0), new("issuer", "乙", 0), .. cites.Select(c => new MetadataEntry("cite", c, 0))];

        Assert.Empty(ExpectationComparer.Metadata(expected, Actual("甲", "A", "B")));
        var reordered = Assert.Single(ExpectationComparer.Metadata(expected, Actual("甲", "B", "A")));
        Assert.Equal(("cite order", "A ; B", "B ; A"), (reordered.Field, reordered.Expected, reordered.Actual));
        Assert.Equal(
            [(DifferenceKind.Field, "title", "m.document.txt:1"), (DifferenceKind.Missing, "cite", "m.document.txt:3"), (DifferenceKind.Unexpected, "cite", "m.document.txt")],
            ExpectationComparer.Metadata(expected, Actual("丙", "A", "C")).Select(f => (f.Kind, f.Field!, f.ExpectedAt)));
    }

    [Fact]
    public void A_list_whose_one_line_is_a_star_is_not_checked()
    {
        ImmutableArray<MetadataEntry> actual = [new("title", "甲", 0), new("diagnostic", "ST001 12", 0), new("cite", "A", 0)];

        Assert.Empty(ExpectationComparer.Metadata(MetadataExpectations.Parse("title: 甲\ncite: A\ndiagnostic: *\n", "m.document.txt"), actual));
        // Without the star, no diagnostic line means none, so the warning is a difference; the star covers only its own key.
        Assert.Equal("diagnostic", Assert.Single(ExpectationComparer.Metadata(MetadataExpectations.Parse("title: 甲\ncite: A\n", "m.document.txt"), actual)).Field);
        Assert.Equal("cite", Assert.Single(ExpectationComparer.Metadata(MetadataExpectations.Parse("title: 甲\ndiagnostic: *\n", "m.document.txt"), actual)).Field);
        var mixed = Assert.Throws<ExpectationsFormatException>(() => MetadataExpectations.Parse("diagnostic: ST001 12\ndiagnostic: *\n", "m.document.txt"));
        Assert.Equal(2, mixed.Line);
    }

    [Fact]
    public void Malformed_expectation_files_name_file_and_line()
    {
        var clauses = Assert.Throws<ExpectationsFormatException>(() => ClauseExpectations.Parse("# c\n1 一、 chapter x 1 标题\n", "c.clauses.txt"));
        Assert.Equal(("c.clauses.txt", 2), (clauses.Path, clauses.Line));
        var twice = Assert.Throws<ExpectationsFormatException>(() => ClauseExpectations.Parse("1 一、 chapter 3 1 甲\n1 二、 chapter 4 1 乙\n", "c.clauses.txt"));
        Assert.Equal(2, twice.Line);
        var metadata = Assert.Throws<ExpectationsFormatException>(() => MetadataExpectations.Parse("title: 甲\nauthor: 乙\n", "m.document.txt"));
        Assert.Equal(2, metadata.Line);
        Assert.StartsWith("m.document.txt:2: ", metadata.Message, StringComparison.Ordinal);
    }
}
