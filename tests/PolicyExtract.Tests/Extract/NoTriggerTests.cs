using System.Text;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract;

/// <summary>
/// A rule whose trigger is not written where its grant is has no triggers, never an empty string a consumer would
/// match against, and the document says so (issue 17: "no empty trigger strings").
/// </summary>
public sealed class NoTriggerTests
{
    [Fact]
    public void A_grant_that_names_nothing_earning_it_has_no_triggers_and_a_warning()
    {
        var result = Repo.Pipeline.Process(
            Encoding.UTF8.GetBytes("某区若干措施\n一、支持企业\n（一）对获得国家级奖项的企业给予10万元奖励。\n（二）给予5万元奖励。\n"),
            "t.txt");

        var rules = result.Document!.Rules;
        Assert.Equal(["获得国家级奖项"], rules[0].Triggers.ToArray());
        Assert.Empty(rules[1].Triggers);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "RU001");
        Assert.Equal("t.txt:4: warning RU001 rule t#1.2#1 names no trigger: what earns its 奖励 is not written where the grant is, or was not read; its triggers are []", warning.ToString());
    }

    [Fact]
    public void No_rule_of_the_seeds_genre_or_corpus_has_an_empty_trigger_string()
    {
        var folders = new[] { Repo.Seeds, Path.Combine(Repo.Root, "tests", "PolicyExtract.Tests", "Specs", "Genre"), Path.Combine(Repo.Root, "tests", "PolicyExtract.Tests", "Specs", "Corpus", "Dev") };
        var documents = folders.SelectMany(f => Directory.GetFiles(f))
            .Where(f => Path.GetExtension(f) is ".txt" or ".html" && Path.GetFileName(f).Contains('_', StringComparison.Ordinal) && !f.EndsWith(".rules.txt", StringComparison.Ordinal));
        var rules = documents.Select(f => Repo.Pipeline.Process(File.ReadAllBytes(f), Path.GetFileName(f)).Document).OfType<PolicyExtract.Output.PolicyDocument>().SelectMany(d => d.Rules).ToList();

        Assert.NotEmpty(rules);
        Assert.DoesNotContain(rules, r => r.Triggers.Any(string.IsNullOrWhiteSpace));
    }
}
