using System.Collections.Immutable;

namespace PolicyExtract.Extract;

/// <summary>
/// Expands elliptical lists, where policies write the shared part once:
/// <list type="bullet">
/// <item>shared head: 中国专利金奖、银奖、优秀奖 → 中国专利金奖, 中国专利银奖, 中国专利优秀奖; 主导国家标准制定、修订 → 主导国家标准制定, 主导国家标准修订;</item>
/// <item>shared tail: 国家、省、市知识产权运营中心 → 国家知识产权运营中心, 省知识产权运营中心, 市知识产权运营中心;</item>
/// <item>both: 获批成为国家、省、市知识产权运营中心 → 获批成为国家知识产权运营中心, 获批成为省知识产权运营中心, ….</item>
/// </list>
/// A short item replaces (head) or prefixes (tail) the same number of words of the full item. Items of similar length are
/// complete already and are kept as written. Thread-safe.
/// </summary>
public sealed class ListExpander(WordBreaker words)
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

        var split = items.Select(i => words.Split(i)).ToList();
        var first = split[0];
        var last = split[^1];

        // Shared head: the first item is complete, the others are short tails (金奖、银奖、优秀奖).
        if (split.Skip(1).All(s => IsElliptical(s, first)))
        {
            return [items[0], .. split.Skip(1).Select(s => string.Concat(first.Take(first.Length - CoreLength(s))) + string.Concat(s))];
        }

        // Two items, the first with the shared head, the second with the shared tail, parallel where they meet:
        // 获得深圳市高价值、高质量专利培育项目资助; 评定为国家级、省级优秀导航项目成果; 主导广东省、深圳市地方标准制定.
        if (split.Count == 2 && first[^1] != last[^1] && Meeting(first, last) is var (kFirst, kLast))
        {
            var head = string.Concat(first.Take(first.Length - kFirst));
            var tail = string.Concat(last.Skip(kLast));
            if (head.Length >= 2 && tail.Length >= 2)
            {
                return [items[0] + tail, head + items[1]];
            }
        }

        // Shared tail: the last item is complete, the others are short heads (国家、省、市知识产权运营中心).
        if (split.Take(split.Count - 1).All(s => IsElliptical(s, last)))
        {
            return [.. split.Take(split.Count - 1).Select(s => string.Concat(s) + string.Concat(last.Skip(s.Length))), items[^1]];
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

        return [.. items];
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

    // The last character of a place or level name: 广东省, 深圳市, 光明区, 国家, 省级.
    private const string Places = "省市区县州家级";

    private static bool IsIdeograph(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>An item of a word or two, not counting a bracketed note (示范园区（基地）).</summary>
    private static bool IsElliptical(ImmutableArray<string> item, ImmutableArray<string> full)
    {
        var core = item.TakeWhile(w => !w.StartsWith('（')).ToList();
        return core.Count <= EllipticalMaxWords && core.Sum(w => w.Length) <= EllipticalMaxChars && full.Length > item.Length;
    }
}
