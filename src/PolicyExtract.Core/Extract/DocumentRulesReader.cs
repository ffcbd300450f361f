using System.Collections.Immutable;
using PolicyExtract.Grammar;
using PolicyExtract.Rules;
using PolicyExtract.Structure;

namespace PolicyExtract.Extract;

/// <summary>
/// Reads what applies to every grant in a document: the definition of its bound words (本数) and its exclusions and
/// non-duplication constraints. Thread-safe.
/// </summary>
public sealed class DocumentRulesReader(PolicyGrammar grammar)
{
    /// <summary>
    /// The document's own definition of its bound words, in any wording (本措施中有关数据“以上”“不超过”“最高”包括本数，“以下”不包括本数;
    /// 本办法所称以上、最高、不低于、不超过等均包含本数), or the Civil Code convention when it has none.
    /// </summary>
    /// <param name="boundWords">Every bound word the grammar knows, with its Civil Code default (true: includes the number).</param>
    public Boundary ReadBoundary(IEnumerable<Clause> clauses, EvidenceMap evidence, IReadOnlyDictionary<string, bool> boundWords)
    {
        var byLength = boundWords.Keys.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList();
        foreach (var clause in clauses)
        {
            // A definition may name its words in one part and state their meaning in the next (所称以上、以下，均含本数),
            // and run over two sentences (…均含本数；所称超过、低于，不含本数).
            var inclusive = new List<string>();
            var exclusive = new List<string>();
            var pending = new List<string>();
            int? first = null, last = null;
            foreach (var (start, sentence) in Sentences.Of(clause.Text))
            {
                if (!sentence.Contains("本数", StringComparison.Ordinal))
                {
                    pending.Clear();
                    continue;
                }

                first ??= start;
                last = start + sentence.Length;
                foreach (var part in sentence.Split('，', '；', ',', ';'))
                {
                    var exclusiveCue = grammar.Document.BoundaryExclusiveCues.FirstOrDefault(c => part.Contains(c, StringComparison.Ordinal));
                    var inclusiveCue = exclusiveCue is null ? grammar.Document.BoundaryInclusiveCues.FirstOrDefault(c => part.Contains(c, StringComparison.Ordinal)) : null;
                    if ((exclusiveCue ?? inclusiveCue) is not { } cue)
                    {
                        pending.AddRange(WordsBefore(part, byLength));
                        continue;
                    }

                    var named = pending.Concat(WordsBefore(part[..part.IndexOf(cue, StringComparison.Ordinal)], byLength)).Distinct().ToList();
                    pending.Clear();
                    (exclusiveCue is null ? inclusive : exclusive).AddRange(named.Where(w => !inclusive.Contains(w) && !exclusive.Contains(w)));
                }
            }

            if (inclusive.Count + exclusive.Count > 0)
            {
                return new Boundary([.. inclusive], [.. exclusive], BoundarySource.Document, clause.Path, evidence.Of(clause, first!.Value, last!.Value));
            }
        }

        return new Boundary(
            [.. boundWords.Where(w => w.Value).Select(w => w.Key).Order(StringComparer.Ordinal)],
            [.. boundWords.Where(w => !w.Value).Select(w => w.Key).Order(StringComparer.Ordinal)],
            BoundarySource.Default,
            null,
            null);
    }

    /// <summary>The bound words named in a definition, in the order written: “以上”“不超过” or 以上、最高、不低于.</summary>
    private static List<string> WordsBefore(string text, List<string> byLength)
    {
        var found = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var word = byLength.FirstOrDefault(w => text.AsSpan(i).StartsWith(w, StringComparison.Ordinal));
            if (word is null)
            {
                i++;
                continue;
            }

            if (!found.Contains(word))
            {
                found.Add(word);
            }

            i += word.Length;
        }

        return found;
    }

    /// <summary>
    /// Exclusions (失信…不予资助) and non-duplication (不得重复申请, 不再享受本办法资助). The text is the comma-segment
    /// that states it, with the condition segments before it that end in 的 (同一项目已获市级其它政策扶持的，不再享受本办法资助).
    /// </summary>
    public ImmutableArray<Constraint> ReadConstraints(IEnumerable<Clause> clauses, EvidenceMap evidence)
    {
        var found = ImmutableArray.CreateBuilder<Constraint>();
        foreach (var clause in clauses)
        {
            foreach (var (start, sentence) in Sentences.Of(clause.Text))
            {
                var segments = Segments(sentence);
                for (var i = 0; i < segments.Count; i++)
                {
                    var (segStart, segment) = segments[i];
                    ConstraintKind? kind =
                        grammar.Document.NoDuplicateCues.Any(c => segment.Contains(c, StringComparison.Ordinal)) ? ConstraintKind.NoDuplicate
                        : grammar.Document.ExclusionCues.Any(c => segment.Contains(c, StringComparison.Ordinal)) ? ConstraintKind.Exclusion
                        : null;
                    if (kind is not { } k)
                    {
                        continue;
                    }

                    var first = i;
                    while (first > 0 && segments[first - 1].Text.EndsWith('的'))
                    {
                        first--;
                    }

                    var from = start + segments[first].Start;
                    var to = start + segStart + segment.Length;
                    var text = clause.Text[from..to];
                    found.Add(new Constraint(k, text, clause.Path, evidence.Of(clause, from, to)));
                }
            }
        }

        return found.ToImmutable();
    }

    /// <summary>Comma-segments of a sentence; a pair of brackets around a whole segment is not part of it: （已获得…不重复资助）.</summary>
    private static List<(int Start, string Text)> Segments(string sentence) =>
        [.. Sentences.Segments(sentence).Select(s => s.Text.Length > 2 && s.Text[0] is '（' or '(' && s.Text[^1] is '）' or ')'
            ? (s.Start + 1, s.Text[1..^1])
            : s)];
}
