using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Grammar;
using PolicyExtract.Rules;
using PolicyExtract.Structure;

namespace PolicyExtract.Extract;

/// <summary>
/// Turns the grants in clause text into <see cref="Rule"/>s. A clause is read sentence by sentence (。；), each sentence
/// as comma-segments:
/// <list type="bullet">
/// <item>trigger segments (对获得…的单位, 经评审…的) accumulate until a grant; thresholds in them become conditions;</item>
/// <item>a grant segment holds a grant verb (grammar/cues.txt [grant-verb]) and amounts, or a phrase of an unspecified
/// grant (一事一议); 分别 distributes its amounts over the trigger's list or the beneficiaries;</item>
/// <item>a cap segment (单个项目最高300万元) caps the grant before it; a limit segment (同一单位每年资助不超过3个项目,
/// 每年最多资助10家) limits the sentence's grants, or the clause's when it stands alone.</item>
/// </list>
/// Bounds take their inclusiveness from the figure (含/不含), else from the document's definition clause, else from
/// the Civil Code convention. Thread-safe.
/// </summary>
public sealed class RuleExtractor
{
    // 行业组织、产业知识产权联盟、科研机构或知识产权服务机构 is a beneficiary list; a longer tail after 的 is a clause.
    private const int MaxBeneficiaryLength = 32;

    // …的项目, …的企业: a trigger ends in a short noun after 的.
    private const int ShortNounAfterDe = 4;

    // 每项标准, 每个企业: a per-item phrase between trigger and verb is not part of the trigger.
    private const int PerItemPhraseMaxLength = 5;

    private readonly PolicyGrammar _grammar;
    private readonly QuantityGrammar _quantities;
    private readonly ListExpander _lists;
    private readonly ImmutableArray<BoundEntry> _capsAndFloors;
    private readonly ImmutableArray<string> _leadFunctionWords;

    public RuleExtractor(PolicyGrammar grammar, WordBreaker words)
    {
        _grammar = grammar;
        _quantities = grammar.Quantities;
        _lists = new ListExpander(words);
        _capsAndFloors = [.. _quantities.BoundsBefore.Where(b => b.Direction is BoundDirection.AtMost or BoundDirection.AtLeast)];
        _leadFunctionWords = ["分别", "均", "可", "并", "择优", "一次性", "每年", "年度", .. Cue("frequency-per-item"), .. _quantities.BoundsBefore.Select(b => b.Word)];
    }

    private ImmutableArray<string> Cue(string section) => _grammar.Cues[section];

    public ImmutableArray<Rule> Extract(string documentId, IEnumerable<Clause> clauses, Boundary boundary, EvidenceMap evidence)
    {
        var rules = ImmutableArray.CreateBuilder<Rule>();
        foreach (var clause in clauses)
        {
            var drafts = ExtractClause(clause, boundary, evidence);
            for (var i = 0; i < drafts.Count; i++)
            {
                rules.Add(drafts[i].Build($"{documentId}#{clause.Path}#{(i + 1).ToString(CultureInfo.InvariantCulture)}", clause.Path));
            }
        }

        return rules.ToImmutable();
    }

    private List<Draft> ExtractClause(Clause clause, Boundary boundary, EvidenceMap evidence)
    {
        var text = clause.Text;
        var mentions = QuantityFinder.Find(text, _quantities);
        var clauseDrafts = new List<Draft>();
        var context = new Context(clause, boundary, evidence, mentions);
        foreach (var (sentenceStart, sentence) in Sentences.Of(text))
        {
            var sentenceDrafts = new List<Draft>();
            var trigger = new List<Segment>();
            foreach (var segment in Sentences.Segments(sentence, sentenceStart).Select(p => new Segment(p.Start, p.Start + p.Text.Length, p.Text)))
            {
                var inSegment = WithSharedBounds(segment, mentions.Where(m => m.Start >= segment.Start && m.End <= segment.End).ToList());
                if (Contains(segment.Text, Cue("not-grant")) is not null && IndexOfAny(segment.Text, Cue("grant-verb")) < 0
                    && inSegment.Any(m => m.Kind == QuantityKind.Money))
                {
                    // 设立5亿元基金, 资助金额达4000多万元: a fund size or a statistic, not a grant.
                    continue;
                }

                if (TryLimitOrCap(segment, inSegment, sentenceDrafts.Count > 0 ? sentenceDrafts : clauseDrafts, sentenceDrafts.Count > 0, context))
                {
                    continue;
                }

                var grant = GrantOf(segment, inSegment, text);
                if (grant is null)
                {
                    if (IsTriggerPart(segment.Text, trigger.Count > 0))
                    {
                        trigger.Add(segment);
                    }

                    continue;
                }

                sentenceDrafts.AddRange(MakeDrafts(segment, grant, trigger, context));
                trigger.Clear();
            }

            clauseDrafts.AddRange(sentenceDrafts);
        }

        return clauseDrafts;
    }

    /// <summary>The shared inputs of one clause.</summary>
    private sealed record Context(Clause Clause, Boundary Boundary, EvidenceMap Evidence, ImmutableArray<QuantityMention> Mentions);

    private sealed record Segment(int Start, int End, string Text);

    /// <summary>Where a grant starts in a segment: the grant verb (or the first amount), and the amounts it grants.</summary>
    private sealed record Grant(int VerbAt, ImmutableArray<QuantityMention> Amounts, string? Unspecified, decimal? RatioPhrase);

    private static string? Contains(string text, ImmutableArray<string> cues) =>
        cues.FirstOrDefault(c => text.Contains(c, StringComparison.Ordinal));

    private static int IndexOfAny(string text, ImmutableArray<string> cues, int from = 0)
    {
        var best = -1;
        foreach (var cue in cues)
        {
            var at = text.IndexOf(cue, from, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
            }
        }

        return best;
    }

    private static bool StartsTrigger(string text) =>
        text.StartsWith('对') || text.StartsWith("凡", StringComparison.Ordinal) || text.StartsWith("对于", StringComparison.Ordinal);

    /// <summary>
    /// A segment that belongs to the trigger of the next grant: 对…, a continuation of an open trigger, …的, …的项目 (a short
    /// noun after 的), or one that opens with a trigger verb (主导制定产业技术国际标准，每项标准给予…).
    /// </summary>
    private bool IsTriggerPart(string text, bool open)
    {
        if (text.StartsWith("鼓励", StringComparison.Ordinal) || text.StartsWith("支持", StringComparison.Ordinal))
        {
            return false;
        }

        var de = text.LastIndexOf('的');
        return StartsTrigger(text) || open || text.EndsWith('的') || EndsWithBeneficiary(text) is not null
            || (de >= 0 && text.Length - de - 1 <= ShortNounAfterDe)
            || Cue("trigger-verb").Any(v => text.StartsWith(v, StringComparison.Ordinal));
    }

    /// <summary>…的单位 → 单位: the beneficiary that closes a 对…的 trigger.</summary>
    private string? EndsWithBeneficiary(string text)
    {
        var de = text.LastIndexOf('的');
        if (de < 0 || de == text.Length - 1)
        {
            return null;
        }

        var tail = text[(de + 1)..];
        return Cue("beneficiary").Any(b => tail.EndsWith(b, StringComparison.Ordinal)) && tail.Length <= MaxBeneficiaryLength ? tail : null;
    }

    /// <summary>
    /// A bound word written once for several amounts or away from its amount applies to them: 分别给予最高200万元、100万元、
    /// 20万元 (all three are caps); 单个项目最高分别30万元、25万元; 最高给予一次性10万元奖励.
    /// </summary>
    private List<QuantityMention> WithSharedBounds(Segment segment, List<QuantityMention> mentions)
    {
        var money = mentions.Where(m => m.Kind is QuantityKind.Money or QuantityKind.Percent && m.Bound is null).ToList();
        if (money.Count == 0)
        {
            return mentions;
        }

        var first = mentions.FirstOrDefault(m => m.Kind is QuantityKind.Money or QuantityKind.Percent);
        var shared = first?.Bound is { Direction: BoundDirection.AtMost or BoundDirection.AtLeast } own && Contains(segment.Text, Cue("respectively")) is not null
            ? own
            : null;
        if (shared is null && first is not null && first.Bound is null)
        {
            // The nearest bound word before the first amount, with no other figure in between.
            var before = first.Start - segment.Start;
            var previousEnd = mentions.Where(m => m.End <= first.Start).Select(m => m.End - segment.Start).DefaultIfEmpty(0).Max();
            shared = LastLeadingBound(segment.Text, previousEnd, before, segment.Start, first.Kind);
        }

        if (shared is null)
        {
            return mentions;
        }

        var spread = Contains(segment.Text, Cue("respectively")) is not null;
        return [.. mentions.Select(m => m.Bound is null && m.Kind == first!.Kind && (spread || m == first) ? m with { Bound = shared } : m)];
    }

    /// <summary>The last cap or floor word in text[from..to) (最高给予一次性10万元), as a bound of an amount of <paramref name="kind"/>.</summary>
    private BoundWord? LastLeadingBound(string text, int from, int to, int offset, QuantityKind kind)
    {
        for (var i = to - 1; i >= from; i--)
        {
            foreach (var entry in _capsAndFloors.Where(b => b.Allows(kind)))
            {
                if (i + entry.Word.Length <= to && text.AsSpan(i).StartsWith(entry.Word, StringComparison.Ordinal))
                {
                    return new BoundWord(entry.Word, entry.Direction, entry.Inclusive, InclusiveSource.Default, offset + i, offset + i + entry.Word.Length);
                }
            }
        }

        return null;
    }

    /// <summary>Amounts a grant can have: money (not as a threshold), percentages of a base, ratios.</summary>
    private static bool IsGrantAmount(QuantityMention m, string clauseText) => m.Kind switch
    {
        QuantityKind.Money => m.Bound is null || m.Bound.Direction is BoundDirection.AtMost || !IsThreshold(m, clauseText),
        QuantityKind.Percent => m.Bound is null || m.Bound.Direction is BoundDirection.AtMost,
        QuantityKind.Ratio => true,
        _ => false,
    };

    /// <summary>A figure followed by 的 or a noun after its bound word is a threshold: 融资额500万元以上的企业.</summary>
    private static bool IsThreshold(QuantityMention m, string clauseText) =>
        m.Bound is { Direction: BoundDirection.AtLeast or BoundDirection.MoreThan } b && b.Start >= m.Start
            && m.End < clauseText.Length && clauseText[m.End] is not ('，' or '。' or '；');

    private Grant? GrantOf(Segment segment, List<QuantityMention> mentions, string clauseText)
    {
        var amounts = mentions.Where(m => IsGrantAmount(m, clauseText)).ToImmutableArray();
        var verbAt = IndexOfAny(segment.Text, Cue("grant-verb"));
        if (amounts.Length > 0)
        {
            var firstAmount = amounts[0].Start - segment.Start;
            if (verbAt < 0 || verbAt > firstAmount)
            {
                // 资助3万元 has its verb before the amount; 按…的100%给予配套奖励 after it; an amount without any is not a grant.
                var after = IndexOfAny(segment.Text, Cue("grant-verb"), firstAmount);
                if (after < 0 && verbAt < 0)
                {
                    return null;
                }

                verbAt = verbAt < 0 ? after : Math.Min(verbAt, after < 0 ? verbAt : after);
            }

            return new Grant(Math.Min(verbAt, firstAmount), amounts, null, null);
        }

        if (verbAt >= 0 && Contains(segment.Text, Cue("ratio-phrase")) is not null)
        {
            return new Grant(verbAt, [], null, 1m);
        }

        if (verbAt >= 0 && Contains(segment.Text[verbAt..], Cue("unspecified")) is not null)
        {
            return new Grant(verbAt, [], segment.Text[verbAt..], null);
        }

        // 按市人才扶持政策有关规定执行 names no verb of its own: the grant was named in the segment before.
        return Contains(segment.Text, Cue("unspecified")) is { } phrase && phrase.EndsWith("执行", StringComparison.Ordinal)
            ? new Grant(0, [], segment.Text, null)
            : null;
    }

    private IEnumerable<Draft> MakeDrafts(Segment segment, Grant grant, List<Segment> triggerSegments, Context context)
    {
        // The part of the grant segment before its verb belongs to the trigger (获评优秀的资助3万元) or names the
        // beneficiary (…的，对所在企业或知识产权服务机构给予…).
        var lead = Lead(segment.Text[..Math.Max(0, grant.VerbAt)]);
        string? beneficiary = null;
        var triggerParts = triggerSegments.Select(s => s.Text).ToList();
        var triggerStart = triggerSegments.Count > 0 ? triggerSegments[0].Start : segment.Start;
        if (lead.Length > 0)
        {
            if (triggerParts.Count > 0 && triggerParts[^1].EndsWith('的') && StartsTrigger(lead))
            {
                beneficiary = lead.TrimStart('对');
            }
            else
            {
                triggerParts.Add(lead);
            }
        }

        var trigger = string.Join('，', triggerParts);
        if (EndsWithBeneficiary(trigger) is { } closing)
        {
            beneficiary ??= closing;
            trigger = trigger[..^(closing.Length + 1)];
        }
        else if (trigger.EndsWith('的'))
        {
            trigger = trigger[..^1];
        }

        trigger = StripLead(trigger);
        beneficiary ??= BeneficiaryAfterVerb(segment, grant)
            ?? Cue("beneficiary").FirstOrDefault(b => trigger.StartsWith(b, StringComparison.Ordinal) && trigger.Length > b.Length);

        var grantText = segment.Text[Math.Max(0, grant.VerbAt)..];
        var benefit = Contains(AfterAmounts(segment, grant), Cue("benefit")) ?? Contains(grantText, Cue("benefit")) ?? "资助";
        var frequency = FrequencyOf(segment.Text, grant);
        var conditions = triggerSegments.Count == 0 && lead.Length == 0
            ? []
            : context.Mentions.Where(m => m.Start >= triggerStart && m.End <= segment.Start + Math.Max(0, grant.VerbAt) && IsCondition(m))
                .Select(m => ConditionOf(m, context)).ToImmutableArray();
        var evidenceEnd = segment.End;
        var respectively = Contains(segment.Text, Cue("respectively")) is not null;

        if (grant.Unspecified is not null || grant.RatioPhrase is not null)
        {
            var amount = grant.RatioPhrase is { } r
                ? Amounts.Ratio(r, null, null, null)
                : Amounts.Unspecified(grant.Unspecified!);
            yield return new Draft(trigger, [.. Triggers(trigger, 1)], beneficiary, benefit, frequency, amount, conditions, Evidence(context, triggerStart, evidenceEnd));
            yield break;
        }

        var amounts = grant.Amounts;

        // A ratio and a money cap in one grant: 给予实际维权费50%、最高50万元补助.
        if (amounts.Length == 2 && amounts[0].Kind is QuantityKind.Percent && amounts[1] is { Kind: QuantityKind.Money, Bound.Direction: BoundDirection.AtMost })
        {
            var ratio = RatioOf(amounts[0], segment, context) with { Max = BoundOf(amounts[1], context) };
            yield return new Draft(trigger, [.. Triggers(trigger, 1)], beneficiary, benefit, frequency, ratio, conditions, Evidence(context, triggerStart, evidenceEnd));
            yield break;
        }

        if (respectively && amounts.Length > 1)
        {
            var items = Triggers(trigger, amounts.Length);
            var beneficiaries = beneficiary is null ? [] : SplitList(beneficiary, amounts.Length);
            for (var i = 0; i < amounts.Length; i++)
            {
                var forTrigger = items.Count == amounts.Length ? [items[i]] : items;
                var forBeneficiary = beneficiaries.Count == amounts.Length ? beneficiaries[i] : beneficiary;
                yield return new Draft(trigger, [.. forTrigger], forBeneficiary, benefit, frequency, AmountOf(amounts[i], segment, context), conditions, Evidence(context, triggerStart, evidenceEnd));
            }

            yield break;
        }

        // Several grants in one segment without 分别 (rare): one rule each, sharing the trigger.
        foreach (var m in amounts)
        {
            yield return new Draft(trigger, [.. Triggers(trigger, 1)], beneficiary, benefit, frequency, AmountOf(m, segment, context), conditions, Evidence(context, triggerStart, evidenceEnd));
        }
    }

    /// <summary>
    /// The trigger part of the text before a grant verb: without the basis of the amount (按实缴利息, 按照实际支出成本) and
    /// without the function words that sit between trigger and verb (分别, 每家, 按项目, 择优, 最高).
    /// </summary>
    private string Lead(string text)
    {
        var lead = text.Trim();
        foreach (var basis in new[] { "按", "根据", "依据" })
        {
            var at = lead.IndexOf(basis, StringComparison.Ordinal);
            lead = at >= 0 ? lead[..at] : lead;
        }

        var per = lead.LastIndexOf('每');
        if (per >= 0 && lead.Length - per <= PerItemPhraseMaxLength)
        {
            lead = lead[..per].TrimEnd('，');
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var word in _leadFunctionWords)
            {
                if (lead.EndsWith(word, StringComparison.Ordinal))
                {
                    lead = lead[..^word.Length].TrimEnd('，', '、');
                    changed = true;
                }
            }
        }

        return Cue("payer").Contains(lead) ? "" : lead;
    }

    private static string StripLead(string trigger)
    {
        foreach (var lead in new[] { "对于", "对", "凡" })
        {
            if (trigger.StartsWith(lead, StringComparison.Ordinal))
            {
                return trigger[lead.Length..];
            }
        }

        return trigger;
    }

    /// <summary>给予项目单位最高5万元的资助 → 项目单位: a beneficiary named between the verb and the amount.</summary>
    private string? BeneficiaryAfterVerb(Segment segment, Grant grant)
    {
        if (grant.Amounts.Length == 0 || grant.VerbAt < 0)
        {
            return null;
        }

        var verb = Cue("grant-verb").FirstOrDefault(v => segment.Text.AsSpan(grant.VerbAt).StartsWith(v, StringComparison.Ordinal));
        var from = grant.VerbAt + (verb?.Length ?? 0);
        var to = (grant.Amounts[0].Bound is { } b && b.Start < grant.Amounts[0].Start ? Math.Min(b.Start, grant.Amounts[0].Start) : grant.Amounts[0].Start) - segment.Start;
        if (to <= from)
        {
            return null;
        }

        var between = segment.Text[from..to];
        return Cue("beneficiary").Any(c => between.EndsWith(c, StringComparison.Ordinal)) ? between : null;
    }

    private string AfterAmounts(Segment segment, Grant grant) =>
        grant.Amounts.Length == 0 ? segment.Text : segment.Text[Math.Min(segment.Text.Length, grant.Amounts[^1].End - segment.Start)..];

    private Frequency FrequencyOf(string grantText, Grant grant)
    {
        if (Contains(grantText, Cue("frequency-once")) is not null)
        {
            return Frequency.Once;
        }

        if (Contains(grantText, Cue("frequency-yearly")) is not null)
        {
            return Frequency.Yearly;
        }

        return Contains(grantText, Cue("frequency-per-item")) is not null || grant.Amounts.Any(a => a.Per is not null && !Cue("per-beneficiary").Contains(a.Per))
            ? Frequency.PerItem
            : Frequency.Unspecified;
    }

    /// <summary>
    /// The triggers of a grant: one, or a top-level 、 list with its verb shared and its ellipsis expanded when the
    /// list has as many items as the grant has amounts (分别), or when one formula serves several triggers.
    /// </summary>
    private List<string> Triggers(string trigger, int amounts)
    {
        // A list inside a longer phrase (…为企业提供知识产权创造、运用、保护等综合服务…) is not a list of triggers.
        var items = trigger.Contains('，') ? [trigger] : SplitList(trigger, 0);
        if (amounts > 1 && items.Count > amounts)
        {
            // 主导广东省、深圳市地方标准制定、修订 with two amounts: the list that 分别 distributes over is the last one.
            items = [string.Join('、', items.Take(items.Count - amounts + 1)), .. items.Skip(items.Count - amounts + 1)];
        }

        if (items.Count < 2 || (amounts > 1 && items.Count != amounts))
        {
            return [trigger];
        }

        var expanded = _lists.Expand(items).ToList();
        if (amounts <= 1 && expanded.SequenceEqual(items))
        {
            // Without 分别, a list is split only where it is elliptical (新注册地理标志证明商标、集体商标): a plain 、 may
            // join the parts of one trigger (获得深圳市高价值、高质量专利培育项目资助).
            return [trigger];
        }

        var verb = Cue("trigger-verb").FirstOrDefault(v => expanded[0].StartsWith(v, StringComparison.Ordinal));
        if (verb is not null)
        {
            for (var i = 1; i < expanded.Count; i++)
            {
                if (!Cue("trigger-verb").Any(v => expanded[i].StartsWith(v, StringComparison.Ordinal)))
                {
                    expanded[i] = verb + expanded[i];
                }
            }
        }

        return expanded;
    }

    /// <summary>Top-level items of a 、 list (和 too when <paramref name="expected"/> asks for that many: 组织和个人).</summary>
    private static List<string> SplitList(string text, int expected)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] is '（' or '“' or '《' ? 1 : text[i] is '）' or '”' or '》' ? -1 : 0;
            if (depth == 0 && text[i] == '、')
            {
                items.Add(text[start..i]);
                start = i + 1;
            }
        }

        items.Add(text[start..]);
        if (expected > 1 && items.Count != expected)
        {
            var byAnd = text.Split('和');
            if (byAnd.Length == expected)
            {
                return [.. byAnd];
            }
        }

        return items;
    }

    private static bool IsCondition(QuantityMention m) =>
        m.Bound is not null && m.Kind is QuantityKind.Count or QuantityKind.Duration or QuantityKind.Percent or QuantityKind.Money;

    private Condition ConditionOf(QuantityMention m, Context context)
    {
        var (inclusive, semantics) = Resolve(m.Bound!, context.Boundary);
        var op = m.Bound!.Direction switch
        {
            BoundDirection.AtLeast => inclusive ? ComparisonOp.Ge : ComparisonOp.Gt,
            BoundDirection.MoreThan => inclusive ? ComparisonOp.Ge : ComparisonOp.Gt,
            BoundDirection.AtMost => inclusive ? ComparisonOp.Le : ComparisonOp.Lt,
            _ => inclusive ? ComparisonOp.Le : ComparisonOp.Lt,
        };
        return new Condition(MetricOf(m, context.Clause.Text), op, m.Value ?? m.Min ?? 0m, m.Unit, inclusive, semantics, Evidence(context, m.Start, m.End));
    }

    /// <summary>达到40%以上成熟度 → 成熟度 (the noun after); 授权量10件以上 → 授权量 (the noun before).</summary>
    private static string MetricOf(QuantityMention m, string text)
    {
        var after = m.End;
        var stop = after;
        while (stop < text.Length && stop - after < 8 && text[stop] is not ('的' or '，' or '、' or '。' or '或' or '和' or '（'))
        {
            stop++;
        }

        if (stop > after)
        {
            return text[after..stop];
        }

        var start = m.Start;
        var from = start;
        while (from > 0 && start - from < 10 && text[from - 1] is not ('，' or '、' or '对' or '的' or '或' or '和' or '在' or '达' or '到' or '。'))
        {
            from--;
        }

        return from < start ? text[from..start] : m.Unit;
    }

    private bool TryLimitOrCap(Segment segment, List<QuantityMention> mentions, List<Draft> targets, bool sameSentence, Context context)
    {
        if (mentions.Count == 0 || targets.Count == 0)
        {
            return false;
        }

        var capped = mentions.Where(m => m.Bound is { Direction: BoundDirection.AtMost }).ToList();
        if (capped.Count == 0)
        {
            return false;
        }

        var lead = segment.Text[..(capped[0].Start - segment.Start)];
        var hasGiveVerb = lead.Contains("给予", StringComparison.Ordinal) || lead.Contains("予以", StringComparison.Ordinal);
        var entity = Contains(lead, Cue("scope-entity"));
        var project = Contains(lead, Cue("scope-project"));
        var total = Contains(segment.Text, Cue("period-total")) is not null;
        var yearly = Contains(lead, Cue("frequency-yearly")) is not null;

        // 单个项目最高300万元 (分别30万元、25万元、15万元): the cap on the grant just made.
        if (sameSentence && project is not null && entity is null && !hasGiveVerb && capped.All(m => m.Kind == QuantityKind.Money))
        {
            if (capped.Count == 1)
            {
                foreach (var d in targets.Where(d => d.Amount.Kind is AmountKind.Ratio or AmountKind.PerUnit && d.Amount.Max is null).TakeLast(1))
                {
                    d.Amount = d.Amount with { Max = BoundOf(capped[0], context) };
                }
            }
            else if (targets.Count >= 1)
            {
                // 按…50%给予配套资助，单个项目最高分别30万元、25万元、15万元: one grant per cap.
                var last = targets[^1];
                var items = Triggers(last.RawTrigger, capped.Count);
                targets.RemoveAt(targets.Count - 1);
                for (var i = 0; i < capped.Count; i++)
                {
                    targets.Add(last with
                    {
                        Triggers = items.Count == capped.Count ? [items[i]] : last.Triggers,
                        Amount = last.Amount with { Max = BoundOf(capped[i], context) },
                    });
                }
            }

            return true;
        }

        if (hasGiveVerb)
        {
            return false;
        }

        var limits = new List<Limit>();
        foreach (var m in capped)
        {
            var (inclusive, semantics) = Resolve(m.Bound!, context.Boundary);
            if (m.Kind is QuantityKind.Count)
            {
                var scope = entity is not null ? LimitScope.PerEntity : project is not null ? LimitScope.PerProject : LimitScope.Program;
                var period = total ? LimitPeriod.Total : LimitPeriod.Year;

                limits.Add(new Limit(LimitKind.Count, m.Value ?? 0m, m.Unit, scope, period, inclusive, semantics, Evidence(context, segment.Start, segment.End)));
            }
            else if (m.Kind is QuantityKind.Money && (entity is not null || yearly || total))
            {
                limits.Add(new Limit(LimitKind.Amount, m.Value ?? 0m, m.Unit, entity is not null ? LimitScope.PerEntity : LimitScope.Program, total && !yearly ? LimitPeriod.Total : LimitPeriod.Year, inclusive, semantics, Evidence(context, segment.Start, segment.End)));
            }
        }

        if (limits.Count == 0)
        {
            return false;
        }

        foreach (var draft in targets)
        {
            draft.Limits = draft.Limits.AddRange(limits);
        }

        return true;
    }

    private Amount AmountOf(QuantityMention m, Segment segment, Context context)
    {
        if (m.Kind is QuantityKind.Percent or QuantityKind.Ratio)
        {
            return RatioOf(m, segment, context);
        }

        if (m.Min is not null || m.Max is not null)
        {
            return Amounts.Range(
                m.Min is { } lo ? new Bound(lo, m.MinInclusive ?? true, BoundSemantics.Explicit) : null,
                m.Max is { } hi ? new Bound(hi, m.MaxInclusive ?? true, BoundSemantics.Explicit) : null,
                m.Unit,
                m.Approximate);
        }

        if (m.Per is not null && !Cue("per-beneficiary").Contains(m.Per))
        {
            return Amounts.PerUnit(m.Value!.Value, m.Unit, m.Per, m.Bound is { Direction: BoundDirection.AtMost } ? BoundOf(m, context) : null);
        }

        if (m.Bound is { } b)
        {
            var (inclusive, semantics) = Resolve(b, context.Boundary);
            return b.Direction is BoundDirection.AtMost or BoundDirection.LessThan
                ? Amounts.Max(m.Value!.Value, m.Unit, inclusive, semantics)
                : Amounts.Min(m.Value!.Value, m.Unit, inclusive, semantics);
        }

        return Amounts.Fixed(m.Value!.Value, m.Unit);
    }

    /// <summary>按市级奖励金额的100% → ratio 1, base 市级奖励金额.</summary>
    private Amount RatioOf(QuantityMention m, Segment segment, Context context)
    {
        var before = context.Clause.Text[segment.Start..(m.Bound is { } b && b.Start < m.Start ? b.Start : m.Start)];
        // The base is what stands between the last 按/给予 and the figure; when that is empty (按实际支出贷款利息给予最高70%),
        // the one before.
        var baseText = "";
        foreach (var (word, at) in new[] { "按照", "按", "根据", "给予", "予以" }
            .Select(w => (Word: w, At: before.LastIndexOf(w, StringComparison.Ordinal)))
            .Where(x => x.At >= 0)
            .OrderByDescending(x => x.At + x.Word.Length))
        {
            var end = before.Length;
            foreach (var later in new[] { "给予", "予以" })
            {
                var next = before.IndexOf(later, at + word.Length, StringComparison.Ordinal);
                end = next >= 0 ? Math.Min(end, next) : end;
            }

            baseText = before[(at + word.Length)..end];
            foreach (var bound in _quantities.BoundsBefore.Select(b => b.Word))
            {
                baseText = baseText.Replace(bound, "", StringComparison.Ordinal);
            }

            baseText = baseText.Trim().TrimEnd('的');
            if (baseText.Length > 0)
            {
                break;
            }
        }

        var (inclusive, semantics) = m.Bound is { } bw ? Resolve(bw, context.Boundary) : (default(bool?), default(BoundSemantics?));
        return Amounts.Ratio(m.Value ?? 0m, baseText.Length > 0 ? baseText : null, inclusive, semantics);
    }

    private Bound BoundOf(QuantityMention m, Context context)
    {
        var (inclusive, semantics) = Resolve(m.Bound!, context.Boundary);
        return new Bound(m.Value!.Value, inclusive, semantics);
    }

    /// <summary>含/不含 at the figure, else the document's definition, else the Civil Code default carried by the bound word.</summary>
    private static (bool Inclusive, BoundSemantics Semantics) Resolve(BoundWord bound, Boundary boundary)
    {
        if (bound.Source == InclusiveSource.Explicit)
        {
            return (bound.Inclusive, BoundSemantics.Explicit);
        }

        if (boundary.Source == BoundarySource.Document)
        {
            if (boundary.Inclusive.Contains(bound.Word))
            {
                return (true, BoundSemantics.Document);
            }

            if (boundary.Exclusive.Contains(bound.Word))
            {
                return (false, BoundSemantics.Document);
            }
        }

        return (bound.Inclusive, BoundSemantics.Default);
    }

    private static Evidence Evidence(Context context, int start, int end) => context.Evidence.Of(context.Clause, start, end);

    /// <summary>A rule being assembled: limits and caps found after its grant are added before it is built.</summary>
    private sealed record Draft(
        string RawTrigger,
        ImmutableArray<string> Triggers,
        string? Beneficiary,
        string Benefit,
        Frequency Frequency,
        Amount Amount,
        ImmutableArray<Condition> Conditions,
        Evidence Evidence)
    {
        public Amount Amount { get; set; } = Amount;

        public ImmutableArray<Limit> Limits { get; set; } = [];

        public ConditionJoin ConditionJoin { get; init; }

        public Rule Build(string id, string clause) =>
            new(id, clause, Triggers, Beneficiary, Benefit, Frequency, Amount, Limits, Conditions, ConditionJoin, Evidence);
    }
}

/// <summary>Constructors for each <see cref="AmountKind"/>, so that only the fields of that kind are set.</summary>
internal static class Amounts
{
    public static Amount Fixed(decimal value, string currency) =>
        new(AmountKind.Fixed, value, currency, null, null, null, null, null, null, null, false, null);

    public static Amount Max(decimal value, string currency, bool inclusive, BoundSemantics semantics) =>
        new(AmountKind.Max, value, currency, inclusive, semantics, null, null, null, null, null, false, null);

    public static Amount Min(decimal value, string currency, bool inclusive, BoundSemantics semantics) =>
        new(AmountKind.Min, value, currency, inclusive, semantics, null, null, null, null, null, false, null);

    public static Amount Ratio(decimal ratio, string? baseText, bool? inclusive, BoundSemantics? semantics) =>
        new(AmountKind.Ratio, null, null, inclusive, semantics, ratio, baseText, null, null, null, false, null);

    public static Amount PerUnit(decimal value, string currency, string per, Bound? max) =>
        new(AmountKind.PerUnit, value, currency, null, null, null, null, per, null, max, false, null);

    public static Amount Range(Bound? min, Bound? max, string currency, bool approximate) =>
        new(AmountKind.Range, null, currency, null, null, null, null, null, min, max, approximate, null);

    public static Amount Unspecified(string phrase) =>
        new(AmountKind.Unspecified, null, null, null, null, null, null, null, null, null, false, phrase);
}
