using System.Collections.Immutable;
using PolicyExtract.Grammar;
using PolicyExtract.Numbers;
using PolicyExtract.Structure;

namespace PolicyExtract.Check;

/// <summary>
/// Finds the statements of counts in a clause's own text (grammar/counts.txt): a number, or a 、-separated list of
/// numbers after a [respectively] word, introduced by a cue no more than <see cref="CueReach"/> characters before it
/// with no punctuation between, followed by what it counts (a [part-noun], an [item-noun], or an [item-measure] with an
/// [item-tail] or a named part). Linear in the text; no regular expressions. Thread-safe.
/// </summary>
public sealed class CountStatementFinder(CountGrammar grammar, ImmutableArray<string> documentSelfWords)
{
    /// <summary>How far before the number a cue may end: 共提出了24条 (4 characters between 共 and 24).</summary>
    public const int CueReach = 6;

    /// <summary>Larger numbers are not counts of clauses (dates, amounts).</summary>
    private const decimal MaxCount = 1000;

    /// <summary>Characters that end the stretch of text a cue, a part name or a self word may be in.</summary>
    private const string Breaks = "，,。；;：:！？!?“”\"《》（）()\n";

    /// <summary>
    /// The statements in <paramref name="clause"/>'s own text. In a document that makes policy rather than explains
    /// one (<paramref name="explanatory"/> false), a count of the whole document counts only when the document names
    /// itself (本办法共五章); otherwise 共24条措施 in a policy is more likely a number of grants than of clauses.
    /// </summary>
    public ImmutableArray<CountStatement> Find(Clause clause, bool explanatory)
    {
        var text = clause.Text;
        var found = ImmutableArray.CreateBuilder<CountStatement>();
        var numerals = Numeral.FindAll(text);
        var i = 0;
        while (i < numerals.Count)
        {
            // A run of numbers joined by 、: 2、6、6、5、5条措施.
            var run = new List<NumeralMatch> { numerals[i] };
            while (i + run.Count < numerals.Count && Joined(text, run[^1], numerals[i + run.Count]))
            {
                run.Add(numerals[i + run.Count]);
            }

            i += run.Count;
            if (Statement(clause, text, run, explanatory) is { } statement)
            {
                found.Add(statement);
            }
        }

        return found.ToImmutable();
    }

    private static bool Joined(string text, NumeralMatch left, NumeralMatch right) =>
        right.Start == left.Start + left.Length + 1 && text[left.Start + left.Length] == '、';

    private CountStatement? Statement(Clause clause, string text, List<NumeralMatch> run, bool explanatory)
    {
        var first = run[0];
        var last = run[^1];
        if (run.Any(n => n.Value != decimal.Truncate(n.Value) || n.Value < 0 || n.Value > MaxCount)
            || grammar.NotCounts.Any(w => text.AsSpan(first.Start).StartsWith(w, StringComparison.Ordinal)))
        {
            return null;
        }

        // What is counted: [measure-word]? then a noun.
        var at = last.Start + last.Length;
        at += LongestAt(text, at, grammar.MeasureWords)?.Length ?? 0;
        var thing = CountedThing.Clauses;
        var needsTail = false;
        string? noun;
        if ((noun = LongestAt(text, at, grammar.PartNouns)) is not null)
        {
            thing = CountedThing.Parts;
        }
        else if ((noun = LongestAt(text, at, grammar.ItemNouns)) is null && (noun = LongestAt(text, at, grammar.ItemMeasures)) is not null)
        {
            needsTail = true;
        }

        if (noun is null)
        {
            return null;
        }

        var end = at + noun.Length;
        var tail = LongestAt(text, end, grammar.ItemTails);
        end += tail?.Length ?? 0;

        // What introduces it: the nearest cue word ending within reach before the number.
        var stretchStart = text.LastIndexOfAny(Breaks.ToCharArray(), Math.Max(0, first.Start - 1)) + 1;
        if (first.Start == 0)
        {
            stretchStart = 0;
        }

        var cue = NearestCue(text, stretchStart, first.Start);
        if (cue is null || (run.Count > 1 && !grammar.Respectively.Contains(cue.Value.Word)))
        {
            return null;
        }

        var before = text[stretchStart..cue.Value.Start];
        var self = grammar.Self.FirstOrDefault(s => before.Contains(s.Word, StringComparison.Ordinal));
        var partName = grammar.PartNames.FirstOrDefault(p => before.Contains(p, StringComparison.Ordinal));
        var (subject, word) = self.Word is not null ? (CountSubject.Self, self.Word)
            : grammar.Following.Contains(cue.Value.Word) ? (CountSubject.Following, cue.Value.Word)
            : partName is not null ? (CountSubject.PartName, partName)
            : (CountSubject.Unnamed, (string?)null);

        // 本办法共二十条 names what it counts as surely as 本章共3条 does.
        var namesItself = documentSelfWords.Any(w => before.Contains(w, StringComparison.Ordinal));
        if (needsTail && tail is null && !namesItself && subject is not (CountSubject.Self or CountSubject.PartName))
        {
            return null;
        }

        if (subject == CountSubject.Unnamed && !explanatory && !namesItself)
        {
            return null;
        }

        var start = Math.Min(cue.Value.Start, first.Start);
        var line = clause.Span.Line + text.AsSpan(0, start).Count('\n');
        return new CountStatement(
            clause.Path, line, start, end, text[start..end], [.. run.Select(n => (int)n.Value)], thing, subject, word,
            self.Word is not null ? self.Levels : []);
    }

    /// <summary>The cue (any of [cue], [respectively], [following]) ending closest before <paramref name="number"/>, within reach.</summary>
    private (string Word, int Start)? NearestCue(string text, int stretchStart, int number)
    {
        for (var endAt = number; endAt >= Math.Max(stretchStart, number - CueReach); endAt--)
        {
            var word = grammar.Respectively.Concat(grammar.Following).Concat(grammar.Cues)
                .Where(w => endAt - w.Length >= stretchStart && text.AsSpan(0, endAt).EndsWith(w, StringComparison.Ordinal))
                .OrderByDescending(w => w.Length)
                .FirstOrDefault();
            if (word is not null)
            {
                return (word, endAt - word.Length);
            }
        }

        return null;
    }

    private static string? LongestAt(string text, int at, ImmutableArray<string> words) =>
        at <= text.Length ? words.FirstOrDefault(w => text.AsSpan(at).StartsWith(w, StringComparison.Ordinal)) : null;
}
