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
    // Notice titles that name two or three issuing bodies run to 50 and more characters.
    private const int TitleLineMaxLength = 60;
    private const int CitationMaxLength = 120;

    private DocumentLexicon Lex => grammar.Document;

    public DocumentMetadata Extract(DocumentLayout layout, string id, SourceInfo source, string file, List<Diagnostic> diagnostics)
    {
        var fields = HeaderFields.Read(layout.Head, Lex);

        // What the document itself says above its clauses: the head without the export's fields.
        var head = layout.Head.Where((_, i) => !fields.Lines.Contains(i)).ToImmutableArray();
        var texts = head.Select(h => h.Text).ToList();
        var wrapper = FindWrapper(texts);
        var decree = FindDecree(texts);
        var number = texts.Select(DocNumberOf).FirstOrDefault(n => n is not null) ?? decree?.Number ?? fields.Number;

        var (title, statusWords, titleStart, titleEnd) = FindTitle(head, wrapper);
        title ??= fields.Title is { } t && KindOf(t) is not null ? t : null;
        if (title is null)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NoTitle, file, layout.Head.Length > 0 ? layout.Text.SpanOf(layout.Head[0].Line.Start, layout.Head[0].Line.End) : null));
        }

        var status = statusWords.Concat(wrapper?.Title is { } wt ? [wt] : [])
            .Select(w => Lex.Statuses.FirstOrDefault(s => w.Contains(s.Key, StringComparison.Ordinal)).Value)
            .Any(v => v == "draft") ? DocumentStatus.Draft : DocumentStatus.Final;

        var clauses = layout.AllClauses.ToList();
        var kind = title is null ? SelfKind(clauses) : KindOf(title);

        // Without a wrapper, the signature may close the document instead; a line that says it was printed (…印发)
        // dates the printing, and names the printing office, not a signer.
        var trailer = layout.Trailer.Select(layout.TextOf).ToList();
        var signed = Enumerable.Range(0, trailer.Count)
            .Where(k => !IsPrinted(trailer[k]))
            .Select(k => Signatures.At(trailer, k, Lex))
            .FirstOrDefault(s => s is not null);
        var printed = PrintedOn(layout);

        // A title block may name its issuers above the title (中共柳河县委 柳河县人民政府) and its date below it
        // (（2023年2月8日）), where a notice would sign at its end.
        var above = titleStart > 0 && Signatures.Organisations(texts[titleStart - 1], Lex) is { } named ? named : (ImmutableArray<string>?)null;
        var below = titleEnd >= 0 && titleEnd < texts.Count && BracketedDate(texts[titleEnd]) is { } dated ? dated : (DateOnly?)null;

        ImmutableArray<string> issuers = wrapper is { Issuers.IsEmpty: false } ? wrapper.Issuers
            : decree is not null ? [decree.Issuer]
            : signed is { Issuers.IsEmpty: false } ? signed.Value.Issuers
            : above is { } heading ? heading
            : !fields.Issuers.IsEmpty ? fields.Issuers
            : FindDrafter(texts) is { } drafter ? [drafter] : [];
        var issuedOn = wrapper?.Date ?? decree?.Date ?? signed?.Date.Date ?? below ?? printed ?? fields.Issued;

        var effective = FindEffective(layout, clauses, issuedOn, printed, file, diagnostics);
        // What the document cites starts with the document: not a repository's note or a page's links above its
        // wrapper or title, nor what follows its signature; the policy a wrapper transmits is the document too.
        var own = new[] { title, wrapper?.PolicyTitle }.OfType<string>();
        var documentStart = wrapper?.Start ?? (titleStart >= 0 ? titleStart : -1);
        var citeFrom = documentStart >= 0 ? head[documentStart].Line.Start : 0;
        var cites = FindCitations(layout, citeFrom, own);
        Explains? explains = null;
        if (kind is "drafting-notes" or "interpretation" && title is not null && Bracketed(title) is { } explained)
        {
            explains = new Explains(explained, null);
        }

        return new DocumentMetadata(
            id, source, title, issuers, number, issuedOn, status, kind, effective, FindInterpreter(clauses), cites, explains, null, []);
    }

    /// <summary>（2023年2月8日）: a line that is only a date in brackets.</summary>
    private static DateOnly? BracketedDate(string line)
    {
        line = line.Trim();
        return line.Length > 4 && line[0] == '（' && line[^1] == '）' && LineShapes.IsDate(line[1..^1]) ? DateReader.First(line)?.Date : null;
    }

    private static bool IsPrinted(string line) => line.EndsWith("印发", StringComparison.Ordinal);

    /// <summary>
    /// The date of the 版记 line that closes an official document (济南市人民政府办公厅 2019年1月3日印发), searched from
    /// the end of the text: when the 抄送 lines above it wrap, the block is read as the last clause's text, not as a
    /// trailer.
    /// </summary>
    private static DateOnly? PrintedOn(DocumentLayout layout)
    {
        const int LastLines = 12;
        var lines = layout.Text.Lines;
        for (var i = lines.Length - 1; i >= Math.Max(0, lines.Length - LastLines); i--)
        {
            var line = layout.TextOf(lines[i]).Trim();
            if (IsPrinted(line) && DateReader.FindAll(line).LastOrDefault() is { Date: { } date } last
                && last.Index + last.Length == line.Length - "印发".Length)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// The notice around a policy. <see cref="Title"/> is the notice's own title (关于印发《…》的通知), null when the
    /// wrapper is only a transmittal sentence (现将《…》印发给你们); <see cref="PolicyTitle"/> the title of the policy it
    /// transmits; <see cref="End"/> the index of the first line after its signature.
    /// </summary>
    private sealed record Wrapper(int Start, int End, string? Title, string? PolicyTitle, ImmutableArray<string> Issuers, DateOnly? Date);

    private sealed record Decree(string Number, string Issuer, DateOnly? Date);

    // A repost says so before the notice's title: （转载）广州市人民政府办公厅关于印发…的通知.
    private static readonly string[] RepostMarks = ["（转载）", "【转载】", "转载："];

    private static readonly string[] TransmittalCues = ["印发给你们", "现予印发", "现予公布", "现予发布", "印发你们"];

    /// <summary>
    /// 关于印发《…》的通知 / X印发《…》的通知, possibly broken over lines; or, where the page shows no notice title, the
    /// sentence that transmits the policy (现将《…》印发给你们). The wrapper ends after the signature that closes it: the
    /// bodies above its date, one a line or several on one line, or at the end of a paragraph that lost its breaks.
    /// </summary>
    private Wrapper? FindWrapper(List<string> head)
    {
        for (var start = 0; start < Math.Min(head.Count, 12); start++)
        {
            if (DocNumberOf(head[start]) is not null)
            {
                continue;
            }

            var joined = new StringBuilder();
            for (var end = start; end < Math.Min(head.Count, start + 6); end++)
            {
                joined.Append(head[end]);
                var title = WithoutRepostMark(joined.ToString());
                if (!title.EndsWith("通知", StringComparison.Ordinal) || !title.Contains("印发", StringComparison.Ordinal))
                {
                    continue;
                }

                var policy = Bracketed(title) ?? Between(title, "印发", "的通知");
                return Signed(head, start, end + 1, title, policy);
            }
        }

        for (var i = 0; i < head.Count; i++)
        {
            if (TransmittalCues.Any(c => head[i].Contains(c, StringComparison.Ordinal)) && Bracketed(head[i]) is { } policy)
            {
                // The signature may end this very paragraph, when the page lost its line breaks.
                return Signatures.Trailing(head[i], Lex) is { Issuers.IsEmpty: false } inline
                    ? new Wrapper(i, i + 1, null, policy, inline.Issuers, inline.Date.Date)
                    : Signed(head, i, i + 1, null, policy);
            }
        }

        return null;
    }

    private Wrapper Signed(List<string> head, int start, int from, string? title, string? policy)
    {
        for (var k = from; k < head.Count; k++)
        {
            if (Signatures.At(head, k, Lex) is { } signature && (LineShapes.IsDate(head[k]) || LineShapes.IsTrailer(head[k], Lex) || !signature.Issuers.IsEmpty))
            {
                return new Wrapper(start, k + 1, title, policy, signature.Issuers, signature.Date.Date);
            }
        }

        return new Wrapper(start, from, title, policy, [], null);
    }

    /// <summary>A government decree: 广州市人民政府令 / 第179号 above the text it promulgates (现予公布), dated below it.</summary>
    private Decree? FindDecree(List<string> head)
    {
        for (var i = 0; i + 1 < Math.Min(head.Count, 12); i++)
        {
            var line = head[i];
            var next = head[i + 1];
            if (!line.EndsWith('令') || !LineShapes.IsOrganisation(line[..^1], Lex)
                || !next.StartsWith('第') || !next.EndsWith('号') || !next[1..^1].All(char.IsAsciiDigit) || next.Length < 3)
            {
                continue;
            }

            var date = head.Skip(i + 2).Take(6).FirstOrDefault(LineShapes.IsDate) is { } d ? DateReader.First(d)?.Date : null;
            return new Decree(line + next, line[..^1], date);
        }

        return null;
    }

    /// <summary>
    /// The policy's own title: the first run of title lines (after the wrapper, when there is one) whose text, its
    /// bracketed suffixes aside, ends like a title of the genre (若干措施, 实施办法, 通知 …: grammar [kind]). Lines are
    /// joined until the run ends like a title, then a line that is only a bracketed suffix (（试行）) may follow; status
    /// markers are taken out. Without such a run: the policy the wrapper transmits, or, with no wrapper, a run at the
    /// very top of the document whatever its ending.
    /// </summary>
    private (string? Title, List<string> StatusWords, int Start, int End) FindTitle(ImmutableArray<HeadLine> head, Wrapper? wrapper)
    {
        var statusWords = new List<string>();
        var from = wrapper?.End ?? 0;
        string? first = null;
        var firstEnd = -1;
        for (var i = from; i < head.Length; i++)
        {
            // The issuing bodies written above the title (中共柳河县委 柳河县人民政府) head it; they are not part of it.
            if (i + 1 < head.Length && Signatures.Organisations(head[i].Text, Lex) is not null && IsTitleLike(head[i + 1].Text))
            {
                continue;
            }

            var run = new StringBuilder();
            var j = i;
            for (; j < head.Length; j++)
            {
                var text = head[j].Text;
                if (IsStatusMarker(text))
                {
                    statusWords.Add(text);
                    continue;
                }

                if (!IsTitleLike(text) || DocNumberOf(text) is not null || LineShapes.IsDate(text))
                {
                    break;
                }

                if (run.Length > 0 && KindOf(run.ToString()) is not null && !IsSuffix(text))
                {
                    break;
                }

                run.Append(text);
            }

            if (run.Length == 0)
            {
                continue;
            }

            var title = TitleText(run.ToString(), statusWords);
            if (first is null && i == 0 && wrapper is null)
            {
                (first, firstEnd) = (title, j);
            }

            if (KindOf(title) is not null)
            {
                return (title, statusWords, i, j);
            }

            i = Math.Max(i, j - 1);
        }

        if (wrapper?.PolicyTitle is { } transmitted && KindOf(transmitted) is not null)
        {
            return (transmitted, statusWords, -1, -1);
        }

        // A notice that transmits no separately titled policy is the policy itself: 关于印发我市2025年…标准的通知.
        if (wrapper?.Title is { } notice && head.Length > 0)
        {
            return (TitleText(notice, statusWords), statusWords, wrapper.Start, wrapper.Start + 1);
        }

        return first is null ? (null, statusWords, -1, -1) : (first, statusWords, 0, firstEnd);
    }

    /// <summary>A run's text as the title: without a repost mark, a status marker at its end, or a date in brackets after it.</summary>
    private string TitleText(string run, List<string> statusWords)
    {
        // 广州市民政局  广州市财政局关于…: the space a page puts between issuing bodies is layout, not part of the title.
        var title = WithoutSpacesBetweenHan(WithoutRepostMark(run));
        foreach (var (marker, _) in Lex.Statuses)
        {
            var bracketed = $"（{marker}）";
            if (title.EndsWith(bracketed, StringComparison.Ordinal))
            {
                statusWords.Add(bracketed);
                title = title[..^bracketed.Length];
            }
        }

        // …实施意见（2023年2月8日）: the date the title block adds is not part of the title; a span (2021-2023年) is.
        if (title.EndsWith("日）", StringComparison.Ordinal) && title.LastIndexOf('（') is var open and > 0
            && DateReader.First(title[(open + 1)..^1]) is { } d && d.Length == title.Length - open - 2)
        {
            title = title[..open];
        }

        return title;
    }

    /// <summary>The kind a title's ending names (grammar [kind]), its bracketed suffixes aside: 若干措施（试行）, 行动计划（2021-2023年）.</summary>
    private string? KindOf(string title)
    {
        var stem = title.TrimEnd('》');
        while (stem.EndsWith('）') && stem.LastIndexOf('（') is var open and > 0)
        {
            stem = stem[..open];
        }

        return DocumentLexicon.EndingValue(Lex.Kinds, stem.TrimEnd('》'));
    }

    /// <summary>A document without a title names its kind where it names itself: 本办法自…起施行 is a 办法.</summary>
    private string? SelfKind(List<Clause> clauses)
    {
        // The name it uses most: a 政策 that once says 本意见 in passing is still a 政策.
        var counts = Lex.SelfReferences
            .Select(self => (Kind: DocumentLexicon.EndingValue(Lex.Kinds, self[1..]), Count: clauses.Sum(c => Occurrences(c.Text, self))))
            .Where(x => x.Kind is not null && x.Count > 0)
            .GroupBy(x => x.Kind!, StringComparer.Ordinal)
            .Select(g => (Kind: g.Key, Count: g.Sum(x => x.Count)))
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.Kind, StringComparer.Ordinal)
            .ToList();
        return counts.Count > 0 ? counts[0].Kind : null;
    }

    private static int Occurrences(string text, string word)
    {
        var n = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    /// <summary>A line that is only a bracketed addition to the title before it: （试行）, （2021-2023年）; not a 文号 or a date.</summary>
    private static bool IsSuffix(string line) =>
        line.Length > 2 && line[0] == '（' && line[^1] == '）' && line.IndexOf('（', 1) < 0 && DocNumberOf(line) is null && BracketedDate(line) is null;

    /// <summary>The 文号 a line is, alone or in brackets under the title: 玄政办〔2022〕31号, （津人社局发[2022]20号）.</summary>
    private static string? DocNumberOf(string line)
    {
        if (LineShapes.IsDocNumber(line))
        {
            return line;
        }

        return line.Length > 4 && line[0] is '（' or '(' && line[^1] is '）' or ')' && LineShapes.IsDocNumber(line[1..^1]) ? line[1..^1] : null;
    }

    private static string WithoutSpacesBetweenHan(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ' ' or '\u00A0' or '\u3000' && kept.Length > 0 && IsHan(kept[^1]))
            {
                var next = i;
                while (next < text.Length && text[next] is ' ' or '\u00A0' or '\u3000')
                {
                    next++;
                }

                if (next < text.Length && IsHan(text[next]))
                {
                    i = next - 1;
                    continue;
                }
            }

            kept.Append(text[i]);
        }

        return kept.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static string WithoutRepostMark(string title) =>
        RepostMarks.FirstOrDefault(m => title.StartsWith(m, StringComparison.Ordinal)) is { } mark ? title[mark.Length..] : title;

    private static string? Between(string text, string open, string close)
    {
        var from = text.IndexOf(open, StringComparison.Ordinal);
        var to = text.LastIndexOf(close, StringComparison.Ordinal);
        return from >= 0 && to > from + open.Length ? text[(from + open.Length)..to] : null;
    }

    private bool IsStatusMarker(string line)
    {
        var inner = line.Trim('（', '）', '(', ')', '【', '】', '[', ']', ' ');
        return inner.Length < line.Length && Lex.Statuses.Any(s => s.Key == inner);
    }

    /// <summary>
    /// A line that may be (part of) a title: short, no sentence or clause punctuation, not a label ending in a colon, and
    /// not page furniture: a breadcrumb (首页 > 政务公开), a page title with its site (…_北京市财政局), a lone dash.
    /// </summary>
    private static bool IsTitleLike(string line) =>
        line.Length <= TitleLineMaxLength && line.AsSpan().IndexOfAny("。，；>›»|_") < 0 && !line.EndsWith('：')
            && line.Count(c => c is >= '\u4E00' and <= '\u9FFF') >= 2;

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

    private Effective FindEffective(DocumentLayout layout, List<Clause> clauses, DateOnly? issuedOn, DateOnly? printed, string file, List<Diagnostic> diagnostics)
    {
        DateOnly? from = null, until = null, retro = null;
        int? years = null;
        var basis = EffectiveBasis.Unstated;
        string? where = null;
        foreach (var clause in clauses)
        {
            foreach (var (sentenceStart, sentence) in Sentences.Of(clause.Text))
            {
                if (basis == EffectiveBasis.Unstated && DaysAfterPublication(sentence) is { } days)
                {
                    // 本办法自印发30日后执行.
                    where = clause.Path;
                    basis = EffectiveBasis.Publication;
                    from = (printed ?? issuedOn)?.AddDays(days);
                }

                if (basis == EffectiveBasis.Unstated && EffectiveWhen(sentence) is { } when)
                {
                    where = clause.Path;
                    if (Lex.PublicationCues.FirstOrDefault(c => when.Contains(c, StringComparison.Ordinal)) is { } cue)
                    {
                        // 自印发之日起: the date the document was printed, where a line says so; else the day it was signed.
                        basis = EffectiveBasis.Publication;
                        from = cue.StartsWith("印发", StringComparison.Ordinal) ? printed ?? issuedOn : issuedOn;
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
                    else
                    {
                        // 自2017年春季开学起执行: a time is stated, though not as a calendar date.
                        basis = EffectiveBasis.Date;
                    }
                }

                if (years is null && until is null && IsAboutItself(sentence) && ValidityOf(sentence) is var (y, u) && (y is not null || u is not null))
                {
                    (years, until) = (y, u);
                    where ??= clause.Path;
                }

                if (retro is null && Lex.RetroactiveCues.FirstOrDefault(c => sentence.Contains(c, StringComparison.Ordinal)) is { } retroCue
                    && EffectiveWhen(sentence) is null && RetroactiveDate(sentence, retroCue) is { } r)
                {
                    retro = r;
                }
            }
        }

        if (until is null && years is { } n && from is { } f)
        {
            until = f.AddYears(n).AddDays(-1);
        }

        // A start written elsewhere that is earlier than the policy's own (均从2025年1月1日起执行 in a policy in force from
        // 2025年6月1日; 自2007年4月1日起，按下列标准…给予补贴), or a covered window that opens before it: back-dating.
        if (retro is null)
        {
            var starts = clauses.SelectMany(c => Sentences.Of(c.Text).Select(s => s.Text)).SelectMany(StartsIn).ToList();
            retro = from is { } begins ? starts.Where(d => d < begins).Cast<DateOnly?>().Min() : null;
            retro ??= clauses.SelectMany(c => Sentences.Of(c.Text).Select(s => s.Text)).Select(CoverageStart).FirstOrDefault(d => d is not null && d != from);
        }

        return new Effective(from, until, years, retro, basis, where);
    }

    /// <summary>The dates a sentence says something starts from: 自2007年4月1日起, 从2025年1月1日起.</summary>
    private static IEnumerable<DateOnly> StartsIn(string sentence)
    {
        foreach (var d in DateReader.FindAll(sentence))
        {
            if (d.Date is { } date && d.Index > 0 && sentence[d.Index - 1] is '自' or '从'
                && d.Index + d.Length < sentence.Length && sentence[d.Index + d.Length] == '起')
            {
                yield return date;
            }
        }
    }

    /// <summary>本政策适用于2019年1月1日-2021年12月31日的奖补对象: the start of the covered range, in a sentence about the policy itself.</summary>
    private DateOnly? CoverageStart(string sentence)
    {
        if (!IsAboutItself(sentence) || Lex.CoverageCues.FirstOrDefault(c => sentence.Contains(c, StringComparison.Ordinal)) is not { } cue)
        {
            return null;
        }

        var dates = DateReader.FindAll(sentence[sentence.IndexOf(cue, StringComparison.Ordinal)..]).ToList();
        return dates.Count >= 2 && dates[0].Date is { } start && dates[1].Index - (dates[0].Index + dates[0].Length) is >= 1 and <= 2 ? start : null;
    }

    /// <summary>自印发30日后执行 / 自发布之日起30日后施行: the number of days, or null.</summary>
    private int? DaysAfterPublication(string sentence)
    {
        var at = sentence.IndexOf('自');
        while (at >= 0)
        {
            var rest = sentence[(at + 1)..];
            foreach (var cue in Lex.PublicationCues.Select(c => c[..2]).Distinct())
            {
                if (!rest.StartsWith(cue, StringComparison.Ordinal))
                {
                    continue;
                }

                var tail = rest[cue.Length..];
                foreach (var filler in new[] { "之日起", "后", "" })
                {
                    if (tail.StartsWith(filler, StringComparison.Ordinal))
                    {
                        tail = tail[filler.Length..];
                        break;
                    }
                }

                var digits = 0;
                while (digits < tail.Length && digits < 4 && (char.IsAsciiDigit(tail[digits]) || "一二两三四五六七八九十".Contains(tail[digits])))
                {
                    digits++;
                }

                if (digits > 0 && tail[digits..].StartsWith("日后", StringComparison.Ordinal)
                    && Lex.EffectiveVerbs.Any(v => tail[(digits + 2)..].StartsWith(v, StringComparison.Ordinal))
                    && Numbers.Numeral.TryParse(tail.AsSpan(0, digits), out var n))
                {
                    return (int)n;
                }
            }

            at = sentence.IndexOf('自', at + 1);
        }

        return null;
    }

    /// <summary>
    /// The date a retroactive window starts: the one the cue leads to (最早可追溯到2016年1月1日), else the sentence's first
    /// (2022年1月1日至本措施生效前符合条件的项目，可以…享受扶持政策).
    /// </summary>
    private static DateOnly? RetroactiveDate(string sentence, string cue)
    {
        var dates = DateReader.FindAll(sentence).Where(d => d.Date is not null).ToList();
        var at = sentence.IndexOf(cue, StringComparison.Ordinal);
        var led = dates.FindIndex(d => d.Index > at && d.Index - at - cue.Length <= 3);
        return led >= 0 ? dates[led].Date : dates.Count > 0 ? dates[0].Date : null;
    }

    /// <summary>Whether a sentence speaks of the policy itself (本办法有效期5年), not of a voucher or a permit it mentions.</summary>
    private bool IsAboutItself(string sentence) =>
        Lex.SelfReferences.Any(s => sentence.Contains(s, StringComparison.Ordinal)) || EffectiveWhen(sentence) is not null;

    private static SourceSpan? Span(DocumentLayout layout, Clause clause, int start, int end) =>
        start >= 0 && end <= clause.TextOffsets.Length && end > start
            ? layout.Text.SpanOf(clause.TextOffsets[start], clause.TextOffsets[end - 1] + 1)
            : null;

    /// <summary>
    /// 自X起施行 → X (at most 20 characters between 自 and 起); the verb may follow a short manner phrase within the same
    /// comma segment (自2025年6月1日起按新标准计算执行).
    /// </summary>
    private string? EffectiveWhen(string sentence)
    {
        const int MannerMaxLength = 8;
        for (var at = sentence.IndexOf('自'); at >= 0; at = sentence.IndexOf('自', at + 1))
        {
            var qi = sentence.IndexOf('起', at + 1, Math.Min(21, sentence.Length - at - 1));
            if (qi <= at)
            {
                // 本办法自2019年2月1日实施: a date and the verb, without 起.
                if (DateReader.First(sentence[(at + 1)..]) is { Index: 0 } date
                    && Lex.EffectiveVerbs.Any(v => sentence.AsSpan(at + 1 + date.Length).StartsWith(v, StringComparison.Ordinal)))
                {
                    return date.Text;
                }

                continue;
            }

            var after = sentence[(qi + 1)..];
            var segment = after[..Math.Min(after.Length, MannerMaxLength + 2)];
            var comma = segment.IndexOfAny(['，', '。']);
            segment = comma >= 0 ? segment[..comma] : segment;
            if (Lex.EffectiveVerbs.Any(v => segment.Contains(v, StringComparison.Ordinal)))
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
            // 本办法自2022年8月1日起施行，2027年7月31日废止.
            var repeal = sentence.IndexOf("废止", StringComparison.Ordinal);
            return repeal > 0 && DateReader.FindAll(sentence[..repeal]).LastOrDefault() is { Date: { } expires } last && last.Index + last.Length == repeal
                ? (null, expires)
                : (null, null);
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

            // 本办法由X负责解释; or X负责本办法的具体解释, the body first.
            var by = sentence.LastIndexOf('由', cue);
            var name = by >= 0 ? sentence[(by + 1)..cue]
                : sentence.IndexOf("负责", StringComparison.Ordinal) is var duty and > 0 && duty < cue ? sentence[..duty]
                : null;
            if (name is null)
            {
                continue;
            }

            foreach (var stop in new[] { "负责", "会同", "会有关", "会相关", "联合", "制定", "按" })
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
    private static ImmutableArray<Citation> FindCitations(DocumentLayout layout, int from, IEnumerable<string> own)
    {
        var all = layout.Text.Text;
        var to = layout.Trailer.IsEmpty ? all.Length : layout.Trailer[0].Start;
        var text = all[..Math.Max(from, to)];
        var found = new List<Citation>();
        var seen = new HashSet<string>(own, StringComparer.Ordinal);

        for (var open = text.IndexOf('《', from); open >= 0; open = text.IndexOf('《', open + 1))
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
            var isAlias = IsAliasAt(text, open);
            if (title.Length > 0 && !isAlias && seen.Add(title))
            {
                found.Add(new Citation(title, NumberAfter(text, close)));
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

    /// <summary>
    /// The 文号 in brackets right after a cited title: （深光府规〔2019〕14号）, （国务院令第427号）, and with more after it,
    /// （粤府办〔2021〕4号，以下简称…）.
    /// </summary>
    private static string? NumberAfter(string text, int close)
    {
        if (close + 1 >= text.Length || text[close + 1] != '（')
        {
            return null;
        }

        var shut = text.IndexOfAny(['）', '，', ',', '；'], close + 2, Math.Min(30, text.Length - close - 2));
        if (shut < 0)
        {
            return null;
        }

        var number = text[(close + 2)..shut].Replace(" ", "", StringComparison.Ordinal);
        return LineShapes.IsDocNumber(number) || LineShapes.IsDecreeNumber(number) ? number : null;
    }

    /// <summary>以下简称《办法》, 简称为《若干措施》, 以下简称省《办法》: the 《…》 at <paramref name="open"/> declares an abbreviation.</summary>
    private static bool IsAliasAt(string text, int open) =>
        text.AsSpan(Math.Max(0, open - 6), Math.Min(6, open)) is var before
            && (before.EndsWith("简称", StringComparison.Ordinal) || before.EndsWith("简称为", StringComparison.Ordinal)
                || (before.Length >= 3 && before[..^1].EndsWith("简称", StringComparison.Ordinal)));

    /// <summary>Whether the text declares <paramref name="title"/> an abbreviation: 简称《X》, 简称为《X》, 下称“X”.</summary>
    private static bool IsAlias(string text, string title) =>
        AliasCues.Any(cue => text.Contains($"{cue}《{title}》", StringComparison.Ordinal) || text.Contains($"{cue}“{title}”", StringComparison.Ordinal));

    private static readonly string[] AliasCues = ["简称", "简称为", "下称"];
}
