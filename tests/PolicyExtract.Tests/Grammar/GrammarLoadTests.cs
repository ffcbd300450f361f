using PolicyExtract.Grammar;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Grammar;

/// <summary>A maintainer's mistake in grammar/ is reported with file and line, every one at once, and nothing loads.</summary>
public sealed class GrammarLoadTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("policyextract-grammar-");

    public void Dispose() => _dir.Delete(recursive: true);

    private void CopyRepoGrammar()
    {
        foreach (var file in Directory.GetFiles(Repo.GrammarDirectory))
        {
            File.Copy(file, Path.Combine(_dir.FullName, Path.GetFileName(file)));
        }
    }

    private void Append(string file, string text) => File.AppendAllText(Path.Combine(_dir.FullName, file), text);

    private int LineCount(string file) => File.ReadAllLines(Path.Combine(_dir.FullName, file)).Length;

    [Fact]
    public void The_repository_grammar_loads_cleanly()
    {
        var grammar = PolicyGrammar.Load(Repo.GrammarDirectory, out var problems);
        Assert.Empty(problems);
        Assert.NotNull(grammar);
        Assert.Equal(grammar!.Schemes.OrderBy(s => s.Rank), grammar.Schemes);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_file_and_line()
    {
        CopyRepoGrammar();
        var numbering = LineCount(PolicyGrammar.NumberingFile);
        Append(PolicyGrammar.NumberingFile, "\nroman  clause  90  {roman}.\nzh-paren  section  95  （{zh}）\nodd  item  60  {ar}）\n");
        var document = LineCount(PolicyGrammar.DocumentFile);
        Append(PolicyGrammar.DocumentFile, "\n[kind]\n若干措施 measures\n[stauts]\n送审稿 draft\n[status]\n定稿 done\n[kind]\n条例 -rules\n");

        var grammar = PolicyGrammar.Load(_dir.FullName, out var problems);

        Assert.Null(grammar);
        var found = problems.Select(p => $"{p.File}:{p.Span?.Line} {p.Code} {string.Join(",", p.Args)}").ToList();
        Assert.Equal(
            [
                $"grammar/numbering.txt:{numbering + 2} GR002 level,clause",
                $"grammar/numbering.txt:{numbering + 2} GR004 template '{{roman}}.' needs exactly one of {{zh}} {{ar}} {{num}} {{circled}}",
                $"grammar/numbering.txt:{numbering + 3} GR003 scheme,zh-paren,{FindLine(PolicyGrammar.NumberingFile, "zh-paren ")}",
                $"grammar/numbering.txt:{numbering + 4} GR003 rank,60,{FindLine(PolicyGrammar.NumberingFile, "ar-dot ")}",
                $"grammar/document.txt:{document + 3} GR003 kind,若干措施,{FindLine(PolicyGrammar.DocumentFile, "若干措施 ")}",
                $"grammar/document.txt:{document + 5} GR002 section,stauts",
                $"grammar/document.txt:{document + 7} GR002 status,done",
                $"grammar/document.txt:{document + 9} GR001 kind '-rules' must be lower-case words joined by '-'",
            ],
            found);
        Assert.StartsWith($"grammar/numbering.txt:{numbering + 2}: error GR002 unknown level 'clause'", problems[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_quantity_line_is_reported_with_its_file_and_line()
    {
        CopyRepoGrammar();
        var units = LineCount(QuantityGrammar.UnitsFile);
        Append(QuantityGrammar.UnitsFile,
            "\n[currency]\n元 1 CNY\n千万亿元 10000000000000000 CNY\n卢布 3 RUB\n卢布 1 rub\n万 10000 CNY naked\n"
            + "[count]\n年\n台 bound-only extra\n[per-marker]\n每 infix\n[measure]\n件\n");
        var bounds = LineCount(QuantityGrammar.BoundsFile);
        Append(QuantityGrammar.BoundsFile,
            "\n[bound]\n以上 after at-least inclusive\n几乎 infix at-most inclusive\n几乎 before roughly inclusive\n"
            + "几乎 before at-most sometimes\n几乎 before at-most inclusive area\n[marker]\n（含{figure}{figure}） inclusive\n"
            + "{figure}） inclusive\n[gap]\n给予   # a comment may follow an entry\n");
        var ranges = LineCount(QuantityGrammar.RangesFile);
        Append(QuantityGrammar.RangesFile,
            "\n[approximate]\n大概 before place\n大概 after digit\n大概 before about weight\n大概 before\n[connector]\n至 到\n");

        var grammar = PolicyGrammar.Load(_dir.FullName, out var problems);

        Assert.Null(grammar);
        var found = problems.Select(p => $"{p.File}:{p.Span?.Line} {p.Code} {string.Join(",", p.Args)}").ToList();
        Assert.Equal(
            [
                $"grammar/units.txt:{units + 3} GR003 unit,元,{FindLine(QuantityGrammar.UnitsFile, "元 ")}",
                $"grammar/units.txt:{units + 4} GR001 multiplier '10000000000000000' must be a power of ten from 1 to 1000000000000",
                $"grammar/units.txt:{units + 5} GR001 multiplier '3' must be a power of ten from 1 to 1000000000000",
                $"grammar/units.txt:{units + 6} GR001 currency 'rub' must be an ISO 4217 code such as CNY",
                $"grammar/units.txt:{units + 7} GR002 flag,naked",
                $"grammar/units.txt:{units + 9} GR003 unit,年,{FindLine(QuantityGrammar.UnitsFile, "年")}",
                $"grammar/units.txt:{units + 10} GR001 [count] entries are: word [bound-only]",
                $"grammar/units.txt:{units + 12} GR002 position,infix",
                $"grammar/units.txt:{units + 14} GR002 section,measure",
                $"grammar/bounds.txt:{bounds + 3} GR003 bound,以上 after,{FindLine(QuantityGrammar.BoundsFile, "以上 ")}",
                $"grammar/bounds.txt:{bounds + 4} GR002 position,infix",
                $"grammar/bounds.txt:{bounds + 5} GR002 direction,roughly",
                $"grammar/bounds.txt:{bounds + 6} GR002 inclusiveness,sometimes",
                $"grammar/bounds.txt:{bounds + 7} GR002 kind,area",
                $"grammar/bounds.txt:{bounds + 9} GR004 marker '（含{{figure}}{{figure}}）' may hold one {{figure}}, with literal text on both sides",
                $"grammar/bounds.txt:{bounds + 10} GR004 marker '{{figure}}）' may hold one {{figure}}, with literal text on both sides",
                $"grammar/bounds.txt:{bounds + 12} GR003 gap,给予,{FindLine(QuantityGrammar.BoundsFile, "给予")}",
                $"grammar/ranges.txt:{ranges + 3} GR001 meaning 'place' cannot stand before a figure",
                $"grammar/ranges.txt:{ranges + 4} GR001 meaning 'digit' cannot stand after a figure",
                $"grammar/ranges.txt:{ranges + 5} GR002 kind,weight",
                $"grammar/ranges.txt:{ranges + 6} GR001 [approximate] entries are: word before|infix|after about|place|digit [kind ...]",
                $"grammar/ranges.txt:{ranges + 8} GR001 [connector] entries are one word each",
            ],
            found);
    }

    [Fact]
    public void The_quantity_grammar_lists_longest_words_first()
    {
        var quantities = Repo.Grammar.Quantities;
        Assert.True(quantities.Units.IndexOf(quantities.Units.Single(u => u.Word == "个项目")) < quantities.Units.IndexOf(quantities.Units.Single(u => u.Word == "个")));
        Assert.Equal(quantities.Bounds.Select(b => b.Word.Length).OrderDescending(), quantities.Bounds.Select(b => b.Word.Length));
        Assert.Equal(quantities.NotANumber.Select(w => w.Length).OrderDescending(), quantities.NotANumber.Select(w => w.Length));
        var wan = quantities.Units.Single(u => u.Word == "万");
        Assert.Equal((PolicyExtract.Extract.QuantityKind.Money, 4, "CNY", true), (wan.Kind, wan.Exponent, wan.Code, wan.Bare));
        Assert.True(quantities.Units.Single(u => u.Word == "级").BoundOnly);
    }

    [Fact]
    public void A_missing_grammar_file_is_named()
    {
        var grammar = PolicyGrammar.Load(_dir.FullName, out var problems);
        Assert.Null(grammar);
        Assert.Contains(problems, p => p.Code == "GR005" && p.File == "grammar/numbering.txt");
        Assert.Contains(problems, p => p.Code == "GR005" && p.File == "grammar/document.txt");
        Assert.Contains(problems, p => p.Code == "GR005" && p.File == "grammar/units.txt");
        Assert.Contains(problems, p => p.Code == "GR005" && p.File == "grammar/bounds.txt");
        Assert.Contains(problems, p => p.Code == "GR005" && p.File == "grammar/ranges.txt");
        Assert.Contains(problems, p => p.Code == "GR005" && p.File == "grammar/counts.txt");
    }

    [Fact]
    public void Every_bad_count_line_is_reported_with_its_file_and_line()
    {
        CopyRepoGrammar();
        var counts = LineCount(CountGrammar.File);
        Append(CountGrammar.File, "\n[self]\n本卷 volume\n本章 chapter\n[cues]\n合共\n[cue]\n共 计\n共\n");

        Assert.Null(PolicyGrammar.Load(_dir.FullName, out var problems));

        Assert.Equal(
            [
                $"grammar/counts.txt:{counts + 3} GR002 level,volume",
                $"grammar/counts.txt:{counts + 4} GR003 self,本章,{FindLine(CountGrammar.File, "本章 ")}",
                $"grammar/counts.txt:{counts + 6} GR002 section,cues",
                $"grammar/counts.txt:{counts + 8} GR001 [cue] entries are one word each",
                $"grammar/counts.txt:{counts + 9} GR003 cue,共,{FindLine(CountGrammar.File, "共")}",
            ],
            problems.Select(p => $"{p.File}:{p.Span?.Line} {p.Code} {string.Join(",", p.Args)}"));
    }

    [Fact]
    public void An_empty_section_of_a_quantity_file_is_named()
    {
        CopyRepoGrammar();
        var path = Path.Combine(_dir.FullName, QuantityGrammar.RangesFile);
        File.WriteAllLines(path, File.ReadAllLines(path).TakeWhile(l => l != "[list]"));

        Assert.Null(PolicyGrammar.Load(_dir.FullName, out var problems));

        Assert.Equal(
            ["grammar/ranges.txt GR005 section [list]", "grammar/ranges.txt GR005 section [clause-break]"],
            problems.Select(p => $"{p.File} {p.Code} {string.Join(",", p.Args)}"));
    }

    private int FindLine(string file, string start) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(_dir.FullName, file)), l => l.StartsWith(start, StringComparison.Ordinal)) + 1;
}
