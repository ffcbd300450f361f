using CsCheck;
using PolicyExtract.Extract;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Extract;

/// <summary>
/// Every reader of a clause (rules, document rules, metadata) walks it by <see cref="Sentences"/>: sentences end after
/// 。；;！？ and at a line break, segments at a comma outside brackets and quotes, without the spaces that open them. The splitter jumps between marks with a
/// vectorized search; the reference here reads every character, as the splitter once did.
/// </summary>
public sealed class SentencesTests
{
    [Fact]
    public void A_grant_clause_splits_into_its_sentences_and_their_comma_segments()
    {
        const string clause = "对主导国家标准制定的，给予最高30万元资助；对参与的，给予10万元资助。\n每年最多资助10家！";
        Assert.Equal(
            [(0, "对主导国家标准制定的，给予最高30万元资助；"), (22, "对参与的，给予10万元资助。"), (37, "每年最多资助10家！")],
            Sentences.Of(clause));
        Assert.Equal([(0, "对主导国家标准制定的"), (11, "给予最高30万元资助")], Sentences.Segments("对主导国家标准制定的，给予最高30万元资助；"));
    }

    [Fact]
    public void A_page_in_ascii_punctuation_ends_a_sentence_at_a_semicolon_and_a_segment_opens_after_its_space()
    {
        const string clause = "给予最高50万元奖励; 对新认定的,给予20万元奖励。";
        Assert.Equal([(0, "给予最高50万元奖励;"), (11, " 对新认定的,给予20万元奖励。")], Sentences.Of(clause));
        Assert.Equal([(12, "对新认定的"), (18, "给予20万元奖励")], Sentences.Segments(" 对新认定的,给予20万元奖励。", offset: 11));
    }

    [Fact]
    public void A_comma_inside_brackets_quotes_or_a_title_does_not_split()
    {
        Assert.Equal(
            [(5, "对获得（专利、商标，版权）的"), (20, "按《办法，细则》给予“领跑者，标杆”奖励")],
            Sentences.Segments("对获得（专利、商标，版权）的，按《办法，细则》给予“领跑者，标杆”奖励。", offset: 5));
    }

    [Fact]
    public void Empty_pieces_are_skipped_and_the_last_piece_needs_no_end_mark()
    {
        Assert.Equal([(2, "给予奖励")], Sentences.Of("\n\n给予奖励"));
        Assert.Equal([(0, "甲"), (3, "乙")], Sentences.Segments("甲，，乙。"));
        Assert.Empty(Sentences.Of(""));
        Assert.Empty(Sentences.Segments("。"));
    }

    [Fact]
    public void Every_seed_line_and_any_mix_of_marks_splits_as_a_character_by_character_scan_does()
    {
        var lines = Repo.SeedNumbers.SelectMany(s => File.ReadAllLines(Repo.Seed(s))).ToList();
        Check(string.Join('\n', lines));
        foreach (var line in lines)
        {
            Check(line);
        }

        string[] pieces = ["给予", "30万元", "，", ",", "。", "；", ";", " ", "！", "？", "\n", "（", "）", "“", "”", "《", "》", "、", "的"];
        Gen.Int[0, pieces.Length - 1].Array[0, 24]
            .Select(picks => string.Concat(picks.Select(i => pieces[i])))
            .Sample(Check, iter: 3000);
    }

    private static void Check(string text)
    {
        var sentences = Sentences.Of(text).ToList();
        Assert.Equal(ReferenceSentences(text), sentences);
        foreach (var (start, sentence) in sentences)
        {
            Assert.Equal(ReferenceSegments(sentence, start), Sentences.Segments(sentence, start));
        }

        Assert.Equal(ReferenceSegments(text, 0), Sentences.Segments(text));
    }

    private static List<(int, string)> ReferenceSentences(string text)
    {
        var found = new List<(int, string)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '；' or ';' or '！' or '？' or '\n')
            {
                var end = text[i] == '\n' ? i : i + 1;
                if (end > start)
                {
                    found.Add((start, text[start..end]));
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            found.Add((start, text[start..]));
        }

        return found;
    }

    private static List<(int, string)> ReferenceSegments(string sentence, int offset)
    {
        var found = new List<(int, string)>();
        var start = 0;
        var depth = 0;
        for (var i = 0; i <= sentence.Length; i++)
        {
            if (i < sentence.Length)
            {
                depth += sentence[i] is '（' or '“' or '《' ? 1 : sentence[i] is '）' or '”' or '》' ? -1 : 0;
                if (!(sentence[i] is '，' or ',' && depth <= 0))
                {
                    continue;
                }
            }

            var to = i;
            while (to > start && sentence[to - 1] is '。' or '；' or ';' or '！')
            {
                to--;
            }

            while (start < to && sentence[start] is ' ' or '\u3000')
            {
                start++;
            }

            if (to > start)
            {
                found.Add((offset + start, sentence[start..to]));
            }

            start = i + 1;
        }

        return found;
    }
}
