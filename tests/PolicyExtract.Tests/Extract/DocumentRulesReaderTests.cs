using PolicyExtract.Extract;
using PolicyExtract.Rules;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract;

/// <summary>Document-wide rules: constraints read from the seeds, each expected entry copied from the document by hand.</summary>
public sealed class DocumentRulesReaderTests
{
    private static (Boundary Boundary, List<Constraint> Constraints) Read(string seed, IReadOnlyDictionary<string, bool> boundWords)
    {
        var path = Repo.Seed(seed);
        var text = File.ReadAllText(path);
        var normalized = PolicyExtract.Normalize.Normalizer.Normalize(text, text);
        var layout = new PolicyExtract.Structure.ClauseSegmenter(Repo.Grammar).Segment(normalized, path);
        var reader = new DocumentRulesReader(Repo.Grammar);
        var evidence = new EvidenceMap(normalized);
        return (reader.ReadBoundary(layout.AllClauses, evidence, boundWords), [.. reader.ReadConstraints(layout.AllClauses, evidence)]);
    }

    private static readonly Dictionary<string, bool> CivilCode = new()
    {
        ["以上"] = true, ["以下"] = true, ["以内"] = true, ["届满"] = true, ["不满"] = false, ["超过"] = false, ["以外"] = false,
        ["不超过"] = true, ["最高"] = true, ["不低于"] = true,
    };

    public static TheoryData<string, string> Constraints => new()
    {
        { "000", "6.29 NoDuplicate 同一主体同一事项符合光明区多项经济发展专项资金支持政策的，申请单位不得重复申请或者多头申请经济发展专项资金资助" },
        { "002", "1.1 NoDuplicate 同一项专利仅资助一次; closing.3 NoDuplicate 同一项目已获市级其它政策扶持的，不再享受本办法资助" },
        { "003", "2.6 NoDuplicate 已获得省级相应政策资助的企业不重复资助; 6 Exclusion 被列入失信联合惩戒管理的对象不予资助; 6 NoDuplicate 对本级财政资金已经支持的同一项目不重复资助" },
        { "004", "" },
    };

    [Theory]
    [MemberData(nameof(Constraints))]
    public void Constraints_of_the_seeds(string seed, string expected)
    {
        var (_, constraints) = Read(seed, CivilCode);
        Assert.Equal(expected, string.Join("; ", constraints.Select(c => $"{c.Clause} {c.Kind} {c.Text}")));
        var source = File.ReadAllText(Repo.Seed(seed));
        Assert.All(constraints, c => Assert.Equal(c.Evidence.Text, source[c.Evidence.Start..c.Evidence.End]));
    }

    [Theory]
    [InlineData("000", "以上 不超过 最高 | 以下 | Document 6.26")]
    [InlineData("002", "以上 最高 不低于 不超过 |  | Document closing.2")]
    [InlineData("003", "不低于 不超过 以上 以下 以内 届满 最高 | 不满 以外 超过 | Default -")]
    public void Boundary_definitions_of_the_seeds(string seed, string expected)
    {
        var (boundary, _) = Read(seed, CivilCode);
        var actual = $"{string.Join(' ', boundary.Inclusive)} | {string.Join(' ', boundary.Exclusive)} | {boundary.Source} {boundary.Clause ?? "-"}";
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("本办法所称“以上”“以下”均包含本数，“超过”“不满”不包含本数。", "以上 以下 | 超过 不满")]
    [InlineData("本细则所称以上、以下、不超过，均含本数；所称超过、低于，不含本数。", "以上 以下 不超过 | 超过")]
    [InlineData("本措施中“不低于”“以上”包括本数。", "不低于 以上 | ")]
    public void Boundary_definitions_in_other_wordings(string sentence, string expected)
    {
        var text = $"某区若干措施\n一、附则\n（一）{sentence}";
        var normalized = PolicyExtract.Normalize.Normalizer.Normalize(text, text);
        var layout = new PolicyExtract.Structure.ClauseSegmenter(Repo.Grammar).Segment(normalized, "t.txt");
        var boundary = new DocumentRulesReader(Repo.Grammar).ReadBoundary(layout.AllClauses, new EvidenceMap(normalized), CivilCode);
        Assert.Equal(expected, $"{string.Join(' ', boundary.Inclusive)} | {string.Join(' ', boundary.Exclusive)}");
        Assert.Equal(("1.1", BoundarySource.Document), (boundary.Clause, boundary.Source));
        Assert.Equal(sentence, boundary.Evidence!.Text);
    }

    [Fact]
    public void Drafting_notes_quote_figures_and_principles_but_impose_nothing()
    {
        // Seed 001 line 26 describes the policy's 不重复资助原则; it is not a constraint of its own.
        var notes = Repo.ExtractSeed("001").Document!;
        Assert.Equal("drafting-notes", notes.Document.Kind);
        Assert.Null(notes.Document.Boundary);
        Assert.Empty(notes.Document.Constraints);
        Assert.Empty(notes.Rules);

        var policy = Repo.ExtractSeed("000").Document!.Document;
        Assert.Equal(("6.26", BoundarySource.Document), (policy.Boundary!.Clause, policy.Boundary.Source));
        Assert.Equal("6.29", Assert.Single(policy.Constraints).Clause);
    }
}
