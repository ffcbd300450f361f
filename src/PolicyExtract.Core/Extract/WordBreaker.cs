using System.Collections.Frozen;
using System.Collections.Immutable;
using Icu;

namespace PolicyExtract.Extract;

/// <summary>
/// Cuts text into pieces that lie end to end and concatenate to it: words, and what lies between them. Must be
/// thread-safe.
/// </summary>
public delegate IReadOnlyList<string> WordSegmenter(string text);

/// <summary>
/// Chinese word segmentation: ICU's dictionary word-breaker (the machine's libicu, through icu.net; jieba.NET was
/// measured against it on the extraction and not adopted, see the README), then adjacent pieces that together form a
/// word of the domain lexicon (grammar/lexicon.txt) are merged, longest first: 金|奖 → 金奖, 知识|产权 → 知识产权.
/// Punctuation comes back as pieces too, so the pieces always concatenate to the input. Thread-safe.
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

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>The longest word of the lexicon: no longer run of pieces can be one.</summary>
    private readonly int _longest;

    /// <summary>Another segmenter in ICU's place, for comparing them on the extraction (the lexicon still merges).</summary>
    private readonly WordSegmenter? _segment;

    public WordBreaker(ImmutableHashSet<string> lexicon)
        : this(lexicon, null)
    {
    }

    public WordBreaker(ImmutableHashSet<string> lexicon, WordSegmenter? segment)
    {
        if (segment is null)
        {
            _ = Initialized.Value;
        }

        _segment = segment;
        _lookup = lexicon.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _longest = lexicon.Select(w => w.Length).DefaultIfEmpty(0).Max();
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
        var pieces = _segment is null ? IcuPieces(text) : _segment(text);
        if (_segment is not null && string.Concat(pieces) != text)
        {
            throw new InvalidOperationException($"The segmenter lost or added text: '{text}' came back as '{string.Join("|", pieces)}'.");
        }

        // The pieces lie end to end in the text, so a run of them is a slice of it: looked up without building it.
        var merged = ImmutableArray.CreateBuilder<string>(pieces.Count);
        var from = 0;
        for (var i = 0; i < pieces.Count;)
        {
            var take = 1;
            var length = pieces[i].Length;
            var candidate = length;
            for (var n = 2; n <= MaxMerge && i + n <= pieces.Count; n++)
            {
                candidate += pieces[i + n - 1].Length;
                if (candidate > _longest)
                {
                    break;
                }

                if (_lookup.Contains(text.AsSpan(from, candidate)))
                {
                    take = n;
                    length = candidate;
                }
            }

            merged.Add(take == 1 ? pieces[i] : text.Substring(from, length));
            from += length;
            i += take;
        }

        return merged.ToImmutable();
    }

    private static List<string> IcuPieces(string text)
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

        return pieces;
    }
}
