using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Extract.Roles;
using PolicyExtract.Grammar;
using PolicyExtract.Numbers;
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

    // How far back a listed figure looks for the figure that names its metric: the genre's ladders have a few tiers, and
    // a bound keeps a clause of thousands of listed figures linear.
    private const int MaxListWalk = 32;

    // 人员费补助, 招商引荐扶持: the words that qualify a benefit after its amount are few.
    private const int MaxBenefitQualifier = 6;

    // 人员费补助 is qualified by words; 50万元的奖励, 每人奖励 and 按…奖励 are not a benefit's name.
    private static bool IsQualifier(char c) => Words.IsHan(c) && c is not ('的' or '每' or '按');

    // …的项目, …的企业: a trigger ends in a short noun after 的.
    private const int ShortNounAfterDe = 4;

    // 每项标准, 每个企业: a per-item phrase between trigger and verb is not part of the trigger.
    private const int PerItemPhraseMaxLength = 5;

    // 工作人员于上一年度取得…: how far into a list's first item its verb may stand and still be shared.
    private const int MaxHeadBeforeVerb = 10;

    // A recipient named alone before its own grant (参与单位按…, 个人给予…) is a short noun phrase.
    private const int MaxRecipientAlone = 8;

    // 及, 和 and 或 nest a level each (国家及省级专利奖和外观设计奖); deeper nesting is no list the genre writes, and
    // stopping there keeps the copies that expansion makes at each level from multiplying.
    private const int MaxSplitDepth = 6;

    private readonly PolicyGrammar _grammar;

    /// <summary>The grammar's cue lists, read for every segment of every clause: a frozen copy is the fast lookup.</summary>
    private readonly FrozenDictionary<string, ImmutableArray<string>> _cues;
    private readonly QuantityGrammar _quantities;
    private readonly WordBreaker _words;
    private readonly ListExpander _lists;
    private readonly ImmutableArray<BoundEntry> _capsAndFloors;
    private readonly ImmutableArray<string> _leadFunctionWords;
    private readonly ImmutableArray<string> _boundWords;

    /// <summary>Grant verbs and the verbs that pay (grammar/cues.txt [pay-verb]), which grant only with a sum of money.</summary>
    private readonly ImmutableArray<string> _grantAndPayVerbs;
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789０１２３４５６７８９一二两三四五六七八九十百千万");

    public RuleExtractor(PolicyGrammar grammar, WordBreaker words)
    {
        _grammar = grammar;
        _cues = grammar.Cues.ToFrozenDictionary(StringComparer.Ordinal);
        _quantities = grammar.Quantities;
        _words = words;
        _terms = new TermReader(grammar);
        _announcements = new AnnouncementReader(grammar);
        _eligibility = new EligibilityReader(grammar);
        _scopes = new LimitScopeReader(grammar);
        _grantWordsLongestFirst = [.. grammar.Cues["grant-verb"].Concat(grammar.Cues["benefit"]).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];
        _lists = new ListExpander(words, grammar.Cues["award-rank"]);
        _capsAndFloors = [.. _quantities.BoundsBefore.Where(b => b.Direction is BoundDirection.AtMost or BoundDirection.AtLeast)];
        _grantAndPayVerbs = [.. Cue("grant-verb"), .. Cue("pay-verb")];
        _boundWords = [.. _quantities.BoundsBefore.Concat(_quantities.BoundsAfter).Select(b => b.Word).Distinct()];
        _leadFunctionWords = [.. Cue("lead-function"), .. Cue("frequency-per-item"), .. Cue("instalment"), .. _quantities.BoundsBefore.Select(b => b.Word)];
    }

    private ImmutableArray<string> Cue(string section) => _cues[section];

    private readonly TermReader _terms;

    private readonly AnnouncementReader _announcements;

    private readonly EligibilityReader _eligibility;

    private readonly LimitScopeReader _scopes;

    /// <summary>Grant verbs and benefit words, longest first, so that 配套奖励 is taken before 奖励.</summary>
    private readonly ImmutableArray<string> _grantWordsLongestFirst;

    public ImmutableArray<Rule> Extract(string documentId, IEnumerable<Clause> clauses, Boundary boundary, EvidenceMap evidence)
    {
        _words.Forget();
        var all = clauses as IReadOnlyList<Clause> ?? [.. clauses];
        var rules = ImmutableArray.CreateBuilder<Rule>();
        var granting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in all)
        {
            var drafts = ExtractClause(clause, boundary, evidence);
            for (var i = 0; i < drafts.Count; i++)
            {
                rules.Add(drafts[i].Build($"{documentId}#{clause.Path}#{(i + 1).ToString(CultureInfo.InvariantCulture)}", clause.Path));
                granting.Add(clause.Path);
            }
        }

        // Criteria written apart from the grants (申请条件, 本办法所称…是指) are conditions of the grants they govern; a
        // clause that grants is no statement of criteria.
        foreach (var eligibility in _eligibility.Read(all).Where(e => !granting.Contains(e.Clause.Path)))
        {
            var context = new Context(eligibility.Clause, boundary, evidence, eligibility.Mentions);
            var criteria = WithReach(eligibility.Figures, eligibility.Clause.Text)
                .Where(m => IsCondition(m) && !IsBracketed(m, eligibility.Clause.Text))
                .SelectMany(m => ConditionsOf(m, context))
                .ToImmutableArray();
            if (criteria.IsEmpty)
            {
                continue;
            }

            for (var i = 0; i < rules.Count; i++)
            {
                if (Governs(eligibility, rules[i]))
                {
                    var added = criteria.Where(c => !rules[i].Conditions.Any(o => o.Op == c.Op && o.Value == c.Value && o.Unit == c.Unit)).ToImmutableArray();
                    rules[i] = rules[i] with { Conditions = rules[i].Conditions.AddRange(added) };
                }
            }
        }

        return rules.ToImmutable();
    }

    /// <summary>
    /// Criteria govern a grant of their scope whose conditions are all required when they name no subject; when the
    /// subject is a recipient's kind and the grant's recipient is unnamed or of that kind (总部企业's criteria hold for a
    /// grant to 企业, not to 企业高管 or 总部企业引荐者（企业）); or when the subject is a thing the grant names in what earns
    /// it or its recipient (楼宇).
    /// </summary>
    private bool Governs(Eligibility eligibility, Rule rule)
    {
        if (!rule.Clause.StartsWith(eligibility.Scope, StringComparison.Ordinal) || rule.ConditionJoin != ConditionJoin.All)
        {
            return false;
        }

        if (eligibility.Subject is not { } subject)
        {
            return true;
        }

        // 总部企业内年缴纳个人所得税…的企业高管: a recipient's kind named inside what earns a grant is no recipient of it.
        var kind = Cue("beneficiary").FirstOrDefault(w => subject.EndsWith(w, StringComparison.Ordinal));
        return kind is null
            ? rule.Triggers.Any(t => t.Contains(subject, StringComparison.Ordinal)) || rule.Beneficiary?.Contains(subject, StringComparison.Ordinal) == true
            : rule.Beneficiary is null || EndsWithCue(rule.Beneficiary, [kind]);
    }

    /// <summary>
    /// How each segment of <paramref name="clause"/> is read, in order, and what came of it (<c>extract --explain</c>):
    /// "why is this trigger empty" answered without a debugger.
    /// </summary>
    public ImmutableArray<SegmentReading> Explain(Clause clause, Boundary boundary, EvidenceMap evidence)
    {
        _words.Forget();
        var trace = new List<SegmentReading>();
        ExtractClause(clause, boundary, evidence, trace);
        return [.. trace];
    }

    private List<Draft> ExtractClause(Clause clause, Boundary boundary, EvidenceMap evidence, List<SegmentReading>? trace = null)
    {
        // Readings that format their words are built only when asked for (if (trace is not null)): extraction pays nothing.
        void Read(Segment segment, string role) => trace?.Add(new SegmentReading(segment.Start, segment.End, segment.Text, role));

        var text = clause.Text;
        var mentions = QuantityFinder.Find(text, _quantities);
        var clauseDrafts = new List<Draft>();
        var context = new Context(clause, boundary, evidence, mentions);
        // 对企业在国内…胜诉的分别给予2万元；在境外…胜诉的给予5万元: a grant after ； that names no recipient and is written
        // in parallel to the grant before it is for the same recipient.
        Draft? carried = null;
        var afterSemicolon = false;
        foreach (var (sentenceStart, sentence) in Sentences.Of(text))
        {
            var sentenceDrafts = new List<Draft>();
            var trigger = new List<Segment>();
            Framing? framing = null;
            string? instalmentBenefit = null;
            string? basis = null;
            Encouragement? encouraged = null;
            Segment? before = null;
            Segment? unread = null;
            Segment? measuredIn = null;
            var terms = new List<(Term Term, Segment Segment, int DraftsBefore)>();
            Announcement? announced = null;
            var announcedPaid = false;
            List<Segment> announcedBy = [];
            var segments = Sentences.Segments(sentence, sentenceStart).Select(p => new Segment(p.Start, p.Start + p.Text.Length, p.Text)).ToList();
            for (var index = 0; index < segments.Count; index++)
            {
                var segment = segments[index];
                var segmentBefore = before;
                before = segment;
                var inSegment = WithSharedBounds(segment, Within(mentions, segment.Start, segment.End).ToList());
                if (Contains(segment.Text, Cue("not-grant")) is not null && IndexOfAny(segment.Text, Cue("grant-verb")) < 0
                    && inSegment.Any(m => m.Kind == QuantityKind.Money))
                {
                    // 设立5亿元基金, 资助金额达4000多万元: a fund size or a statistic, not a grant.
                    Read(segment, "not a grant: a fund size or a statistic ([not-grant])");
                    continue;
                }

                if (sentenceDrafts.Count > 0 && Modifies(segment, inSegment, [.. sentenceDrafts.Where(d => d.Evidence == sentenceDrafts[^1].Evidence)], text))
                {
                    Read(segment, "changes the grant before it (a step or 上不封顶)");
                    continue;
                }

                var label = Cue("instalment").FirstOrDefault(c => segment.Text.StartsWith(c, StringComparison.Ordinal));
                if (label is null && IsInstalmentFraming(segment.Text, inSegment, text))
                {
                    // 分三年给予奖励，第一年50万元…: the grant is in the instalments that follow.
                    instalmentBenefit = Contains(segment.Text, Cue("benefit"));
                    Read(segment, "announces instalments: the grant is in the segments that follow");
                    continue;
                }

                if (label is not null && sentenceDrafts.LastOrDefault(d => d.Instalment is not null) is { } paidBefore
                    && inSegment.FirstOrDefault(m => IsGrantAmount(m, text)) is { } paid)
                {
                    // 第二年给予3万元补助: the next payment of the grant before.
                    sentenceDrafts.Add(paidBefore with
                    {
                        Amount = AmountOf(paid, segment, context),
                        Evidence = Evidence(context, segment.Start, segment.End),
                        Instalment = new Instalment(paidBefore.Instalment!.Index + 1, label),
                    });
                    if (trace is not null)
                    {
                        Read(segment, $"instalment {paidBefore.Instalment!.Index + 1} ({label}) of the grant before");
                    }

                    continue;
                }

                if (_terms.Read(text, segment.Start, segment.End, inSegment) is { } term)
                {
                    // 补贴期限不超过3年: how long the grants of the sentence are paid; its figure is neither an amount nor a
                    // condition of theirs. A segment that says nothing else is done.
                    terms.Add((term, segment, sentenceDrafts.Count));
                    context.Terms.Add(term.Figure.Start);
                    inSegment.Remove(term.Figure);
                    if (inSegment.Count == 0 && (!term.Leading || GrantOf(segment, inSegment, text, label is not null) is null))
                    {
                        if (trace is not null)
                        {
                            Read(segment, $"term: {term.Figure.Value} {term.Figure.Unit}, a duration limit on the grants it {(term.Leading ? "opens" : "closes")}");
                        }

                        continue;
                    }
                }

                var owed = announced is null ? [] : VerblessAmounts(segment, inSegment, text);
                var owedTo = owed.Length > 0 ? _announcements.RecipientBefore(segment.Text[..(owed[0].Start - segment.Start)]) : null;
                if (owed.Length > 0 && (owedTo is not null || !announcedPaid))
                {
                    // 给予生活补贴，每人每月3000元: the figure of the grant the segment before named; 其中A类人才每月3000元，B类人才
                    // 每月2000元 names each figure's recipient. A later figure naming none (每项…不超过25万元) is a cap, not a grant.
                    var named = announced!;
                    sentenceDrafts.AddRange(MakeDrafts(segment, new Grant(0, owed, null, null), announcedBy, context)
                        .Select(d => d with
                        {
                            Benefit = named.Benefit,
                            Beneficiary = owedTo ?? d.Beneficiary,
                            Frequency = named.Once && d.Frequency == Frequency.Unspecified ? Frequency.Once : d.Frequency,
                        }));
                    trigger.Clear();
                    announcedPaid = true;
                    if (trace is not null)
                    {
                        Read(segment, $"the figure of the grant named before ({named.Benefit}){(owedTo is null ? "" : $", for {owedTo}")}");
                    }

                    continue;
                }

                announced = null;
                // …给予奖励；单个项目奖励最高不超过300万元: a cap that opens the sentence after ； caps the grant before it.
                var capsBefore = sentenceDrafts.Count > 0 || (index == 0 && afterSemicolon && clauseDrafts.Count > 0);
                if (TryLimitOrCap(segment, inSegment, sentenceDrafts.Count > 0 ? sentenceDrafts : clauseDrafts, capsBefore, context))
                {
                    Read(segment, "a cap on the grant before it, or a limit on the grants of its sentence or clause");
                    continue;
                }

                if (inSegment.All(m => !IsGrantAmount(m, text)) && index + 1 < segments.Count && IndexOfAny(segment.Text, _grantAndPayVerbs) >= 0
                    && _announcements.Read(segment.Text, segments[index + 1].Text, VerblessAmounts(segments[index + 1], WithSharedBounds(segments[index + 1], Within(mentions, segments[index + 1].Start, segments[index + 1].End).ToList()), text).Length > 0) is { } announcement)
                {
                    // 对新引进的博士给予生活补贴，每人每月3000元: the grant is named here and measured in the next segment; what
                    // stands before its verb earns it.
                    announced = announcement;
                    announcedPaid = false;
                    var lead = Lead(segment.Text[..announcement.VerbAt]);
                    announcedBy = [.. trigger, .. lead.Length > 0 ? [new Segment(segment.Start, segment.Start + lead.Length, lead)] : Array.Empty<Segment>()];
                    if (trace is not null)
                    {
                        Read(segment, $"names a grant ({announcement.Benefit}) measured in the next segment");
                    }

                    continue;
                }

                var grant = GrantOf(segment, inSegment, text, label is not null);
                if (grant is null && FramingOf(segment.Text) is { } frame)
                {
                    // 每年对…的承建单位进行资助，获评优秀的资助3万元: the grants that follow are for them, yearly.
                    framing = frame;
                    if (trace is not null)
                    {
                        Read(segment, $"framing: the grants that follow are for {frame.Beneficiary}");
                    }

                    continue;
                }

                if (grant is null)
                {
                    var measuredBy = BasisOf(segment.Text);
                    if (measuredBy is not null)
                    {
                        // 根据年度业务规模、完成质量综合考评，分档给予…: what the grant is measured by.
                        basis = measuredBy;
                        measuredIn = segment;
                    }

                    var encouragement = Encouraged(segment.Text);
                    if (encouragement is not null)
                    {
                        // 鼓励知识产权服务机构围绕产业，…给予最高50万元奖励: the grants of the sentence are for them.
                        encouraged = encouragement;
                    }

                    // …的 closes a trigger: what follows it (依据考核结果, 经认定) is how the grant is decided, not what earns it;
                    // nor is what the grant is measured by (参照银行贷款基准利率).
                    if (measuredBy is null && IsTriggerPart(segment.Text, trigger.Count > 0 && !trigger[^1].Text.EndsWith('的')))
                    {
                        if (trigger.Count == 0 && unread is not null && unread == segmentBefore && StartsWithAny(segment.Text, Cue("trigger-continue")))
                        {
                            // 营业收入首次达到5000万元、1亿元，且增速20%以上的: 且 cannot open a trigger; it continues the segment before.
                            trigger.Add(unread);
                            Read(unread, "part of what earns the next grant: the segment after it continues it ([trigger-continue])");
                        }

                        trigger.Add(segment);
                        Read(segment, "part of what earns the next grant");
                    }
                    else if (measuredBy is null && encouragement is null)
                    {
                        unread = segment;
                        Read(segment, "no role: what earns a grant only if the grant right after it has nothing before its verb");
                    }
                    else
                    {
                        if (trace is not null)
                        {
                            Read(segment, measuredBy is not null ? $"basis: what the grant is measured by ({measuredBy})" : $"encouragement: the grants of the sentence are for {encouragement!.Subject}");
                        }
                    }

                    continue;
                }

                if (grant.ByReference && trigger.Count == 0 && sentenceDrafts.Count > 0 && sentenceDrafts[^1].Amount.Kind == AmountKind.Unspecified)
                {
                    // 给予奖励，奖励办法按市人才扶持政策有关规定执行: one grant, its phrase in two segments.
                    var previous = sentenceDrafts[^1];
                    sentenceDrafts[^1] = previous with
                    {
                        Amount = previous.Amount with { Phrase = previous.Amount.Phrase + "，" + segment.Text },
                        Evidence = Evidence(context, previous.From, segment.End),
                    };
                    Read(segment, "how the grant before is made (by reference): joined to its phrase");
                    continue;
                }

                if (grant.Verbless && grant.Named is null)
                {
                    // 本措施具体按照…规定执行, with no grant before it and naming nothing granted: a reference, not a grant.
                    Read(segment, "a reference, not a grant (按…规定执行, naming nothing granted)");
                    continue;
                }

                if (trigger.Count == 0 && PartOf(segment, grant, sentenceDrafts) is { } umbrella)
                {
                    // 对获评的团队、专家人才、企业专员给予奖励，其中团队可给予最高5万元奖励，个人可给予最高2000元奖励: the
                    // grant is split by recipient; the parts replace a whole that had no figure.
                    var who = Lead(segment.Text[..grant.VerbAt] is var h && h.StartsWith("其中", StringComparison.Ordinal) ? h[2..] : h);
                    var earned = umbrella.Part ? umbrella.Triggers
                        : umbrella.RawTrigger.LastIndexOf('的') is > 0 and var de ? [.. Triggers(umbrella.RawTrigger[..de], 1)]
                        : umbrella.Triggers;
                    var parts = MakeDrafts(segment, grant, [], context)
                        .Select(d => d with { Triggers = earned, Beneficiary = who, Conditions = umbrella.Conditions, Part = true })
                        .ToList();
                    if (!umbrella.Part && umbrella.Amount.Kind == AmountKind.Unspecified)
                    {
                        sentenceDrafts.Remove(umbrella);
                    }

                    sentenceDrafts.AddRange(parts);
                    if (trace is not null)
                    {
                        Read(segment, $"part of the grant before, split by recipient (其中): {parts.Count} rule(s) for {who}");
                    }

                    continue;
                }

                var beforeVerb = segment.Text[..Math.Max(0, grant.VerbAt)];
                // 境内挂牌企业，按照…实际发生额给予补贴，补贴额度最高不超过150万元: what the grant is measured by may stand between.
                string? earnedBy = null;
                var unreadBefore = unread == segmentBefore
                    || (measuredIn is not null && measuredIn == segmentBefore && index >= 2 && segments[index - 2] == unread && IndexOfAny(measuredIn.Text, Cue("grant-verb")) >= 0);
                if (trigger.Count == 0 && unread is not null && unreadBefore && !grant.Verbless
                    && Words.StartOf(unread.Text, Cue("purpose")) is null && !Cue("procedure").Contains(unread.Text.TrimEnd('后'))
                    && BasisAt(unread.Text) == unread.Text.Length && !Words.ContainsAny(unread.Text, Cue("basis-phrase"))
                    && BasisAt(beforeVerb) == beforeVerb.Length && Lead(beforeVerb).Length == 0)
                {
                    // 企业通过省证监局辅导验收后，予以奖励100万元: the segment just before a grant that earns nothing is read as
                    // what earns it, unless it states a purpose (为加快…), is a step of procedure alone (经认定), or either
                    // says what the grant is measured by (政策奖励按项目…3个阶段，分别按30%…; 根据…综合排名并给予…).
                    var earned = unread.Text.EndsWith('后') && unread.Text.Length > 2 ? unread with { End = unread.End - 1, Text = unread.Text[..^1] } : unread;
                    (earned, earnedBy) = ActAndRecipient(earned);
                    trigger.Add(earned);
                }

                // 新入选…名录的给予每件资助5000元: a phrase closed by 的 before a grant per item names the items (the
                // trademarks listed), not the recipient of the grant before.
                var headless = (trigger.Count > 0 ? trigger[^1].Text : beforeVerb).TrimEnd('，').EndsWith('的');
                var draftsBefore = sentenceDrafts.Count;
                var basisYearly = basis is not null && IsYearly(basis);
                sentenceDrafts.AddRange(MakeDrafts(segment, grant, trigger, context)
                    .Select(d => framing is null ? d : d with
                    {
                        Beneficiary = d.Beneficiary ?? framing.Beneficiary,
                        Frequency = framing.Yearly && d.Frequency == Frequency.Unspecified ? Frequency.Yearly : d.Frequency,
                        Triggers = d.Triggers.All(t => t.Length == 0) && framing.Trigger is { } t ? [t] : d.Triggers,
                    })
                    .Select(d => d with
                    {
                        Beneficiary = d.Beneficiary ?? earnedBy ?? encouraged?.Subject ?? (carried is { } c && (IsParallel(c.RawTrigger, d.RawTrigger) || (!(headless && d.Amount.Kind == AmountKind.PerUnit) && IsBareAct(d.RawTrigger))) ? c.Beneficiary : null),
                        Frequency = basisYearly && d.Frequency == Frequency.Unspecified ? Frequency.Yearly : d.Frequency,
                        // 鼓励社会公众举报侵犯知识产权违法行为，举报奖励按…执行: what is encouraged earns the grant that names nothing.
                        // 继续推进地理标志商标申报工作，相关费用由区财政承担: the costs paid are those of the work before.
                        Triggers = d.Triggers.All(t => t.Length == 0)
                            && (basis ?? encouraged?.Act ?? (grant.Verbless && segmentBefore is not null ? WithoutManner(segmentBefore.Text) : null)) is { } earned
                            ? [earned]
                            : d.Triggers,
                    })
                    .Select(d => d.Amount.Kind != AmountKind.Unspecified || measuredIn is null || measuredIn != segmentBefore || d.Triggers.All(t => t.Length == 0) ? d : d with
                    {
                        // …的，按其年末的地方财政贡献，给予“一事一议”奖励: a grant without a figure keeps what it is measured by.
                        Amount = d.Amount with { Phrase = measuredIn.Text + "，" + d.Amount.Phrase },
                    })
                    .Select(d => label is null ? d : d with
                    {
                        Instalment = new Instalment(1, label),
                        Benefit = Contains(segment.Text, Cue("benefit")) ?? instalmentBenefit ?? d.Benefit,
                    }));
                if (trace is not null)
                {
                    Read(segment, $"grant: {sentenceDrafts.Count - draftsBefore} rule(s), earned by {(trigger.Count == 0 ? "nothing written before its verb" : string.Join("，", trigger.Select(t => t.Text)))}");
                }

                trigger.Clear();
                basis = null;
            }

            foreach (var (term, segment, draftsBefore) in terms)
            {
                var limit = TermLimit(term, segment, sentenceStart, context);
                var termed = 0;
                foreach (var draft in TermedBy(term, draftsBefore, sentenceDrafts, clauseDrafts))
                {
                    draft.Limits = draft.Limits.Add(limit);
                    termed++;
                }

                if (trace is not null)
                {
                    Read(segment, $"attaches its term ({limit.Value} {limit.Unit}) to {termed} rule(s)");
                }
            }

            clauseDrafts.AddRange(sentenceDrafts);
            afterSemicolon = sentence.EndsWith('；') || sentence.EndsWith(';');
            carried = afterSemicolon ? sentenceDrafts.LastOrDefault(d => d.Beneficiary is not null) ?? carried : null;
        }

        CarryLadderMetrics(clauseDrafts);
        return clauseDrafts;
    }

    /// <summary>
    /// 在国内开展的… and 在境外开展的…: triggers that open with the same word and have the same word before their first 的,
    /// so that the second repeats the frame of the first (and, after ；, its omitted subject). 对企业新获认定的驰名商标 and
    /// 新入选…名录 are not: the second names a different act.
    /// </summary>
    /// <summary>
    /// 境内“新三板”挂牌企业 → 境内“新三板”挂牌, 企业: a noun phrase alone before a grant names the act and, in its last
    /// word, the recipient; not when a verb's object names the kind (新列入…中小企业, [naming-verb]; 获评…企业,
    /// [trigger-verb]), a 的 ends the act, or the last word is the last item of a list (人才和团队). The recipient is null
    /// when the segment is not such a phrase.
    /// </summary>
    private (Segment Act, string? Recipient) ActAndRecipient(Segment segment)
    {
        var text = segment.Text;
        if (text.Contains('的') || Words.ContainsAny(text, Cue("naming-verb")) || Words.ContainsAny(text, Cue("trigger-verb"))
            || Cue("beneficiary").Where(w => text.EndsWith(w, StringComparison.Ordinal)).MaxBy(w => w.Length) is not { } noun
            || text.Length == noun.Length || Words.EndsWithAny(text[..^noun.Length], Cue("list-joint")))
        {
            return (segment, null);
        }

        return (segment with { End = segment.End - noun.Length, Text = text[..^noun.Length] }, noun);
    }

    /// <summary>
    /// 成功升板后 in …挂牌企业，…给予补贴；成功升板后，…给予补贴: an act alone, with no 对 or 的 that would name whose it is,
    /// is done by the recipient named before the ；.
    /// </summary>
    private bool IsBareAct(string trigger) => trigger.Length > 0 && !trigger.Contains('的') && !StartsTrigger(trigger);

    private bool IsParallel(string first, string second)
    {
        var a = _words.Split(first);
        var b = _words.Split(second);
        var (da, db) = (a.IndexOf("的"), b.IndexOf("的"));
        return a.Length > 0 && b.Length > 0 && a[0] == b[0] && da > 0 && db > 0 && a[da - 1] == b[db - 1];
    }

    /// <summary>
    /// A segment that changes the grant just made instead of making one: 上不封顶 (explicitly uncapped), 每增加30件增加3万元
    /// (a progressive step).
    /// </summary>
    private bool Modifies(Segment segment, List<QuantityMention> mentions, List<Draft> grant, string clauseText)
    {
        if (Contains(segment.Text, Cue("uncapped")) is not null && !mentions.Any(m => IsGrantAmount(m, clauseText)))
        {
            // 分别…70%、80%和90%给予企业奖励，奖励额度不设上限: every tier of the grant is uncapped.
            grant.ForEach(d => d.Amount = d.Amount with { Uncapped = true });
            return true;
        }

        var target = grant[^1];

        var figures = mentions.Where(m => m.Value is not null).ToList();
        if (Cue("progressive").Any(c => segment.Text.StartsWith(c, StringComparison.Ordinal)) && figures.Count == 2
            && figures[1].Kind == QuantityKind.Money && figures[1].Bound is null)
        {
            target.Amount = target.Amount with { Step = new Step(figures[0].Value!.Value, figures[0].Unit, figures[1].Value!.Value, figures[1].Unit) };
            return true;
        }

        return false;
    }

    /// <summary>
    /// The grant a segment is a part of, when the segment names only a recipient before its verb: after 其中 (其中团队可
    /// 给予…, the grant before), or right after another part (个人可给予…, that part, which carries the grant's trigger).
    /// </summary>
    private Draft? PartOf(Segment segment, Grant grant, List<Draft> sentence)
    {
        if (sentence.Count == 0 || grant.VerbAt <= 0)
        {
            return null;
        }

        var head = segment.Text[..grant.VerbAt];
        var opensPart = head.StartsWith("其中", StringComparison.Ordinal);
        var who = Lead(opensPart ? head[2..] : head);
        if (Cue("beneficiary").Contains(who) && (opensPart || sentence[^1].Part))
        {
            return sentence[^1];
        }

        // 对获得…的第一承担单位按…1:1…，参与单位按…1:0.5…: another recipient of the same grant, named alone.
        return sentence[^1] is { Beneficiary: not null, Amount.Kind: not AmountKind.Unspecified } before
            && who.Length is > 0 and <= MaxRecipientAlone && !who.Contains('的') && EndsWithCue(who, Cue("beneficiary"))
            ? before with { Part = true }
            : null;
    }

    /// <summary>根据年度业务规模、完成质量综合考评 → 年度业务规模、完成质量综合考评: a segment that is the basis of a grant.</summary>
    private string? BasisOf(string text)
    {
        var word = Cue("basis").FirstOrDefault(w => text.StartsWith(w, StringComparison.Ordinal));
        return word is null || Cue("not-basis").Any(w => text.StartsWith(w, StringComparison.Ordinal)) || text.Length <= word.Length
            ? null
            : text[word.Length..].TrimStart('照');
    }

    /// <summary>
    /// 根据B对X进行综合排名并 (the text before a grant verb) → (B, X): a grant to those ranked or assessed on a basis.
    /// Null when the text is not so, or X names no beneficiary.
    /// </summary>
    private (string Basis, string Whom)? RankedBy(string lead)
    {
        var basis = BasisOf(lead);
        var to = basis?.IndexOf('对') ?? -1;
        var doing = basis?.IndexOf("进行", StringComparison.Ordinal) ?? -1;
        if (basis is null || to <= 0 || doing <= to + 1)
        {
            return null;
        }

        var whom = basis[(to + 1)..doing];
        return EndsWithCue(whom, Cue("beneficiary")) ? (basis[..to], whom) : null;
    }

    /// <summary>年度 in a basis (按年度服务内容…评估) makes a grant yearly; 上一年度 dates a figure and does not.</summary>
    private bool IsYearly(string text) => Contains(WithoutPastYear(text), Cue("frequency-yearly")) is not null;

    private static string WithoutPastYear(string text) =>
        text.Replace("上一年度", "", StringComparison.Ordinal).Replace("上年度", "", StringComparison.Ordinal);

    /// <summary>
    /// 鼓励知识产权服务机构围绕产业 → 知识产权服务机构, 支持获批的市级知识产权培训基地 → 市级知识产权培训基地: the subject that a
    /// sentence of encouragement or support addresses, and what it is encouraged to do (围绕产业).
    /// </summary>
    private sealed record Encouragement(string Subject, string Act);

    /// <summary>继续稳步快速推进地理标志商标申报工作 → 推进地理标志商标申报工作: an act without the adverbs of manner before it.</summary>
    private string WithoutManner(string text)
    {
        for (var word = ""; word is not null; text = word is null ? text : text[word.Length..])
        {
            word = Cue("manner").FirstOrDefault(m => text.Length > m.Length && text.StartsWith(m, StringComparison.Ordinal));
        }

        return text;
    }

    private Encouragement? Encouraged(string text)
    {
        var word = Cue("encourage").FirstOrDefault(w => text.StartsWith(w, StringComparison.Ordinal));
        if (word is null)
        {
            return null;
        }

        for (var end = Math.Min(text.Length, word.Length + MaxBeneficiaryLength); end > word.Length; end--)
        {
            var subject = text[word.Length..end];
            if (!subject.Contains('、') && Cue("beneficiary").Any(c => subject.EndsWith(c, StringComparison.Ordinal)))
            {
                // 支持获批的市级知识产权培训基地: what comes before 的 qualifies the recipient; it is not a part of its name.
                return new Encouragement(subject[(subject.LastIndexOf('的') + 1)..], text[end..]);
            }
        }

        return null;
    }

    /// <summary>分三年给予奖励, 分3年拨付: a grant in instalments, announced; no figure of its own.</summary>
    private bool IsInstalmentFraming(string text, List<QuantityMention> mentions, string clauseText) =>
        IndexOfAny(text, Cue("grant-verb")) >= 0 && !mentions.Any(m => IsGrantAmount(m, clauseText))
        && mentions.Any(m => m.Kind == QuantityKind.Duration && m.Start > 0 && clauseText[m.Start - 1] == '分');

    /// <summary>
    /// A tier ladder (1000万元及以上至5000万元的…；5000万元以上至1亿元的…): a tier whose threshold names no metric measures
    /// what the tier before it measured, and is for the same beneficiary when it names none.
    /// </summary>
    private static void CarryLadderMetrics(List<Draft> drafts)
    {
        for (var i = 1; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var previous = drafts[i - 1].Conditions.LastOrDefault(c => c.Metric != c.Unit);
            if (previous is null || draft.Conditions.IsEmpty || !draft.Conditions.All(c => c.Metric == c.Unit && c.Unit == previous.Unit))
            {
                continue;
            }

            drafts[i] = draft with
            {
                Conditions = [.. draft.Conditions.Select(c => c with { Metric = previous.Metric })],
                Beneficiary = draft.Beneficiary ?? drafts[i - 1].Beneficiary,
            };
        }
    }

    /// <summary>
    /// 每年对…的承建单位进行资助, 对已认定的平台和中心进行动态管理, 对区内企业、高校院所发明专利授权量…进行综合监测: who the
    /// grants after it are for, whether yearly, and what earns them when the grant names nothing itself (已认定, 发明专利授权量…).
    /// </summary>
    private sealed record Framing(string Beneficiary, bool Yearly, string? Trigger);

    private Framing? FramingOf(string text)
    {
        var yearly = Cue("frequency-yearly").FirstOrDefault(c => text.StartsWith(c, StringComparison.Ordinal));
        var rest = yearly is null ? text : text[yearly.Length..];
        var doing = rest.IndexOf("进行", StringComparison.Ordinal);
        if (!rest.StartsWith('对') || doing < 0)
        {
            return null;
        }

        var whom = rest[1..doing];
        var de = whom.LastIndexOf('的');
        var beneficiary = de >= 0 ? whom[(de + 1)..] : whom;
        if (beneficiary.Length is > 0 and <= MaxBeneficiaryLength && EndsWithCue(beneficiary, Cue("beneficiary")))
        {
            return new Framing(beneficiary, yearly is not null, de > 0 ? whom[..de] : null);
        }

        // 对区内企业、高校院所发明专利授权量…的总量和增幅情况进行综合监测: the recipients open the phrase and what they are
        // measured on follows them.
        var named = Enumerable.Range(1, Math.Min(MaxBeneficiaryLength, whom.Length - 1)).Reverse()
            .Select(end => whom[..end])
            .FirstOrDefault(p => !p.Contains('的') && SplitList(p, 0).All(i => EndsWithCue(i, Cue("beneficiary"))));
        return named is null ? null : new Framing(named, yearly is not null, whom[named.Length..]);
    }

    /// <summary>
    /// The mentions lying within [<paramref name="start"/>, <paramref name="end"/>): a binary search, since mentions come
    /// in text order and never overlap (<see cref="QuantityFinder"/>), so their starts and ends both ascend. Filtering the
    /// whole clause's mentions per segment instead made one long clause quadratic.
    /// </summary>
    private static IEnumerable<QuantityMention> Within(ImmutableArray<QuantityMention> mentions, int start, int end)
    {
        for (var i = FirstAtOrAfter(mentions, start); i < mentions.Length && mentions[i].End <= end; i++)
        {
            yield return mentions[i];
        }
    }

    /// <summary>The index of the first mention starting at or after <paramref name="start"/> (the count when none).</summary>
    private static int FirstAtOrAfter(ImmutableArray<QuantityMention> mentions, int start)
    {
        int lo = 0, hi = mentions.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (mentions[mid].Start < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The shared inputs of one clause.</summary>
    private sealed record Context(Clause Clause, Boundary Boundary, EvidenceMap Evidence, ImmutableArray<QuantityMention> Mentions)
    {
        /// <summary>Where the clause's terms (补贴期限不超过3年) start: figures that are no condition of a grant.</summary>
        public HashSet<int> Terms { get; } = [];

        public FigureLists Lists { get; } = new(Clause.Text, Mentions);
    }

    /// <summary>
    /// Where each figure's list starts: the first figure of its kind in its segment with no ，；。 between it and the
    /// figure (参照其地方财政贡献的70%、80%和90%: the base written before 70% is every ratio's). Asked for every figure of
    /// a clause; found in one pass over the clause and remembered, since searching back from each figure made a clause
    /// of n figures take n³ steps. Belongs to one clause on one thread.
    /// </summary>
    private sealed class FigureLists(string text, ImmutableArray<QuantityMention> mentions)
    {
        /// <summary>For each mention, the first one before it that has no ，；。 between the two (itself when there is none).</summary>
        private int[]? _runStart;

        /// <summary>The first mention of a kind at or after an index, for the lower bounds asked so far.</summary>
        private readonly Dictionary<(int From, QuantityKind Kind), int> _firstOfKind = [];

        /// <summary>
        /// The first figure of <paramref name="m"/>'s list in the segment starting at <paramref name="segmentStart"/>;
        /// <paramref name="m"/> itself when it opens the list.
        /// </summary>
        public QuantityMention FirstOfList(QuantityMention m, int segmentStart)
        {
            var index = IndexAt(m.Start);
            if (index < 0)
            {
                return m;
            }

            _runStart ??= RunStarts();
            var from = Math.Max(_runStart[index], IndexAt(segmentStart, atOrAfter: true));
            if (!_firstOfKind.TryGetValue((from, m.Kind), out var first))
            {
                // Lower bounds are the starts of runs or segments, which cut the clause into disjoint stretches: each
                // stretch is walked once per kind.
                first = from;
                while (first < index && mentions[first].Kind != m.Kind)
                {
                    first++;
                }

                _firstOfKind[(from, m.Kind)] = first;
            }

            return first < index ? mentions[first] : m;
        }

        private int[] RunStarts()
        {
            var starts = new int[mentions.Length];
            for (var i = 1; i < mentions.Length; i++)
            {
                // A mark between two figures ends the run; a mark inside the figure before this one ends it before that figure.
                starts[i] = HasMark(mentions[i - 1].End, mentions[i].Start) ? i
                    : HasMark(mentions[i - 1].Start, mentions[i - 1].End) ? i - 1
                    : starts[i - 1];
            }

            return starts;
        }

        private bool HasMark(int from, int to) => from < to && text.AsSpan(from, to - from).IndexOfAny("，；;。") >= 0;

        /// <summary>The index of the mention starting at <paramref name="start"/> (-1 when none), or with <paramref name="atOrAfter"/> of the first starting there or later.</summary>
        private int IndexAt(int start, bool atOrAfter = false)
        {
            var lo = FirstAtOrAfter(mentions, start);
            return atOrAfter || (lo < mentions.Length && mentions[lo].Start == start) ? lo : -1;
        }
    }

    private sealed record Segment(int Start, int End, string Text);

    /// <summary>Where a grant starts in a segment: the grant verb (or the first amount), and the amounts it grants.</summary>
    private sealed record Grant(int VerbAt, ImmutableArray<QuantityMention> Amounts, string? Unspecified, decimal? RatioPhrase)
    {
        /// <summary>A grant without a verb of its own: 相关费用由区财政承担, 按…规定执行.</summary>
        public bool Verbless { get; init; }

        /// <summary>What a grant without a verb grants, as it names it: 举报奖励, 相关费用.</summary>
        public string? Named { get; init; }

        /// <summary>奖励办法按…规定执行: it says how a grant is made, not that one is.</summary>
        public bool ByReference => Unspecified is { } phrase && phrase.EndsWith("执行", StringComparison.Ordinal);
    }

    private static string? Contains(string text, ImmutableArray<string> cues)
    {
        foreach (var cue in cues)
        {
            if (text.Contains(cue, StringComparison.Ordinal))
            {
                return cue;
            }
        }

        return null;
    }

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

    /// <summary>
    /// Where the first of <paramref name="verbs"/> stands as a verb: 扶持的标准为, 奖励的对象 use the word as a noun (的 after
    /// it), which grants nothing.
    /// </summary>
    private static int VerbIndex(string text, ImmutableArray<string> verbs, int from = 0)
    {
        var at = IndexOfAny(text, verbs, from);
        while (at >= 0 && verbs.FirstOrDefault(v => text.AsSpan(at).StartsWith(v, StringComparison.Ordinal)) is { } verb
            && at + verb.Length < text.Length && text[at + verb.Length] == '的')
        {
            at = IndexOfAny(text, verbs, at + verb.Length);
        }

        return at;
    }

    /// <summary>对获得…的, 凡…的, 向…的: a segment that opens a trigger afresh (grammar/cues.txt [trigger-opener]).</summary>
    private bool StartsTrigger(string text) => StartsWithAny(text, Cue("trigger-opener"));

    /// <summary>
    /// A segment that belongs to the trigger of the next grant: 对…, a continuation of an open trigger, …的, …的项目 (a short
    /// noun after 的), one that opens with a trigger verb (主导制定产业技术国际标准，每项标准给予…), or the act a grant is paid
    /// per (…门店10家以上的，每新设一家连锁门店，给予1万元).
    /// </summary>
    private bool IsTriggerPart(string text, bool open)
    {
        if (StartsWithAny(text, Cue("encourage")))
        {
            return false;
        }

        var de = text.LastIndexOf('的');
        return StartsTrigger(text) || open || text.EndsWith('的') || EndsWithBeneficiary(text) is not null
            || IsPerAct(text)
            || (de >= 0 && text.Length - de - 1 <= ShortNounAfterDe)
            || StartsWithAny(text, Cue("trigger-verb"));
    }

    /// <summary>每新设一家连锁门店, 每引进1名博士: the act a grant is paid per.</summary>
    private bool IsPerAct(string text) =>
        text.Length > 2 && text[0] == '每' && (text[1] == '新' || StartsWithAny(text.AsSpan(1), Cue("trigger-verb")));

    /// <summary>…的单位 → 单位: the beneficiary that closes a 对…的 trigger.</summary>
    private string? EndsWithBeneficiary(string text)
    {
        var de = text.LastIndexOf('的');
        if (de < 0 || de == text.Length - 1)
        {
            return null;
        }

        var tail = text[(de + 1)..];
        return EndsWithCue(tail, Cue("beneficiary")) && tail.Length <= MaxBeneficiaryLength ? tail : null;
    }

    /// <summary>Ends with one of <paramref name="cues"/>, a bracketed note after it aside (园区（基地）).</summary>
    private static bool EndsWithCue(ReadOnlySpan<char> text, ImmutableArray<string> cues)
    {
        if (text.EndsWith('）') && text.LastIndexOf('（') is > 0 and var open)
        {
            text = text[..open];
        }

        foreach (var cue in cues)
        {
            if (text.EndsWith(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, ImmutableArray<string> cues) => Words.StartOf(text, cues) is not null;

    /// <summary>
    /// 企事业单位新增…, 我市单位或个人取得…, 企业在国内开展的…, 批发企业年销售额达到1亿元: a trigger written subject first;
    /// the subject (ending in a beneficiary word, followed by a verb of grammar/cues.txt [subject-verb], or by a measure of
    /// it and its figure, [subject-measure]) is returned.
    /// </summary>
    private string? SubjectFirst(string trigger)
    {
        if (trigger.Length < 3 || StartsWithAny(trigger, Cue("trigger-verb")) || StartsWithAny(trigger, Cue("preposition"))
            || StartsWithAny(trigger, Cue("scope-quantifier")))
        {
            // 单个项目设备购置在50万元以上: what is counted per, not who receives.
            return null;
        }

        for (var end = 2; end <= Math.Min(MaxBeneficiaryLength, trigger.Length - 2); end++)
        {
            if (trigger[end - 1] == '，')
            {
                return null;
            }

            if (trigger[end - 1] == '（')
            {
                // 中心（基地、企业）: a bracket's words are no subject of their own.
                var close = trigger.IndexOf('）', end);
                end = close < 0 ? trigger.Length : close;
                continue;
            }

            // 现代服务业类项目固定资产投资3000万元及以上: a kind of project is what is funded, not who receives.
            if (EndsWithCue(trigger.AsSpan(0, end), Cue("beneficiary")) && !EndsWithCue(trigger.AsSpan(0, end), Cue("scope-item"))
                && (StartsWithAny(trigger.AsSpan(end), Cue("subject-verb")) || StartsWithAny(trigger.AsSpan(end), Cue("subject-preposition"))
                    || IsMeasured(trigger.AsSpan(end))))
            {
                return trigger[..end];
            }
        }

        return null;
    }

    /// <summary>总部企业对产业链引进的总投资… → 产业链引进的总投资…: what earns the grant, without its subject and the preposition after it.</summary>
    private string WithoutSubject(string trigger, string subject)
    {
        var rest = trigger[subject.Length..];
        return Words.StartOf(rest, Cue("subject-preposition")) is { } preposition ? rest[preposition.Length..] : rest;
    }

    /// <summary>
    /// 年销售额达到1亿元, 上云费用达1万元以上: what follows a subject is a measure of it and its figure, before any comma
    /// or 的 ends the phrase ([subject-measure]).
    /// </summary>
    private bool IsMeasured(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny('，', '的', '、');
        if (end >= 0 && rest[end] == '的' && end + 1 < rest.Length && rest[end + 1] != '，')
        {
            // 服务企业上云数达500家以上的云服务商: the measure describes the noun after 的, who is the recipient.
            return false;
        }

        var phrase = end < 0 ? rest : rest[..end];
        if (Words.StartOf(phrase, Cue("list-joint")) is not null)
        {
            // 新引进企业和本地新注册企业实缴注册资本…: the subject goes on past 企业.
            return false;
        }

        foreach (var verb in Cue("subject-measure"))
        {
            if (phrase.IndexOf(verb, StringComparison.Ordinal) is > 0 and var at && at + verb.Length < phrase.Length)
            {
                return true;
            }
        }

        // 新注册企业实缴注册资本5000万元以上, 企业运营满3年: a measure bounded by a word of grammar/bounds.txt.
        if (phrase.IndexOfAny(Digits) <= 0)
        {
            return false;
        }

        foreach (var bound in _boundWords)
        {
            if (phrase.IndexOf(bound, StringComparison.Ordinal) > 0)
            {
                return true;
            }
        }

        return false;
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
        var entries = _capsAndFloors.Where(b => b.Allows(kind)).ToArray();
        for (var i = to - 1; i >= from; i--)
        {
            foreach (var entry in entries)
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
        QuantityKind.Money => !IsRangeThreshold(m, clauseText) && (m.Bound is null || m.Bound.Direction is BoundDirection.AtMost || !IsThreshold(m, clauseText)),
        QuantityKind.Percent => m.Bound is null || m.Bound.Direction is BoundDirection.AtMost,
        QuantityKind.Ratio => true,
        _ => false,
    };

    /// <summary>
    /// A figure followed by 的 or a noun after its bound word is a threshold: 融资额500万元以上的企业. A floor written
    /// before the figure (给予不低于5万元项目工作经费奖励) is not; the mention starts at that bound word.
    /// </summary>
    private static bool IsThreshold(QuantityMention m, string clauseText) =>
        m.Bound is { Direction: BoundDirection.AtLeast or BoundDirection.MoreThan } b && b.Start > m.Start
            && m.End < clauseText.Length && clauseText[m.End] is not ('，' or '。' or '；' or ';');

    /// <summary>营业收入1000万元至5000万元的企业: an interval followed by 的 is a tier's threshold.</summary>
    private static bool IsRangeThreshold(QuantityMention m, string clauseText) =>
        (m.Min is not null || m.Max is not null) && !m.Approximate && m.End < clauseText.Length && clauseText[m.End] == '的';

    /// <summary>每人每月3000元, 标准为每户每月500元: the amounts of a segment that has no verb of its own; empty otherwise.</summary>
    private ImmutableArray<QuantityMention> VerblessAmounts(Segment segment, List<QuantityMention> mentions, string clauseText) =>
        IndexOfAny(segment.Text, _grantAndPayVerbs) >= 0 ? [] : [.. mentions.Where(m => IsGrantAmount(m, clauseText))];

    /// <param name="instalment">The segment opens with an instalment label (第一年50万元), which needs no verb.</param>
    private Grant? GrantOf(Segment segment, List<QuantityMention> mentions, string clauseText, bool instalment)
    {
        if (Cue("others-pay").Any(c => segment.Text.StartsWith(c, StringComparison.Ordinal)))
        {
            // 督促被授予专利权的单位依法兑现发明人的相应奖励: others are told to pay; the policy grants nothing itself.
            return null;
        }

        var amounts = mentions.Where(m => IsGrantAmount(m, clauseText)).ToImmutableArray();
        var verbAt = VerbIndex(segment.Text, Cue("grant-verb"));
        if (amounts.Length > 0)
        {
            var firstAmount = amounts[0].Start - segment.Start;
            var verbs = amounts.Any(m => m.Kind == QuantityKind.Money) ? _grantAndPayVerbs : Cue("grant-verb");
            verbAt = verbs == _grantAndPayVerbs ? VerbIndex(segment.Text, verbs) : verbAt;
            if ((verbAt < 0 || verbAt > firstAmount) && Words.EndOf(segment.Text.AsSpan(0, firstAmount), Cue("amount-verb")) is { } amountVerb)
            {
                // 分别扶持5000万、500万: a verb that grants only right before its figure.
                verbAt = firstAmount - amountVerb.Length;
            }

            if (verbAt < 0 || verbAt > firstAmount)
            {
                // 资助3万元 has its verb before the amount; 按…的100%给予配套奖励 after it; an amount without any is not a grant.
                var after = VerbIndex(segment.Text, verbs, firstAmount);
                if (after < 0 && verbAt < 0)
                {
                    return instalment ? new Grant(firstAmount, amounts, null, null) : null;
                }

                verbAt = verbAt < 0 ? after : Math.Min(verbAt, after < 0 ? verbAt : after);
            }

            return new Grant(Math.Min(verbAt, firstAmount), amounts, null, null);
        }

        if (verbAt >= 0 && Contains(segment.Text, Cue("ratio-phrase")) is not null)
        {
            return new Grant(verbAt, [], null, 1m);
        }

        if (verbAt >= 0 && UnspecifiedAt(segment.Text, verbAt) is var phraseAt and >= 0)
        {
            // 择优分档给予奖励, 开展优秀活动评比和相应奖励: the phrase may open before the verb, and then so does the grant.
            return new Grant(Math.Min(verbAt, phraseAt), [], segment.Text[Math.Min(phraseAt, BasisAt(segment.Text[..verbAt]))..], null);
        }

        if (amounts.Length == 0 && CaseByCaseAt(segment.Text) is >= 0 and var caseAt && !Words.ContainsAny(segment.Text, Cue("no-duplicate"))
            && !segment.Text.EndsWith('的'))
        {
            // 对特别重大项目实行“一事一议”: decided case by case, a grant without a figure whether a verb is written or not
            // (…按照“一事一议”等政策获得财政扶持的不再重复支持 denies one; 已享受“一事一议”优惠政策的 is a condition).
            return new Grant(caseAt, [], segment.Text[caseAt..], null);
        }

        // 按市人才扶持政策有关规定执行, 相关费用由区财政承担: a grant without a verb (after a grant, how that one is paid). What
        // stands before its basis or its payer (举报奖励按…执行, 相关费用由…) names what is granted.
        if (Contains(segment.Text, Cue("verbless-grant")) is null)
        {
            return null;
        }

        var text = segment.Text;
        var basisAt = BasisAt(text);
        var named = basisAt < text.Length ? text[..basisAt] : text.IndexOf('由') is > 0 and var by ? text[..by] : "";
        return new Grant(0, [], basisAt < text.Length && named.Length > 0 ? text[basisAt..] : text, null)
        {
            Verbless = true,
            Named = Cue("benefit").Concat(Cue("cost")).Any(c => named.EndsWith(c, StringComparison.Ordinal)) ? named : null,
        };
    }

    /// <summary>
    /// Where a [case-by-case] phrase starts, with its opening quote and the [case-by-case-verb] before it (实行“一事一议”);
    /// -1 when there is none.
    /// </summary>
    private int CaseByCaseAt(string text)
    {
        var at = IndexOfAny(text, Cue("case-by-case"));
        if (at < 0)
        {
            return -1;
        }

        at = at > 0 && text[at - 1] is '“' or '"' ? at - 1 : at;
        return Words.EndOf(text.AsSpan(0, at), Cue("case-by-case-verb")) is { } verb ? at - verb.Length : at;
    }

    /// <summary>Where the first [unspecified] phrase that reaches the grant verb at <paramref name="verbAt"/> starts; -1 when none.</summary>
    private int UnspecifiedAt(string text, int verbAt) => Cue("unspecified")
        .Select(c => (At: text.IndexOf(c, StringComparison.Ordinal), c.Length))
        .Where(x => x.At >= 0 && x.At + x.Length > verbAt)
        .Select(x => x.At)
        .DefaultIfEmpty(-1)
        .Min();

    /// <summary>
    /// Where the basis of a grant starts in the text before its verb (按实缴利息, 按区级质量奖管理办法规定, 按照“一事一议”方式,
    /// 在工作费用方面); the text's length when there is none. The trigger stops there, and a grant without a figure
    /// keeps it in its phrase.
    /// </summary>
    private int BasisAt(string before)
    {
        var at = Enumerable.Range(0, before.Length)
            .Where(i => Cue("basis").Any(w => before.AsSpan(i).StartsWith(w, StringComparison.Ordinal))
                && !Cue("not-basis").Any(w => before.AsSpan(i).StartsWith(w, StringComparison.Ordinal)))
            .DefaultIfEmpty(before.Length)
            .First();
        if (before.TrimEnd('，').EndsWith("方面", StringComparison.Ordinal) && before.LastIndexOf('在') is >= 0 and var zai)
        {
            at = Math.Min(at, zai);
        }

        return at;
    }

    private IEnumerable<Draft> MakeDrafts(Segment segment, Grant grant, List<Segment> triggerSegments, Context context)
    {
        // The part of the grant segment before its verb belongs to the trigger (获评优秀的资助3万元) or names the
        // beneficiary (…的，对所在企业或知识产权服务机构给予…).
        var lead = Lead(segment.Text[..Math.Max(0, grant.VerbAt)]);
        string? beneficiary = null;
        var parts = triggerSegments.ToList();
        if (lead.Length > 0)
        {
            if (parts.Count > 0 && parts[^1].Text.EndsWith('的') && StartsWithAny(lead, Cue("recipient-opener")))
            {
                // …的，对该代理机构给予: the recipient, without the demonstrative that points back to the trigger.
                beneficiary = lead.TrimStart('对');
                beneficiary = Cue("demonstrative").FirstOrDefault(d => beneficiary.Length > d.Length && beneficiary.StartsWith(d, StringComparison.Ordinal)) is { } d
                    ? beneficiary[d.Length..]
                    : beneficiary;
                if (parts.Count > 1 && StartsTrigger(parts[0].Text) && parts[0].Text.EndsWith('的'))
                {
                    // 对在我市设立…机构的，代理…的发明专利，上年度授权量10件以上的，对该代理机构给予: the trigger is
                    // the 对…的 phrase; the segments after it are requirements (their thresholds are conditions).
                    parts = [parts[0]];
                }
            }
            else if (Appraisal(lead) is { } contest)
            {
                // 开展优秀活动评比和相应奖励: the government runs the appraisal; the grant is for winning it.
                parts = [new Segment(segment.Start + lead.Length - contest.Length, segment.Start + lead.Length, contest)];
            }
            else if (parts.Count > 0 && parts[^1].Text.EndsWith('的') && !IsTriggerPart(lead, open: false))
            {
                // …购置住房的，提供最高10万元补贴; …的，再给予: 的 closed the trigger; what stands before the verb is no part
                // of it, unless it names the recipient alone (…的，企业给予).
                beneficiary = lead.Length <= MaxRecipientAlone && EndsWithCue(lead, Cue("beneficiary")) ? lead : null;
            }
            else
            {
                parts.Add(new Segment(segment.Start, segment.Start + lead.Length, lead));
            }
        }

        // 开展…活动，对获得…的: a segment that opens with 对 starts the trigger afresh.
        var opening = parts.FindLastIndex(p => StartsTrigger(p.Text));
        parts = opening > 0 ? parts[opening..] : parts;
        var earning = parts;

        // …的知识产权服务机构，经评审在…取得较好成效的: the trigger ends at the beneficiary it names; 经…后 is procedure.
        var named = parts.FindIndex(p => EndsWithBeneficiary(p.Text) is not null);
        parts = named >= 0 ? parts[..(named + 1)] : parts;
        parts = parts.Count > 1 ? [.. parts.Where(p => !(p.Text.StartsWith('经') && p.Text.EndsWith('后')))] : parts;

        var triggerStart = parts.Count > 0 ? parts[0].Start : segment.Start;
        var trigger = StripLead(string.Join('，', parts.Select(p => p.Text)));
        var afterVerb = BeneficiaryAfterVerb(segment, grant);
        if (beneficiary is null && SubjectFirst(trigger) is { } subject)
        {
            // 企事业单位新增高价值发明专利, 知识产权服务机构开展的优质服务项目: the subject is who receives the grant, unless
            // the grant names another recipient at its verb (总部企业对产业链引进…的项目，给予引进企业30万元; 给予企业 after
            // 生产加工型企业… names the same one, less exactly).
            beneficiary = afterVerb is null || subject.EndsWith(afterVerb, StringComparison.Ordinal) ? subject : afterVerb;
            trigger = WithoutSubject(trigger, subject);
            if (afterVerb is not null && EndsWithBeneficiary(trigger) is { } funded)
            {
                // …总投资超过1亿元的项目，给予引进企业30万元: with the recipient named at the verb, the noun after 的 is what
                // is funded, not part of what earns the grant.
                trigger = trigger[..^(funded.Length + 1)];
            }

            trigger = trigger.TrimEnd('的');
        }
        else if (EndsWithBeneficiary(trigger) is { } closing)
        {
            beneficiary ??= afterVerb ?? closing;
            trigger = trigger[..^(closing.Length + 1)];
        }
        else if (trigger.EndsWith('的'))
        {
            trigger = trigger[..^1];
        }

        if (parts.Count > 1 && IsPerAct(parts[^1].Text) && trigger.EndsWith(parts[^1].Text, StringComparison.Ordinal))
        {
            // 限上商贸企业直营连锁门店10家以上的，每新设一家连锁门店，给予1万元: the grant is paid per act; what comes before
            // it is a requirement (its figures stay conditions) and may name the recipient.
            var before = StripLead(string.Join('，', parts.SkipLast(1).Select(p => p.Text)));
            beneficiary ??= SubjectFirst(before) ?? EndsWithBeneficiary(before);
            trigger = parts[^1].Text;
        }

        beneficiary ??= afterVerb ?? EachRecipient(segment.Text[..Math.Max(0, grant.VerbAt)]);

        var grantText = segment.Text[Math.Max(0, grant.VerbAt)..];
        var benefit = grant.Named ?? NamedBenefit(AfterAmounts(segment, grant)) ?? BenefitIn(grantText) ?? "资助";
        var frequency = FrequencyOf(segment.Text, trigger, grant, context.Clause.Text);
        var thresholds = parts.Count == 0
            ? []
            : WithReach(Within(context.Mentions, triggerStart, segment.Start + Math.Max(0, grant.VerbAt)), context.Clause.Text)
                .Where(m => IsCondition(m) && !IsBracketed(m, context.Clause.Text) && !context.Terms.Contains(m.Start)).ToList();
        var conditions = thresholds.SelectMany(m => ConditionsOf(m, context)).ToImmutableArray();
        var join = JoinOf(thresholds, context.Clause.Text);
        // Every rule of the segment quotes the same span: one Evidence for all of them, so that a segment of n grants
        // holds one copy of its text, not n.
        var evidence = Evidence(context, triggerStart, segment.End);
        var respectively = Contains(segment.Text, Cue("respectively")) is not null;

        if (grant.Unspecified is not null || grant.RatioPhrase is not null)
        {
            var amount = grant.RatioPhrase is { } r
                ? Amounts.Ratio(r, null, null, null)
                : Amounts.Unspecified(grant.Unspecified!);
            List<string> triggers = [.. Triggers(trigger, 1)];
            if (trigger.Length == 0 && grant.Unspecified is not null && RankedBy(segment.Text[..Math.Max(0, grant.VerbAt)]) is var (measure, ranked))
            {
                // 根据知识产权发展状况…对各街道（园区）进行综合排名并给予相应工作经费支持: ranked by the basis, for those ranked.
                (triggers, beneficiary, amount) = ([measure], beneficiary ?? ranked, Amounts.Unspecified(segment.Text[grant.VerbAt..]));
            }

            // 对…的单位和团队，分别给予奖励: each recipient has a grant of its own. 对A、B和C分别按照《…办法》规定标准给予奖励:
            // the rules referred to set each item's amount, so each item is a grant of its own. 分别 before one figure
            // (分别给予2万元) is one formula for all, one rule.
            var recipients = Recipients(beneficiary, respectively);
            var each = recipients.Count > 1 ? recipients.Select(r => (Triggers: triggers, Beneficiary: r))
                : respectively && grant.Unspecified is { } phrase && BasisAt(phrase) == 0 ? triggers.Select(t => (Triggers: new List<string> { t }, Beneficiary: beneficiary))
                : [(triggers, beneficiary)];
            foreach (var (forTriggers, forBeneficiary) in each)
            {
                yield return new Draft(triggerStart, trigger, [.. forTriggers], forBeneficiary, benefit, frequency, amount, conditions, evidence) { ConditionJoin = join };
            }

            yield break;
        }

        var amounts = grant.Amounts;

        // A ratio and a money cap in one grant: 给予实际维权费50%、最高50万元补助.
        if (amounts.Length == 2 && amounts[0].Kind is QuantityKind.Percent && amounts[1] is { Kind: QuantityKind.Money, Bound.Direction: BoundDirection.AtMost })
        {
            var ratio = RatioOf(amounts[0], segment, context) with { Max = BoundOf(amounts[1], context) };
            yield return new Draft(triggerStart, trigger, [.. Triggers(trigger, 1)], beneficiary, benefit, frequency, ratio, conditions, evidence) { ConditionJoin = join };
            yield break;
        }

        if (amounts.Length > 1 && LadderOf(earning, thresholds, amounts.Length, context.Clause.Text) is var (tiers, first, tierSubject, tierNoun))
        {
            // 固定资产投资1000万元及以上至5000万元、5000万元以上至1亿元、1亿元以上的，参照…的70%、80%和90%给予: a tier
            // ladder written as a list, each tier with its own amount, 分别 or not. A threshold outside the list (…，且增速
            // 20%以上的) holds for every tier.
            var shared = thresholds.Where((_, k) => k < first || k >= first + amounts.Length).SelectMany(m => ConditionsOf(m, context)).ToImmutableArray();
            for (var i = 0; i < amounts.Length; i++)
            {
                yield return new Draft(triggerStart, trigger, [tiers[i]], (tierSubject is not null && (afterVerb is null || tierSubject.EndsWith(afterVerb, StringComparison.Ordinal)) ? tierSubject : afterVerb) ?? beneficiary ?? tierNoun, benefit, frequency, AmountOf(amounts[i], segment, context), [.. ConditionsOf(thresholds[first + i], context), .. shared], evidence);
            }

            yield break;
        }

        if (respectively && amounts.Length > 1 && beneficiary is not null
            && LevelsBefore(segment.Text[..Math.Max(0, grant.VerbAt)], amounts.Length) is { } levels)
        {
            // 对…的示范项目（含创新基地），按国家级、省市级分别给予20万元、10万元: the level of what was built sets the
            // amount; each level with the thing named (and what it includes) is what earns it.
            var things = Included(beneficiary);
            for (var i = 0; i < amounts.Length; i++)
            {
                yield return new Draft(triggerStart, trigger, [.. things.Select(t => levels[i] + t)], null, benefit, frequency, AmountOf(amounts[i], segment, context), conditions, evidence) { ConditionJoin = join };
            }

            yield break;
        }

        if (respectively && amounts.Length > 1)
        {
            var groups = Distributed(trigger, amounts.Length);
            var beneficiaries = beneficiary is null ? [] : WithSharedNoun(SplitList(beneficiary, amounts.Length));
            for (var i = 0; i < amounts.Length; i++)
            {
                List<string> forTrigger = groups is null ? [trigger] : groups[i];
                var forBeneficiary = beneficiaries.Count == amounts.Length ? beneficiaries[i] : beneficiary;
                yield return new Draft(triggerStart, trigger, [.. forTrigger], forBeneficiary, benefit, frequency, AmountOf(amounts[i], segment, context), conditions, evidence) { ConditionJoin = join };
            }

            yield break;
        }

        // Several grants in one segment without 分别 (rare): one rule each, sharing the trigger. 分别 over a list of
        // recipients before one figure (对企业和个人分别给予1万元): one rule for each recipient.
        foreach (var m in amounts)
        {
            foreach (var forBeneficiary in Recipients(beneficiary, respectively))
            {
                yield return new Draft(triggerStart, trigger, [.. Triggers(trigger, 1)], forBeneficiary, benefit, frequency, AmountOf(m, segment, context), conditions, evidence) { ConditionJoin = join };
            }
        }
    }

    /// <summary>
    /// The trigger part of the text before a grant verb: without the basis of the amount (按实缴利息, 按照实际支出成本) and
    /// without the function words that sit between trigger and verb (分别, 每家, 按项目, 择优, 最高).
    /// </summary>
    private string Lead(string text)
    {
        var lead = text.Trim();
        lead = lead[..BasisAt(lead)].TrimEnd('，');

        var per = lead.LastIndexOf('每');
        if (per >= 0 && lead.Length - per <= PerItemPhraseMaxLength)
        {
            lead = lead[..per].TrimEnd('，');
        }

        if (Words.StartOf(lead, Cue("scope-quantifier")) is not null && lead.Length <= PerItemPhraseMaxLength + 1 && !lead.Contains('的'))
        {
            // 单个项目给予最高50万元资助, 单家企业…: what the amount counts per, which earns nothing.
            return "";
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

    /// <summary>
    /// What <paramref name="text"/> grants, as a [benefit] word; alternatives joined by 或 or 和 stay together (给予一定奖励或
    /// 补助 → 奖励或补助).
    /// </summary>
    /// <summary>
    /// 购房补贴 in …最高10万元购房补贴, 落户扶持 in 按1%给予落户扶持, 人员费补助: what follows a grant's amount names the
    /// benefit with the words that qualify it (a short run of Han characters before the [benefit] word); else as
    /// <see cref="BenefitIn"/>.
    /// </summary>
    private string? NamedBenefit(string afterAmount)
    {
        var text = Words.StartOf(afterAmount, _grantAndPayVerbs) is { } verb ? afterAmount[verb.Length..] : afterAmount;
        if (BenefitIn(text) is not { } benefit)
        {
            return null;
        }

        // 给予企业奖励 names the recipient before the benefit, 给予一定奖励 a degree ([benefit-degree]): neither is its name.
        var at = text.IndexOf(benefit, StringComparison.Ordinal);
        var qualifier = text[..Math.Max(0, at)];
        return at is > 0 and <= MaxBenefitQualifier && qualifier.All(IsQualifier) && IndexOfAny(qualifier, _grantAndPayVerbs) < 0
            && IndexOfAny(qualifier, Cue("claim-verb")) < 0 && Words.StartOf(qualifier, Cue("list-joint")) is null
            && !EndsWithCue(qualifier, Cue("beneficiary")) && !Cue("benefit-degree").Contains(qualifier)
            ? text[..(at + benefit.Length)]
            : benefit;
    }

    private string? BenefitIn(string text)
    {
        if (Contains(text, Cue("benefit")) is not { } benefit)
        {
            return null;
        }

        var end = text.IndexOf(benefit, StringComparison.Ordinal) + benefit.Length;
        var alternative = end < text.Length - 1 && text[end] is '或' or '和'
            ? Cue("benefit").FirstOrDefault(c => text.AsSpan(end + 1).StartsWith(c, StringComparison.Ordinal))
            : null;
        return alternative is null ? benefit : text[(end - benefit.Length)..(end + 1 + alternative.Length)];
    }

    /// <summary>
    /// 固定资产投资1000万元及以上至5000万元、5000万元以上至1亿元、1亿元以上 → 固定资产投资1000万元及以上至5000万元,
    /// 固定资产投资5000万元以上至1亿元, 固定资产投资1亿元以上: a tier ladder written as a list of <paramref name="count"/>
    /// thresholds in one part of what earns a grant. Each tier is that part and the parts after it with the list replaced
    /// by one item (营业收入首次达到5000万元、1亿元，且增速20%以上 → 营业收入首次达到1亿元，且增速20%以上), a bound word
    /// written once for the list given to each item (增量达300万美元、500万美元以上 → 增量达300万美元以上; 收入首次超过1.5亿元、
    /// 3亿元 → 收入首次超过3亿元). The parts before the list's (对…的企业，) and a subject written first (批发企业年销售额…)
    /// name the recipient, not the tier; the subject is returned, and the noun after the last 的 (…5亿元的项目). Null when no
    /// part holds such a list.
    /// </summary>
    private (List<string> Tiers, int First, string? Subject, string? Closing)? LadderOf(List<Segment> parts, List<QuantityMention> thresholds, int count, string clauseText)
    {
        for (var first = 0; first + count <= thresholds.Count; first++)
        {
            var run = thresholds.GetRange(first, count);
            var at = parts.FindIndex(p => p.Start <= run[0].Start && run[^1].End <= p.End);
            if (at < 0 || Enumerable.Range(0, count - 1).Any(i => !Cue("list-joint").Contains(clauseText[run[i].End..run[i + 1].Start])))
            {
                continue;
            }

            // 特色农业类项目，固定资产投资1000万元及以上至5000万元、…: a part before the list's belongs to every tier, unless
            // it names the recipient (对…的企业, 存量总部企业在我区入驻三年及以上).
            var from = at;
            while (from > 0 && EndsWithBeneficiary(parts[from - 1].Text) is null && SubjectFirst(StripLead(parts[from - 1].Text)) is null)
            {
                from--;
            }

            var part = parts[at];
            var head = string.Concat(parts.Skip(from).Take(at - from).Select(p => p.Text + "，")) + clauseText[part.Start..run[0].Start];
            var tail = clauseText[run[^1].End..part.End] + string.Concat(parts.Skip(at + 1).Select(p => "，" + p.Text));
            var before = OwnBound(run[0]) is { } b0 && b0.Start == run[0].Start ? clauseText[b0.Start..b0.End] : "";
            var after = OwnBound(run[^1]) is { } b1 && b1.Start > run[^1].Start ? clauseText[b1.Start..b1.End] : "";
            var items = run.Select((m, i) => (OwnBound(m) is null && i > 0 ? before : "") + clauseText[m.Start..m.End] + (OwnBound(m) is null && i < count - 1 ? after : "")).ToList();

            // 扶持的标准为：主营业务收入首次超过1.5亿元、3亿元: what stands before a colon introduces the ladder.
            head = StripLead(head[(head.LastIndexOfAny(['：', ':']) + 1)..]);
            var subject = SubjectFirst(head + items[0] + tail) is { } s && s.Length <= head.Length ? s : null;
            head = subject is null ? head : WithoutSubject(head, subject);
            var closing = EndsWithBeneficiary(items[0] + tail);
            tail = closing is not null && tail.EndsWith("的" + closing, StringComparison.Ordinal) ? tail[..^(closing.Length + 1)] : tail.TrimEnd('的');
            return ([.. items.Select(item => head + item + tail)], first, subject, closing);
        }

        return null;
    }

    /// <summary>The bound word written inside a mention's own span (达到 given to a listed figure is not).</summary>
    private static BoundWord? OwnBound(QuantityMention m) => m.Bound is { } b && b.Start >= m.Start && b.End <= m.End ? b : null;

    /// <summary>
    /// 按国家级、省市级分别 → 国家级, 省市级: the levels a 分别 grant is distributed by, when there are <paramref name="count"/>
    /// of them; null otherwise.
    /// </summary>
    private List<string>? LevelsBefore(string lead, int count)
    {
        var by = lead.LastIndexOf('按');
        if (by < 0 || (by + 1 < lead.Length && lead[by + 1] == '照'))
        {
            return null;
        }

        var list = lead[(by + 1)..];
        list = Cue("respectively").FirstOrDefault(r => list.EndsWith(r, StringComparison.Ordinal)) is { } r ? list[..^r.Length] : list;
        var levels = SplitList(list, count);
        // A level is written X级 (国家级, 省市级, 区级).
        return levels.Count == count && levels.All(l => l.Length is >= 2 and <= 4 && l.EndsWith('级')) ? levels : null;
    }

    /// <summary>示范项目（含技术标准创新基地） → 示范项目, 技术标准创新基地: a noun and what it says it includes.</summary>
    private static List<string> Included(string noun)
    {
        var open = noun.IndexOf("（含", StringComparison.Ordinal);
        return open > 0 && noun.EndsWith('）') ? [noun[..open], noun[(open + 2)..^1]] : [noun];
    }

    /// <summary>开展优秀活动评比 → 优秀活动评比: an appraisal that someone organizes, without the organizing verb.</summary>
    private string? Appraisal(string lead) =>
        Cue("organize").FirstOrDefault(v => lead.StartsWith(v, StringComparison.Ordinal)) is { } verb
            && lead.Length > verb.Length && Cue("appraisal").Any(a => lead.EndsWith(a, StringComparison.Ordinal))
            ? lead[verb.Length..]
            : null;

    /// <summary>每个企业给予5万元, 每家单位…: the recipient counted before the verb, when it is a beneficiary noun.</summary>
    private string? EachRecipient(string lead)
    {
        // 每家企业每个项目给予…: each 每 counts something; the first that counts a recipient names it.
        for (var each = lead.IndexOf('每'); each >= 0 && each + 2 <= lead.Length; each = lead.IndexOf('每', each + 1))
        {
            var next = lead.IndexOf('每', each + 1);
            var noun = lead[(each + 2)..(next < 0 ? lead.Length : next)].TrimEnd('，');
            if (noun.Length > 0 && Cue("beneficiary").Contains(noun) && !Cue("frequency-per-item").Contains(lead[each..(next < 0 ? lead.Length : next)].TrimEnd('，')))
            {
                return noun;
            }
        }

        return null;
    }

    /// <summary>对获得…, 重点对在…方面工作突出的: the trigger without the 对 (and the adverb before it) that introduces it.</summary>
    private string StripLead(string trigger)
    {
        // 扶持的标准为：年度区级贡献在100万元至300万元的: what stands before a colon introduces, unless it names the
        // recipient (存量企业分档扶持：…).
        trigger = trigger.LastIndexOf('：') is >= 0 and var colon && colon < trigger.Length - 1 && !Words.ContainsAny(trigger[..colon], Cue("beneficiary"))
            ? trigger[(colon + 1)..]
            : trigger;
        trigger = Words.StartOf(trigger, Cue("trigger-aside")) is { } aside && trigger.Length > aside.Length ? trigger[aside.Length..] : trigger;
        var unhedged = WithoutManner(trigger);
        trigger = StartsTrigger(unhedged) ? unhedged : trigger;
        foreach (var lead in Cue("trigger-opener"))
        {
            if (trigger.StartsWith(lead, StringComparison.Ordinal))
            {
                return trigger[lead.Length..];
            }
        }

        return trigger;
    }

    /// <summary>
    /// 给予项目单位最高5万元的资助 → 项目单位: a beneficiary named between the verb and the amount, or, when the amount comes
    /// first, between the verb and the benefit (按…的5%给予企业奖励).
    /// </summary>
    private string? BeneficiaryAfterVerb(Segment segment, Grant grant)
    {
        if (grant.Amounts.Length == 0 || grant.VerbAt < 0)
        {
            return null;
        }

        var verbAt = IndexOfAny(segment.Text, Cue("grant-verb"), grant.VerbAt);
        var verb = verbAt < 0 ? null : Cue("grant-verb").Where(v => segment.Text.AsSpan(verbAt).StartsWith(v, StringComparison.Ordinal)).MaxBy(v => v.Length);
        var from = verbAt < 0 ? grant.VerbAt : verbAt + verb!.Length;
        var to = (grant.Amounts[0].Bound is { } b && b.Start < grant.Amounts[0].Start ? Math.Min(b.Start, grant.Amounts[0].Start) : grant.Amounts[0].Start) - segment.Start;
        if (to <= from && BenefitIn(segment.Text[from..]) is { } benefit)
        {
            // 按固定资产投资的5%给予企业奖励: the figure comes before the verb; the recipient stands between verb and benefit.
            to = segment.Text.IndexOf(benefit, from, StringComparison.Ordinal);
        }

        if (to <= from)
        {
            return null;
        }

        var between = segment.Text[from..to];
        return Cue("beneficiary").Any(c => between.EndsWith(c, StringComparison.Ordinal)) ? between : null;
    }

    private string AfterAmounts(Segment segment, Grant grant) =>
        grant.Amounts.Length == 0 ? segment.Text : segment.Text[Math.Min(segment.Text.Length, grant.Amounts[^1].End - segment.Start)..];

    /// <summary>
    /// 每年 in the grant, or a trigger that opens with 年度 (年度获得…), is yearly, even with 一次性 (每年…给予一次性补贴); then
    /// 每月 or a rate per month (每人每月300元); then 一次性; then 年度 as the basis (依据年度考核绩效); then per item. 上一年度 dates a figure and says nothing of frequency.
    /// </summary>
    private Frequency FrequencyOf(string grantText, string trigger, Grant grant, string clauseText)
    {
        var text = WithoutPastYear(grantText);
        if (text.Contains("每年", StringComparison.Ordinal) || Cue("frequency-yearly").Any(c => trigger.StartsWith(c, StringComparison.Ordinal)))
        {
            return Frequency.Yearly;
        }

        if (Contains(text, Cue("frequency-monthly")) is not null || grant.Amounts.Any(a => a.Per?.Split('/').Contains("月") == true))
        {
            return Frequency.Monthly;
        }

        if (Contains(text, Cue("frequency-once")) is not null)
        {
            return Frequency.Once;
        }

        if (Contains(text, Cue("frequency-yearly")) is not null)
        {
            return Frequency.Yearly;
        }

        return Contains(text, Cue("frequency-per-item")) is not null || grant.Amounts.Any(a => RatePer(a, clauseText) is not null)
            ? Frequency.PerItem
            : Frequency.Unspecified;
    }

    /// <summary>
    /// The unit a rate is per, without the parts that are not units: 每家 restates the beneficiary, 每年 is a frequency
    /// (每年给予每家最高50万元 is a yearly cap), and so does 每个 unless it counts items (每个项目): 每个企业给予5万元,
    /// 对…的社会团体，每个支持金额不超过10万元. Null when nothing is left.
    /// </summary>
    private string? RatePer(QuantityMention m, string clauseText)
    {
        if (m.Per is null)
        {
            return null;
        }

        // 每个 in the mention's own comma-segment (200元/个 has none and stays a rate).
        var each = clauseText.LastIndexOf("每个", Math.Max(0, m.Start - 1), StringComparison.Ordinal);
        var perRecipient = each >= 0 && clauseText.AsSpan(each, m.Start - each).IndexOfAny("，；;。") < 0
            && !Cue("frequency-per-item").Any(c => clauseText.AsSpan(each).StartsWith(c, StringComparison.Ordinal));
        var parts = m.Per.Split('/')
            .Where(p => !Cue("per-beneficiary").Contains(p) && !Cue("per-period").Contains(p) && !(p == "个" && perRecipient))
            .ToList();
        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    /// <summary>
    /// The triggers of a grant. With 分别 (<paramref name="amounts"/> &gt; 1) the top-level 、 list with as many items as
    /// amounts, ellipsis expanded; with one formula, every item of a parallel list (、, and 及/和/或 between parallel
    /// items), so that 获得中国质量奖及中国质量奖提名奖、… is one rule with each award as a trigger. The verb that opens the
    /// list goes to the items written without it.
    /// </summary>
    private List<string> Triggers(string trigger, int amounts)
    {
        if (amounts == 1 && InAreas(trigger) is { } areas)
        {
            return areas;
        }

        if (Quoted(trigger) is { } quoted && (amounts == 1 || quoted.Count == amounts))
        {
            return quoted;
        }

        if (!IsListOfTriggers(trigger))
        {
            return [trigger];
        }

        var items = SplitList(trigger, amounts > 1 ? amounts : 0);
        if (amounts == 1 && _lists.Cross(CrossPieces(trigger)) is { } template)
        {
            return [.. template.All()];
        }
        if (amounts > 1)
        {
            if (items.Count > amounts)
            {
                // 主导广东省、深圳市地方标准制定、修订 with two amounts: 分别 distributes over the last list.
                items = [string.Join('、', items.Take(items.Count - amounts + 1)), .. items.Skip(items.Count - amounts + 1)];
            }

            return items.Count == amounts ? ExpandedWithVerb(items) : [trigger];
        }

        var listed = items;
        items = [.. items.SelectMany(i => SplitParallel(i, listed))];
        if (items.Count < 2 || items.Any(i => i.Contains('并') || i.Contains('且')))
        {
            // 设立、备案并开展相关运营工作: steps of one requirement, not alternatives.
            return [trigger];
        }

        return ExpandedWithVerb(items);
    }

    /// <summary>
    /// The list expanded, its verb shared. The verb that opens the first item is set aside while the list is expanded,
    /// so that 新获准承担ISO、IEC标准化技术委员会 is read as the list ISO、IEC… under 新获准承担.
    /// </summary>
    private List<string> ExpandedWithVerb(List<string> items)
    {
        var verbEnd = VerbAt(items[0]);
        var head = verbEnd > 0 && verbEnd < items[0].Length && StartsWithVerb(items[0]) ? items[0][..verbEnd] : "";
        var expanded = _lists.Expand([items[0][head.Length..], .. items.Skip(1)]).ToList();
        expanded[0] = head + expanded[0];
        return WithSharedVerb(expanded);
    }

    private bool StartsWithVerb(string text) => StartsWithAny(text, Cue("trigger-verb"));

    /// <summary>
    /// 当年获得“地理标志证明商标”与“地理标志产品”认定 → 当年获得“地理标志证明商标”认定, 当年获得“地理标志产品”认定: quoted
    /// names joined only by 、 or a conjunction are the items, the rest of the phrase shared; null otherwise.
    /// </summary>
    private static List<string>? Quoted(string trigger)
    {
        var names = new List<(int Start, int End)>();
        for (var open = trigger.IndexOf('“'); open >= 0; open = trigger.IndexOf('“', open + 1))
        {
            var close = trigger.IndexOf('”', open);
            if (close < 0)
            {
                return null;
            }

            names.Add((open, close + 1));
            open = close;
        }

        if (names.Count < 2 || names.Zip(names.Skip(1)).Any(p => trigger[p.First.End..p.Second.Start] is not ("、" or "和" or "与" or "及" or "或")))
        {
            return null;
        }

        var (head, tail) = (trigger[..names[0].Start], trigger[names[^1].End..]);
        return [.. names.Select(n => head + trigger[n.Start..n.End] + tail)];
    }

    /// <summary>
    /// 在新增发明专利量、有效发明拥有量和标准建设等方面工作突出 → 在新增发明专利量方面工作突出, …: a list of areas in the frame
    /// 在…（等）方面…, each area with the whole frame; null when the trigger has no such frame or names one area.
    /// </summary>
    private List<string>? InAreas(string trigger)
    {
        var at = trigger.IndexOf('在');
        var end = at < 0 ? -1 : trigger.IndexOf("方面", at, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var list = trigger[(at + 1)..end];
        list = list.EndsWith('等') && IsWordAt(list, list.Length - 1) ? list[..^1] : list;
        var areas = ListItems(list);
        return areas.Count < 2 || areas.Any(a => a.Length == 0 || a.Contains('，'))
            ? null
            : [.. _lists.Expand(areas).Select(a => trigger[..(at + 1)] + a + trigger[end..])];
    }

    /// <summary>
    /// The triggers of each of <paramref name="count"/> 分别 amounts, in order; null when the trigger has no list of that
    /// many. With several lists (在国内开展的专利、商标侵权案件中一审、二审胜诉) the last one of that length is distributed
    /// and the others expand within each group.
    /// </summary>
    private List<List<string>>? Distributed(string trigger, int count)
    {
        if (IsListOfTriggers(trigger) && _lists.Cross(SplitList(trigger, 0)) is { } template)
        {
            var list = Enumerable.Range(0, template.Lists.Length).LastOrDefault(l => template.Lists[l].Length == count, -1);
            return list < 0 ? null : [.. Enumerable.Range(0, count).Select(i => template.With(list, i).ToList())];
        }

        var items = Triggers(trigger, count);
        return items.Count == count ? [.. items.Select(Expanded)] : null;
    }

    /// <summary>
    /// A list inside a longer phrase (…为企业提供知识产权创造、运用、保护等综合服务…) or across segments is not a list of
    /// triggers; 等 as a word marks it, not the 等 of 一等奖.
    /// </summary>
    private bool IsListOfTriggers(string trigger) =>
        !trigger.Contains('，') && !(trigger.Contains('等') && _words.Split(trigger).Contains("等"));

    /// <summary>
    /// The pieces of a phrase that may hold several lists: split at 、 and at a 及 or 和 that stands as a word between
    /// items (国家及省级专利奖、外观设计奖 → 国家 | 省级专利奖 | 外观设计奖).
    /// </summary>
    private List<string> CrossPieces(string text)
    {
        var pieces = new List<string>();
        foreach (var item in SplitList(text, 0))
        {
            var start = 0;
            var words = SingleCharWords(item);
            foreach (var at in TopLevel(item, '及').Concat(TopLevel(item, '和')).Order())
            {
                if (at > start && at < item.Length - 1 && words.Contains(at))
                {
                    pieces.Add(item[start..at]);
                    start = at + 1;
                }
            }

            pieces.Add(item[start..]);
        }

        return pieces;
    }

    /// <summary>All the triggers a 分别 item stands for: 主导广东省、深圳市地方标准制定 → two.</summary>
    private List<string> Expanded(string item) => item.Contains('、') ? Triggers(item, 1) : [item];

    /// <summary>
    /// 中国质量奖及中国质量奖提名奖, 产业导航和企业导航, 胜诉或和解: split where the parts are parallel (an elliptical part, or
    /// the same last character); 市级及以上 and a 或 between clauses are not lists.
    /// </summary>
    /// <param name="listed">The items of the list <paramref name="item"/> is in: a head they write out in full (知识产权质押融资、
    /// 知识产权证券化和保险业务) is not shared with a part that lacks it.</param>
    private IEnumerable<string> SplitParallel(string item, IReadOnlyList<string> listed, int depth = 0)
    {
        if (depth > MaxSplitDepth)
        {
            return [item];
        }

        HashSet<int>? words = null;
        foreach (var conjunction in new[] { '及', '和', '或' })
        {
            // 和解 is a word, not 和; 市级及以上 is no list. The first conjunction decides, as for two parts.
            var at = TopLevelIndexOf(item, conjunction);
            if (at <= 0 || !IsJoint(item, at, words ??= SingleCharWords(item)))
            {
                continue;
            }

            // A及B及C…: every joint at once. Halving at the first joint and splitting the halves again copied the
            // rest of the list into each half (商奖 shares the tail of 权奖及版奖…), doubling the work with each item.
            var joints = TopLevel(item, conjunction).Where(j => IsJoint(item, j, words)).ToList();
            var parts = new string[joints.Count + 1];
            for (var k = 0; k <= joints.Count; k++)
            {
                parts[k] = item[(k == 0 ? 0 : joints[k - 1] + 1)..(k < joints.Count ? joints[k] : item.Length)];
            }

            if (parts.Any(p => p.Length == 0))
            {
                continue;
            }

            var expanded = _lists.Expand(parts);
            if (!expanded.SequenceEqual(parts))
            {
                var head = expanded[1].EndsWith(parts[1], StringComparison.Ordinal) ? expanded[1][..^parts[1].Length] : "";
                var writtenOut = head.Length > 0 && parts[0].StartsWith(head, StringComparison.Ordinal)
                    && listed.Any(i => i != item && i.Contains(head, StringComparison.Ordinal));
                return (writtenOut ? [.. parts] : expanded).SelectMany(p => SplitParallel(p, listed, depth + 1));
            }

            // 取得专利代理师资格证书或知识产权专业高级技术职称: alternatives after one verb.
            var alternatives = conjunction == '或' && VerbAt(parts[0]) >= 0
                && parts.Skip(1).All(p => VerbAt(p) < 0 && !Cue("subject-verb").Any(v => p.Contains(v, StringComparison.Ordinal)));
            if (parts.All(p => p[^1] == parts[0][^1]) || alternatives)
            {
                return parts.SelectMany(p => SplitParallel(p, listed, depth + 1));
            }
        }

        return [item];
    }

    /// <summary>A conjunction at <paramref name="at"/> that joins two items: a word of its own, inside the text, not 及以上.</summary>
    private static bool IsJoint(string text, int at, HashSet<int> singleCharWords) =>
        at > 0 && at < text.Length - 1 && singleCharWords.Contains(at)
        && !text.AsSpan(at + 1).StartsWith("以上") && !text.AsSpan(at + 1).StartsWith("以下");

    private bool IsWordAt(string text, int at) => SingleCharWords(text).Contains(at);

    /// <summary>Where a word of one character starts in <paramref name="text"/> (及, 和, 等 standing alone, not in 和解 or 一等奖).</summary>
    private HashSet<int> SingleCharWords(string text)
    {
        var starts = new HashSet<int>();
        var offset = 0;
        foreach (var word in _words.Split(text))
        {
            if (word.Length == 1)
            {
                starts.Add(offset);
            }

            offset += word.Length;
        }

        return starts;
    }

    private static int TopLevelIndexOf(string text, char c) => TopLevel(text, c).DefaultIfEmpty(-1).First();

    /// <summary>Where <paramref name="c"/> stands outside brackets, quotes and titles (（基地）, “领跑者”, 《…》).</summary>
    private static IEnumerable<int> TopLevel(string text, char c)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] is '（' or '“' or '《' ? 1 : text[i] is '）' or '”' or '》' ? -1 : 0;
            if (depth == 0 && text[i] == c)
            {
                yield return i;
            }
        }
    }

    /// <summary>
    /// Where the first trigger verb near the start of <paramref name="text"/> ends; -1 when there is none. A 的 right
    /// after the verb goes with it: 开展的专利导航、专利预警分析项目 shares 开展的.
    /// </summary>
    private int VerbAt(string text)
    {
        var end = Cue("trigger-verb")
            .Select(v => (At: text.IndexOf(v, StringComparison.Ordinal), v.Length))
            .Where(x => x.At >= 0 && x.At <= MaxHeadBeforeVerb)
            .OrderBy(x => x.At).ThenByDescending(x => x.Length)
            .Select(x => x.At + x.Length)
            .DefaultIfEmpty(-1)
            .First();
        return end > 0 && end < text.Length && text[end] == '的' ? end + 1 : end;
    }

    /// <summary>获得中国专利金奖、广东省专利奖 → the second is 获得广东省专利奖: the head up to the list's verb is shared.</summary>
    private List<string> WithSharedVerb(List<string> items)
    {
        if (items.Count < 2)
        {
            return items;
        }

        var verbEnd = VerbAt(items[0]);
        if (verbEnd < 0)
        {
            return items;
        }

        var head = items[0][..verbEnd];
        var verbs = Cue("trigger-verb");
        var ownVerbs = items.Skip(1).Where(i => verbs.Any(v => i.StartsWith(v, StringComparison.Ordinal))).ToList();
        if (ownVerbs.Count > 0 && ownVerbs.All(i => !i.StartsWith(head, StringComparison.Ordinal)) && InnerVerbAt(items[0], verbEnd) is var inner and > 0)
        {
            // 获得深圳市承担…项目、承办…项目、国外…项目资助: the later items parallel the first one's inner verb phrase
            // (承担…), so everything before it (获得深圳市) is shared, by those that open with a verb too.
            head = items[0][..inner];
            return [items[0], .. items.Skip(1).Select(i => i.StartsWith(head, StringComparison.Ordinal) ? i : head + i)];
        }

        return [items[0], .. items.Skip(1).Select(i => i.StartsWith(head, StringComparison.Ordinal) || verbs.Any(v => i.StartsWith(v, StringComparison.Ordinal)) ? i : head + i)];
    }

    /// <summary>Where the first trigger verb after <paramref name="from"/> starts in <paramref name="text"/>; -1 when none.</summary>
    private int InnerVerbAt(string text, int from) => Cue("trigger-verb")
        .Select(v => text.IndexOf(v, from, StringComparison.Ordinal))
        .Where(at => at >= from)
        .DefaultIfEmpty(-1)
        .Min();

    /// <summary>单位和团队, 企业、高校院所: the items of a list of nouns, split at 、 and at 和, 及 or 或 standing as words.</summary>
    private List<string> ListItems(string text)
    {
        var items = new List<string>();
        foreach (var piece in CrossPieces(text))
        {
            var words = SingleCharWords(piece);
            var or = TopLevel(piece, '或').FirstOrDefault(at => at > 0 && at < piece.Length - 1 && words.Contains(at));
            items.AddRange(or > 0 ? [piece[..or], piece[(or + 1)..]] : [piece]);
        }

        return items;
    }

    /// <summary>
    /// Who gets a grant of its own: with 分别 each recipient of a list (对…的单位和团队，分别给予), else the beneficiary as
    /// named (which may be null).
    /// </summary>
    private List<string?> Recipients(string? beneficiary, bool respectively) =>
        respectively && beneficiary is not null && ListItems(beneficiary) is { Count: > 1 } items ? [.. items] : [beneficiary];

    /// <summary>
    /// A类、B类、C类人才 → A类人才, B类人才, C类人才; 省级、市级院士专家工作站 → 省级院士专家工作站, …: the recipient's
    /// noun written once, after the last item, goes to each. The shared part is what the last item has beyond the length
    /// of the item before it (the items being written alike).
    /// </summary>
    private List<string> WithSharedNoun(List<string> items)
    {
        if (items.Count < 2 || items[^1].Length <= items[^2].Length || items.SkipLast(1).Any(i => EndsWithCue(i, Cue("beneficiary"))))
        {
            return items;
        }

        var shared = items[^1][items[^2].Length..];
        return EndsWithCue(shared, Cue("beneficiary")) ? [.. items.SkipLast(1).Select(i => i + shared), items[^1]] : items;
    }

    /// <summary>
    /// Top-level items of a 、 list (和 too when <paramref name="expected"/> asks for that many: 组织和个人); names in quotes
    /// written one after another are a list too (入选“世界500强”“中国500强” → 入选“世界500强”, “中国500强”).
    /// </summary>
    private static List<string> SplitList(string text, int expected)
    {
        var items = new List<string>();
        var start = 0;
        foreach (var i in TopLevel(text, '、'))
        {
            AddQuoted(text[start..i]);
            start = i + 1;
        }

        AddQuoted(text[start..]);
        if (expected > 1 && items.Count != expected)
        {
            var byAnd = text.Split('和');
            if (byAnd.Length == expected)
            {
                return [.. byAnd];
            }
        }

        return items;

        void AddQuoted(string item)
        {
            var from = 0;
            for (var at = item.IndexOf("”“", StringComparison.Ordinal); at >= 0; at = item.IndexOf("”“", at + 1, StringComparison.Ordinal))
            {
                items.Add(item[from..(at + 1)]);
                from = at + 1;
            }

            items.Add(item[from..]);
        }
    }

    /// <summary>
    /// 专利授权量10件以上、发明专利授权量5件以上或高价值专利授权量1件以上: thresholds joined by 或 are alternatives; a
    /// list without 或 (备案并连续运营一年以上) must all hold.
    /// </summary>
    private static ConditionJoin JoinOf(List<QuantityMention> thresholds, string clauseText)
    {
        if (thresholds.Count < 2)
        {
            return ConditionJoin.All;
        }

        var between = clauseText[thresholds[0].End..thresholds[^1].Start];
        return TopLevel(between, '或').Any() ? ConditionJoin.Any : ConditionJoin.All;
    }

    /// <summary>（1年内）: a counting window in brackets, not a threshold.</summary>
    private static bool IsBracketed(QuantityMention m, string text)
    {
        var start = Math.Min(m.Start, m.Bound?.Start ?? m.Start);
        var end = Math.Max(m.End, m.Bound?.End ?? m.End);
        var close = text.IndexOf('）', end);
        return start > 0 && text[start - 1] == '（' && close >= 0 && close - end <= 1;
    }

    /// <summary>
    /// The bounds a list of thresholds writes once: 年进出口额增量达300万美元、500万美元以上 (以上 after the last item holds
    /// for each); 营业收入首次达到5000万元、1亿元的 (a figure reached, [reach]: 达到, 达, 实现, is at least the figure, inclusive
    /// as the plain reading, and so is each figure listed after it). The quantity layer leaves 达 unbounded, since
    /// 全区授权量达3700件 outside what earns a grant is a statistic.
    /// </summary>
    private IEnumerable<QuantityMention> WithReach(IEnumerable<QuantityMention> mentions, string clauseText)
    {
        var list = mentions.ToList();
        static bool Bare(QuantityMention m) => m.Bound is null && m.Min is null && m.Max is null && !m.Approximate
            && m.Kind is QuantityKind.Money or QuantityKind.Count or QuantityKind.Percent;
        bool Listed(int i) => i + 1 < list.Count && list[i].Unit == list[i + 1].Unit && Cue("list-joint").Contains(clauseText[list[i].End..list[i + 1].Start]);

        for (var i = list.Count - 2; i >= 0; i--)
        {
            if (Bare(list[i]) && Listed(i) && list[i + 1].Bound is { Direction: BoundDirection.AtLeast or BoundDirection.MoreThan } after
                && after.Start > list[i + 1].Start - 1 && after.Start >= list[i].End)
            {
                list[i] = list[i] with { Bound = after };
            }
        }

        BoundWord? reached = null;
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            // 年零售额每实现2000万元: a step of a progressive grant, not a threshold.
            var word = Bare(m) ? Cue("reach").FirstOrDefault(w => clauseText.AsSpan(0, m.Start).EndsWith(w, StringComparison.Ordinal)
                && !clauseText.AsSpan(0, m.Start - w.Length).EndsWith("每", StringComparison.Ordinal)) : null;
            reached = word is not null ? new BoundWord(word, BoundDirection.AtLeast, true, InclusiveSource.Default, m.Start - word.Length, m.Start)
                : Bare(m) && reached is not null && i > 0 && Listed(i - 1) ? reached
                : null;
            list[i] = reached is null ? m : m with { Bound = reached };
        }

        return list;
    }

    private static bool IsCondition(QuantityMention m) =>
        (m.Bound is not null || (m.Min is not null && m.Max is not null && !m.Approximate))
        && m.Kind is QuantityKind.Count or QuantityKind.Duration or QuantityKind.Percent or QuantityKind.Money;

    /// <summary>
    /// A bounded figure is one condition; an interval (1000万元及以上至5000万元) is two, its lower end taking its
    /// inclusiveness from its bound word when it has one, its upper end from the range reading (至 includes the end).
    /// </summary>
    private IEnumerable<Condition> ConditionsOf(QuantityMention m, Context context)
    {
        if (m.Min is not { } min || m.Max is not { } max)
        {
            yield return ConditionOf(m, context);
            yield break;
        }

        var metric = ListedMetricOf(m, context);
        var evidence = Evidence(context, m.Start, m.End);
        var (lowInclusive, lowSemantics) = m.Bound is { Direction: BoundDirection.AtLeast or BoundDirection.MoreThan } b
            ? Resolve(b, context.Boundary)
            : (m.MinInclusive ?? true, BoundSemantics.Default);
        yield return new Condition(metric, lowInclusive ? ComparisonOp.Ge : ComparisonOp.Gt, min, m.Unit, lowInclusive, lowSemantics, evidence);
        var (highInclusive, highSemantics) = m.UpperBound is { } upper ? Resolve(upper, context.Boundary) : (m.MaxInclusive ?? true, BoundSemantics.Default);
        yield return new Condition(metric, highInclusive ? ComparisonOp.Le : ComparisonOp.Lt, max, m.Unit, highInclusive, highSemantics, evidence);
    }

    /// <summary>
    /// 营业收入达到5000万元、1亿元: the metric of a figure listed after another is that one's, which the text before it
    /// (、) does not say.
    /// </summary>
    private string ListedMetricOf(QuantityMention m, Context context)
    {
        var text = context.Clause.Text;
        var first = FirstAtOrAfter(context.Mentions, m.Start);
        for (var i = first - 1; i >= 0 && first - i <= MaxListWalk; i--)
        {
            var previous = context.Mentions[i];
            if (previous.End > m.Start || !Cue("list-joint").Contains(text[previous.End..m.Start]))
            {
                break;
            }

            m = previous;
        }

        return WithoutScope(MetricOf(m, text));
    }

    /// <summary>实际投资额（不含税，下同） → 实际投资额: a bracket that notes the drafting ([drafting-note]) names nothing.</summary>
    private string WithoutDraftingNote(string text)
    {
        var open = text.LastIndexOf('（');
        return open > 0 && text.EndsWith('）') && Words.ContainsAny(text[open..], Cue("drafting-note")) ? text[..open].TrimEnd() : text;
    }

    /// <summary>
    /// 单个项目设备购置 → 设备购置, 单家企业年营业收入 → 年营业收入: what a figure is measured per (a [scope-quantifier] and
    /// the item or recipient it counts) is not what it measures.
    /// </summary>
    private string WithoutScope(string metric)
    {
        if (Words.StartOf(metric, Cue("scope-quantifier")) is not { } quantifier)
        {
            return metric;
        }

        var rest = metric.AsSpan(quantifier.Length);
        var counted = Words.StartOf(rest, Cue("scope-item")) ?? Words.StartOf(rest, Cue("beneficiary"));
        return counted is not null && rest.Length > counted.Length ? rest[counted.Length..].ToString() : metric;
    }

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
        return new Condition(ListedMetricOf(m, context), op, m.Value ?? m.Min ?? 0m, m.Unit, inclusive, semantics, Evidence(context, m.Start, m.End));
    }

    /// <summary>
    /// 达到40%以上成熟度 → 成熟度 (the noun after); 授权量10件以上, 专利技术达到10件以上 → the noun before. A grade (级)
    /// grades the noun before it: 获能力评价二级以上证书 → 能力评价.
    /// </summary>
    private static string MetricOf(QuantityMention m, string text)
    {
        var after = m.End;
        var stop = after;
        while (stop < text.Length && stop - after < 8 && text[stop] is not ('的' or '，' or '、' or '。' or '；' or ';' or '或' or '和' or '（' or '〔' or '('))
        {
            stop++;
        }

        // 5万元（含税）以上〕的, 在33600元至42000元（含）间的: punctuation or (之)间 after the figure names nothing it measures.
        var before = NounBefore(m.Start, text);
        if (stop > after && char.IsLetter(text[after]) && text[after] is not ('之' or '间') && !(m.Unit == "级" && before.Length > 0))
        {
            return text[after..stop];
        }

        return before.Length > 0 ? before : m.Unit;
    }

    private static readonly string[] MetricAdverbs = ["首次", "累计"];

    private static string NounBefore(int start, string text)
    {
        while (start > 0 && text[start - 1] == ' ')
        {
            start--;
        }

        // 年销售额在1亿元及以上, 亩均税收达到10万元: the word between the metric and its figure is not part of it.
        foreach (var verb in new[] { "达到", "达", "到", "为", "在" })
        {
            if (text.AsSpan(0, start).EndsWith(verb, StringComparison.Ordinal))
            {
                start -= verb.Length;
                break;
            }
        }

        // 实际完成投资额（含设备和软件投入）达500万元: the note in brackets qualifies the noun before it.
        if (start > 0 && text[start - 1] is '）' or ')' && text.LastIndexOfAny(['（', '('], start - 1) is var open and > 0)
        {
            start = open;
        }

        // 营业收入首次达到, 投资累计达到: an adverb of the act is not part of what is measured.
        foreach (var adverb in MetricAdverbs)
        {
            if (text.AsSpan(0, start).EndsWith(adverb, StringComparison.Ordinal))
            {
                start -= adverb.Length;
                break;
            }
        }

        var from = start;
        while (from > 0 && start - from < 10 && text[from - 1] is not ('，' or '、' or '对' or '的' or '或' or '和' or '在' or '达' or '到' or '。' or '；' or ';' or '：' or '其' or '获' or '有' or '且' or '并' or '〔' or '（' or '(' or '）' or ')' or '\n'))
        {
            from--;
        }

        // 是指年龄在18周岁以上: the words of a definition are not what it measures.
        var noun = text[from..start].Trim();
        return noun.StartsWith("是指", StringComparison.Ordinal) ? noun[2..] : noun;
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
        // 给予最高…, 发放…, 提供最高2000平方米的工作办公场所: a figure after a verb of giving is what is given, not a limit.
        var hasGiveVerb = lead.Contains("给予", StringComparison.Ordinal) || lead.Contains("予以", StringComparison.Ordinal)
            || IndexOfAny(lead, Cue("pay-verb")) >= 0 || IndexOfAny(lead, Cue("in-kind-verb")) >= 0;
        var scope = _scopes.Read(lead);
        var entity = scope == LimitScope.PerEntity;
        var project = scope == LimitScope.PerProject;
        var total = Contains(segment.Text, Cue("period-total")) is not null;
        var yearly = Contains(lead, Cue("frequency-yearly")) is not null;

        // 单个项目最高300万元 (分别30万元、25万元、15万元): the cap on the grant just made; so is a bare 最高50万元 after a
        // progressive step (每增加30件增加3万元，最高50万元).
        var stepped = sameSentence && targets[^1].Amount.Step is not null && !project && !yearly && !total;
        // 按其研发实际发生额的20%给予企业奖励，最高奖励不超过50万元 (资助标准不超过…的20%，资助金额最高不超过500万元): a
        // bare cap after an uncapped ratio or rate caps it.
        var bare = sameSentence && !project && !yearly && !total && capped.Count == 1
            && targets[^1].Amount is { Kind: AmountKind.Ratio or AmountKind.PerUnit, Max: null }
            && Cue("benefit").Concat(Cue("amount-noun")).Concat(Cue("hedge")).Concat(_quantities.BoundsBefore.Select(b => b.Word))
                .Aggregate(lead, (rest, w) => rest.Replace(w, "", StringComparison.Ordinal)).Trim().Length == 0;
        if (sameSentence && (project || stepped || bare) && !entity && !hasGiveVerb && capped.All(m => m.Kind == QuantityKind.Money))
        {
            if (capped.Count == 1)
            {
                foreach (var d in targets.Where(d => (d.Amount.Kind is AmountKind.Ratio or AmountKind.PerUnit || d.Amount.Step is not null) && d.Amount.Max is null).TakeLast(1))
                {
                    d.Amount = d.Amount with { Max = BoundOf(capped[0], context) };
                }
            }
            else if (targets.Count >= 1)
            {
                // 按…50%给予配套资助，单个项目最高分别30万元、25万元、15万元: one grant per cap.
                var last = targets[^1];
                var groups = Distributed(last.RawTrigger, capped.Count);
                targets.RemoveAt(targets.Count - 1);
                for (var i = 0; i < capped.Count; i++)
                {
                    targets.Add(last with
                    {
                        Triggers = groups is null ? last.Triggers : [.. groups[i]],
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
                // 每年最多资助10家 and the limits of yearly grants are per year; 同一项专利仅资助一次 is for all time.
                var period = !total && (yearly || targets.All(d => d.Frequency == Frequency.Yearly)) ? LimitPeriod.Year : LimitPeriod.Total;

                limits.Add(new Limit(LimitKind.Count, m.Value ?? 0m, m.Unit, scope ?? LimitScope.Program, period, inclusive, semantics, Evidence(context, segment.Start, segment.End)));
            }
            else if (m.Kind is QuantityKind.Money && (entity || yearly || total))
            {
                limits.Add(new Limit(LimitKind.Amount, m.Value ?? 0m, m.Unit, entity ? LimitScope.PerEntity : LimitScope.Program, total && !yearly ? LimitPeriod.Total : LimitPeriod.Year, inclusive, semantics, Evidence(context, segment.Start, segment.End)));
            }
        }

        if (limits.Count == 0)
        {
            return false;
        }

        foreach (var draft in LimitedBy(segment.Text, limits, targets))
        {
            draft.Limits = draft.Limits.AddRange(limits);
        }

        return true;
    }

    /// <summary>
    /// The grants a term governs. One that opens (5年内每年给予…, 三年管理期内，…) governs the grants of its sentence after
    /// it; one that closes (…给予租金补贴，补贴期限不超过3年) those before it, or all of its sentence's when it comes
    /// first; one written as a sentence of its own (扶持期限为三年。) those of the clause before it, unless its word
    /// need not be a grant's (自办理产权之日起期限10年: how long a bought flat is restricted).
    /// </summary>
    private static IEnumerable<Draft> TermedBy(Term term, int draftsBefore, List<Draft> sentence, List<Draft> clause)
    {
        var before = Math.Min(draftsBefore, sentence.Count);
        return sentence.Count == 0 ? (term.Bare ? [] : clause)
            : term.Leading ? sentence[before..]
            : before > 0 ? sentence[..before]
            : sentence;
    }

    /// <summary>
    /// A term as a limit: per project where its sentence names the project as the unit (单个项目, 每项), else per
    /// recipient; for the whole time; its bound read as the document reads it.
    /// </summary>
    private Limit TermLimit(Term term, Segment segment, int sentenceStart, Context context)
    {
        var m = term.Figure;
        var scope = _scopes.Read(context.Clause.Text[sentenceStart..m.Start]) == LimitScope.PerProject ? LimitScope.PerProject : LimitScope.PerEntity;
        var (inclusive, semantics) = m.Bound is { } b ? Resolve(b, context.Boundary) : (true, BoundSemantics.Default);
        return new Limit(LimitKind.Duration, m.Value!.Value, m.Unit, scope, LimitPeriod.Total, inclusive, semantics, Evidence(context, segment.Start, segment.End));
    }

    /// <summary>
    /// The grants a limit governs: those it names (其中获评优秀的单位每年不超过2个 limits the grant for 获评优秀); a count
    /// per item (同一项专利仅资助一次) the grants paid per item, when there are any; else all of them.
    /// </summary>
    private static IEnumerable<Draft> LimitedBy(string text, List<Limit> limits, List<Draft> targets)
    {
        if (text.StartsWith("其中", StringComparison.Ordinal) && text.IndexOf('的') is > 2 and var de)
        {
            var named = text[2..de];
            var matching = targets.Where(d => d.Triggers.Any(t => t == named || t.EndsWith(named, StringComparison.Ordinal))).ToList();
            if (matching.Count > 0)
            {
                return matching;
            }
        }

        if (limits.All(l => l is { Kind: LimitKind.Count, Scope: LimitScope.PerProject }))
        {
            var perItem = targets.Where(d => d.Frequency == Frequency.PerItem).ToList();
            if (perItem.Count > 0)
            {
                return perItem;
            }
        }

        return targets;
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
                // The ends' inclusiveness is the reading of the range word (至, 多; grammar/ranges.txt), not a marker.
                m.Min is { } lo ? new Bound(lo, m.MinInclusive ?? true, BoundSemantics.Default) : null,
                m.Max is { } hi ? new Bound(hi, m.MaxInclusive ?? true, BoundSemantics.Default) : null,
                m.Unit,
                m.Approximate);
        }

        if (RatePer(m, context.Clause.Text) is { } per)
        {
            return Amounts.PerUnit(m.Value!.Value, m.Unit, per, m.Bound is { Direction: BoundDirection.AtMost } ? BoundOf(m, context) : null);
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
        // 参照其地方财政贡献的70%、80%和90%: every ratio of a list shares the base written before the first.
        var first = context.Lists.FirstOfList(m, segment.Start);
        var before = context.Clause.Text[segment.Start..(first.Bound is { } b && b.Start < first.Start ? b.Start : first.Start)];
        // The base is what stands between the last 按/给予 and the figure, or the next such word (根据市级财政扶持经费按照
        // 不低于1:1); when that is empty (按实际支出贷款利息给予最高70%), the one before. 按 inside 按照 is not a word of its own.
        var words = new List<(int At, int End)>();
        foreach (var word in Cue("ratio-base").OrderByDescending(w => w.Length))
        {
            for (var at = before.IndexOf(word, StringComparison.Ordinal); at >= 0; at = before.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (!words.Any(w => at < w.End && w.At < at + word.Length))
                {
                    words.Add((at, at + word.Length));
                }
            }
        }

        words.Sort();
        var baseText = "";
        for (var i = words.Count - 1; i >= 0 && baseText.Length == 0; i--)
        {
            baseText = before[words[i].End..(i + 1 < words.Count ? words[i + 1].At : before.Length)];
            foreach (var bound in _quantities.BoundsBefore.Select(b => b.Word))
            {
                baseText = baseText.Replace(bound, "", StringComparison.Ordinal);
            }

            baseText = baseText.Trim().TrimEnd('的');
        }

        if (baseText.Length == 0 && m.Bound is { } lead && lead.End <= m.End && lead.Start >= segment.Start)
        {
            // 按不超过实际交易金额5%, 资助标准原则上不高于产品订货合同的20%: the base stands between the bound word and
            // the figure.
            baseText = WithoutFigure(context.Clause.Text[lead.End..m.End]).TrimEnd('的').Trim();
        }

        if (baseText.Length == 0)
        {
            baseText = BaseWithoutCue(before) ?? "";
        }

        baseText = WithoutDraftingNote(baseText);
        var (inclusive, semantics) = m.Bound is { } bw ? Resolve(bw, context.Boundary) : (default(bool?), default(BoundSemantics?));
        var ratio = Amounts.Ratio(m.Value ?? m.Max ?? m.Min ?? 0m, baseText.Length > 0 ? baseText : null, inclusive, semantics);
        return m.Value is not null ? ratio : ratio with
        {
            // 按固定资产投资的5%—20%: a range of ratios; the ratio is its top, and both ends are kept as bounds.
            Min = m.Min is { } lo ? new Bound(lo, m.MinInclusive ?? true, BoundSemantics.Default) : null,
            Max = m.Max is { } hi ? new Bound(hi, m.MaxInclusive ?? true, BoundSemantics.Default) : null,
        };
    }

    /// <summary>实际交易金额5% → 实际交易金额: the text without the percentage or ratio figure that ends it (5%, 百分之五, 三分之一, 1:1).</summary>
    /// <summary>
    /// A base written with no 按 before it: 补贴参团民营企业代表交通费的50% (the noun before 的 and the figure, past the grant
    /// verb), 对…新增的有关设备购置费给予不超过50%的补助 and …形成的区级财力部分给予50%补助 (the noun a 的 ends before 给予).
    /// Never a recipient (对符合条件的企业给予50%补贴 names no base), and nothing when no 的 marks the noun.
    /// </summary>
    private string? BaseWithoutCue(string before)
    {
        string? candidate = null;
        if (before.EndsWith('的'))
        {
            candidate = before[..^1];
            var cut = Math.Max(candidate.LastIndexOf('，'), candidate.LastIndexOf('的'));
            candidate = candidate[(cut + 1)..];
            if (Words.StartOf(candidate, _grantWordsLongestFirst) is { } verb)
            {
                candidate = candidate[verb.Length..];
            }

            // 标准为总部企业落地固定资产投资额的1%: the words that introduce a figure are no part of its base.
            candidate = Words.StartOf(candidate, Cue("amount-standard")) is { } standard ? candidate[standard.Length..] : candidate;
        }
        else if (Cue("grant-verb").FirstOrDefault(v => before.TrimEnd().EndsWith(v, StringComparison.Ordinal)) is { } verb
            && before[..before.LastIndexOf(verb, StringComparison.Ordinal)] is var head && head.LastIndexOf('的') is var de and >= 0)
        {
            candidate = head[(de + 1)..];
        }

        candidate = candidate?.Trim();
        return candidate is { Length: > 1 } && !EndsWithCue(candidate, Cue("beneficiary")) && !candidate.Contains('，') ? candidate : null;
    }

    private static string WithoutFigure(string text)
    {
        for (var before = ""; before != text;)
        {
            before = text;
            text = text.TrimEnd('%', '％', ':', '：', '半');
            while (text.Length > 0 && NumeralChars.IsNumeralChar(text[^1]))
            {
                text = text[..^1];
            }

            text = text.EndsWith("分之", StringComparison.Ordinal) ? text[..^2] : text;
        }

        return text;
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
        int From,
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

        public Instalment? Instalment { get; init; }

        /// <summary>A part of a grant split by recipient (其中团队…，个人…).</summary>
        public bool Part { get; init; }

        /// <summary>The rule; a trigger the clause does not write is left out, never an empty string (the pipeline says so: RU001).</summary>
        public Rule Build(string id, string clause) =>
            new(id, clause, [.. Triggers.Where(t => !string.IsNullOrWhiteSpace(t))], Beneficiary, Benefit, Frequency, Amount, Limits, Conditions, ConditionJoin, Evidence) { Instalment = Instalment };
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
