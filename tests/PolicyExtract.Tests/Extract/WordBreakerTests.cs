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
