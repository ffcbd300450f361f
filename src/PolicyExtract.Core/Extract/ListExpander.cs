using System.Collections.Immutable;

namespace PolicyExtract.Extract;

/// <summary>
/// Expands elliptical lists, where policies write the shared part once:
/// <list type="bullet">
/// <item>shared head: 中国专利金奖、银奖、优秀奖 → 中国专利金奖, 中国专利银奖, 中国专利优秀奖; 主导国家标准制定、修订 → 主导国家标准制定, 主导国家标准修订;</item>
/// <item>shared tail: 国家、省、市知识产权运营中心 → 国家知识产权运营中心, 省知识产权运营中心, 市知识产权运营中心;</item>
/// <item>both: 获批成为国家、省、市知识产权运营中心 → 获批成为国家知识产权运营中心, 获批成为省知识产权运营中心, ….</item>
/// <item>a head before the word the later items start over with: 南京市优秀发明专利、优秀实用新型专利 → 南京市优秀实用新型专利.</item>
/// </list>
/// A short item replaces (head) or prefixes (tail) the same number of words of the full item. Items of similar length are
/// complete already and are kept as written. Thread-safe.
/// </summary>
public sealed class ListExpander(WordBreaker words, ImmutableArray<string> ranks)
{
    // An elliptical item is a word or two (省, 银奖, 修订); anything longer is a complete item in its own right.
    private const int EllipticalMaxWords = 2;
    private const int EllipticalMaxChars = 4;

    public ImmutableArray<string> Expand(IReadOnlyList<string> items)
    {
        if (items.Count < 2)
        {
            return [.. items];
        }

        if (WithQuotedHead(items) is { } quoted)
        {
            return quoted;
        }

        var split = items.Select(i => words.Split(i)).ToList();
        if (split.Any(s => s.IsEmpty))
        {
            // 国家、　、省级专利奖: an item with no word in it (a space, punctuation) leaves nothing to share.
            return [.. items];
        }

        var first = split[0];
        var last = split[^1];

        // Shared head: the first item is complete, the others are short tails (金奖、银奖、优秀奖).
        if (split.Skip(1).All(s => IsElliptical(s, first)))
        {
            return [items[0], .. split.Skip(1).Select(s => string.Concat(first.Take(first.Length - Replaced(first, s))) + string.Concat(s))];
        }

        // Two items, the first with the shared head, the second with the shared tail, parallel where they meet:
        // 获得深圳市高价值、高质量专利培育项目资助; 评定为国家级、省级优秀导航项目成果; 主导广东省、深圳市地方标准制定; or
        // a single noun after the head's 的 and one as long opening the tail: 在境外开展的专利、商标侵权案件中胜诉.
        if (split.Count == 2 && first[^1] != last[^1] && (Meeting(first, last) ?? AfterDe(first, last)) is var (kFirst, kLast))
        {
            var head = string.Concat(first.Take(first.Length - kFirst));
            var tail = string.Concat(last.Skip(kLast));
            if (head.Length >= 2 && tail.Length >= 2)
            {
                return [items[0] + tail, head + items[1]];
            }
        }

        // Shared tail: the last item is complete, the others are short heads (国家、省、市知识产权运营中心). A short item
        // that opens with the last item's first word is a parallel noun phrase, and shares only the head noun that
        // closes the list: 专利导航、专利预警分析项目 → 专利导航项目.
        if (split.Take(split.Count - 1).All(s => IsElliptical(s, last)))
        {
            return [.. split.Take(split.Count - 1).Select(s => string.Concat(s) + (s[0] == last[0] ? last[^1] : string.Concat(last.Skip(s.Length)))), items[^1]];
        }

        // Both: the first item carries the shared head, the last the shared tail, the middle ones are short (国家、省、市).
        var inner = split.Skip(1).Take(split.Count - 2).ToList();
        if (inner.Count > 0 && inner.All(s => IsElliptical(s, first) && IsElliptical(s, last) && s.Length == inner[0].Length)
            && !IsElliptical(first, last) && !IsElliptical(last, first))
        {
            var k = inner[0].Length;
            var head = string.Concat(first.Take(first.Length - k));
            var tail = string.Concat(last.Skip(k));
            return [items[0] + tail, .. inner.Select(s => head + string.Concat(s) + tail), head + items[^1]];
        }

        // Complete items that open with a word the first item has after its start (南京市优秀发明专利、优秀实用新型专利):
        // the words before it in the first item are a head they share.
        if (RestartAt(first, split.Skip(1).ToList()) is > 0 and var restart)
        {
            var head = string.Concat(first.Take(restart));
            return [items[0], .. items.Skip(1).Select(i => head + i)];
        }

        // Complete items ending in the same word, the last with a short tail after it (承担…工作项目、承办…活动项目、
        // 国外…研究项目资助: each ends 项目资助); then items that vary only the word before an ending they share with
        // the first (全国专业标准化技术委员会、分技术委员会 → 全国专业分技术委员会).
        var tailed = WithSharedTail(items, split);
        split = [.. tailed.Select(words.Split)];
        return [tailed[0], .. split.Skip(1).Select((s, i) => VariantOf(split[0], s) ?? tailed[i + 1])];
    }

    /// <summary>
    /// 首次入选“世界500强”、“国内制造业500强”、新三板上市 → 首次入选“国内制造业500强”: a name in quotes after the first item's
    /// head before its own quoted name is another name of the same act; an item written without quotes is its own act. Null
    /// when no later item is such a name.
    /// </summary>
    private static ImmutableArray<string>? WithQuotedHead(IReadOnlyList<string> items)
    {
        var first = items[0];
        if (Array.FindIndex(Quotes, q => first.EndsWith(q.Close)) is not (>= 0 and var kind)
            || first.LastIndexOf(Quotes[kind].Open) is not (> 0 and var open) || !first[..open].All(IsIdeograph))
        {
            return null;
        }

        var (o, c) = Quotes[kind];
        bool IsName(string item) => item.Length > 2 && item[0] == o && item[^1] == c && item.IndexOf(o, 1) < 0;
        var head = first[..open];
        return items.Skip(1).Any(IsName) ? [first, .. items.Skip(1).Select(i => IsName(i) ? head + i : i)] : null;
    }

    private static readonly (char Open, char Close)[] Quotes = [('“', '”'), ('《', '》'), ('「', '」')];

    /// <summary>
    /// Where in the first item the later items start over: the position of the word they all open with, when that is
    /// not the first item's first word and they are complete items of more than one word; 0 when there is none.
    /// </summary>
    private static int RestartAt(ImmutableArray<string> first, List<ImmutableArray<string>> later)
    {
        var at = first.IndexOf(later[0][0]);
        return at > 0 && at < first.Length - 1 && later.All(s => s.Length > 1 && s[0] == first[at] && s[0] != first[0] && s[0].All(IsIdeograph))
            ? at
            : 0;
    }

    private static List<string> WithSharedTail(IReadOnlyList<string> items, List<ImmutableArray<string>> split)
    {
        var ending = split[0][^1];
        var last = split[^1];
        var at = last.LastIndexOf(ending);
        var tail = at > 0 && at < last.Length - 1 ? string.Concat(last.Skip(at + 1)) : "";
        // 中国质量奖及中国质量奖提名奖: an item that ends with the whole last item but its tail is a name, not a list.
        var lastCore = string.Concat(last.Take(at + 1));
        if (tail.Length is 0 or > EllipticalMaxChars || !tail.All(IsIdeograph) || split.SkipLast(1).Any(s => s[^1] != ending)
            || items.SkipLast(1).Any(i => i.EndsWith(lastCore, StringComparison.Ordinal)))
        {
            return [.. items];
        }

        return [.. items.SkipLast(1).Select(i => i + tail), items[^1]];
    }

    /// <summary>
    /// 分技术委员会秘书处 after ISO、IEC标准化技术委员会秘书处: the item shares the first one's ending (技术委员会秘书处), and
    /// what it puts before that is elliptical, so it replaces as many words of the first: ISO、IEC分技术委员会秘书处.
    /// </summary>
    private static string? VariantOf(ImmutableArray<string> first, ImmutableArray<string> item)
    {
        var shared = 0;
        while (shared < Math.Min(first.Length, item.Length) - 1 && first[^(shared + 1)] == item[^(shared + 1)])
        {
            shared++;
        }

        // 省市标准化技术委员会 after 全国专业标准化技术委员会 names its own scope: a complete item.
        var core = item.Take(item.Length - shared).ToImmutableArray();
        var ending = string.Concat(item.Skip(item.Length - shared));
        if (shared == 0 || ending.Length < 2 || !IsElliptical(core, first) || first.Length - shared - core.Length < 1
            || Places.Contains(core[^1][^1]))
        {
            return null;
        }

        return string.Concat(first.Take(first.Length - shared - core.Length)) + string.Concat(item);
    }

    /// <summary>
    /// A phrase with two or more elliptical lists (its 、-pieces given): 在国内开展的专利、商标侵权案件中一审、二审胜诉 is
    /// 在国内开展的 {专利|商标} 侵权案件中 {一审|二审} 胜诉. A piece of a word or two between two others is an item of one
    /// list; a longer piece ends one list and starts the next. Null when there are fewer than two lists, or the pieces
    /// do not parse so.
    /// </summary>
    public ListTemplate? Cross(IReadOnlyList<string> pieces)
    {
        if (pieces.Count < 3)
        {
            return null;
        }

        var split = pieces.Select(p => words.Split(p)).ToList();
        if (split.Any(s => s.IsEmpty))
        {
            // 国家、　、省级专利奖: a piece with no word in it (a space, punctuation) is no item of a list.
            return null;
        }

        var shortPiece = split.Select((s, i) => i > 0 && i < split.Count - 1 && IsShort(s)).ToList();

        // Boundaries between pieces; consecutive boundaries joined by a short piece belong to one list.
        var lists = new List<(int First, int Last)>();
        for (var b = 0; b < split.Count - 1; b++)
        {
            if (lists.Count > 0 && shortPiece[b])
            {
                lists[^1] = (lists[^1].First, b + 1);
            }
            else
            {
                lists.Add((b, b + 1));
            }
        }

        if (lists.Count < 2)
        {
            return null;
        }

        // How many words each list takes from the long piece before it (left) and after it (right). A list is certain
        // when it has short items between (金奖、银奖、优秀奖) or its two items are parallel (一审、二审); a two-item list
        // that is not (专利、商标) is taken word for word, and only beside a certain one: three complete items
        // (承担…项目、承办…项目、国外…项目资助) are one list, not two.
        // A last list of two that ends the phrase may span its pieces whole: 国家、省级专利奖、外观设计奖 is
        // {国家|省级} {专利奖|外观设计奖}, nothing fixed between.
        var takeRight = new int[split.Count];
        var takeLeft = new int[split.Count];
        var certain = 0;
        var whole = false;
        foreach (var (first, last) in lists)
        {
            var meeting = last - first > 1 ? (split[first + 1].Length, split[last - 1].Length) : Meeting(split[first], split[last]);
            var wordForWord = split[first][^1].Length == split[last][0].Length && split[last][0].Length >= 2
                && split[first][^1].All(IsIdeograph) && split[last][0].All(IsIdeograph);
            if (meeting is null && !wordForWord && last == split.Count - 1 && first > 0 && split[first].Length > takeLeft[first])
            {
                whole = true;
                (takeRight[first], takeLeft[last]) = (split[first].Length - takeLeft[first], split[last].Length);
                continue;
            }

            if (meeting is null && !wordForWord)
            {
                return null;
            }

            certain += meeting is null ? 0 : 1;
            (takeRight[first], takeLeft[last]) = meeting ?? (1, 1);
        }

        if (certain == 0)
        {
            return null;
        }

        var fixedParts = new List<string>();
        var alternatives = new List<ImmutableArray<string>>();
        for (var l = 0; l < lists.Count; l++)
        {
            var (first, last) = lists[l];
            var before = split[first];
            var from = l == 0 ? 0 : takeLeft[first];
            if (before.Length - takeRight[first] < from || (l > 0 && before.Length - takeRight[first] == from && !(whole && l == lists.Count - 1)))
            {
                // A long piece between two lists keeps a part of its own.
                return null;
            }

            fixedParts.Add(string.Concat(before.Skip(from).Take(before.Length - takeRight[first] - from)));
            var after = split[last];
            alternatives.Add([
                string.Concat(before.Skip(before.Length - takeRight[first])),
                .. Enumerable.Range(first + 1, last - first - 1).Select(i => pieces[i]),
                string.Concat(after.Take(takeLeft[last])),
            ]);
        }

        var tail = split[lists[^1].Last];
        fixedParts.Add(string.Concat(tail.Skip(takeLeft[lists[^1].Last])));
        return new ListTemplate([.. fixedParts], [.. alternatives]);
    }

    private static bool IsShort(ImmutableArray<string> piece) =>
        piece.Length <= EllipticalMaxWords && piece.Sum(w => w.Length) <= EllipticalMaxChars;

    /// <summary>
    /// How many words of the first item a short item replaces: as many as it has, but an award category after a rank
    /// (标准项目奖一等奖、组织奖) replaces the rank and the category before it, back to the award it belongs to (贡献奖).
    /// </summary>
    private int Replaced(ImmutableArray<string> first, ImmutableArray<string> item)
    {
        var core = CoreLength(item);
        var text = string.Concat(item.Take(core));
        if (!ranks.Contains(first[^1]) || ranks.Contains(text) || !text.EndsWith('奖'))
        {
            return core;
        }

        var start = first.Length - 2;
        while (start > 0 && !first[start - 1].EndsWith('奖'))
        {
            start--;
        }

        return start > 0 ? first.Length - start : core;
    }

    private static int CoreLength(ImmutableArray<string> item) => item.TakeWhile(w => !w.StartsWith('（')).Count();

    /// <summary>
    /// How many words end the first item and start the last that are the varying parts of a two-item list: short, and
    /// parallel (the same first or last character: 高价值/高质量, 国家级/省级; or two places: 广东省/深圳市).
    /// </summary>
    private static (int First, int Last)? Meeting(ImmutableArray<string> first, ImmutableArray<string> last)
    {
        (int First, int Last, int Gap, int Length)? best = null;
        for (var kf = 1; kf <= Math.Min(EllipticalMaxWords, first.Length - 1); kf++)
        {
            for (var kl = 1; kl <= Math.Min(EllipticalMaxWords, last.Length - 1); kl++)
            {
                var x = string.Concat(first.Skip(first.Length - kf));
                var y = string.Concat(last.Take(kl));
                if (x.Length > EllipticalMaxChars || y.Length > EllipticalMaxChars || !x.All(IsIdeograph) || !y.All(IsIdeograph))
                {
                    continue;
                }

                var parallel = x[0] == y[0] || x[^1] == y[^1]
                    || (Places.Contains(x[^1]) && Places.Contains(y[^1]) && Math.Max(x.Length, y.Length) >= 2);
                var gap = Math.Abs(x.Length - y.Length);
                if (parallel && (best is null || gap < best.Value.Gap || (gap == best.Value.Gap && x.Length > best.Value.Length)))
                {
                    best = (kf, kl, gap, x.Length);
                }
            }
        }

        return best is { } b ? (b.First, b.Last) : null;
    }

    /// <summary>
    /// 在境外开展的专利 | 商标侵权案件中胜诉: the first item's last word follows a 的 that closes its head, and the last item
    /// opens with a word as long, so the two words are the list. Without the 的 (新增发明专利、商标注册) the head may
    /// belong to the first item alone, and the tail is not shared.
    /// </summary>
    private static (int First, int Last)? AfterDe(ImmutableArray<string> first, ImmutableArray<string> last) =>
        first.Length >= 3 && first[^2] == "的" && last.Length >= 3 && first[^1].Length == last[0].Length && last[0].Length >= 2
            && first[^1].All(IsIdeograph) && last[0].All(IsIdeograph)
            ? (1, 1)
            : null;

    // The last character of a place or level name: 广东省, 深圳市, 光明区, 国家, 省级.
    private const string Places = "省市区县州家级";

    private static bool IsIdeograph(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>An item of a word or two, not counting a bracketed note (示范园区（基地）).</summary>
    private static bool IsElliptical(ImmutableArray<string> item, ImmutableArray<string> full)
    {
        var core = item.TakeWhile(w => !w.StartsWith('（')).ToList();
        return core.Count <= EllipticalMaxWords && core.Sum(w => w.Length) <= EllipticalMaxChars && CoreLength(full) > core.Count;
    }
}

/// <summary>
/// A phrase with several lists: <see cref="Fixed"/> parts around them (one more than lists) and each list's
/// alternatives.
/// </summary>
public sealed record ListTemplate(ImmutableArray<string> Fixed, ImmutableArray<ImmutableArray<string>> Lists)
{
    /// <summary>Every phrase the template stands for, the first list varying slowest.</summary>
    public ImmutableArray<string> All() => [.. Phrases(Enumerable.Repeat(-1, Lists.Length).ToArray())];

    /// <summary>The phrases with list <paramref name="list"/> fixed to its <paramref name="alternative"/>.</summary>
    public ImmutableArray<string> With(int list, int alternative)
    {
        var chosen = Enumerable.Repeat(-1, Lists.Length).ToArray();
        chosen[list] = alternative;
        return [.. Phrases(chosen)];
    }

    private IEnumerable<string> Phrases(int[] chosen)
    {
        IEnumerable<string> phrases = [Fixed[0]];
        for (var l = 0; l < Lists.Length; l++)
        {
            var options = chosen[l] >= 0 ? [Lists[l][chosen[l]]] : Lists[l];
            var next = Fixed[l + 1];
            phrases = phrases.SelectMany(p => options.Select(o => p + o + next)).ToList();
        }

        return phrases;
    }
}
