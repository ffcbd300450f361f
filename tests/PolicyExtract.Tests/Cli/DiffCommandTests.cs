using System.Text.Json;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Cli;

/// <summary>The diff command end to end, as a separate process: sources and outputs on either side, both report forms.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("policyextract-diffcli-");

    public void Dispose() => _temp.Delete(recursive: true);

    private string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(_temp.FullName, name), text);
        return name;
    }

    [Fact]
    public void A_raised_amount_exits_1_and_names_the_field_with_both_values()
    {
        var seed = File.ReadAllText(Repo.Seed("000"));
        Write("old.txt", seed);
        Write("new.txt", seed.Replace("对获得中国版权金奖的单位，按项目给予最高100万元奖励", "对获得中国版权金奖的单位，按项目给予最高120万元奖励", StringComparison.Ordinal));

        var run = CliProcess.Invoke(_temp.FullName, "diff", "old.txt", "new.txt");

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        Assert.Contains("rules: 0 added, 0 removed, 1 changed, 65 unchanged\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  changed  3.10  获得中国版权金奖  (line 30 → 30)\n           amount: max 1000000 incl document → max 1200000 incl document\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_json_against_its_own_source_is_no_change_and_exits_0()
    {
        var run = CliProcess.Invoke(Repo.Root, "diff", "output/004_ca384815636a2d4b.json", "seeds/004_ca384815636a2d4b.txt");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.StartsWith("output/004_ca384815636a2d4b.json → seeds/004_ca384815636a2d4b.txt: no change in substance\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lists_added_removed_changed_and_document_changes()
    {
        var seed = File.ReadAllText(Repo.Seed("000"));
        Write("old.txt", seed);
        Write("new.txt", seed.Replace("对获得深圳市专利奖的单位，按项目给予最高20万元奖励。", "", StringComparison.Ordinal));

        var run = CliProcess.Invoke(_temp.FullName, "diff", "old.txt", "new.txt", "--json");

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("substance").GetBoolean());
        Assert.Equal(0, root.GetProperty("added").GetArrayLength());
        var removed = Assert.Single(root.GetProperty("removed").EnumerateArray());
        Assert.Equal("获得深圳市专利奖", removed.GetProperty("triggers")[0].GetString());
        Assert.Equal("max", removed.GetProperty("amount").GetProperty("kind").GetString());
        Assert.Equal(0, root.GetProperty("changed").GetArrayLength());
        Assert.Equal(0, root.GetProperty("document").GetArrayLength());
        Assert.Equal("reworded", root.GetProperty("clauses")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void An_unreadable_version_exits_2_naming_the_file_without_a_stack_trace()
    {
        Write("letter.txt", "各位同事：\n明天下午三点开会。\n");
        Write("broken.json", "{ \"schemaVersion\": ");

        var missing = CliProcess.Invoke(_temp.FullName, "diff", "nowhere.txt", "letter.txt");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nowhere.txt: error IN010", missing.Stderr, StringComparison.Ordinal);

        var broken = CliProcess.Invoke(_temp.FullName, "diff", "broken.json", Path.Combine(Repo.Root, "output", "000_971b0a2b12078196.json"));
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("broken.json", broken.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", broken.Stderr + missing.Stderr, StringComparison.Ordinal);

        Assert.Equal(2, CliProcess.Invoke(_temp.FullName, "diff", "letter.txt").ExitCode);
    }

    [Fact]
    public void Two_different_policies_get_a_warning_that_they_are_not_versions_of_one()
    {
        var run = CliProcess.Invoke(Repo.Root, "diff", "seeds/000_971b0a2b12078196.txt", "seeds/002_e17dbd46a5cb70bd.txt");
        var json = CliProcess.Invoke(Repo.Root, "diff", "seeds/000_971b0a2b12078196.txt", "seeds/002_e17dbd46a5cb70bd.txt", "--json");

        const string Warning = "these look like two different documents, not two versions of one: other titles, other issuers, 0 of 40 clauses in common";
        Assert.Contains("\nwarning: " + Warning + "\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("diff: warning " + Warning, json.Stderr, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json.Stdout);
        Assert.False(parsed.RootElement.GetProperty("likeness").GetProperty("oneDocument").GetBoolean());

        var same = CliProcess.Invoke(Repo.Root, "diff", "output/004_ca384815636a2d4b.json", "seeds/004_ca384815636a2d4b.txt");
        Assert.DoesNotContain("warning", same.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_gives_a_changed_fields_values_as_the_output_holds_them()
    {
        var seed = File.ReadAllText(Repo.Seed("000"));
        Write("old.txt", seed);
        Write("new.txt", seed.Replace("对获得中国版权金奖的单位，按项目给予最高100万元奖励", "对获得中国版权金奖的单位，按项目给予最高120万元奖励", StringComparison.Ordinal));

        var run = CliProcess.Invoke(_temp.FullName, "diff", "old.txt", "new.txt", "--json");

        using var json = JsonDocument.Parse(run.Stdout);
        var field = Assert.Single(Assert.Single(json.RootElement.GetProperty("changed").EnumerateArray()).GetProperty("fields").EnumerateArray());
        Assert.Equal(("amount", "max 1000000 incl document"), (field.GetProperty("field").GetString(), field.GetProperty("old").GetString()));
        Assert.Equal((1000000m, 1200000m), (field.GetProperty("oldValue").GetProperty("value").GetDecimal(), field.GetProperty("newValue").GetProperty("value").GetDecimal()));
        Assert.Equal("max", field.GetProperty("newValue").GetProperty("kind").GetString());
    }

    [Fact]
    public void A_reworded_clause_without_a_title_is_named_by_the_start_of_its_text()
    {
        var seed = File.ReadAllText(Repo.Seed("000"));
        Write("old.txt", seed);
        Write("new.txt", seed.Replace("2.对主导国家标准制定、修订的，按项目给予", "2.对主导国家标准制定、修订的单位，按项目给予", StringComparison.Ordinal));

        var run = CliProcess.Invoke(_temp.FullName, "diff", "old.txt", "new.txt");

        Assert.Contains("  reworded    2.4.2  对主导国家标准制定、修订的单位，按项目给…\n", run.Stdout, StringComparison.Ordinal);
    }
}
