using System.Diagnostics;
using System.Text;
using PolicyExtract.Corpus;
using PolicyExtract.Pipeline;
using PolicyExtract.Rules;
using PolicyExtract.Tests.TestSupport;
using Xunit.Abstractions;

namespace PolicyExtract.Tests.Robustness;

/// <summary>
/// Issue 19: a clause with a list or run of figures of any length is read in work linear in its length. Each shape of
/// <see cref="HostileDocuments"/> is read at growing sizes; the bytes allocated (deterministic, unlike time) must about
/// double when the size doubles, and the rules must still be right. Before the fixes a list of 2000 awards joined by 及
/// allocated some 8 GB (each split copied the rest of the list), 分别 and amounts copied the clause into every rule's
/// evidence, and a clause of ratios searched back over all the figures before each one (cubic: 4000 took 30 s and 80 GB).
/// </summary>
public sealed class LinearWorkTests(ITestOutputHelper output)
{
    private static readonly int[] Sizes = [250, 500, 1000, 2000];

    // Doubling the size may at most so much more than double the allocation: room for the log factor of sorting and for
    // collections that grow by doubling, far below the 4x of quadratic work.
    private const double MaxGrowth = 2.6;

    private (ExtractionResult Result, long Allocated, TimeSpan Time) Measure(string shape, int n)
    {
        var bytes = HostileDocuments.Build(shape, n);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = Repo.Pipeline.Process(bytes, shape + ".txt");
        clock.Stop();
        var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine($"{shape} n={n} ({bytes.Length / 1024} KB): {clock.Elapsed.TotalSeconds:0.000} s, {used / 1048576.0:0.0} MB allocated");
        return (result, used, clock.Elapsed);
    }

    /// <summary>Reads the shape at every size (after a small one, so that what a first read sets up is not counted) and checks the curve.</summary>
    private List<ExtractionResult> AssertLinear(string shape)
    {
        Measure(shape, 10);
        var runs = Sizes.Select(n => Measure(shape, n)).ToList();
        for (var i = runs.Count - 2; i < runs.Count; i++)
        {
            var growth = (double)runs[i].Allocated / runs[i - 1].Allocated;
            Assert.True(growth <= MaxGrowth, $"{shape}: n={Sizes[i]} allocated {growth:0.00}x what n={Sizes[i - 1]} did");
        }

        Assert.True(runs[^1].Time < TimeSpan.FromSeconds(30), $"{shape}: n={Sizes[^1]} took {runs[^1].Time.TotalSeconds:0.0} s");
        Assert.All(runs, r => Assert.Empty(r.Result.Diagnostics));
        return [.. runs.Select(r => r.Result)];
    }

    [Fact]
    public void A_list_joined_by_ji_is_linear_and_each_item_is_a_trigger()
    {
        var results = AssertLinear("ji-list");

        foreach (var (result, n) in results.Zip(Sizes))
        {
            var rule = Assert.Single(result.Document!.Rules);
            Assert.Equal(Enumerable.Range(0, n).Select(i => "获得" + HostileDocuments.Award(i)), rule.Triggers.ToArray());
            Assert.Equal((100000m, "企业"), (rule.Amount.Value, rule.Beneficiary));
        }
    }

    [Fact]
    public void Respectively_pairs_are_linear_and_each_item_has_its_amount()
    {
        var results = AssertLinear("respectively");

        foreach (var (result, n) in results.Zip(Sizes))
        {
            var rules = result.Document!.Rules;
            Assert.Equal(n, rules.Length);
            Assert.All(rules.Select((r, i) => (r, i)), x =>
                Assert.Equal(("获得" + HostileDocuments.Award(x.i), (x.i + 1) * 10000m, "企业"), (string.Join("|", x.r.Triggers), x.r.Amount.Value!.Value, x.r.Beneficiary)));
        }
    }

    [Fact]
    public void A_clause_of_ratios_is_linear_and_each_ratio_keeps_the_base_before_the_first()
    {
        var results = AssertLinear("ratios");

        foreach (var (result, n) in results.Zip(Sizes))
        {
            var rules = result.Document!.Rules;
            Assert.Equal(n, rules.Length);
            Assert.All(rules.Select((r, i) => (r, i)), x =>
                Assert.Equal((AmountKind.Ratio, HostileDocuments.Percent(x.i) / 100m, "投资额"), (x.r.Amount.Kind, x.r.Amount.Ratio!.Value, x.r.Amount.Base)));
        }
    }

    [Fact]
    public void A_clause_of_amounts_is_linear_and_each_amount_is_a_grant()
    {
        var results = AssertLinear("amounts");

        foreach (var (result, n) in results.Zip(Sizes))
        {
            var rules = result.Document!.Rules;
            Assert.Equal(Enumerable.Range(1, n).Select(i => i * 10000m), rules.Select(r => r.Amount.Value!.Value));
        }
    }

    [Fact]
    public void A_tier_ladder_is_linear_and_each_tier_has_its_threshold()
    {
        var results = AssertLinear("ladder");

        foreach (var (result, n) in results.Zip(Sizes))
        {
            var rules = result.Document!.Rules;
            Assert.Equal(n, rules.Length);
            Assert.All(rules.Select((r, i) => (r, i: i + 1)), x => Assert.Equal(
                ($"年营业收入首次达到{x.i * 100}万元", x.i * 1000m, "企业", x.i * 1000000m),
                (string.Join("|", x.r.Triggers), x.r.Amount.Value!.Value, x.r.Beneficiary, Assert.Single(x.r.Conditions).Value)));
        }
    }

    /// <summary>
    /// Items of a word or two joined by 及 are a flat list. Halving it at the first 及 read 商奖 as sharing the tail of
    /// 权奖及版奖, and gave 获得利奖, 获得商奖, 获得版奖, 获得权奖, 获得版奖 (and twice as many for each item more).
    /// </summary>
    [Fact]
    public void Short_items_joined_by_ji_are_each_a_trigger_once()
    {
        var result = Repo.Pipeline.Process(Encoding.UTF8.GetBytes("某区若干措施\n一、支持企业\n（一）对获得利奖及商奖及权奖及版奖的企业给予10万元奖励。\n"), "short.txt");

        var rule = Assert.Single(result.Document!.Rules);
        Assert.Equal(["获得利奖", "获得商奖", "获得权奖", "获得版奖"], rule.Triggers.ToArray());
    }
}
