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
    public void A_missing_grammar_file_is_named()
    {
        var grammar = PolicyGrammar.Load(_dir.FullName, out var problems);
        Assert.Null(grammar);
        Assert.Contains(problems, p => p.Code == "GR005" && p.File == "grammar/numbering.txt");
        Assert.Contains(problems, p => p.Code == "GR005" && p.File == "grammar/document.txt");
    }

    private int FindLine(string file, string start) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(_dir.FullName, file)), l => l.StartsWith(start, StringComparison.Ordinal)) + 1;
}
