using System.Collections.Immutable;
using System.Text;
using JiebaNet.Segmenter;
using PolicyExtract.Extract;
using PolicyExtract.Pipeline;
using PolicyExtract.Tests.TestSupport;
using PolicyExtract.Validation;
using Xunit.Abstractions;

namespace PolicyExtract.Tests.Extract;

/// <summary>
/// jieba.NET, the segmenter the client's design card names, against ICU's word-breaker, judged on the work segmentation
/// does here: expanding elliptical lists and finding the words of triggers and recipients. Both read every document
/// that has expectations and is open to development (the seeds, the genre specs, the corpus's Dev split; HeldOut stays
/// unseen), each with the domain lexicon (jieba as user words), and both outputs are scored against the expectations.
/// The README's dependency section quotes the figures this prints; the assertion is the decision they support.
/// </summary>
public sealed class SegmenterComparisonTests(ITestOutputHelper output)
{
    private static readonly Lazy<JiebaSegmenter> Jieba = new(() =>
    {
        var jieba = new JiebaSegmenter();
        foreach (var word in Repo.Grammar.Lexicon.Order(StringComparer.Ordinal))
        {
            jieba.AddWord(word);
        }

        return jieba;
    });

    /// <summary>jieba's dictionary and caches are shared by every segmenter and not documented as thread-safe.</summary>
    private static readonly Lock JiebaLock = new();

    /// <summary>
    /// jieba's words, with what lies between two words (punctuation, spaces) as one piece, as the ICU pieces are: the
    /// comparison is of the words, not of how punctuation is cut.
    /// </summary>
    internal static IReadOnlyList<string> JiebaPieces(string text)
    {
        List<string> cut;
        lock (JiebaLock)
        {
            cut = [.. Jieba.Value.Cut(text, cutAll: false, hmm: true)];
        }

        var pieces = new List<string>(cut.Count);
        foreach (var piece in cut)
        {
            if (!IsWord(piece) && pieces.Count > 0 && !IsWord(pieces[^1]))
            {
                pieces[^1] += piece;
            }
            else
            {
                pieces.Add(piece);
            }
        }

        return pieces;
    }

    private static bool IsWord(string piece) => piece.Any(char.IsLetterOrDigit);

    private static string[] Folders => [Path.Combine(Repo.Specs, "Seeds"), Path.Combine(Repo.Specs, "Genre"), Path.Combine(Repo.Specs, "Corpus", "Dev")];

    private static readonly Lazy<(CorpusScore Icu, CorpusScore Jieba)> Scores = new(() =>
    {
        var jieba = new PolicyPipeline(Repo.Grammar, new WordBreaker(Repo.Grammar.Lexicon, JiebaPieces));
        return (CorpusScorer.Score(Repo.Pipeline, Folders, [Repo.Seeds]), CorpusScorer.Score(jieba, Folders, [Repo.Seeds]));
    });

    [Theory]
    [InlineData("中国专利金奖、银奖、优秀奖", "中国专利金奖|中国专利银奖|中国专利优秀奖")]
    [InlineData("国家、省、市知识产权运营中心", "国家知识产权运营中心|省知识产权运营中心|市知识产权运营中心")]
    [InlineData("主导国家标准制定、修订", "主导国家标准制定|主导国家标准修订")]
    public void Both_segmenters_expand_the_lists_the_genre_is_made_of(string list, string expanded)
    {
        var icu = new ListExpander(new WordBreaker(Repo.Grammar.Lexicon), Repo.Grammar.Cues["award-rank"]);
        var jieba = new ListExpander(new WordBreaker(Repo.Grammar.Lexicon, JiebaPieces), Repo.Grammar.Cues["award-rank"]);
        Assert.Equal(expanded, string.Join('|', icu.Expand(list.Split('、'))));
        Assert.Equal(expanded, string.Join('|', jieba.Expand(list.Split('、'))));
    }

    [Fact]
    public void Jieba_pieces_are_the_text_cut_end_to_end()
    {
        const string text = "对获得中国专利金奖、银奖的单位，  按项目给予最高200万元（含）奖励。";
        var pieces = JiebaPieces(text);
        Assert.Equal(text, string.Concat(pieces));
        Assert.Contains("金奖", pieces);
        Assert.DoesNotContain(pieces.Zip(pieces.Skip(1)), p => !IsWord(p.First) && !IsWord(p.Second));
    }

    /// <summary>
    /// ICU (with the lexicon) is kept because, reading the same documents, jieba (with the same lexicon) matches no more
    /// rules and gets no more triggers and recipients right. Should that turn, this fails: the decision is to be made
    /// again from the figures it prints, and the README's dependency section rewritten.
    /// </summary>
    [Fact]
    public void Icu_expands_and_reads_the_documents_at_least_as_well_as_jieba()
    {
        var (icu, jieba) = Scores.Value;
        Assert.Empty(icu.Problems);
        Assert.Empty(jieba.Problems);
        output.WriteLine(Table(icu, jieba));

        var icuScores = icu.Scores.ToDictionary(s => s.Kind);
        var jiebaScores = jieba.Scores.ToDictionary(s => s.Kind);
        Assert.True(icu.Rules.Matched >= jieba.Rules.Matched, Table(icu, jieba));
        foreach (var kind in new[] { FieldKind.Triggers, FieldKind.Beneficiary, FieldKind.Amounts })
        {
            Assert.True(icuScores[kind].Correct >= jiebaScores[kind].Correct, $"{kind}\n" + Table(icu, jieba));
        }
    }

    /// <summary>Totals, then every difference found by one segmenter's run and not the other's, by document.</summary>
    internal static string Table(CorpusScore icu, CorpusScore jieba)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"documents {icu.Documents.Length}; expected rules {icu.Rules.Expected}");
        sb.AppendLine($"ICU:   extracted {icu.Rules.Extracted}, matched {icu.Rules.Matched}, missing {icu.Rules.Missing}, unexpected {icu.Rules.Unexpected}");
        sb.AppendLine($"jieba: extracted {jieba.Rules.Extracted}, matched {jieba.Rules.Matched}, missing {jieba.Rules.Missing}, unexpected {jieba.Rules.Unexpected}");
        foreach (var (a, b) in icu.Scores.Zip(jieba.Scores))
        {
            sb.AppendLine($"{a.Kind,-14} correct ICU {a.Correct,4} / jieba {b.Correct,4} (expected {a.Expected}; extracted {a.Extracted} / {b.Extracted})");
        }

        // A place is a field of a rule (or an unexpected rule) of a clause; where the two runs read it differently, the
        // expectations say which is right: the one without a difference there, or neither.
        var (icuRight, jiebaRight, neither) = (0, 0, 0);
        foreach (var (a, b) in icu.Documents.Zip(jieba.Documents))
        {
            var withIcu = a.Report.Findings.GroupBy(Place).ToDictionary(g => g.Key, g => string.Join(" / ", g.Select(f => f.Actual)));
            var withJieba = b.Report.Findings.GroupBy(Place).ToDictionary(g => g.Key, g => string.Join(" / ", g.Select(f => f.Actual)));
            foreach (var place in withIcu.Keys.Union(withJieba.Keys).Order(StringComparer.Ordinal))
            {
                var (i, j) = (withIcu.GetValueOrDefault(place), withJieba.GetValueOrDefault(place));
                if (i == j)
                {
                    continue;
                }

                var verdict = i is null ? "ICU right" : j is null ? "jieba right" : "both wrong";
                _ = i is null ? icuRight++ : j is null ? jiebaRight++ : neither++;
                sb.AppendLine($"  {a.Name} {place}: {verdict}; ICU {i ?? "as expected"} | jieba {j ?? "as expected"}");
            }
        }

        sb.AppendLine($"read differently: {icuRight + jiebaRight + neither}; ICU right {icuRight}, jieba right {jiebaRight}, both wrong {neither}");
        return sb.ToString();
    }

    private static string Place(Finding f) => $"{f.Section} {f.Kind} {f.Clause} {f.Field}";

}
