using PolicyExtract.Extract;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract;

public sealed class ListExpanderTests
{
    private static readonly ListExpander Expander = new(new WordBreaker(Repo.Grammar.Lexicon), Repo.Grammar.Cues["award-rank"]);

    [Theory]
    [InlineData("主导国家标准制定、修订", "主导国家标准制定|主导国家标准修订")]
    [InlineData("中国专利金奖、银奖、优秀奖", "中国专利金奖|中国专利银奖|中国专利优秀奖")]
    [InlineData("广东专利金奖、银奖、优秀奖", "广东专利金奖|广东专利银奖|广东专利优秀奖")]
    [InlineData("国家、省、市知识产权运营中心", "国家知识产权运营中心|省知识产权运营中心|市知识产权运营中心")]
    [InlineData("国家、省、市专利开放许可（试点）", "国家专利开放许可（试点）|省专利开放许可（试点）|市专利开放许可（试点）")]
    [InlineData("国家知识产权示范企业、国家知识产权优势企业", "国家知识产权示范企业|国家知识产权优势企业")]
    [InlineData("深圳标准创新基地、深圳市研发与标准化同步试点企业", "深圳标准创新基地|深圳市研发与标准化同步试点企业")]
    [InlineData("国际标准、国家标准、行业标准", "国际标准|国家标准|行业标准")]
    [InlineData("一审、二审", "一审|二审")]
    [InlineData("获批成为国家、省、市知识产权运营中心", "获批成为国家知识产权运营中心|获批成为省知识产权运营中心|获批成为市知识产权运营中心")]
    [InlineData("新获批国家、省、市专利开放许可（试点）", "新获批国家专利开放许可（试点）|新获批省专利开放许可（试点）|新获批市专利开放许可（试点）")]
    [InlineData("专利导航、专利预警分析项目", "专利导航项目|专利预警分析项目")]
    [InlineData("承担技术委员会工作项目、承办年会或学术研讨会项目、国外技术性贸易措施研究项目资助", "承担技术委员会工作项目资助|承办年会或学术研讨会项目资助|国外技术性贸易措施研究项目资助")]
    [InlineData("全国专业标准化技术委员会、分技术委员会、省市标准化技术委员会秘书处", "全国专业标准化技术委员会秘书处|全国专业分技术委员会秘书处|省市标准化技术委员会秘书处")]
    [InlineData("ISO、IEC标准化技术委员会秘书处", "ISO标准化技术委员会秘书处|IEC标准化技术委员会秘书处")]
    [InlineData("中国质量奖、中国质量奖提名奖", "中国质量奖|中国质量奖提名奖")]
    [InlineData("中国标准创新贡献奖标准项目奖一等奖、组织奖", "中国标准创新贡献奖标准项目奖一等奖|中国标准创新贡献奖组织奖")]
    [InlineData("中国标准创新贡献奖标准项目奖一等奖、二等奖", "中国标准创新贡献奖标准项目奖一等奖|中国标准创新贡献奖标准项目奖二等奖")]
    [InlineData("在境外开展的专利、商标侵权案件中胜诉", "在境外开展的专利侵权案件中胜诉|在境外开展的商标侵权案件中胜诉")]
    [InlineData("新增发明专利、商标注册", "新增发明专利|新增商标注册")]
    [InlineData("苏州市优秀发明专利、优秀外观设计专利", "苏州市优秀发明专利|苏州市优秀外观设计专利")]
    [InlineData("获得发明专利授权、发明专利转让收入", "获得发明专利授权|获得发明专利转让收入")]
    // Names in quotes after the first item's head are names of the same act; an item written without quotes is its own.
    [InlineData("首次入选“中国企业500强”、“中国民营企业500强”、新三板挂牌", "首次入选“中国企业500强”|首次入选“中国民营企业500强”|新三板挂牌")]
    [InlineData("荣获《科技日报》、《人民日报》", "荣获《科技日报》|荣获《人民日报》")]
    public void Expands_elliptical_lists(string list, string expected) =>
        Assert.Equal(expected, string.Join('|', Expander.Expand(list.Split('、'))));

    [Fact]
    public void Word_pieces_always_concatenate_to_the_input()
    {
        var breaker = new WordBreaker(Repo.Grammar.Lexicon);
        foreach (var line in File.ReadLines(Repo.Seed("000")).Where(l => l.Length > 0))
        {
            Assert.Equal(line, string.Concat(breaker.Split(line)));
        }

        Assert.Equal(["中国", "专利", "金奖"], breaker.Split("中国专利金奖").ToArray());
        Assert.Equal(["知识产权", "运营中心"], breaker.Split("知识产权运营中心").ToArray());
    }
}
