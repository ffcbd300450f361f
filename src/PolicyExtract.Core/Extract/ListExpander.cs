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
            return [items[0], .. split.Skip(1).Select(s => string.Concat(first.Take(first.Length - s.Length)) + string.Concat(s))];
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

    private static bool IsElliptical(ImmutableArray<string> item, ImmutableArray<string> full) =>
        item.Length <= EllipticalMaxWords && item.Sum(w => w.Length) <= EllipticalMaxChars && full.Length > item.Length;
}
