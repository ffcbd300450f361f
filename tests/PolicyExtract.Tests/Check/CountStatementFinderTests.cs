using System.Globalization;
using PolicyExtract.Check;
using PolicyExtract.Diagnostics;
using PolicyExtract.Structure;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Check;

/// <summary>
/// The wordings of count statements, one row each: the clause text, whether the document explains another, and every
/// statement found as <c>「text」 counts thing subject[:word]</c>.
/// </summary>
public sealed class CountStatementFinderTests
{
    private static readonly CountStatementFinder Finder = new(Repo.Grammar.Counts, Repo.Grammar.Document.SelfReferences);

    private static string[] Find(string text, bool explanatory)
    {
        var clause = new Clause("3", "三、", "chapter", null, text, new SourceSpan(10, 0, text.Length), []);
        return [.. Finder.Find(clause, explanatory).Select(s =>
            $"「{s.Text}」 {string.Join("、", s.Counts.Select(c => c.ToString(CultureInfo.InvariantCulture)))} {s.Thing} {s.Subject}{(s.SubjectWord is { } w ? ":" + w : "")}")];
    }

    public static TheoryData<string, bool, string[]> Statements => new()
    {
        // Drafting notes, as seed 001 writes them.
        { "从“支持追求卓越理念，培育光明质量标杆”“支持强化标准引领，促进产业高质量发展”等五个方面提出共24条具体措施。", true, ["「等五个方面」 5 Parts Unnamed", "「共24条具体措施」 24 Clauses Unnamed"] },
        { "支持追求卓越理念，培育光明质量标杆。共2条措施，分别从树立光明质量标杆和支持实施卓越绩效管理等方面提出了资助政策", true, ["「共2条措施」 2 Clauses Unnamed"] },
        { "附则共6个条款，主要约定政策时限、资金来源等情况。", true, ["「共6个条款」 6 Clauses PartName:附则"] },
        // Other wordings of the genre.
        { "《若干措施》共五个部分，分别有2、6、6、5、5条措施。", true, ["「共五个部分」 5 Parts Unnamed", "「分别有2、6、6、5、5条措施」 2、6、6、5、5 Clauses Unnamed"] },
        { "《实施办法》共分为三章，合计二十条。", true, ["「分为三章」 3 Parts Unnamed"] },
        { "政策共提出了24项具体措施。", true, ["「共提出了24项具体措施」 24 Clauses Unnamed"] },
        { "主要包括以下五个方面：", true, ["「以下五个方面」 5 Parts Following:以下"] },
        { "本章共3条。", false, ["「共3条」 3 Clauses Self:本章"] },
        { "本节包括下列4项：", false, ["「下列4项」 4 Clauses Self:本节"] },
        { "本办法共五章二十条。", false, ["「共五章」 5 Parts Unnamed", "「共五章二十条」 20 Clauses Unnamed"] },
        { "总则共3条。", true, ["「共3条」 3 Clauses PartName:总则"] },
        // Numbers that are not counts of clauses.
        { "近三年来，已通过上述扶持政策累计资助200多个项目，资助金额达4000多万元。", true, [] },
        { "专利导航项目每年资助不超过5项。", false, [] },
        { "每年共资助5项。", false, [] },
        { "政策共提出24条具体措施。", false, [] }, // a policy counting without naming itself: grants as likely as clauses
        { "一方面加强保护，另一方面促进运用。", true, [] },
        { "共有一部分资金用于奖励。", true, [] },
        { "一是紧扣文件精神，二是加大支持力度。", true, [] },
        { "分别给予最高30万元、15万元资助", false, [] },
        { "第二十五条 本措施自2023年10月24日起施行", false, [] },
        { "共2、3条措施", true, [] }, // a list without 分别 says nothing part by part
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Wording(string text, bool explanatory, string[] expected) => Assert.Equal(expected, Find(text, explanatory));

    [Fact]
    public void The_line_is_the_paragraph_the_statement_is_in()
    {
        var clause = new Clause("4", "四、", "chapter", "附则说明", "附则说明\n附则共6个条款。", new SourceSpan(25, 0, 0), []);
        var statement = Assert.Single(Finder.Find(clause, explanatory: true));
        Assert.Equal((26, "共6个条款"), (statement.Line, statement.Text));
        Assert.Equal(statement.Text, clause.Text[statement.Start..statement.End]);
    }
}
