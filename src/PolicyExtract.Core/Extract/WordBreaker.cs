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
    private static readonly Locale Chinese = new("zh_CN");
    private static readonly Lazy<bool> Initialized = new(() =>
    {
        Wrapper.Init();
        return true;
    });

    private readonly ImmutableHashSet<string> _lexicon;

    public WordBreaker(ImmutableHashSet<string> lexicon)
    {
        _ = Initialized.Value;
        _lexicon = lexicon;
    }

    public ImmutableArray<string> Split(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var pieces = new List<string>();
        var at = 0;
        foreach (var boundary in BreakIterator.GetBoundaries(BreakIterator.UBreakIteratorType.WORD, Chinese, text))
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
