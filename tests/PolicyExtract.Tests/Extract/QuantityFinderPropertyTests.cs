using System.Globalization;
using CsCheck;
using PolicyExtract.Extract;
using PolicyExtract.Tests.Numbers;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract;

/// <summary>Properties on generated clauses: never throws, always well-formed, and amounts read back exactly.</summary>
public class QuantityFinderPropertyTests
{
    /// <summary>Pieces of policy text chosen so that random joins hit the interactions: numbers next to units, bounds,
    /// markers, range and list words, approximations, per-units, dates, names and punctuation.</summary>
    private static readonly string[] Pieces =
    [
        "0", "1", "2", "5", "10", "30", "100", "1.5", "2022", "2035", ",000", ".", "一", "二", "两", "三", "四", "五", "十", "百",
        "千", "万", "亿", "零", "〇", "壹", "拾", "伍", "万元", "元", "整", "美元", "%", "％", "‰", "百分之", "分之", "一半", ":", "：",
        "比", "件", "个", "个项目", "人次", "家", "次", "级", "年", "个月", "月", "日", "号", "度", "份", "天", "个工作日", "周岁", "平方米",
        "最高", "不超过", "以上", "及以上", "以下", "以内", "内", "不低于", "超过", "不满", "不足", "满", "封顶", "为上限", "上限",
        "（含）", "（不含）", "（含本数）", "含本数", "（含", "）", "（含税）", "（", "〔", "〕", "至", "到", "-", "—", "～", "、", "和",
        "多", "余", "几", "数", "来", "约", "近", "左右", "每", "/", "给予", "分别", "一次性", "资助", "补助", "奖励", "金额", "的",
        "，", "。", "；", "\n", "第", "同一", "五一", "十四五", "ISO", "A", "上一年", "一带一路", "人", "部门", "条",
    ];

    private static readonly Gen<string> PolicyLikeText =
        Gen.Int[0, Pieces.Length - 1].Array[0, 30].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    private static readonly Gen<string> RandomChars =
        Gen.Char["0123456789一二三四五六七八九十百千万亿两零%：:/每至到-、（）含不以上下内超过最高元件个年月日多余几来约近，。"].Array[0, 60]
            .Select(chars => new string(chars));

    [Fact]
    public void Never_throws_and_is_well_formed_on_policy_like_text() =>
        PolicyLikeText.Sample(
            text => MentionText.AssertWellFormed(text, QuantityFinder.Find(text, Repo.Grammar.Quantities)),
            iter: 20_000);

    [Fact]
    public void Never_throws_and_is_well_formed_on_random_characters() =>
        RandomChars.Sample(
            text => MentionText.AssertWellFormed(text, QuantityFinder.Find(text, Repo.Grammar.Quantities)),
            iter: 20_000);

    [Fact]
    public void Never_throws_on_mutated_seed_clauses()
    {
        var clauses = Repo.SeedNumbers
            .SelectMany(seed => Repo.ExtractSeed(seed).Document!.Clauses.SelectMany(c => c.DescendantsAndSelf()))
            .Select(c => c.Text).Where(t => t.Length > 0).ToArray();
        Gen.Select(Gen.Int[0, clauses.Length - 1], Gen.Int[0, 100_000], Gen.Int[0, 5], Gen.Int[0, Pieces.Length - 1]).Sample(
            (which, at, cut, piece) =>
            {
                var text = clauses[which];
                var p = at % (text.Length + 1);
                var mutated = text[..p] + Pieces[piece] + text[Math.Min(text.Length, p + cut)..];
                MentionText.AssertWellFormed(mutated, QuantityFinder.Find(mutated, Repo.Grammar.Quantities));
            },
            iter: 5_000);
    }

    [Fact]
    public void Spelled_capped_amounts_read_back_exactly() =>
        Gen.Select(Gen.Long[0, 999_999_999_999], Gen.OneOf(ChineseSpeller.Standard, ChineseSpeller.Colloquial, ChineseSpeller.Financial)).Sample(
            (n, style) =>
            {
                var spelled = ChineseSpeller.Spell(n, style);
                var text = $"给予最高{spelled}元资助";
                var m = Assert.Single(QuantityFinder.Find(text, Repo.Grammar.Quantities));
                Assert.Equal($"「最高{spelled}元」 Money {n} CNY bound=最高,AtMost,incl,Default", MentionText.Render(text, m));
            },
            iter: 10_000);

    [Fact]
    public void Arabic_wan_amounts_read_back_exactly() =>
        Gen.Select(Gen.Long[0, 99_999_999], Gen.Byte[0, 4]).Sample(
            (mantissa, scale) =>
            {
                var wan = new decimal((int)mantissa, 0, 0, false, scale);
                var written = wan.ToString(CultureInfo.InvariantCulture);
                var text = $"每家企业资助{written}万元";
                var m = Assert.Single(QuantityFinder.Find(text, Repo.Grammar.Quantities));
                Assert.Equal(QuantityKind.Money, m.Kind);
                Assert.Equal(wan * 10000m, m.Value);
                Assert.Equal($"{written}万元", text[m.Start..m.End]);
                Assert.Equal("家", m.Per);
            },
            iter: 10_000);

    [Fact]
    public void Wan_ranges_read_back_exactly() =>
        Gen.Select(Gen.Int[1, 9_999], Gen.Int[0, 9_999]).Sample(
            (low, width) =>
            {
                var high = low + width;
                var text = $"给予{low}万至{high}万元奖励";
                var m = Assert.Single(QuantityFinder.Find(text, Repo.Grammar.Quantities));
                Assert.Equal($"「{low}万至{high}万元」 Money [{low * 10000L}..{high * 10000L}] CNY", MentionText.Render(text, m));
            },
            iter: 5_000);

    [Fact]
    public void Percentages_read_back_exactly() =>
        Gen.Select(Gen.Int[0, 100_00], Gen.Bool).Sample(
            (hundredths, above) =>
            {
                var percent = hundredths / 100m;
                var written = percent.ToString(CultureInfo.InvariantCulture);
                var text = above ? $"达到{written}%以上的" : $"按{written}%给予补助";
                var m = Assert.Single(QuantityFinder.Find(text, Repo.Grammar.Quantities));
                Assert.Equal(percent / 100m, m.Value);
                Assert.Equal(above ? BoundDirection.AtLeast : null, m.Bound?.Direction);
            },
            iter: 5_000);
}
