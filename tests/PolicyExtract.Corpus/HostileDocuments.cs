using System.Globalization;
using System.Text;

namespace PolicyExtract.Corpus;

/// <summary>
/// Plain-text policies whose one clause holds a list or a run of figures of any length (issue 19): the genre writes a
/// score of items at most, a hostile user writes thousands. The linear-work tests and the benchmarks build them here, so
/// that both measure the same documents.
/// </summary>
public static class HostileDocuments
{
    /// <summary>The shapes, by name: a list joined by 及, 分别 pairs, a clause of ratios, a clause of amounts of money, a tier ladder.</summary>
    public static IReadOnlyList<string> Shapes { get; } = ["ji-list", "respectively", "ratios", "amounts", "ladder"];

    /// <summary>One policy with one clause of the <paramref name="shape"/> at <paramref name="n"/> items, as UTF-8.</summary>
    public static byte[] Build(string shape, int n) => Encoding.UTF8.GetBytes("某区若干措施\n一、支持企业\n（一）" + Clause(shape, n) + "\n");

    /// <summary>
    /// The clause: 对获得国家级专利奖及国家级商标奖及…的企业给予10万元奖励 (one grant, each award a trigger of it);
    /// 对获得A、B、…的企业分别给予1万元、2万元、…奖励 (each award its amount); 对企业按投资额的1%、2%、…给予奖励 and
    /// 对企业给予1万元、2万元、…奖励 (a grant for each figure); 企业年营业收入首次达到100万元、200万元、…的，分别奖励1000元、
    /// 2000元、… (a tier for each threshold).
    /// </summary>
    public static string Clause(string shape, int n) => shape switch
    {
        "ji-list" => "对获得" + string.Join("及", Enumerable.Range(0, n).Select(Award)) + "的企业给予10万元奖励。",
        "respectively" => "对获得" + string.Join("、", Enumerable.Range(0, n).Select(Award)) + "的企业分别给予"
            + string.Join("、", Enumerable.Range(1, n).Select(i => i.ToString(CultureInfo.InvariantCulture) + "万元")) + "奖励。",
        "ratios" => "对企业按投资额的" + string.Join("、", Enumerable.Range(0, n).Select(i => Percent(i).ToString(CultureInfo.InvariantCulture) + "%")) + "给予奖励。",
        "amounts" => "对企业给予" + string.Join("、", Enumerable.Range(1, n).Select(i => i.ToString(CultureInfo.InvariantCulture) + "万元")) + "奖励。",
        "ladder" => "企业年营业收入首次达到" + string.Join("、", Enumerable.Range(1, n).Select(i => (i * 100).ToString(CultureInfo.InvariantCulture) + "万元"))
            + "的，分别奖励" + string.Join("、", Enumerable.Range(1, n).Select(i => (i * 1000).ToString(CultureInfo.InvariantCulture) + "元")) + "。",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "not a shape of " + nameof(HostileDocuments)),
    };

    /// <summary>The <paramref name="i"/>th award (0-based): 国家级专利奖, 国家级商标奖, …, each name distinct and written in words.</summary>
    public static string Award(int i)
    {
        // Two characters of the field, then as many more as the index needs: 专利, 商标, …, 专利商, ….
        const string Fields = "专利商标版权质量创新科技人才产业园区基地平台工程技术研究开发设计服务示范先进优秀重点";
        var name = new StringBuilder();
        name.Append(Fields[i % Fields.Length]).Append(Fields[(i / Fields.Length + i + 1) % Fields.Length]);
        for (var rest = i / (Fields.Length * Fields.Length); rest > 0; rest /= Fields.Length)
        {
            name.Append(Fields[rest % Fields.Length]);
        }

        return "国家级" + name + "奖";
    }

    /// <summary>The <paramref name="i"/>th percentage of the ratios clause (0-based): 1 to 100, then again.</summary>
    public static int Percent(int i) => (i % 100) + 1;
}
