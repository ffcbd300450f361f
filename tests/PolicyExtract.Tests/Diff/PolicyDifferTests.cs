using System.Text.RegularExpressions;
using PolicyExtract.Diff;
using PolicyExtract.Output;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Diff;

/// <summary>
/// Revised drafts of seed 000 (深圳市光明区…若干措施), each made here by one edit a drafter makes between versions; the
/// diff must report exactly that edit's consequences and nothing else.
/// </summary>
public sealed class PolicyDifferTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policyextract-diff-").FullName;
    private readonly string _seed = File.ReadAllText(Repo.Seed("000"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private PolicyDocument Extract(string text, string name)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return Repo.Pipeline.ProcessFile(path, name).Document!;
    }

    private (PolicyDiff Diff, PolicyDocument Old, PolicyDocument New) Revise(Func<string, string> edit)
    {
        var revised = edit(_seed);
        Assert.NotEqual(_seed, revised);
        var old = Extract(_seed, "old.txt");
        var @new = Extract(revised, "new.txt");
        return (PolicyDiffer.Compare(old, @new), old, @new);
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Equal(1, Regex.Count(text, Regex.Escape(from)));
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_text_has_no_changes()
    {
        var old = Extract(_seed, "old.txt");
        var diff = PolicyDiffer.Compare(old, Extract(_seed, "new.txt"));
        Assert.False(diff.HasSubstance);
        Assert.Equal((0, 0, 0, 0, 0, old.Rules.Length), (diff.Added.Length, diff.Removed.Length, diff.Changed.Length, diff.Document.Length, diff.Clauses.Length, diff.Unchanged));
    }

    [Fact]
    public void A_clause_inserted_at_the_start_of_a_chapter_is_one_rule_added_and_the_rest_renumbered()
    {
        // （九）… to （三十）… run on across chapters 三 to 六: all of them move up by one.
        var (diff, old, _) = Revise(text =>
        {
            var lines = text.Split('\n').ToList();
            var chapter = lines.FindIndex(l => l.StartsWith("三、", StringComparison.Ordinal));
            for (var i = chapter + 1; i < lines.Count; i++)
            {
                lines[i] = Regex.Replace(lines[i], "^（([一二三四五六七八九十]+)）", m => $"（{Chinese(Number(m.Groups[1].Value) + 1)}）");
            }

            lines.Insert(chapter + 1, "（九）支持数据知识产权登记。对首次完成数据知识产权登记的单位，给予最高5万元奖励。");
            return string.Join('\n', lines);
        });

        var added = Assert.Single(diff.Added);
        Assert.Equal(("3.9", "首次完成数据知识产权登记", "单位", 50000m), (added.Clause, added.Triggers.Single(), added.Beneficiary, added.Amount.Value));
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
        Assert.Empty(diff.Document);
        Assert.Equal(old.Rules.Length, diff.Unchanged);

        (int Chapter, int First, int Last)[] chapters = [(3, 9, 14), (4, 15, 19), (5, 20, 24), (6, 25, 30)];
        var renumbered = chapters.SelectMany(c => Enumerable.Range(c.First, c.Last - c.First + 1).Select(n => $"{c.Chapter}.{n} → {c.Chapter}.{n + 1}"));
        Assert.Equal(
            ["added 3.9", .. renumbered],
            diff.Clauses.Select(c => c.Kind == ClauseChangeKind.Added ? $"added {c.NewPath}" : $"{c.OldPath} → {c.NewPath}").OrderBy(s => s.StartsWith("added", StringComparison.Ordinal) ? 0 : 1).ThenBy(s => s, Comparer<string>.Create(ComparePaths)));
        Assert.All(diff.Clauses.Where(c => c.Kind != ClauseChangeKind.Added), c => Assert.Equal(ClauseChangeKind.Renumbered, c.Kind));
    }

    [Fact]
    public void An_amount_raised_is_one_rule_changed_in_its_amount()
    {
        var (diff, _, _) = Revise(t => Replace(t, "对获得中国版权金奖的单位，按项目给予最高100万元奖励", "对获得中国版权金奖的单位，按项目给予最高150万元奖励"));

        var change = Assert.Single(diff.Changed);
        Assert.Equal(["获得中国版权金奖"], change.New.Triggers.ToArray());
        Assert.Equal([new FieldChange("amount", "max 1000000 incl document", "max 1500000 incl document")], change.Fields.ToArray());
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Document);
        Assert.Equal([new ClauseChange(ClauseChangeKind.Reworded, "3.10", "3.10", "实施版权商标配套奖励")], diff.Clauses.ToArray());
        Assert.True(diff.HasSubstance);
    }

    [Fact]
    public void A_cap_removed_is_one_rule_changed_in_its_max()
    {
        var (diff, _, _) = Revise(t => Replace(t, "按市级奖励金额的100%给予配套奖励，单个项目最高50万元。", "按市级奖励金额的100%给予配套奖励。"));

        var change = Assert.Single(diff.Changed);
        Assert.Equal(["获得中国标准创新贡献奖标准项目奖"], change.New.Triggers.ToArray());
        Assert.Equal([new FieldChange("max", "500000 incl document", "none")], change.Fields.ToArray());
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void A_respectively_list_extended_is_one_rule_added()
    {
        var (diff, old, _) = Revise(t => Replace(
            t,
            "对获得中国专利金奖、银奖、优秀奖的单位，按项目分别给予最高200万元、100万元、20万元奖励",
            "对获得中国专利金奖、银奖、优秀奖、提名奖的单位，按项目分别给予最高200万元、100万元、20万元、10万元奖励"));

        var added = Assert.Single(diff.Added);
        Assert.Equal(("3.9", "获得中国专利提名奖", 100000m), (added.Clause, added.Triggers.Single(), added.Amount.Value));
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
        Assert.Equal(old.Rules.Length, diff.Unchanged);
    }

    [Fact]
    public void A_boundary_clause_reworded_to_the_same_meaning_is_no_change_in_substance()
    {
        var (diff, _, _) = Revise(t => Replace(
            t,
            "（二十六）本措施中有关数据“以上”“不超过”“最高”包括本数，“以下”不包括本数。",
            "（二十六）本措施所称“以上”“不超过”“最高”，均包括本数；所称“以下”，不包括本数。"));

        Assert.False(diff.HasSubstance);
        var wording = Assert.Single(diff.Document);
        Assert.Equal(("boundary.wording", false), (wording.Field, wording.Substantive));
        Assert.Empty(diff.Changed);
        // The clause has no title: it is named by the start of its text.
        Assert.Equal([new ClauseChange(ClauseChangeKind.Reworded, "6.26", "6.26", "本措施所称“以上”“不超过”“最高”，均…")], diff.Clauses.ToArray());
    }

    [Fact]
    public void A_boundary_clause_that_now_excludes_the_number_changes_every_bound_read_from_it()
    {
        var (diff, old, _) = Revise(t => Replace(
            t,
            "（二十六）本措施中有关数据“以上”“不超过”“最高”包括本数，“以下”不包括本数。",
            "（二十六）本措施中有关数据“以上”“不超过”“最高”“以下”均不包括本数。"));

        Assert.True(diff.HasSubstance);
        Assert.Contains(diff.Document, d => d.Field == "boundary.exclusive" && d.Substantive);

        // Every rule with a bound the document defined flips from incl to excl (a threshold's >= to >) in exactly those
        // fields; no other rule moves.
        var expected = old.Rules
            .Select(r => (Rule: r, Fields: PolicyExtract.Validation.RuleFields.Of(r).Where(f => f.Value.Any(v => v.Contains("incl document", StringComparison.Ordinal))).Select(f => f.Key).Order(StringComparer.Ordinal).ToList()))
            .Where(x => x.Fields.Count > 0)
            .ToList();
        Assert.Equal(expected.Select(x => x.Rule.Id).Order(StringComparer.Ordinal), diff.Changed.Select(c => c.Old.Id).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.All(diff.Changed, c =>
        {
            Assert.Equal(expected.Single(x => x.Rule.Id == c.Old.Id).Fields, c.Fields.Select(f => f.Field).Order(StringComparer.Ordinal));
            Assert.All(c.Fields, f => Assert.Equal(Excluding(f.Field, f.Old), f.New));
        });
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
    }

    /// <summary>A field's value once its document-defined bounds exclude the number: a threshold's >= becomes >.</summary>
    private static string Excluding(string field, string value)
    {
        value = value.Replace("incl document", "excl document", StringComparison.Ordinal);
        return field == "condition" ? value.Replace(" >= ", " > ", StringComparison.Ordinal).Replace(" <= ", " < ", StringComparison.Ordinal) : value;
    }

    private static int ComparePaths(string a, string b)
    {
        static int[] Key(string s) => [.. Regex.Matches(s, "[0-9]+").Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))];
        var (x, y) = (Key(a), Key(b));
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    // The clause labels of the seed run to 三十一 after the insertion: tens and units are all that is needed.
    private const string Digits = "一二三四五六七八九";

    private static int Number(string chinese)
    {
        var ten = chinese.IndexOf('十');
        if (ten < 0)
        {
            return Digits.IndexOf(chinese[0]) + 1;
        }

        var tens = ten == 0 ? 1 : Digits.IndexOf(chinese[0]) + 1;
        return (tens * 10) + (ten == chinese.Length - 1 ? 0 : Digits.IndexOf(chinese[^1]) + 1);
    }

    private static string Chinese(int n) => n switch
    {
        < 10 => Digits[n - 1].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n - 11],
        _ => Digits[(n / 10) - 1] + "十" + (n % 10 == 0 ? "" : Digits[(n % 10) - 1].ToString()),
    };
}
