using PolicyExtract.Extract;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract;

/// <summary>
/// Every form the quantity layer reads, one row each, written by hand from what the text means. A row is a clause and
/// the mentions it must give, in order, rendered by <see cref="MentionText.Render"/>: covered text, kind, value or
/// interval, unit, per-unit, approximation, bound (word, direction, inclusiveness, source) and exact quotient.
/// </summary>
public class QuantityFinderTests
{
    private static string[] Find(string text)
    {
        var mentions = QuantityFinder.Find(text, Repo.Grammar.Quantities);
        MentionText.AssertWellFormed(text, mentions);
        return [.. mentions.Select(m => MentionText.Render(text, m))];
    }

    public static TheoryData<string, string[]> Money => new()
    {
        { "给予30万元资助", ["「30万元」 Money 300000 CNY"] },
        { "给予一次性奖励5000元", ["「5000元」 Money 5000 CNY"] },
        { "资助1.5万元", ["「1.5万元」 Money 15000 CNY"] },
        { "奖励1亿元", ["「1亿元」 Money 100000000 CNY"] },
        { "资助3千元", ["「3千元」 Money 3000 CNY"] },
        { "资助3百万元", ["「3百万元」 Money 3000000 CNY"] },
        { "资助三万五千元", ["「三万五千元」 Money 35000 CNY"] },
        { "资助1,000元", ["「1,000元」 Money 1000 CNY"] },
        { "人民币壹拾伍万元整", ["「壹拾伍万元整」 Money 150000 CNY"] },
        { "人民币伍佰元", ["「伍佰元」 Money 500 CNY"] },
        { "投资100万人民币", ["「100万人民币」 Money 1000000 CNY"] },
        { "融资10万美元", ["「10万美元」 Money 100000 USD"] },
        { "收入50万港元", ["「50万港元」 Money 500000 HKD"] },
        { "收入20万港币", ["「20万港币」 Money 200000 HKD"] },
        { "投资3万欧元", ["「3万欧元」 Money 30000 EUR"] },
        { "知识产权质押融资额超过1.7亿元", ["「超过1.7亿元」 Money 170000000 CNY bound=超过,MoreThan,excl,Default"] },
    };

    public static TheoryData<string, string[]> BareWan => new()
    {
        // A bare 万 is money after a money cue in its comma-segment (补助, 贴息, 资助, 给予 …).
        { "每家企业年度贴息补助不超过10万", ["「不超过10万」 Money 100000 CNY per=家 bound=不超过,AtMost,incl,Default"] },
        { "补助10万", ["「10万」 Money 100000 CNY"] },
        { "补助三万五", ["「三万五」 Money 35000 CNY"] },
        { "给予10万奖励", ["「10万」 Money 100000 CNY"] },
        { "贴息补助十几万", ["「十几万」 Money [110000..190000] CNY ~"] },
        { "补助10万至20万", ["「10万至20万」 Money [100000..200000] CNY"] },
        { "补助一亿二千万", ["「一亿二千万」 Money 120000000 CNY"] },
        // … or when a currency word is used elsewhere in the segment.
        { "省级20万元、市级10万", ["「20万元」 Money 200000 CNY", "「10万」 Money 100000 CNY"] },
        // No cue: not money (and a bare number is no quantity at all).
        { "辐射人口10万", [] },
        { "人口10万，补助资金另行安排", [] },
        // A unit that follows makes it a count, never money: an area counts square metres.
        { "吸引游客10万人", ["「10万人」 Count 100000 人"] },
        { "给予10万平方米", ["「10万平方米」 Count 100000 平方米"] },
        { "补贴面积不超过1万平方米", ["「不超过1万平方米」 Count 10000 平方米 bound=不超过,AtMost,incl,Default"] },
        { "种植基地面积在100亩以上", ["「100亩以上」 Count 100 亩 bound=以上,AtLeast,incl,Default"] },
    };

    public static TheoryData<string, string[]> Percent => new()
    {
        { "按50%给予补助", ["「50%」 Percent 0.5 %"] },
        { "按50％给予补助", ["「50％」 Percent 0.5 %"] },
        { "按实际支出的百分之五十给予补助", ["「百分之五十」 Percent 0.5 %"] },
        { "百分之十五点五", ["「百分之十五点五」 Percent 0.155 %"] },
        { "千分之三", ["「千分之三」 Percent 0.003 %"] },
        { "5‰", ["「5‰」 Percent 0.005 %"] },
        { "按市级奖励金额的100%给予配套奖励", ["「100%」 Percent 1 %"] },
        { "其中一半用于奖励", ["「一半」 Percent 0.5 % exact=1/2"] },
        { "三分之一", ["「三分之一」 Percent 0.3333333333333333333333333333 % exact=1/3"] },
        { "3分之1", ["「3分之1」 Percent 0.3333333333333333333333333333 % exact=1/3"] },
        { "给予最高70%的资助", ["「最高70%」 Percent 0.7 % bound=最高,AtMost,incl,Default"] },
        { "满意度超过85%", ["「超过85%」 Percent 0.85 % bound=超过,MoreThan,excl,Default"] },
        { "低于50%的", ["「低于50%」 Percent 0.5 % bound=低于,LessThan,excl,Default"] },
        { "对经评审达到40%以上成熟度的单位", ["「40%以上」 Percent 0.4 % bound=以上,AtLeast,incl,Default"] },
        { "其中一半以上奖金应用于专利发明人奖励", ["「一半以上」 Percent 0.5 % bound=以上,AtLeast,incl,Default exact=1/2"] },
        { "三分之一以上", ["「三分之一以上」 Percent 0.3333333333333333333333333333 % bound=以上,AtLeast,incl,Default exact=1/3"] },
        { "按30%-50%给予补贴", ["「30%-50%」 Percent [0.3..0.5] %"] },
        { "按30-50%给予补贴", ["「30-50%」 Percent [0.3..0.5] %"] },
        { "按30%至50%给予补贴", ["「30%至50%」 Percent [0.3..0.5] %"] },
        { "降低30%左右", ["「30%左右」 Percent 0.3 % ~"] },
        { "占比近50%", ["「近50%」 Percent 0.5 % ~"] },
        // A before-bound reaches a percentage across its base (a run ending in a [base] noun, and 的).
        { "按不超过实际交易金额5%予以资助", ["「不超过实际交易金额5%」 Percent 0.05 % bound=不超过,AtMost,incl,Default"] },
        { "不超过项目总投资的30%", ["「不超过项目总投资的30%」 Percent 0.3 % bound=不超过,AtMost,incl,Default"] },
        // … but not across anything else: 超过部分 is "the part above", not a bound on 50%.
        { "超过部分按50%给予补贴", ["「50%」 Percent 0.5 %"] },
    };

    public static TheoryData<string, string[]> Ratio => new()
    {
        { "按1:1配套", ["「1:1」 Ratio 1 : exact=1/1"] },
        { "按1：1配套", ["「1：1」 Ratio 1 : exact=1/1"] },
        { "按1∶1配套", ["「1∶1」 Ratio 1 : exact=1/1"] },
        { "按1比1配套", ["「1比1」 Ratio 1 : exact=1/1"] },
        { "按1:0.5配套", ["「1:0.5」 Ratio 0.5 : exact=0.5/1"] },
        { "按2:1配套", ["「2:1」 Ratio 0.5 : exact=1/2"] },
        { "按1:3配套", ["「1:3」 Ratio 3 : exact=3/1"] },
        { "根据市级财政扶持经费按照不低于1:1配套建立专项工作资金", ["「不低于1:1」 Ratio 1 : bound=不低于,AtLeast,incl,Default exact=1/1"] },
        // Clock times and chains are not ratios.
        { "上午9:00开始", [] },
        { "9:30-11:30", [] },
        { "按1:1:1分担", [] },
    };

    public static TheoryData<string, string[]> Count => new()
    {
        { "全区发明专利授权量达3700件", ["「3700件」 Count 3700 件"] },
        { "授权量10件以上", ["「10件以上」 Count 10 件 bound=以上,AtLeast,incl,Default"] },
        { "20万人次以上", ["「20万人次以上」 Count 200000 人次 bound=以上,AtLeast,incl,Default"] },
        { "同一单位每年资助不超过3个项目", ["「不超过3个项目」 Count 3 个项目 per=年 bound=不超过,AtMost,incl,Default"] },
        { "同一单位累计资助不超过3次", ["「不超过3次」 Count 3 次 bound=不超过,AtMost,incl,Default"] },
        { "同一项专利仅资助一次", ["「仅资助一次」 Count 1 次 bound=仅,AtMost,incl,Default"] },
        { "每年最多资助10家", ["「最多资助10家」 Count 10 家 per=年 bound=最多,AtMost,incl,Default"] },
        { "引进5名博士", ["「5名」 Count 5 名"] },
        { "新建3所高校", ["「3所」 Count 3 所"] },
        { "共24条具体措施", ["「24条」 Count 24 条"] },
        { "不少于3人", ["「不少于3人」 Count 3 人 bound=不少于,AtLeast,incl,Default"] },
        { "至少2项", ["「至少2项」 Count 2 项 bound=至少,AtLeast,incl,Default"] },
        { "最少3家", ["「最少3家」 Count 3 家 bound=最少,AtLeast,incl,Default"] },
        { "多于3项", ["「多于3项」 Count 3 项 bound=多于,MoreThan,excl,Default"] },
        { "少于3人", ["「少于3人」 Count 3 人 bound=少于,LessThan,excl,Default"] },
        { "不多于3项", ["「不多于3项」 Count 3 项 bound=不多于,AtMost,incl,Default"] },
        { "3至5家", ["「3至5家」 Count [3..5] 家"] },
        { "35周岁以下", ["「35周岁以下」 Count 35 周岁 bound=以下,AtMost,incl,Default"] },
        { "三部门联合", ["「三部门」 Count 3 部门"] },
        { "提高5个百分点", ["「5个百分点」 Count 5 个百分点"] },
        { "服务1.2万人次", ["「1.2万人次」 Count 12000 人次"] },
        { "年满18周岁", ["「满18周岁」 Count 18 周岁 bound=满,AtLeast,incl,Default"] },
        // 级 is a count only before a bound word: 二级以上证书 is a threshold, 二级节点 a name.
        { "获能力评价二级以上证书", ["「二级以上」 Count 2 级 bound=以上,AtLeast,incl,Default"] },
        { "三级及以下", ["「三级及以下」 Count 3 级 bound=及以下,AtMost,incl,Default"] },
        { "一级建造师", [] },
    };

    public static TheoryData<string, string[]> Duration => new()
    {
        { "连续服务2年以上的", ["「2年以上」 Duration 2 年 bound=以上,AtLeast,incl,Default"] },
        { "连续运营一年以上", ["「一年以上」 Duration 1 年 bound=以上,AtLeast,incl,Default"] },
        { "有效期5年", ["「5年」 Duration 5 年"] },
        { "6个月", ["「6个月」 Duration 6 个月"] },
        // A bare 月 after 1-12 is a calendar month unless the figure is bounded.
        { "6月以上", ["「6月以上」 Duration 6 月 bound=以上,AtLeast,incl,Default"] },
        { "缓缴18月", ["「18月」 Duration 18 月"] },
        { "5个工作日内办结", ["「5个工作日内」 Duration 5 个工作日 bound=内,AtMost,incl,Default"] },
        { "30日内", ["「30日内」 Duration 30 日 bound=内,AtMost,incl,Default"] },
        { "30日以内", ["「30日以内」 Duration 30 日 bound=以内,AtMost,incl,Default"] },
        { "不满1年的", ["「不满1年」 Duration 1 年 bound=不满,LessThan,excl,Default"] },
        { "工作满3年", ["「满3年」 Duration 3 年 bound=满,AtLeast,incl,Default"] },
        { "服务期3年届满", ["「3年届满」 Duration 3 年 bound=届满,AtLeast,incl,Default"] },
        { "3至5年", ["「3至5年」 Duration [3..5] 年"] },
        { "3年多", ["「3年多」 Duration (3..4) 年 ~"] },
        { "5个多月", ["「5个多月」 Duration (5..6) 个月 ~"] },
        { "维持10年以上有效发明专利", ["「10年以上」 Duration 10 年 bound=以上,AtLeast,incl,Default"] },
        { "2周", ["「2周」 Duration 2 周"] },
        { "3天", ["「3天」 Duration 3 天"] },
        // 近三年来 is "the last three years": 近 is not an approximation of a duration.
        { "近三年来", ["「三年」 Duration 3 年"] },
        // 内 bounds a time only: 内资 is "domestic capital".
        { "5家内资企业", ["「5家」 Count 5 家"] },
    };

    public static TheoryData<string, string[]> Ranges => new()
    {
        { "两到三万元", ["「两到三万元」 Money [20000..30000] CNY"] },
        { "1万-5万元", ["「1万-5万元」 Money [10000..50000] CNY"] },
        { "1万－5万元", ["「1万－5万元」 Money [10000..50000] CNY"] },
        { "1万—5万元", ["「1万—5万元」 Money [10000..50000] CNY"] },
        { "1万~5万元", ["「1万~5万元」 Money [10000..50000] CNY"] },
        { "1万～5万元", ["「1万～5万元」 Money [10000..50000] CNY"] },
        { "10万至20万元", ["「10万至20万元」 Money [100000..200000] CNY"] },
        { "10万元至20万元", ["「10万元至20万元」 Money [100000..200000] CNY"] },
        { "10-20万元", ["「10-20万元」 Money [100000..200000] CNY"] },
        { "5000至1万元", ["「5000至1万元」 Money [5000..10000] CNY"] },
        { "十五到二十万元", ["「十五到二十万元」 Money [150000..200000] CNY"] },
        { "两到三千万元", ["「两到三千万元」 Money [20000000..30000000] CNY"] },
        { "1000万元及以上至5000万元", ["「1000万元及以上至5000万元」 Money [10000000..50000000] CNY bound=及以上,AtLeast,incl,Default"] },
        { "500万元（含）至1000万元（不含）", ["「500万元（含）至1000万元（不含）」 Money [5000000..10000000) CNY upper=（不含）,AtMost,excl,Explicit"] },
        { "营业收入100万元以上至500万元", ["「100万元以上至500万元」 Money [1000000..5000000] CNY bound=以上,AtLeast,incl,Default"] },
        // A bound word after the upper end bounds it, so a list of such bands is a list of ranges (a tier ladder).
        { "设备购置在50万元以上至100万元以下、300万元以上", ["「50万元以上至100万元以下」 Money [500000..1000000] CNY bound=以上,AtLeast,incl,Default upper=以下,AtMost,incl,Default", "「300万元以上」 Money 3000000 CNY bound=以上,AtLeast,incl,Default"] },
        { "年营业收入在5亿元至10亿元（含10亿元）的", ["「5亿元至10亿元（含10亿元）」 Money [500000000..1000000000] CNY upper=（含10亿元）,AtMost,incl,Explicit"] },
        { "3年以上至5年以内", ["「3年以上至5年以内」 Duration [3..5] 年 bound=以上,AtLeast,incl,Default upper=以内,AtMost,incl,Default"] },
        // Different units do not make a range.
        { "3年至5个月", ["「3年」 Duration 3 年", "「5个月」 Duration 5 个月"] },
    };

    public static TheoryData<string, string[]> Approximations => new()
    {
        { "资助金额达一千多万元", ["「一千多万元」 Money (10000000..20000000) CNY ~"] },
        { "资助金额达4000多万元", ["「4000多万元」 Money (40000000..50000000) CNY ~"] },
        { "十几万元", ["「十几万元」 Money [110000..190000] CNY ~"] },
        { "30余万元", ["「30余万元」 Money (300000..400000) CNY ~"] },
        { "5万余元", ["「5万余元」 Money (50000..60000) CNY ~"] },
        { "几十万元", ["「几十万元」 Money [200000..900000] CNY ~"] },
        { "数百万元", ["「数百万元」 Money [2000000..9000000] CNY ~"] },
        { "三四十万元", ["「三四十万元」 Money [300000..400000] CNY ~"] },
        { "两三千元", ["「两三千元」 Money [2000..3000] CNY ~"] },
        { "十来万元", ["「十来万元」 Money 100000 CNY ~"] },
        { "约30万元", ["「约30万元」 Money 300000 CNY ~"] },
        { "30万元左右", ["「30万元左右」 Money 300000 CNY ~"] },
        { "近500万元", ["「近500万元」 Money 5000000 CNY ~"] },
        { "累计资助200多个项目", ["「200多个项目」 Count (200..300) 个项目 ~"] },
        { "数百家", ["「数百家」 Count [200..900] 家 ~"] },
        { "十几家", ["「十几家」 Count [11..19] 家 ~"] },
        { "二十几个", ["「二十几个」 Count [21..29] 个 ~"] },
        { "一两个", ["「一两个」 Count [1..2] 个 ~"] },
        { "十几万人", ["「十几万人」 Count [110000..190000] 人 ~"] },
        // 几 and 数 need a multiplier; 几个 says nothing about how many.
        { "几个", [] },
    };

    public static TheoryData<string, string[]> PerUnits => new()
    {
        { "给予每件2000元资助", ["「2000元」 Money 2000 CNY per=件"] },
        { "给予资助200元/个", ["「200元/个」 Money 200 CNY per=个"] },
        { "给予最高3万元/人的一次性奖励", ["「最高3万元/人」 Money 30000 CNY per=人 bound=最高,AtMost,incl,Default"] },
        { "给予500元/件的资助", ["「500元/件」 Money 500 CNY per=件"] },
        { "补贴100元/人/月", ["「100元/人/月」 Money 100 CNY per=人/月"] },
        { "每人每月补贴500元", ["「500元」 Money 500 CNY per=人/月"] },
        { "每平方米每月补贴10元", ["「10元」 Money 10 CNY per=平方米/月"] },
        { "每季度补贴3000元", ["「3000元」 Money 3000 CNY per=季度"] },
        { "每亩补贴100元", ["「100元」 Money 100 CNY per=亩"] },
        { "每年给予每家最高50万元补助", ["「最高50万元」 Money 500000 CNY per=年/家 bound=最高,AtMost,incl,Default"] },
        { "每项标准给予不超过50万元的支持", ["「不超过50万元」 Money 500000 CNY per=项 bound=不超过,AtMost,incl,Default"] },
        { "每个企业每年获得上述补贴总额不超过20万元", ["「不超过20万元」 Money 200000 CNY per=个/年 bound=不超过,AtMost,incl,Default"] },
        { "检查不超过10次/年", ["「不超过10次/年」 Count 10 次 per=年 bound=不超过,AtMost,incl,Default"] },
        // 每 does not reach across a comma.
        { "每年评选一次，获评的给予5万元", ["「一次」 Count 1 次 per=年", "「5万元」 Money 50000 CNY"] },
    };

    public static TheoryData<string, string[]> Bounds => new()
    {
        { "给予最高30万元资助", ["「最高30万元」 Money 300000 CNY bound=最高,AtMost,incl,Default"] },
        { "每年资助不超过5万元", ["「不超过5万元」 Money 50000 CNY per=年 bound=不超过,AtMost,incl,Default"] },
        { "5万元以下", ["「5万元以下」 Money 50000 CNY bound=以下,AtMost,incl,Default"] },
        { "5万元以内", ["「5万元以内」 Money 50000 CNY bound=以内,AtMost,incl,Default"] },
        { "5万元以上", ["「5万元以上」 Money 50000 CNY bound=以上,AtLeast,incl,Default"] },
        { "100万元及以上", ["「100万元及以上」 Money 1000000 CNY bound=及以上,AtLeast,incl,Default"] },
        { "给予不低于5万元项目工作经费奖励", ["「不低于5万元」 Money 50000 CNY bound=不低于,AtLeast,incl,Default"] },
        { "最低5万元", ["「最低5万元」 Money 50000 CNY bound=最低,AtLeast,incl,Default"] },
        { "高于10万元", ["「高于10万元」 Money 100000 CNY bound=高于,MoreThan,excl,Default"] },
        { "大于10万元", ["「大于10万元」 Money 100000 CNY bound=大于,MoreThan,excl,Default"] },
        { "营业收入不足500万元", ["「不足500万元」 Money 5000000 CNY bound=不足,LessThan,excl,Default"] },
        { "小于10万元", ["「小于10万元」 Money 100000 CNY bound=小于,LessThan,excl,Default"] },
        { "不高于10万元", ["「不高于10万元」 Money 100000 CNY bound=不高于,AtMost,incl,Default"] },
        { "50万元封顶", ["「50万元封顶」 Money 500000 CNY bound=封顶,AtMost,incl,Default"] },
        { "封顶50万元", ["「封顶50万元」 Money 500000 CNY bound=封顶,AtMost,incl,Default"] },
        { "上限为30万元", ["「上限为30万元」 Money 300000 CNY bound=上限,AtMost,incl,Default"] },
        { "以30万元为上限", ["「30万元为上限」 Money 300000 CNY bound=为上限,AtMost,incl,Default"] },
        { "同一单位每年受资助的作品数量最高为100件", ["「最高为100件」 Count 100 件 per=年 bound=最高,AtMost,incl,Default"] },
        { "最高给予一次性10万元奖励", ["「最高给予一次性10万元」 Money 100000 CNY bound=最高,AtMost,incl,Default"] },
        { "给予最高不超过20万元支持", ["「最高不超过20万元」 Money 200000 CNY bound=不超过,AtMost,incl,Default"] },
        { "个人可给予最高2000元奖励", ["「最高2000元」 Money 2000 CNY bound=最高,AtMost,incl,Default"] },
        // A bound word of another clause part does not reach: 最高人民法院 is a court.
        { "最高人民法院判决赔偿10万元", ["「10万元」 Money 100000 CNY"] },
        { "最高资助额度为10万元", ["「最高资助额度为10万元」 Money 100000 CNY bound=最高,AtMost,incl,Default"] },
        // Two bounds of a tier stay two mentions: the rule layer joins them.
        { "营业收入1亿元以上不足5亿元的", ["「1亿元以上」 Money 100000000 CNY bound=以上,AtLeast,incl,Default", "「不足5亿元」 Money 500000000 CNY bound=不足,LessThan,excl,Default"] },
    };

    public static TheoryData<string, string[]> Markers => new()
    {
        { "50万元（含）以上", ["「50万元（含）以上」 Money 500000 CNY bound=以上,AtLeast,incl,Explicit"] },
        { "50万元（不含）以上", ["「50万元（不含）以上」 Money 500000 CNY bound=以上,AtLeast,excl,Explicit"] },
        { "10件以上（含10件）", ["「10件以上（含10件）」 Count 10 件 bound=以上,AtLeast,incl,Explicit"] },
        { "10件以上（不含10件）", ["「10件以上（不含10件）」 Count 10 件 bound=以上,AtLeast,excl,Explicit"] },
        { "5万元以上（含本数）", ["「5万元以上（含本数）」 Money 50000 CNY bound=以上,AtLeast,incl,Explicit"] },
        { "5万元以下（不含本数）", ["「5万元以下（不含本数）」 Money 50000 CNY bound=以下,AtMost,excl,Explicit"] },
        { "授权量10件以上含本数", ["「10件以上含本数」 Count 10 件 bound=以上,AtLeast,incl,Explicit"] },
        { "不超过50万元（含）", ["「不超过50万元（含）」 Money 500000 CNY bound=不超过,AtMost,incl,Explicit"] },
        { "超过50万元（不含本数）", ["「超过50万元（不含本数）」 Money 500000 CNY bound=超过,MoreThan,excl,Explicit"] },
        // A marker that repeats another figure is no marker; the figure in it is a mention of its own.
        { "10件以上（含5件）", ["「10件以上」 Count 10 件 bound=以上,AtLeast,incl,Default", "「5件」 Count 5 件"] },
        // A marker with no bound word says nothing.
        { "50万元（含）", ["「50万元」 Money 500000 CNY"] },
        // （含税） is "tax included": it changes nothing.
        { "100万元（含税）以上", ["「100万元（含税）以上」 Money 1000000 CNY bound=以上,AtLeast,incl,Default"] },
        { "100万元（含税）", ["「100万元」 Money 1000000 CNY"] },
        { "不超过100万元（含税）", ["「不超过100万元」 Money 1000000 CNY bound=不超过,AtMost,incl,Default"] },
    };

    public static TheoryData<string, string[]> Lists => new()
    {
        { "按项目给予分别最高30万元、15万元资助", ["「最高30万元」 Money 300000 CNY bound=最高,AtMost,incl,Default", "「15万元」 Money 150000 CNY bound=最高,AtMost,incl,Default"] },
        {
            "分别给予最高200万元、150万元、100万元资助",
            [
                "「最高200万元」 Money 2000000 CNY bound=最高,AtMost,incl,Default",
                "「150万元」 Money 1500000 CNY bound=最高,AtMost,incl,Default",
                "「100万元」 Money 1000000 CNY bound=最高,AtMost,incl,Default",
            ]
        },
        { "分别给予每项最高100万元和30万元支持", ["「最高100万元」 Money 1000000 CNY per=项 bound=最高,AtMost,incl,Default", "「30万元」 Money 300000 CNY per=项 bound=最高,AtMost,incl,Default"] },
        { "分别给予每项5万元、2万元奖励", ["「5万元」 Money 50000 CNY per=项", "「2万元」 Money 20000 CNY per=项"] },
        { "单个项目最高分别30万元、25万元", ["「最高分别30万元」 Money 300000 CNY bound=最高,AtMost,incl,Default", "「25万元」 Money 250000 CNY bound=最高,AtMost,incl,Default"] },
        // Kinds differ: nothing is shared.
        { "给予实际维权费50%、最高50万元补助", ["「50%」 Percent 0.5 %", "「最高50万元」 Money 500000 CNY bound=最高,AtMost,incl,Default"] },
        // An after-bound is the figure's own and is not shared.
        { "10件以上、5件", ["「10件以上」 Count 10 件 bound=以上,AtLeast,incl,Default", "「5件」 Count 5 件"] },
    };

    /// <summary>
    /// The forms the rules issue names that the tables above did not yet cover as a mention (Chinese numerals in money,
    /// full-width digits, separators, 千万, bare counts, per-unit without a bound, other currencies).
    /// </summary>
    public static TheoryData<string, string[]> IssueForms => new()
    {
        { "给予五万元奖励", ["「五万元」 Money 50000 CNY"] },
        { "资助三十万元", ["「三十万元」 Money 300000 CNY"] },
        { "奖励两万元", ["「两万元」 Money 20000 CNY"] },
        { "资助一百二十万元", ["「一百二十万元」 Money 1200000 CNY"] },
        { "资助十五万元", ["「十五万元」 Money 150000 CNY"] },
        { "资助一百零五万元", ["「一百零五万元」 Money 1050000 CNY"] },
        { "资助一千〇五十元", ["「一千〇五十元」 Money 1050 CNY"] },
        { "资助3千万元", ["「3千万元」 Money 30000000 CNY"] },
        { "投资2亿元", ["「2亿元」 Money 200000000 CNY"] },
        { "资助1,500,000元", ["「1,500,000元」 Money 1500000 CNY"] },
        { "资助2.5万元", ["「2.5万元」 Money 25000 CNY"] },
        { "资助５万元", ["「５万元」 Money 50000 CNY"] },
        { "资助１２.５万元", ["「１２.５万元」 Money 125000 CNY"] },
        { "给予3万元/人的奖励", ["「3万元/人」 Money 30000 CNY per=人"] },
        { "引进10家企业", ["「10家」 Count 10 家"] },
        { "资助3个项目", ["「3个项目」 Count 3 个项目"] },
        { "每年资助不超过5项", ["「不超过5项」 Count 5 项 per=年 bound=不超过,AtMost,incl,Default"] },
        { "新增发明专利授权100件", ["「100件」 Count 100 件"] },
        { "融资100万美元", ["「100万美元」 Money 1000000 USD"] },
        { "投资50万港元", ["「50万港元」 Money 500000 HKD"] },
    };

    /// <summary>Numerals in names, ordinals, idioms, dates, document numbers and codes: no quantity.</summary>
    public static TheoryData<string> NotQuantities => new()
    {
        "五一劳动奖章",
        "三八红旗手",
        "二级节点",
        "深入贯彻党的十九大和十九届历次全会精神",
        "第二十五条",
        "第一单位",
        "一是紧扣文件精神",
        "“一带一路”区域标准",
        "“一站式”集成服务",
        "给予一次性奖励",
        "“十四五”规划",
        "“一事一议”方式",
        "本措施自2023年10月24日起施行",
        "2022年",
        "2022年度",
        "二〇二三年十二月",
        "按照上一年度实际运营成本",
        "并在上一年还清贷款本息的单位",
        "深光府规〔2022〕9号",
        "玄政办〔2022〕31号",
        "知识产权管理国际标准ISO56005",
        "5G基站",
        "《知识产权强国建设纲要（2021—2035年）》",
        "《知识产权强国建设纲要（2021-2035年）》",
        "6月30日前",
        "每年6月",
        "一月份",
        "同一项专利",
        "统一部署",
        "发布一批重点产业专利分析",
        "一审、二审胜诉的",
        "进一步加强",
        "万人有效发明专利拥有量",
        "百千万人才工程",
        "一部分资金",
        "二次开发",
        "一年一度",
        "每一项",
        "2024年x月x日",
        "于八月开展",
        "1-2月累计",
        "自15日起施行",
        "10:00至12:00",
        "二元结构",
        "一张蓝图绘到底",
        "十万火急",
    };

    [Theory]
    [MemberData(nameof(Money))]
    [MemberData(nameof(BareWan))]
    [MemberData(nameof(Percent))]
    [MemberData(nameof(Ratio))]
    [MemberData(nameof(Count))]
    [MemberData(nameof(Duration))]
    [MemberData(nameof(Ranges))]
    [MemberData(nameof(Approximations))]
    [MemberData(nameof(PerUnits))]
    [MemberData(nameof(Bounds))]
    [MemberData(nameof(Markers))]
    [MemberData(nameof(Lists))]
    [MemberData(nameof(IssueForms))]
    public void Form(string text, string[] expected) => Assert.Equal(expected, Find(text));

    [Theory]
    [MemberData(nameof(NotQuantities))]
    public void Not_a_quantity(string text) => Assert.Empty(Find(text));

    [Fact]
    public void A_bound_shared_by_a_list_points_at_the_one_word()
    {
        const string text = "按项目给予分别最高30万元、15万元资助";
        var mentions = QuantityFinder.Find(text, Repo.Grammar.Quantities);
        Assert.Equal(2, mentions.Length);
        Assert.Equal(mentions[0].Bound, mentions[1].Bound);
        Assert.Equal((7, 9), (mentions[1].Bound!.Start, mentions[1].Bound!.End));
        Assert.Equal("15万元", text[mentions[1].Start..mentions[1].End]);
    }

    [Fact]
    public void Offsets_index_the_given_string()
    {
        const string text = "对经评审达到40%以上成熟度的单位，给予最高30万元资助，每年最多资助10家";
        var mentions = QuantityFinder.Find(text, Repo.Grammar.Quantities);
        Assert.Equal([(6, 11), (20, 26), (31, 38)], mentions.Select(m => (m.Start, m.End)));
        Assert.Equal([(9, 11), (20, 22), (31, 33)], mentions.Select(m => (m.Bound!.Start, m.Bound!.End)));
    }

    [Fact]
    public void Empty_and_null_text_have_no_mentions()
    {
        Assert.Empty(QuantityFinder.Find(string.Empty, Repo.Grammar.Quantities));
        Assert.Empty(QuantityFinder.Find(null!, Repo.Grammar.Quantities));
    }
}
