using System.Text;
using PolicyExtract.Check;
using PolicyExtract.Pipeline;
using PolicyExtract.Report;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Check;

/// <summary>Count statements against the clause trees they describe: the seeds, a broken note, a policy that counts itself.</summary>
public sealed class CountCheckerTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("policyextract-check-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static List<(string File, PolicyExtract.Output.PolicyDocument Document)> Extract(params string[] inputs) =>
        [.. new BatchExtractor(Repo.Pipeline).ExtractAll(inputs).Select(r => (r.File, r.Document!))];

    private static string[] Report(IEnumerable<CountCheck> checks, string folder) =>
        [.. CountCheckText.Render([.. checks], 0).Replace(folder.Replace('\\', '/') + "/", "", StringComparison.Ordinal).Split('\n').SkipLast(2)];

    /// <summary>
    /// Seed 001 (drafting notes) says seed 000 has five parts with 2, 6, 6, 5 and 5 measures, 24 in all, and 6 closing
    /// clauses; reading seed 000, its parts 一 to 五 hold （一）–（二）, （三）–（八）, （九）–（十四）, （十五）–（十九） and
    /// （二十）–（二十四）, and 六、附则 holds （二十五）–（三十）. They agree.
    /// </summary>
    [Fact]
    public void The_drafting_notes_agree_with_the_policy_they_explain()
    {
        var checks = new CountChecker(Repo.Grammar).Check(Extract(Repo.Seeds));

        Assert.Equal(
            [
                "001_40116fd13688b064.txt:19: ok “等五个方面”: 000_971b0a2b12078196 (parts, not counting closing ones) has 5 parts",
                "001_40116fd13688b064.txt:19: ok “共24条具体措施”: 000_971b0a2b12078196 (the clauses of its parts, not counting closing ones) has 24 clauses",
                "001_40116fd13688b064.txt:20: ok “共2条措施”: clause 1 一、支持追求卓越理念，培育光明质量标杆 of 000_971b0a2b12078196 has 2 clauses",
                "001_40116fd13688b064.txt:21: ok “共6条措施”: clause 2 二、支持强化标准引领，促进产业高质量发展 of 000_971b0a2b12078196 has 6 clauses",
                "001_40116fd13688b064.txt:22: ok “共6条措施”: clause 3 三、提升知识产权创造质量，厚植知识产权发展沃土 of 000_971b0a2b12078196 has 6 clauses",
                "001_40116fd13688b064.txt:23: ok “共5条措施”: clause 4 四、加快知识产权转化运用，促进知识产权价值实现 of 000_971b0a2b12078196 has 5 clauses",
                "001_40116fd13688b064.txt:24: ok “共5条措施”: clause 5 五、强化知识产权保护和服务，营造一流科技创新环境 of 000_971b0a2b12078196 has 5 clauses",
                "001_40116fd13688b064.txt:26: ok “共6个条款”: clause 6 六、附则 of 000_971b0a2b12078196 has 6 clauses",
            ],
            Report(checks, Repo.Seeds));
    }

    [Fact]
    public void A_wrong_count_in_the_notes_is_reported_with_its_line_and_both_counts()
    {
        File.Copy(Repo.Seed("000"), Path.Combine(_temp.FullName, Path.GetFileName(Repo.Seed("000"))));
        var notes = File.ReadAllText(Repo.Seed("001")).Replace("共2条措施", "共3条措施", StringComparison.Ordinal).Replace("共24条", "共25条", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_temp.FullName, Path.GetFileName(Repo.Seed("001"))), notes);

        var checks = new CountChecker(Repo.Grammar).Check(Extract(_temp.FullName));
        var wrong = checks.Where(c => c.Verdict != CountVerdict.Agrees).Select(CountCheckText.AsDiagnostic).Select(d => d!.ToString().Replace(_temp.FullName.Replace('\\', '/') + "/", "", StringComparison.Ordinal));

        Assert.Equal(
            [
                "001_40116fd13688b064.txt:19: error CK001 says 000_971b0a2b12078196 (the clauses of its parts, not counting closing ones) has 25 clauses, but it has 24 (“共25条具体措施”)",
                "001_40116fd13688b064.txt:20: error CK001 says clause 1 一、支持追求卓越理念，培育光明质量标杆 of 000_971b0a2b12078196 has 3 clauses, but it has 2 (“共3条措施”)",
            ],
            wrong);
    }

    [Fact]
    public void Notes_without_their_policy_are_not_checked_and_say_so()
    {
        var checks = new CountChecker(Repo.Grammar).Check(Extract(Repo.Seed("001")));
        Assert.Equal(8, checks.Length);
        Assert.All(checks, c => Assert.Equal(CountVerdict.Unresolved, c.Verdict));
        Assert.Equal("CK003", CountCheckText.AsDiagnostic(checks[0])!.Code);
    }

    [Fact]
    public void A_policy_that_counts_its_own_chapters_articles_and_lists_is_checked_against_itself()
    {
        const string policy = """
            某市专利资助办法
            第一章 总则
            第一条 为了促进专利创造，制定本办法。
            第二条 本章共3条，本办法共二章4条。本办法资助包括以下三个方面：
            （一）专利授权；
            （二）专利运营。
            第二章 资助
            第三条 对获得中国专利金奖的单位，给予最高30万元奖励，每年共资助5项。
            第四条 本办法自2024年1月1日起施行。
            """;
        File.WriteAllText(Path.Combine(_temp.FullName, "policy.txt"), policy, new UTF8Encoding(false));

        var checks = new CountChecker(Repo.Grammar).Check(Extract(_temp.FullName));

        Assert.Equal(
            [
                "policy.txt:4: error CK001 says clause 1 第一章总则 has 3 clauses, but it has 2 (“共3条”)",
                "policy.txt:4: ok “共二章”: policy (parts, not counting closing ones) has 2 parts",
                "policy.txt:4: ok “共二章4条”: policy (the clauses of its parts, not counting closing ones) has 4 clauses",
                "policy.txt:4: error CK001 says clause 1.2 第二条 has 3 parts, but it has 2 (“以下三个方面”)",
            ],
            Report(checks, _temp.FullName));
    }
}
