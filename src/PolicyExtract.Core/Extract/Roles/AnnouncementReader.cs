using System.Collections.Immutable;
using PolicyExtract.Grammar;

namespace PolicyExtract.Extract.Roles;

/// <summary>
/// A grant named in one segment and measured in the next: 给予生活补贴，每人每月3000元; 发放租房补贴，其中D类以上人才每月
/// 2400元; 给予一次性奖励，标准为每家20万元. <see cref="VerbAt"/> is where the verb stands in its segment (what comes before
/// it earns the grant or names who gets it); <see cref="Benefit"/> is what is granted, as written after the verb
/// (一次性奖励, 租房补贴); <see cref="Once"/> says it opens with 一次性.
/// </summary>
internal sealed record Announcement(int VerbAt, string Benefit, bool Once);

/// <summary>
/// Reads the segment that announces a grant without its figure, when the segment after it gives the figure and no verb
/// of its own; and, in that segment, the recipient written before the figure (A类人才每人每月3000元). The words are the
/// grammar's (<c>cues.txt</c>: [grant-verb], [pay-verb], [benefit], [benefit-degree], [beneficiary], [trigger-aside],
/// [amount-standard], [frequency-once]).
/// </summary>
internal sealed class AnnouncementReader(PolicyGrammar grammar)
{
    // 给予一次性生活补贴, 发放高层次人才租房补贴: what is granted is a short noun phrase ending in a benefit word.
    private const int MaxBenefitLength = 10;

    private readonly ImmutableArray<string> _verbs = [.. grammar.Cues["grant-verb"], .. grammar.Cues["pay-verb"]];
    private readonly ImmutableArray<string> _benefits = grammar.Cues["benefit"];
    private readonly ImmutableArray<string> _recipients = grammar.Cues["beneficiary"];
    private readonly ImmutableArray<string> _asides = grammar.Cues["trigger-aside"];
    private readonly ImmutableArray<string> _standards = grammar.Cues["amount-standard"];
    private readonly ImmutableArray<string> _once = grammar.Cues["frequency-once"];
    private readonly ImmutableArray<string> _degrees = grammar.Cues["benefit-degree"];

    /// <param name="segment">A segment with no figure of a grant.</param>
    /// <param name="next">The segment after it in the sentence, and whether it holds an amount without a verb.</param>
    public Announcement? Read(string segment, string? next, bool nextHasVerblessAmount)
    {
        if (next is null || !nextHasVerblessAmount)
        {
            return null;
        }

        for (var at = 0; at < segment.Length; at++)
        {
            if (Words.StartOf(segment.AsSpan(at), _verbs) is not { } verb)
            {
                continue;
            }

            // 给予一定的财政贴息: a word of degree ([benefit-degree]) and its 的 are no part of what is granted.
            var granted = segment[(at + verb.Length)..].TrimEnd('，', '：', ':');
            granted = Words.StartOf(granted, _degrees) is { } degree ? granted[degree.Length..].TrimStart('的') : granted;
            if (granted.Length is > 0 and <= MaxBenefitLength && Words.EndsWithAny(granted, _benefits) && !granted.Any(char.IsAsciiDigit))
            {
                return new Announcement(at, granted, Words.StartOf(granted, _once) is not null);
            }

            // 补贴 in 给予租房补贴 is itself a grant word: the first verb is the one that counts.
            return null;
        }

        return null;
    }

    /// <summary>
    /// 其中D类以上人才、正高级职称人才、博士研究生每月 → D类以上人才、正高级职称人才、博士研究生; 标准为每户每月 → null: the
    /// recipient written before an announced grant's figure, without the per-unit and period words after it.
    /// </summary>
    public string? RecipientBefore(string lead)
    {
        lead = lead.Trim().TrimEnd('，');
        lead = Words.StartOf(lead, _asides) is { } aside ? lead[aside.Length..] : lead;
        lead = Words.StartOf(lead, _standards) is { } standard ? lead[standard.Length..] : lead;
        // Per-unit and period words stand last (每人每月, 每年, 按月): cut from the first 每 or 按 that only they follow.
        var cut = lead.IndexOfAny(['每', '按']);
        var recipient = cut < 0 ? lead : lead[..cut];
        return recipient.Length > 0 && Words.EndsWithAny(recipient, _recipients) ? recipient : null;
    }
}
