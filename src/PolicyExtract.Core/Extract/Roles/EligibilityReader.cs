using System.Collections.Immutable;
using PolicyExtract.Grammar;
using PolicyExtract.Structure;

namespace PolicyExtract.Extract.Roles;

/// <summary>
/// Who may apply, written apart from the grants: 同时符合下列条件的本市城镇居民家庭，可以申请…：（一）…连续满3年; 满足以下
/// 条件…的企业为总部企业; 本办法所称港澳青年，是指45周岁以下…. <see cref="Clause"/> holds the criteria (with
/// <see cref="Figures"/> the thresholds among them, of all its <see cref="Mentions"/>); <see cref="Subject"/> is who they are about, when the
/// text names a recipient (家庭, 总部企业, 港澳青年) or a thing the grants name (楼宇); <see cref="Scope"/> is the path
/// prefix of the clauses whose grants they govern ("" for the whole document).
/// </summary>
internal sealed record Eligibility(Clause Clause, ImmutableArray<QuantityMention> Mentions, ImmutableArray<QuantityMention> Figures, string? Subject, string Scope);

/// <summary>
/// Finds eligibility in a document's clauses. A clause states criteria when it announces a list of conditions
/// ([eligibility]: 下列条件, 以下条件) that are not alternatives ([eligibility-alternative]: 之一, 任意), the criteria being
/// its own text and its items'; or when it defines a term (所称X，是指…; X是指…). Only the thresholds of sentences that
/// require count: a sentence that permits another way (…的单身人士，可以单独申请) or a window of time (申请前5年内未…)
/// is no threshold of every applicant. The words are the grammar's (<c>cues.txt</c>).
/// </summary>
internal sealed class EligibilityReader(PolicyGrammar grammar)
{
    // A defined term or a subject is a short noun phrase: 港澳青年, 本市城镇居民家庭, 总部企业.
    private const int MaxSubjectLength = 16;

    private readonly ImmutableArray<string> _lists = grammar.Cues["eligibility"];
    private readonly ImmutableArray<string> _alternatives = grammar.Cues["eligibility-alternative"];
    private readonly ImmutableArray<string> _permissions = grammar.Cues["eligibility-permission"];
    private readonly ImmutableArray<string> _definitions = grammar.Cues["definition"];
    private readonly ImmutableArray<string> _recipients = grammar.Cues["beneficiary"];
    private readonly ImmutableArray<string> _asides = grammar.Cues["trigger-aside"];
    private readonly ImmutableArray<string> _self = grammar.Document.SelfReferences;
    private readonly QuantityGrammar _quantities = grammar.Quantities;

    public IEnumerable<Eligibility> Read(IReadOnlyList<Clause> clauses)
    {
        foreach (var clause in clauses)
        {
            if (Words.ContainsAny(clause.Text, _lists) && !Words.ContainsAny(clause.Text, _alternatives))
            {
                var scope = ScopeOf(clause);
                var subject = ListSubject(clause.Text);
                foreach (var part in Criteria(clause))
                {
                    var mentions = QuantityFinder.Find(part.Text, _quantities);
                    yield return new Eligibility(part, mentions, Thresholds(part.Text, mentions, 0, part.Text.Length), subject, scope);
                }
            }
            else if (Definition(clause.Text) is var (term, start, end))
            {
                var mentions = QuantityFinder.Find(clause.Text, _quantities);
                yield return new Eligibility(clause, mentions, Thresholds(clause.Text, mentions, start, end), term, ScopeOf(clause));
            }
        }
    }

    /// <summary>The clause and its items, but no item that lists alternatives of its own (须满足以下任意三个条件之一).</summary>
    private IEnumerable<Clause> Criteria(Clause clause)
    {
        yield return clause;
        foreach (var child in clause.Children)
        {
            if (!Words.ContainsAny(child.Text, _alternatives))
            {
                foreach (var part in Criteria(child))
                {
                    yield return part;
                }
            }
        }
    }

    /// <summary>
    /// The figures in text[start, end) that may be thresholds (the rule stage decides which are), but those of a sentence
    /// that permits rather than requires, and windows of time.
    /// </summary>
    private ImmutableArray<QuantityMention> Thresholds(string text, ImmutableArray<QuantityMention> mentions, int start, int end)
    {
        var figures = ImmutableArray.CreateBuilder<QuantityMention>();
        foreach (var (at, sentence) in Sentences.Of(text))
        {
            var (from, to) = (Math.Max(at, start), Math.Min(at + sentence.Length, end));
            // 同时符合下列条件的人才可以申请：… announces the list and is read; …的单身人士，可以单独申请 permits another way.
            if (from >= to || Words.ContainsAny(sentence, _permissions) && !Words.ContainsAny(sentence, _lists))
            {
                continue;
            }

            // 申请前5年内未发生…: a window looked back over, not a threshold. 其中文化创意产业类不低于15%: a threshold of a
            // part of the applicants ([trigger-aside] opens its segment), not of all.
            var asides = Sentences.Segments(sentence, at).Where(p => Words.StartOf(p.Text, _asides) is not null).ToList();
            figures.AddRange(mentions.Where(m => m.Start >= from && m.End <= to
                && !(m.Kind == QuantityKind.Duration && m.Bound is { Direction: BoundDirection.AtMost })
                && !asides.Any(p => m.Start >= p.Start && m.End <= p.Start + p.Text.Length)));
        }

        return figures.ToImmutable();
    }

    /// <summary>
    /// 本办法所称港澳青年，是指45周岁以下… → (港澳青年, the sentence): the term a clause defines and the span of its
    /// definition; null when it defines none.
    /// </summary>
    private (string Term, int Start, int End)? Definition(string text)
    {
        foreach (var (at, sentence) in Sentences.Of(text))
        {
            foreach (var word in _definitions)
            {
                var is_ = sentence.IndexOf(word, StringComparison.Ordinal);
                if (is_ <= 0)
                {
                    continue;
                }

                var head = sentence[..is_].TrimEnd('，', ',');
                var called = head.LastIndexOf("所称", StringComparison.Ordinal);
                var term = (called >= 0 ? head[(called + 2)..] : head).Trim('“', '”', '"');
                if (term.Length is > 0 and <= MaxSubjectLength && !term.Contains('，'))
                {
                    return (term, at, at + sentence.Length);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// 同时符合下列条件的本市城镇居民家庭，可以申请 → 本市城镇居民家庭; 满足以下条件…的经济机构或企业为总部企业 → 总部企业:
    /// who the listed criteria are about, when a recipient noun names it; null otherwise.
    /// </summary>
    private string? ListSubject(string text)
    {
        var sentence = Sentences.Of(text).Select(s => s.Text).FirstOrDefault(s => Words.ContainsAny(s, _lists)) ?? text;
        var body = sentence.TrimEnd('：', ':', '。', '；', ';');
        var be = body.LastIndexOf('为');
        if (be > 0 && body.Length - be - 1 is > 0 and <= MaxSubjectLength && Words.EndsWithAny(body[(be + 1)..], _recipients))
        {
            return body[(be + 1)..];
        }

        var de = body.LastIndexOf('的');
        if (de < 0)
        {
            return null;
        }

        var noun = body[(de + 1)..];
        var stop = noun.IndexOfAny(['，', ',', '可', '应', '须']);
        noun = stop < 0 ? noun : noun[..stop];
        return noun.Length is > 0 and <= MaxSubjectLength && Words.EndsWithAny(noun, _recipients) ? noun : null;
    }

    /// <summary>
    /// The clauses whose grants the criteria govern: the whole document ("") when the clause stands at the top or says so
    /// (本办法, 本措施…: grammar/document.txt [self]), else those of its parent section (三、（一）申请条件 governs 三、's grants).
    /// </summary>
    private string ScopeOf(Clause clause)
    {
        var dot = clause.Path.LastIndexOf('.');
        return dot < 0 || Words.ContainsAny(clause.Text, _self) ? "" : clause.Path[..(dot + 1)];
    }
}
