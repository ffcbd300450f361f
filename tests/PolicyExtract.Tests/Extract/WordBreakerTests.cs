using CsCheck;
using Icu;
using PolicyExtract.Extract;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract;

/// <summary>
/// The word breaker keeps one ICU iterator per thread and remembers recent answers, for speed; neither may change an
/// answer. The reference is ICU's own one-shot call, with the text between two words kept as one piece.
/// </summary>
public sealed class WordBreakerTests
{
    private static readonly WordBreaker Breaker = new([]);

    private static List<string> Reference(string text)
    {
        var pieces = new List<string>();
        var at = 0;
        foreach (var boundary in BreakIterator.GetBoundaries(BreakIterator.UBreakIteratorType.WORD, new Locale("zh_CN"), text))
        {
            if (boundary.Start > at)
            {
                pieces.Add(text[at..boundary.Start]);
            }

            pieces.Add(text[boundary.Start..boundary.End]);
            at = boundary.End;
        }

        if (at < text.Length)
        {
            pieces.Add(text[at..]);
        }

        return pieces;
    }

    [Fact]
    public void Every_seed_line_splits_as_a_fresh_icu_iterator_splits_it_twice_over()
    {
        foreach (var seed in Repo.SeedNumbers)
        {
            foreach (var line in File.ReadAllLines(Repo.Seed(seed)).Where(l => l.Length > 0))
            {
                Assert.Equal(Reference(line), Breaker.Split(line));
                Assert.Equal(Reference(line), Breaker.Split(line));
            }
        }
    }

    [Fact]
    public void Any_mix_of_words_numbers_punctuation_and_spaces_splits_as_a_fresh_icu_iterator_splits_it()
    {
        string[] pieces = ["对", "获得", "中国专利金奖", "的单位", "，", "。", "、", "“", "”", "（", "）", "30", "万元", " ", "\t", "5G", "ISO56005", "%", "；", "给予", "奖励", "𠮷", "a"];
        Gen.Int[0, pieces.Length - 1].Array[0, 30]
            .Select(picks => string.Concat(picks.Select(i => pieces[i])))
            .Sample(text => Assert.Equal(Reference(text), Breaker.Split(text)), iter: 2000);
    }

    /// <summary>
    /// The lexicon merge as the grammar states it, written the plain way: from each piece, the longest run of up to six
    /// pieces whose concatenation is a lexicon word becomes one piece.
    /// </summary>
    private static List<string> ReferenceMerged(string text, IReadOnlySet<string> lexicon)
    {
        var pieces = Reference(text);
        var merged = new List<string>();
        for (var i = 0; i < pieces.Count;)
        {
            var take = 1;
            for (var n = 2; n <= 6 && i + n <= pieces.Count; n++)
            {
                if (lexicon.Contains(string.Concat(pieces.Skip(i).Take(n))))
                {
                    take = n;
                }
            }

            merged.Add(string.Concat(pieces.Skip(i).Take(take)));
            i += take;
        }

        return merged;
    }

    [Fact]
    public void Pieces_that_form_a_lexicon_word_are_merged_longest_first()
    {
        var breaker = new WordBreaker(Repo.Grammar.Lexicon);
        var lexicon = Repo.Grammar.Lexicon;
        Assert.Contains("知识产权", breaker.Split("对知识产权示范企业给予奖励"));

        // Every lexicon word in every context the seeds give it, and random mixes of lexicon words and other pieces.
        foreach (var line in Repo.SeedNumbers.SelectMany(s => File.ReadAllLines(Repo.Seed(s))).Where(l => l.Length > 0))
        {
            Assert.Equal(ReferenceMerged(line, lexicon), breaker.Split(line));
        }

        string[] others = ["对", "获得", "的", "，", "给予", "30", "万元", "、", "省级", "等"];
        var words = lexicon.Order(StringComparer.Ordinal).Concat(others).ToArray();
        Gen.Int[0, words.Length - 1].Array[1, 12]
            .Select(picks => string.Concat(picks.Select(i => words[i])))
            .Sample(text => Assert.Equal(ReferenceMerged(text, lexicon), breaker.Split(text)), iter: 1000);

        // Words inside words, which the grammar's lexicon happens not to have: the longest run wins.
        var nested = new HashSet<string>(["知识产权", "知识产权示范", "产权示范", "示范企业"], StringComparer.Ordinal);
        var nestedBreaker = new WordBreaker([.. nested]);
        Assert.Equal("对|知识产权示范|企业", string.Join('|', nestedBreaker.Split("对知识产权示范企业")));
        string[] parts = ["知识", "产权", "示范", "企业", "对", "，"];
        Gen.Int[0, parts.Length - 1].Array[1, 12]
            .Select(picks => string.Concat(picks.Select(i => parts[i])))
            .Sample(text => Assert.Equal(ReferenceMerged(text, nested), nestedBreaker.Split(text)), iter: 1000);
    }

    [Fact]
    public void Threads_share_no_iterator_state()
    {
        var lines = Repo.SeedNumbers.SelectMany(s => File.ReadAllLines(Repo.Seed(s))).Where(l => l.Length > 0).ToList();
        var expected = lines.Select(Reference).ToList();
        Parallel.For(0, 8, _ =>
        {
            var breaker = new WordBreaker([]);
            for (var i = 0; i < lines.Count; i++)
            {
                Assert.Equal(expected[i], breaker.Split(lines[i]));
            }
        });
    }
}
