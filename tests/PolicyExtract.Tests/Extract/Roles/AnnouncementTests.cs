using PolicyExtract.Extract.Roles;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract.Roles;

/// <summary>
/// A grant the genre names in one segment and measures in the next (给予生活补贴，每人每月3000元): the reader of the naming
/// segment and of the recipient written before the figure. Phrases written for these tests in the genre's wording; the
/// whole rules they give are in Specs/Patterns/p02.
/// </summary>
public sealed class AnnouncementTests
{
    private static readonly AnnouncementReader Reader = new(Repo.Grammar);

    [Theory]
    [InlineData("对新引进的博士研究生给予生活补贴", "10 生活补贴")]
    [InlineData("对符合条件的高校毕业生发放租房补贴", "11 租房补贴")]
    [InlineData("对新认定的高新技术企业给予一次性奖励", "11 一次性奖励 once")]
    [InlineData("给予购房补贴：", "0 购房补贴")]
    [InlineData("对获得资助的项目给予配套支持资金安排", "none")]                  // the first grant word is inside what earns it
    [InlineData("补贴资金按月发放", "none")]                                      // how a grant is paid: no benefit after the verb
    public void A_segment_names_a_grant_whose_figure_follows(string segment, string expected)
    {
        var read = Reader.Read(segment, "每人每月3000元", nextHasVerblessAmount: true);

        Assert.Equal(expected, read is null ? "none" : $"{read.VerbAt} {read.Benefit}{(read.Once ? " once" : "")}");
    }

    [Fact]
    public void Without_a_figure_in_the_next_segment_nothing_is_announced()
    {
        Assert.Null(Reader.Read("对新引进的博士研究生给予生活补贴", "具体办法另行制定", nextHasVerblessAmount: false));
        Assert.Null(Reader.Read("对新引进的博士研究生给予生活补贴", next: null, nextHasVerblessAmount: false));
    }

    [Theory]
    [InlineData("每人每月", null)]
    [InlineData("标准为每户每月", null)]
    [InlineData("A类人才每月", "A类人才")]
    [InlineData("其中D类以上人才、正高级职称人才、博士研究生每月", "D类以上人才、正高级职称人才、博士研究生")]
    [InlineData("B类人才每人每月", "B类人才")]
    [InlineData("按实际租金的", null)]
    public void The_recipient_written_before_the_figure(string lead, string? recipient)
    {
        Assert.Equal(recipient, Reader.RecipientBefore(lead));
    }
}
