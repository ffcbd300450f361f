using PolicyExtract.Extract;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract;

/// <summary>
/// Whole seed clauses, as the pipeline normalizes them, with every quantity they hold, each checked by reading the
/// clause. Plus the corpus invariant: every clause of every seed gives well-formed mentions.
/// </summary>
public class SeedQuantityTests
{
    /// <summary>Seed number, clause path, and the mentions of the clause's own text in order.</summary>
    public static TheoryData<string, string, string[]> Clauses => new()
    {
        {
            "000", "1.1",
            [
                "「100%」 Percent 1 %",
                "「最高300万元」 Money 3000000 CNY bound=最高,AtMost,incl,Default",
            ]
        },
        {
            "000", "1.2",
            [
                "「40%以上」 Percent 0.4 % bound=以上,AtLeast,incl,Default",
                "「最高30万元」 Money 300000 CNY bound=最高,AtMost,incl,Default",
                "「最多资助10家」 Count 10 家 per=年 bound=最多,AtMost,incl,Default",
                "「最高20万元」 Money 200000 CNY bound=最高,AtMost,incl,Default",
            ]
        },
        {
            "000", "2.3",
            [
                "「50%」 Percent 0.5 %",
                "「最高分别30万元」 Money 300000 CNY bound=最高,AtMost,incl,Default",
                "「25万元」 Money 250000 CNY bound=最高,AtMost,incl,Default",
                "「15万元」 Money 150000 CNY bound=最高,AtMost,incl,Default",
            ]
        },
        {
            "000", "4.17",
            [
                "「最高70%」 Percent 0.7 % bound=最高,AtMost,incl,Default",
                "「最高50万元」 Money 500000 CNY bound=最高,AtMost,incl,Default",
            ]
        },
        {
            "000", "4.19",
            [
                "「一年以上」 Duration 1 年 bound=以上,AtLeast,incl,Default",
                "「最高50万元」 Money 500000 CNY per=年 bound=最高,AtMost,incl,Default",
                "「不超过3次」 Count 3 次 bound=不超过,AtMost,incl,Default",
            ]
        },
        {
            "000", "5.24",
            [
                "「最高3万元/人」 Money 30000 CNY per=人 bound=最高,AtMost,incl,Default",
            ]
        },
        {
            "000", "6.25",
            [
                "「5年」 Duration 5 年",
            ]
        },
        {
            "002", "1.1",
            [
                "「2000元」 Money 2000 CNY per=件",
                "「1万元」 Money 10000 CNY",
                "「仅资助一次」 Count 1 次 bound=仅,AtMost,incl,Default",
                "「最高5万元」 Money 50000 CNY bound=最高,AtMost,incl,Default",
            ]
        },
        {
            "002", "1.4",
            [
                "「200元/个」 Money 200 CNY per=个",
                "「最高为100件」 Count 100 件 per=年 bound=最高,AtMost,incl,Default",
                "「最高为50件」 Count 50 件 per=年 bound=最高,AtMost,incl,Default",
                "「2万元/个」 Money 20000 CNY per=个",
                "「10万元/个」 Money 100000 CNY per=个",
                "「5万元/个」 Money 50000 CNY per=个",
                "「5万元/个」 Money 50000 CNY per=个",
                "「2万元/个」 Money 20000 CNY per=个",
            ]
        },
        {
            "002", "2.5",
            [
                "「不超过实际交易金额5%」 Percent 0.05 % bound=不超过,AtMost,incl,Default",
                "「不超过5万元」 Money 50000 CNY per=个 bound=不超过,AtMost,incl,Default",
            ]
        },
        {
            "002", "2.6",
            [
                "「50%」 Percent 0.5 %",
                "「不超过10万」 Money 100000 CNY per=家 bound=不超过,AtMost,incl,Default",
                "「50%」 Percent 0.5 %",
                "「不超过10万元」 Money 100000 CNY per=个 bound=不超过,AtMost,incl,Default",
            ]
        },
        {
            "002", "2.9",
            [
                "「8万元」 Money 80000 CNY",
                "「5万元」 Money 50000 CNY",
                "「3万元」 Money 30000 CNY",
                "「1件以上」 Count 1 件 bound=以上,AtLeast,incl,Default",
                "「1万元」 Money 10000 CNY",
                "「二级以上」 Count 2 级 bound=以上,AtLeast,incl,Default",
                "「3万元」 Money 30000 CNY",
            ]
        },
        {
            "002", "4.14",
            [
                "「10件以上（含10件）」 Count 10 件 bound=以上,AtLeast,incl,Explicit",
                "「500元/件」 Money 500 CNY per=件",
                "「不超过5万元」 Money 50000 CNY per=年 bound=不超过,AtMost,incl,Default",
            ]
        },
        {
            "002", "5.16",
            [
                "「不低于1:1」 Ratio 1 : bound=不低于,AtLeast,incl,Default exact=1/1",
            ]
        },
        {
            "002", "5.17",
            [
                "「不低于5万元」 Money 50000 CNY bound=不低于,AtLeast,incl,Default",
            ]
        },
        {
            "002", "6.18",
            [
                "「2年以上」 Duration 2 年 bound=以上,AtLeast,incl,Default",
                "「5000元」 Money 5000 CNY",
            ]
        },
        {
            "003", "1.2",
            [
                "「10件以上」 Count 10 件 bound=以上,AtLeast,incl,Default",
                "「5件以上」 Count 5 件 bound=以上,AtLeast,incl,Default",
                "「1件以上」 Count 1 件 bound=以上,AtLeast,incl,Default",
                "「20万元」 Money 200000 CNY",
                "「一半以上」 Percent 0.5 % bound=以上,AtLeast,incl,Default exact=1/2",
            ]
        },
        {
            "003", "2.4",
            [
                "「10件以上」 Count 10 件 bound=以上,AtLeast,incl,Default",
                "「1年内」 Duration 1 年 bound=内,AtMost,incl,Default",
                "「最高给予一次性10万元」 Money 100000 CNY bound=最高,AtMost,incl,Default",
            ]
        },
        {
            "003", "2.6",
            [
                "「50%」 Percent 0.5 % per=年",
                "「不超过20万元」 Money 200000 CNY per=个/年 bound=不超过,AtMost,incl,Default",
            ]
        },
        {
            "004", "2",
            [
                "「3700件」 Count 3700 件",
                "「17200件」 Count 17200 件",
                "「超过1.7亿元」 Money 170000000 CNY bound=超过,MoreThan,excl,Default",
                "「超过85%」 Percent 0.85 % bound=超过,MoreThan,excl,Default",
                "「85%」 Percent 0.85 %",
                "「70%」 Percent 0.7 %",
            ]
        },
        {
            "004", "3.1",
            [
                "「最高100万元」 Money 1000000 CNY per=件 bound=最高,AtMost,incl,Default",
                "「10年以上」 Duration 10 年 bound=以上,AtLeast,incl,Default",
            ]
        },
        {
            "004", "3.2",
            [
                "「最高50万元」 Money 500000 CNY per=家 bound=最高,AtMost,incl,Default",
                "「最高100万元」 Money 1000000 CNY bound=最高,AtMost,incl,Default",
                "「最高100万元」 Money 1000000 CNY per=项 bound=最高,AtMost,incl,Default",
                "「30万元」 Money 300000 CNY per=项 bound=最高,AtMost,incl,Default",
                "「最高50万元」 Money 500000 CNY per=家 bound=最高,AtMost,incl,Default",
                "「最高100万元」 Money 1000000 CNY per=家 bound=最高,AtMost,incl,Default",
            ]
        },
        {
            "004", "3.3",
            [
                "「最高20万元」 Money 200000 CNY per=家 bound=最高,AtMost,incl,Default",
                "「最高30万元」 Money 300000 CNY bound=最高,AtMost,incl,Default",
                "「50%」 Percent 0.5 %",
                "「最高50万元」 Money 500000 CNY bound=最高,AtMost,incl,Default",
            ]
        },
        {
            "004", "3.5",
            [
                "「最高50万元」 Money 500000 CNY per=年/家 bound=最高,AtMost,incl,Default",
                "「最高5万元」 Money 50000 CNY bound=最高,AtMost,incl,Default",
                "「最高2000元」 Money 2000 CNY bound=最高,AtMost,incl,Default",
            ]
        },
        {
            "004", "3.8",
            [
                "「最高不超过20万元」 Money 200000 CNY bound=不超过,AtMost,incl,Default",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Clauses))]
    public void Seed_clause(string seed, string path, string[] expected)
    {
        var clause = Repo.ExtractSeed(seed).Document!.Clauses.SelectMany(c => c.DescendantsAndSelf()).Single(c => c.Path == path);
        var mentions = QuantityFinder.Find(clause.Text, Repo.Grammar.Quantities);
        MentionText.AssertWellFormed(clause.Text, mentions);
        Assert.Equal(expected, mentions.Select(m => MentionText.Render(clause.Text, m)));
    }

    [Theory]
    [MemberData(nameof(SeedNumbers))]
    public void Every_clause_of_a_seed_gives_well_formed_mentions(string seed)
    {
        foreach (var clause in Repo.ExtractSeed(seed).Document!.Clauses.SelectMany(c => c.DescendantsAndSelf()))
        {
            MentionText.AssertWellFormed(clause.Text, QuantityFinder.Find(clause.Text, Repo.Grammar.Quantities));
        }
    }

    public static TheoryData<string> SeedNumbers => new(Repo.SeedNumbers);
}
