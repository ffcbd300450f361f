using System.Collections.Frozen;
using System.Collections.Immutable;
using Icu;

namespace PolicyExtract.Extract;

/// <summary>
/// Chinese word segmentation: ICU's dictionary word-breaker (the machine's libicu, through icu.net; no jieba port is
/// available here), then adjacent pieces that together form a word of the domain lexicon (grammar/lexicon.txt) are
/// merged, longest first: 金|奖 → 金奖, 知识|产权 → 知识产权. Punctuation comes back as pieces too, so the pieces always
/// concatenate to the input. Thread-safe.
/// </summary>
public sealed class WordBreaker
{
    private const int MaxMerge = 6;

    /// <summary>ICU's UBRK_WORD_NONE_LIMIT: rule statuses below it mark segments that are not words.</summary>
    private const int NoneLimit = 100;
    private static readonly Locale Chinese = new("zh_CN");
    private static readonly Lazy<bool> Initialized = new(() =>
    {
        Wrapper.Init();
        return true;
    });

    /// <summary>
    /// Opening a break iterator loads ICU's rules and dictionary: far dearer than breaking a clause. Each thread opens one
    /// and keeps it (an iterator is not thread-safe; the few worker threads of a run each hold one for the process).
    /// </summary>
    private static readonly ThreadLocal<RuleBasedBreakIterator> Iterator = new(() => new RuleBasedBreakIterator(BreakIterator.UBreakIteratorType.WORD, Chinese));

    /// <summary>
    /// The extractor asks for the same clause, sentence and phrase again and again while it reads a document; each
    /// thread remembers its answers until <see cref="Forget"/> (the next document) or until full, so memory stays bounded
    /// and no document is read faster for having been seen before.
    /// </summary>
    private readonly ThreadLocal<Dictionary<string, ImmutableArray<string>>> _recent = new(() => new(StringComparer.Ordinal));

    private const int RecentCapacity = 4096;

    private readonly FrozenSet<string> _lexicon;

    public WordBreaker(ImmutableHashSet<string> lexicon)
    {
        _ = Initialized.Value;
        _lexicon = lexicon.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Drops this thread's remembered answers: called when a thread starts on another document.</summary>
    public void Forget() => _recent.Value!.Clear();

    public ImmutableArray<string> Split(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var recent = _recent.Value!;
        if (recent.TryGetValue(text, out var known))
        {
            return known;
        }

        if (recent.Count >= RecentCapacity)
        {
            recent.Clear();
        }

        var split = Break(text);
        recent[text] = split;
        return split;
    }

    private ImmutableArray<string> Break(string text)
    {
        var pieces = new List<string>();
        var iterator = Iterator.Value!;
        iterator.SetText(text);

        // Words are the segments ICU gives a word status; what lies between two words (punctuation, spaces) is one
        // piece however many segments ICU makes of it.
        var at = 0;
        var start = iterator.MoveFirst();
        for (var end = iterator.MoveNext(); end != BreakIterator.DONE; start = end, end = iterator.MoveNext())
        {
            if (iterator.GetRuleStatus() < NoneLimit)
            {
                continue;
            }

            if (start > at)
            {
                pieces.Add(text[at..start]);
            }

            pieces.Add(text[start..end]);
            at = end;
        }

        if (at < text.Length)
        {
            pieces.Add(text[at..]);
        }

        var merged = ImmutableArray.CreateBuilder<string>(pieces.Count);
        for (var i = 0; i < pieces.Count;)
        {
            var take = 1;
            var joined = pieces[i];
            var candidate = pieces[i];
            for (var n = 2; n <= MaxMerge && i + n <= pieces.Count; n++)
            {
                candidate += pieces[i + n - 1];
                if (_lexicon.Contains(candidate))
                {
                    take = n;
                    joined = candidate;
                }
            }

            merged.Add(joined);
            i += take;
        }

        return merged.ToImmutable();
    }
}
