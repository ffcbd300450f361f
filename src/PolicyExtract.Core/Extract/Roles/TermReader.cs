using System.Collections.Immutable;
using PolicyExtract.Grammar;

namespace PolicyExtract.Extract.Roles;

/// <summary>
/// How long a grant is paid, as one segment writes it: the figure of time, and whether it opens what it governs
/// (5年内每年给予…, 自注册之日起3年内，…) or closes it (…给予租金补贴，补贴期限不超过3年).
/// </summary>
/// <param name="Bare">Named by a word that need not be a grant's (期限, 有效期, 内): a term only beside a grant in its sentence.</param>
internal sealed record Term(QuantityMention Figure, bool Leading, bool Bare);

/// <summary>
/// Reads a subsidy term from a segment, or nothing. The genre writes a term in four ways: a term word before the figure
/// (补贴期限不超过3年, 扶持期限为三年, 有效期2年, 补贴时间累计不超过5年, 连续补贴三年, 最多发放5年, 享受补贴不超过2年); a
/// figure bounded by 内 before the grants it opens (5年内每年给予个人4万元, 自领取营业执照之日起3年内，…); a figure
/// before a term word and 内 (三年管理期内, 在四年有效周期内). 前2年给予…，后3年给予… is instalments, another reader's. A figure of time with a lower bound
/// (经营期限10年以上), a 的 after it (成立时间3年以内的企业) or a limit after it (一年内最多可获得2个项目) is a
/// condition or a period, not a term: another reader's. The words are the grammar's (<c>cues.txt</c>, [term] and the
/// sections after it).
/// </summary>
internal sealed class TermReader(PolicyGrammar grammar)
{
    private readonly ImmutableArray<string> _before = grammar.Cues["term"];
    private readonly ImmutableArray<string> _after = grammar.Cues["term-after"];
    private readonly ImmutableArray<string> _fillers = grammar.Cues["term-filler"];
    private readonly ImmutableArray<string> _notAfter = grammar.Cues["term-not-after"];
    private readonly ImmutableArray<string> _grantWords = [.. grammar.Cues["grant-verb"], .. grammar.Cues["benefit"]];

    /// <summary>The first term among <paramref name="mentions"/> of the segment [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>.</summary>
    public Term? Read(string text, int start, int end, IEnumerable<QuantityMention> mentions)
    {
        foreach (var m in mentions)
        {
            // Terms run in years or months; days are deadlines (10个工作日内).
            if (m is not { Kind: QuantityKind.Duration, Value: not null } || m.Start < start || m.End > end
                || m.Bound is { Direction: not BoundDirection.AtMost } || !(m.Unit.EndsWith('年') || m.Unit.EndsWith('月')))
            {
                continue;
            }

            var head = text.AsSpan(start, m.Start - start);
            var after = text.AsSpan(m.End, end - m.End);
            if (Words.StartOf(after, _notAfter) is not null)
            {
                continue;
            }

            if (TermWordBefore(head) is { } word)
            {
                return new Term(m, Leading: false, Bare: word is "期限" or "有效期");
            }

            // 在3个工作日内完成审核, 收到申请后3个月内: a deadline, not a term. A term opens a grant or runs from a start (起).
            if (m.Bound is { Word: "内" or "以内" or "之内" } && !head.EndsWith("近") && !head.EndsWith("过去")
                && (OpensGrant(after) || (after.IsEmpty && head.Contains('起'))))
            {
                return new Term(m, Leading: true, Bare: true);
            }

            if (m.Bound is null && Words.StartOf(after, _after) is { } afterWord && after[afterWord.Length..].StartsWith("内"))
            {
                return new Term(m, Leading: true, Bare: true);
            }

        }

        return null;
    }

    /// <summary>The term word <paramref name="head"/> ends with, past any fillers (为, 最长, 累计…) between it and the figure.</summary>
    private string? TermWordBefore(ReadOnlySpan<char> head)
    {
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var filler in _fillers)
            {
                if (head.EndsWith(filler, StringComparison.Ordinal))
                {
                    head = head[..^filler.Length];
                    stripped = true;
                }
            }
        }

        string? longest = null;
        foreach (var word in _before)
        {
            if (head.EndsWith(word, StringComparison.Ordinal) && word.Length > (longest?.Length ?? 0))
            {
                longest = word;
            }
        }

        return longest;
    }

    /// <summary>Whether a grant word follows at once, past 全部 or 每年 (3年内每年给予, 3年内全部奖补给企业).</summary>
    private bool OpensGrant(ReadOnlySpan<char> after)
    {
        foreach (var skip in (ReadOnlySpan<string>)["全部", "每年"])
        {
            if (after.StartsWith(skip, StringComparison.Ordinal))
            {
                after = after[skip.Length..];
            }
        }

        return Words.StartOf(after, _grantWords) is not null;
    }
}
