using System.Collections.Immutable;
using System.Text;
using PolicyExtract.Diagnostics;
using PolicyExtract.Extract;
using PolicyExtract.Grammar;
using PolicyExtract.Structure;

namespace PolicyExtract.Metadata;

/// <summary>
/// Reads a policy's metadata from its layout. The head may hold a notice wrapper (文号, 关于印发《…》的通知, 各有关单位：,
/// the notice's body, issuer and date) before the policy's own title block (lines broken by wrapping and blank lines,
/// with a status marker such as （征求意见稿）), then a preamble. Effective dates, validity, retroactive window and the
/// interpreting body come from the clauses. Thread-safe.
/// </summary>
public sealed class MetadataExtractor(PolicyGrammar grammar)
{
    private const int TitleLineMaxLength = 40;
    private const int CitationMaxLength = 120;

    private DocumentLexicon Lex => grammar.Document;

    public DocumentMetadata Extract(DocumentLayout layout, string id, SourceInfo source, string file, List<Diagnostic> diagnostics)
    {
        var head = layout.Head;
        var wrapper = FindWrapper(head);
        string? issuer = wrapper?.Issuer;
        DateOnly? issuedOn = wrapper?.Date;
        var number = head.Select(h => h.Text).FirstOrDefault(LineShapes.IsDocNumber);

        // The title block: short lines after the wrapper, up to the preamble or the first clause.
        var titleLines = new List<HeadLine>();
        var statusWords = new List<string>();
        var afterTitle = head.Length;
        for (var i = wrapper?.End ?? 0; i < head.Length; i++)
        {
            var text = head[i].Text;
            if (IsStatusMarker(text))
            {
                statusWords.Add(text);
                continue;
            }

            if (!IsTitleLike(text) || LineShapes.IsDocNumber(text) || LineShapes.IsDate(text))
            {
                if (titleLines.Count > 0)
                {
                    afterTitle = i;
                    break;
                }

                continue;
            }

            titleLines.Add(head[i]);
        }

        var title = titleLines.Count > 0 ? string.Concat(titleLines.Select(l => l.Text)) : wrapper?.PolicyTitle;
        if (title is not null)
        {
            // 深圳市光明区关于促进质量标准知识产权发展的若干措施（征求意见稿） on one line: the marker is not part of the title.
            foreach (var (marker, _) in Lex.Statuses)
            {
                var bracketed = $"（{marker}）";
                if (title.EndsWith(bracketed, StringComparison.Ordinal))
                {
                    statusWords.Add(bracketed);
                    title = title[..^bracketed.Length];
                }
            }
        }
        else
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NoTitle, file, head.Length > 0 ? layout.Text.SpanOf(head[0].Line.Start, head[0].Line.End) : null));
        }

        var status = statusWords.Concat(wrapper?.Title is { } t ? [t] : [])
            .Select(w => Lex.Statuses.FirstOrDefault(s => w.Contains(s.Key, StringComparison.Ordinal)).Value)
            .Any(v => v == "draft") ? DocumentStatus.Draft : DocumentStatus.Final;

        var kind = title is null ? null : DocumentLexicon.EndingValue(Lex.Kinds, title.TrimEnd('》'));

        // Without a wrapper, the signature may close the document instead.
        foreach (var line in layout.Trailer.Select(layout.TextOf))
        {
            issuer ??= LineShapes.IsOrganisation(line, Lex) ? line : LineShapes.SplitSignature(line, Lex)?.Organisation;
            if (issuedOn is null && DateReader.First(line) is { Date: { } date })
            {
                issuedOn = date;
            }
        }

        issuer ??= FindDrafter(head.Skip(afterTitle).Select(h => h.Text));
        var clauses = layout.AllClauses.ToList();
        var effective = FindEffective(layout, clauses, issuedOn, file, diagnostics);
        var cites = FindCitations(layout, title);
        Explains? explains = null;
        if (kind is "drafting-notes" or "interpretation" && title is not null && Bracketed(title) is { } explained)
        {
            explains = new Explains(explained, null);
        }

        return new DocumentMetadata(
            id, source, title, issuer, number, issuedOn, status, kind, effective, FindInterpreter(clauses), cites, explains, null, []);
    }

    private sealed record Wrapper(int End, string Title, string? PolicyTitle, string? Issuer, DateOnly? Date);

    /// <summary>
    /// 关于印发《…》的通知 / X印发《…》的通知, possibly broken over lines, then the addressees (…：), the notice body and the
    /// signature: the wrapper ends after the date that closes it.
    /// </summary>
    private Wrapper? FindWrapper(ImmutableArray<HeadLine> head)
    {
        for (var start = 0; start < Math.Min(head.Length, 8); start++)
        {
            if (LineShapes.IsDocNumber(head[start].Text))
            {
                continue;
            }

            var joined = new StringBuilder();
            for (var end = start; end < Math.Min(head.Length, start + 6); end++)
            {
                joined.Append(head[end].Text);
                var title = joined.ToString();
                if (!title.EndsWith("通知", StringComparison.Ordinal) || !title.Contains("印发", StringComparison.Ordinal))
                {
                    continue;
                }

                // The notice title is found: its signature (issuer, date) closes the wrapper.
                for (var k = end + 1; k < head.Length; k++)
                {
                    var line = head[k].Text;
                    var date = DateReader.First(line);
                    if (date is not { } d || !(LineShapes.IsDate(line) || LineShapes.IsTrailer(line, Lex)))
                    {
                        continue;
                    }

                    var issuer = LineShapes.SplitSignature(line, Lex)?.Organisation
                        ?? (LineShapes.IsOrganisation(head[k - 1].Text, Lex) ? head[k - 1].Text : null);

                    return new Wrapper(k + 1, title, Bracketed(title), issuer, d.Date);
                }

                return new Wrapper(end + 1, title, Bracketed(title), null, null);
            }

            break;
        }

        return null;
    }

    private bool IsStatusMarker(string line)
    {
        var inner = line.Trim('（', '）', '(', ')', '【', '】', '[', ']', ' ');
        return inner.Length < line.Length && Lex.Statuses.Any(s => s.Key == inner);
    }

    private static bool IsTitleLike(string line) =>
        line.Length <= TitleLineMaxLength && !line.Contains('。') && !line.Contains('，') && !line.Contains('；') && !line.EndsWith('：');

    /// <summary>The first 《…》 title in <paramref name="text"/>, with nested brackets kept.</summary>
    private static string? Bracketed(string text)
    {
        var open = text.IndexOf('《');
        if (open < 0)
        {
            return null;
        }

        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] == '《' ? 1 : text[i] == '》' ? -1 : 0;
            if (depth == 0)
            {
                return text[(open + 1)..i];
            }
        }

        return null;
    }

    /// <summary>深圳市市场监督管理局光明监管局研究起草了《…》: the body before the cue, back to the previous comma.</summary>
    private string? FindDrafter(IEnumerable<string> preamble)
    {
        foreach (var line in preamble)
        {
            foreach (var cue in Lex.DrafterCues)
            {
                var at = line.IndexOf(cue, StringComparison.Ordinal);
                if (at <= 0)
                {
                    continue;
                }

                var from = line.LastIndexOfAny(['，', '。', '；', '：'], at - 1) + 1;
                var candidate = line[from..at];
                if (LineShapes.IsOrganisation(candidate, Lex))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private Effective FindEffective(DocumentLayout layout, List<Clause> clauses, DateOnly? issuedOn, string file, List<Diagnostic> diagnostics)
    {
        DateOnly? from = null, until = null, retro = null;
        int? years = null;
        var basis = EffectiveBasis.Unstated;
        string? where = null;
        foreach (var clause in clauses)
        {
            foreach (var (sentenceStart, sentence) in Sentences.Of(clause.Text))
            {
                if (basis == EffectiveBasis.Unstated && EffectiveWhen(sentence) is { } when)
                {
                    where = clause.Path;
                    if (Lex.PublicationCues.Any(c => when.Contains(c, StringComparison.Ordinal)))
                    {
                        basis = EffectiveBasis.Publication;
                        from = issuedOn;
                    }
                    else if (DateReader.First(when) is { } d)
                    {
                        basis = d.IsPlaceholder ? EffectiveBasis.Placeholder : EffectiveBasis.Date;
                        from = d.Date;
                        var at = sentenceStart + sentence.IndexOf(d.Text, StringComparison.Ordinal);
                        var span = Span(layout, clause, at, at + d.Text.Length);
                        if (d.IsPlaceholder)
                        {
                            diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.PlaceholderDate, file, span, d.Text, "effective date"));
                        }
                        else if (d.Date is null)
                        {
                            diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.InvalidDate, file, span, d.Text));
                        }
                    }
                }

                if (years is null && until is null && ValidityOf(sentence) is var (y, u) && (y is not null || u is not null))
                {
                    (years, until) = (y, u);
                    where ??= clause.Path;
                }

                if (retro is null && Lex.RetroactiveCues.Any(c => sentence.Contains(c, StringComparison.Ordinal))
                    && DateReader.FindAll(sentence).FirstOrDefault(d => d.Date is not null && EffectiveWhen(sentence) is null) is { Date: { } r })
                {
                    retro = r;
                }
            }
        }

        if (until is null && years is { } n && from is { } f)
        {
            until = f.AddYears(n).AddDays(-1);
        }

        return new Effective(from, until, years, retro, basis, where);
    }

    private static SourceSpan? Span(DocumentLayout layout, Clause clause, int start, int end) =>
        start >= 0 && end <= clause.TextOffsets.Length && end > start
            ? layout.Text.SpanOf(clause.TextOffsets[start], clause.TextOffsets[end - 1] + 1)
            : null;

    /// <summary>自X起施行 → X (at most 20 characters between 自 and 起).</summary>
    private string? EffectiveWhen(string sentence)
    {
        for (var at = sentence.IndexOf('自'); at >= 0; at = sentence.IndexOf('自', at + 1))
        {
            var qi = sentence.IndexOf('起', at + 1, Math.Min(21, sentence.Length - at - 1));
            if (qi > at && Lex.EffectiveVerbs.Any(v => sentence.AsSpan(qi + 1).StartsWith(v, StringComparison.Ordinal)))
            {
                return sentence[(at + 1)..qi];
            }
        }

        return null;
    }

    /// <summary>有效期5年 / 有效期为三年 / 有效期至2026年12月31日.</summary>
    private static (int? Years, DateOnly? Until) ValidityOf(string sentence)
    {
        var at = sentence.IndexOf("有效期", StringComparison.Ordinal);
        if (at < 0)
        {
            return (null, null);
        }

        var rest = sentence[(at + 3)..].TrimStart('为', '是', ' ');
        if (rest.StartsWith('至') || rest.StartsWith("到", StringComparison.Ordinal))
        {
            return (null, DateReader.First(rest) is { Date: { } d } ? d : null);
        }

        var end = 0;
        while (end < rest.Length && end < 4 && (char.IsAsciiDigit(rest[end]) || "一二两三四五六七八九十".Contains(rest[end])))
        {
            end++;
        }

        return end > 0 && end < rest.Length && rest[end] == '年' && Numbers.Numeral.TryParse(rest.AsSpan(0, end), out var years)
            ? ((int)years, null)
            : (null, null);
    }

    /// <summary>本措施由X负责解释 → X. A following 会同/会有关部门 is not part of the body's name.</summary>
    private string? FindInterpreter(List<Clause> clauses)
    {
        foreach (var (_, sentence) in clauses.SelectMany(c => Sentences.Of(c.Text)))
        {
            var cue = Lex.InterpretCues.Select(c => sentence.IndexOf(c, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
            if (cue < 0)
            {
                continue;
            }

            var by = sentence.LastIndexOf('由', cue);
            if (by < 0)
            {
                continue;
            }

            var name = sentence[(by + 1)..cue];
            foreach (var stop in new[] { "负责", "会同", "会有关", "会相关", "联合", "，", "制定" })
            {
                var s = name.IndexOf(stop, StringComparison.Ordinal);
                if (s > 0)
                {
                    name = name[..s];
                }
            }

            if (name.Length >= 2)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Every 《…》 in the document, in order, without duplicates, the document's own title and its declared abbreviations.</summary>
    private static ImmutableArray<Citation> FindCitations(DocumentLayout layout, string? ownTitle)
    {
        var text = layout.Text.Text;
        var found = new List<Citation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (ownTitle is not null)
        {
            seen.Add(ownTitle);
        }

        for (var open = text.IndexOf('《'); open >= 0; open = text.IndexOf('《', open + 1))
        {
            var depth = 0;
            var close = -1;
            for (var i = open; i < text.Length && i - open <= CitationMaxLength; i++)
            {
                depth += text[i] == '《' ? 1 : text[i] == '》' ? -1 : 0;
                if (depth == 0)
                {
                    close = i;
                    break;
                }
            }

            if (close < 0)
            {
                continue;
            }

            var title = text[(open + 1)..close].Replace("\n", "", StringComparison.Ordinal);
            var before = text[Math.Max(0, open - 6)..open];
            var isAlias = before.EndsWith("简称", StringComparison.Ordinal) || before.EndsWith("简称为", StringComparison.Ordinal);
            if (title.Length > 0 && !isAlias && seen.Add(title))
            {
                string? number = null;
                if (close + 1 < text.Length && text[close + 1] == '（')
                {
                    var shut = text.IndexOf('）', close + 1, Math.Min(30, text.Length - close - 1));
                    if (shut > 0 && LineShapes.IsDocNumber(text[(close + 2)..shut].Replace(" ", "", StringComparison.Ordinal)))
                    {
                        number = text[(close + 2)..shut].Replace(" ", "", StringComparison.Ordinal);
                    }
                }

                found.Add(new Citation(title, number));
            }
            else if (isAlias)
            {
                seen.Add(title);
            }

            open = close;
        }

        // A citation may precede the abbreviation that declares it an alias: drop aliases found later.
        return [.. found.Where(c => !IsAlias(text, c.Title))];
    }

    private static bool IsAlias(string text, string title) =>
        text.Contains($"简称《{title}》", StringComparison.Ordinal) || text.Contains($"简称为《{title}》", StringComparison.Ordinal);
}
