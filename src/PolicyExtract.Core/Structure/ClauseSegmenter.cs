using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Diagnostics;
using PolicyExtract.Grammar;
using PolicyExtract.Normalize;

namespace PolicyExtract.Structure;

/// <summary>
/// Recovers the clause tree that a policy's numbering defines. A labelled line opens a clause; it nests under the
/// nearest open clause of a smaller rank (grammar/numbering.txt), so any combination of schemes works and a skipped
/// level is fine. An unlabelled paragraph continues the innermost open clause, except after the last labelled line,
/// where a paragraph that starts with the policy naming itself (本办法…, grammar [self]) is a closing clause of its
/// own unless it already sits in a closing chapter (附则, 其他). A line that does not end a sentence and is followed
/// by an unlabelled line is joined to it: the line was broken by wrapping. Thread-safe.
/// </summary>
public sealed class ClauseSegmenter(PolicyGrammar grammar)
{
    private const int TitleSentenceMaxLength = 24;

    // A name written before a colon (办公用房补助：, 投资专项奖励：) is a few words; a longer lead-in is a sentence.
    private const int TitleNameMaxLength = 12;

    // What follows an article's label when the text refers to it (第二条规定, 第二条所称, 第二条第一款, 第二条和第三条).
    private const string ReferenceGoesOn = "规所的中第款项之和及、至或（(";

    private static readonly System.Buffers.SearchValues<char> AsciiDigits = System.Buffers.SearchValues.Create("0123456789");
    private const int HeadingMaxLength = 40;
    private const int BrokenLineMinLength = 15;

    // Longer than any label (第一百二十三条, （二十三）) and the character after it that a template looks at.
    private const int LabelWindow = 16;

    // After these a numbered item may open inside a line.
    private static readonly System.Buffers.SearchValues<char> Marks = System.Buffers.SearchValues.Create("：:。；;");

    private static readonly IReadOnlyList<(int At, LabelMatch Label)> NoCuts = [];

    // The level grammar/numbering.txt gives 第X条: headings may group articles (see Ranks).
    private const string ArticleLevel = "article";

    private readonly LabelMatcher _labels = new(grammar);

    public DocumentLayout Segment(NormalizedText text, string file)
    {
        var (lines, labels) = Pieces(text);
        var firstLabelled = -1;
        var lastLabelled = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (labels[i] is not null)
            {
                firstLabelled = firstLabelled < 0 ? i : firstLabelled;
                lastLabelled = i;
            }
        }

        string Line(int i) => text.Text[lines[i].Start..lines[i].End];

        var head = ImmutableArray.CreateBuilder<HeadLine>();
        var blanks = 0;
        for (var i = 0; i < (firstLabelled < 0 ? lines.Length : firstLabelled); i++)
        {
            if (lines[i].Length == 0)
            {
                blanks++;
                continue;
            }

            head.Add(new HeadLine(lines[i], Line(i), blanks));
            blanks = 0;
        }

        var diagnostics = new List<Diagnostic>();
        if (firstLabelled < 0)
        {
            return new DocumentLayout(text, head.ToImmutable(), [], [], [.. diagnostics]);
        }

        var ranks = Ranks(text, lines, labels);
        var state = new State(this, text, file, diagnostics, ranks);
        var trailer = ImmutableArray.CreateBuilder<NormalizedLine>();
        var previousLine = -1; // the last non-blank line taken into a clause, if the line right before this one
        for (var i = firstLabelled; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                previousLine = -1;
                continue;
            }

            var lineText = Line(i);
            if (labels[i] is { } label)
            {
                state.Open(label, lines[i]);
                trailer.Clear();
                previousLine = i;
                continue;
            }

            if (trailer.Count > 0 || (i > lastLabelled && LineShapes.IsTrailer(lineText, grammar.Document)))
            {
                trailer.Add(lines[i]);
                previousLine = -1;
                continue;
            }

            // After the last numbered clause, the policy naming itself (本措施有效期至…) starts a paragraph even when the
            // line before it looks cut by wrapping: items that end in a bracketed note (（牵头单位：…）) look so.
            if (i > lastLabelled && StartsWithSelf(lineText) && !state.InClosingChapter(grammar.Document))
            {
                state.OpenClosing(lines[i]);
            }
            else if (previousLine >= 0 && IsBroken(text, lines[previousLine], labels[previousLine]))
            {
                state.Join(lines[i]);
            }
            else if (i > lastLabelled && state.InClosingParagraphs)
            {
                state.OpenClosing(lines[i]);
            }
            else
            {
                state.Continue(lines[i]);
            }

            previousLine = i;
        }

        return new DocumentLayout(text, head.ToImmutable(), state.Build(), trailer.ToImmutable(), [.. diagnostics]);
    }

    /// <summary>
    /// Each scheme's rank in this document: the grammar's, except that headings can stand above articles. Some policies
    /// group 第X条 under 一、 and （一） headings (一、政策支持 / 第1条 … / 二、支持范围 / （一）固定资产投资奖励 / 第2条 …). A scheme
    /// ranked below articles is taken as such a heading when every line of it is a heading and the next labelled line
    /// is an article or a heading already taken so; then those schemes rank just above articles, in their usual order.
    /// Items listed inside an article (第三条 …：一、专利；二、商标) are followed by one another, and keep their rank.
    /// </summary>
    private static Dictionary<NumberingScheme, int> Ranks(NormalizedText text, NormalizedLine[] lines, LabelMatch?[] labels)
    {
        var ranks = labels.OfType<LabelMatch>().Select(l => l.Scheme).Distinct().ToDictionary(s => s, s => s.Rank);
        var article = ranks.Keys.FirstOrDefault(s => s.Level == ArticleLevel);
        if (article is null)
        {
            return ranks;
        }

        var labelled = Enumerable.Range(0, labels.Length).Where(i => labels[i] is not null).ToList();
        var promoted = new HashSet<NumberingScheme>();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var scheme in ranks.Keys.Where(s => s.Rank > article.Rank && !promoted.Contains(s)).OrderBy(s => s.Rank).ToList())
            {
                var headings = Enumerable.Range(0, labelled.Count).Where(k => labels[labelled[k]]!.Scheme == scheme).All(k =>
                {
                    var line = lines[labelled[k]];
                    var body = text.Text[(line.Start + labels[labelled[k]]!.Length)..line.End].Trim();
                    return IsHeading(body) && k + 1 < labelled.Count
                        && labels[labelled[k + 1]]!.Scheme is var next && (next == article || (next != scheme && promoted.Contains(next)));
                });
                if (headings)
                {
                    promoted.Add(scheme);
                    changed = true;
                }
            }
        }

        var order = promoted.OrderBy(s => s.Rank).ToList();
        for (var i = 0; i < order.Count; i++)
        {
            ranks[order[i]] = article.Rank - order.Count + i;
        }

        return ranks;
    }

    private bool StartsWithSelf(string line)
    {
        var body = line.TrimStart();
        return grammar.Document.SelfReferences.Any(s => body.StartsWith(s, StringComparison.Ordinal));
    }

    /// <summary>
    /// The document's lines, each with the label it opens with, and a line that runs several numbered items together
    /// split before each: 可享受：（1）办公用房补助…（2）地方综合贡献奖励…, or articles run into one line (第一条 …。 第二条 …).
    /// An item label counts mid-line only after a colon or a sentence end, and only in a run the numbering continues: at
    /// least two items from 1, or items that continue the line's own label. A piece keeps its physical line.
    /// </summary>
    private (NormalizedLine[] Lines, LabelMatch?[] Labels) Pieces(NormalizedText text)
    {
        var lines = new List<NormalizedLine>(text.Lines.Length);
        var labels = new List<LabelMatch?>(text.Lines.Length);
        foreach (var line in text.Lines)
        {
            var body = text.Text[line.Start..line.End];
            var own = line.Length > 0 ? _labels.Match(body) : null;
            var cuts = line.Length > 0 ? InlineLabels(body, own) : [];
            var start = 0;
            var label = own;
            foreach (var (at, next) in cuts)
            {
                lines.Add(new NormalizedLine(line.SourceLine, line.Start + start, line.Start + TrimmedEnd(body, start, at)));
                labels.Add(label);
                (start, label) = (at, next);
            }

            lines.Add(cuts.Count == 0 ? line : new NormalizedLine(line.SourceLine, line.Start + start, line.End));
            labels.Add(label);
        }

        return ([.. lines], [.. labels]);
    }

    private static bool IsSpace(char c) => c is ' ' or '\u3000';

    private static int TrimmedEnd(string body, int start, int end)
    {
        while (end > start && IsSpace(body[end - 1]))
        {
            end--;
        }

        return end;
    }

    private IReadOnlyList<(int At, LabelMatch Label)> InlineLabels(string body, LabelMatch? own)
    {
        // Most lines hold no label after a mark: nothing is allocated for them (a line can be one of millions).
        if (body.AsSpan(own?.Length ?? 0).IndexOfAny(Marks) < 0)
        {
            return NoCuts;
        }

        // The last item of each scheme so far; an item of a higher rank restarts the ones below it (第三条 …：(一)…).
        // Both are made at the first label found.
        Dictionary<NumberingScheme, LabelMatch>? last = null;
        List<(int At, LabelMatch Label)>? found = null;
        var mark = false; // the last character before this one, spaces aside, ends a sentence or opens a list
        for (var i = own?.Length ?? 0; i < body.Length; i++)
        {
            var c = body[i];
            if (IsSpace(c))
            {
                continue;
            }

            var afterMark = mark;
            mark = Marks.Contains(c);
            // A label is a few characters: the matcher sees a window, so a long line costs linear time.
            if (!afterMark || !_labels.CanStart(c) || _labels.Match(body.Substring(i, Math.Min(LabelWindow, body.Length - i))) is not { } label)
            {
                continue;
            }

            if (last is null)
            {
                last = [];
                found = [];
                if (own is not null)
                {
                    last[own.Scheme] = own;
                }
            }

            if (label.Ordinal != (last.TryGetValue(label.Scheme, out var previous) ? previous.Ordinal + 1 : 1))
            {
                continue;
            }

            // 。第二条规定的除外 names an article: a reference goes on with what it says of it; an article opens a sentence.
            if (label.Scheme.Level == ArticleLevel && (i + label.Length >= body.Length || ReferenceGoesOn.Contains(body[i + label.Length])))
            {
                continue;
            }

            // No lambda here: one capturing the loop's label would cost an allocation on every character.
            foreach (var scheme in grammar.Schemes)
            {
                if (scheme.Rank > label.Scheme.Rank)
                {
                    last.Remove(scheme);
                }
            }

            last[label.Scheme] = label;
            found!.Add((i, label));
            i += label.Length - 1;
        }

        // A lone （一） after a colon may be a quoted label or a reference; a run of two of a scheme, or one continuing the
        // line's own numbering, is an enumeration.
        if (found is not { Count: > 0 })
        {
            return NoCuts;
        }

        return Enumerations(found, own);
    }

    private static List<(int At, LabelMatch Label)> Enumerations(List<(int At, LabelMatch Label)> found, LabelMatch? own)
    {
        var counts = found.CountBy(f => f.Label.Scheme).ToDictionary();
        return [.. found.Where(f => own?.Scheme == f.Label.Scheme || counts[f.Label.Scheme] >= 2)];
    }

    /// <summary>A line broken by wrapping: long, not ending a sentence, and not a heading.</summary>
    private static bool IsBroken(NormalizedText text, NormalizedLine line, LabelMatch? label)
    {
        var body = text.Text[(line.Start + (label?.Length ?? 0))..line.End];
        if (LineShapes.EndsSentence(body) || body.Length < BrokenLineMinLength)
        {
            return false;
        }

        // A labelled line without sentence punctuation is a heading (一、支持追求卓越理念，培育光明质量标杆), not a broken line.
        return label is null || !IsHeading(body);
    }

    private static bool IsHeading(string body) => body.Length <= HeadingMaxLength && !body.Contains('。') && !body.Contains('；');

    /// <summary>
    /// The clause's short lead: a whole heading line (一、支持追求卓越理念，培育光明质量标杆), or a short first sentence that is
    /// followed by the clause's substance (（一）支持树立光明质量标杆。对获得…). Sentences that state a rule are not titles.
    /// </summary>
    private string? TitleOf(string firstParagraph, bool hasMore)
    {
        var body = firstParagraph.Trim();
        if (body.Length == 0)
        {
            return null;
        }

        if (IsHeading(body) && (hasMore || body.Length <= TitleSentenceMaxLength) && !StartsWithSelf(body) && !body.Any(char.IsAsciiDigit))
        {
            return body.TrimEnd('：', ':', '。');
        }

        // （2）地方综合贡献奖励：在市级…给予奖励: a short name before a colon, then what it grants.
        var colon = body.IndexOf('：');
        if (colon > 0 && colon <= TitleNameMaxLength && colon < body.Length - 1 && body.AsSpan(0, colon).IndexOfAny("，、。；,") < 0
            && !body.AsSpan(0, colon).ContainsAny(AsciiDigits) && !StartsWithSelf(body))
        {
            return body[..colon];
        }

        var stop = body.IndexOf('。');
        if (stop <= 0 || stop > TitleSentenceMaxLength)
        {
            return null;
        }

        var sentence = body[..stop];
        var substantive = sentence.Any(char.IsAsciiDigit) || StartsWithSelf(sentence) || sentence[0] is '对' or '凡' or '经' or '在';
        return substantive ? null : sentence;
    }

    /// <summary>The open clauses while the document is read; turns into immutable <see cref="Clause"/>s at the end.</summary>
    private sealed class State(ClauseSegmenter owner, NormalizedText text, string file, List<Diagnostic> diagnostics, Dictionary<NumberingScheme, int> ranks)
    {
        private int Rank(LabelMatch label) => ranks[label.Scheme];

        private readonly List<Node> _roots = [];
        private readonly List<Node> _open = [];
        private readonly Dictionary<string, int> _lastOrdinal = new(StringComparer.Ordinal);
        private int _closingCount;

        public bool InClosingParagraphs => _open.Count == 1 && _open[0].Label is null;

        public bool InClosingChapter(DocumentLexicon lexicon)
        {
            if (_open.Count == 0 || _open[0].Label is null)
            {
                return false;
            }

            var top = _open[0];
            var heading = text.Text[(top.Line.Start + top.Label!.Length)..top.Line.End];
            return lexicon.ClosingChapters.Any(c => heading.StartsWith(c, StringComparison.Ordinal));
        }

        public void Open(LabelMatch label, NormalizedLine line)
        {
            while (_open.Count > 0 && (_open[^1].Label is null || Rank(_open[^1].Label!) >= Rank(label)))
            {
                _open.RemoveAt(_open.Count - 1);
            }

            var parent = _open.Count > 0 ? _open[^1] : null;
            var siblings = parent?.Children ?? _roots;
            CheckNumbering(label, line, siblings, parent);

            var node = new Node(label, line);
            node.Paragraphs.Add([(line.Start + label.Length, line.End)]);
            siblings.Add(node);
            _open.Add(node);
        }

        public void OpenClosing(NormalizedLine line)
        {
            _open.Clear();
            var node = new Node(null, line) { ClosingNumber = ++_closingCount };
            node.Paragraphs.Add([(line.Start, line.End)]);
            _roots.Add(node);
            _open.Add(node);
        }

        public void Continue(NormalizedLine line) => _open[^1].Paragraphs.Add([(line.Start, line.End)]);

        public void Join(NormalizedLine line) => _open[^1].Paragraphs[^1].Add((line.Start, line.End));

        private void CheckNumbering(LabelMatch label, NormalizedLine line, List<Node> siblings, Node? parent)
        {
            var span = text.SpanOf(line.Start, line.Start + label.Length);
            var previous = siblings.LastOrDefault(s => s.Label?.Scheme == label.Scheme)?.Label!.Ordinal;
            var name = label.Scheme.Name;
            string Str(int n) => n.ToString(CultureInfo.InvariantCulture);
            if (previous is { } p)
            {
                if (label.Ordinal == p)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NumberingDuplicate, file, span, label.Label));
                }
                else if (label.Ordinal < p)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NumberingBackwards, file, span, Str(p), Str(label.Ordinal)));
                }
                else if (label.Ordinal > p + 1)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NumberingGap, file, span, Str(p), Str(label.Ordinal)));
                }
            }
            else
            {
                // A first child either restarts at 1 or runs on from the same scheme under the previous parent (（一）…（三十） across chapters).
                var last = _lastOrdinal.GetValueOrDefault(name);
                if (label.Ordinal != 1 && label.Ordinal != last + 1)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NumberingGap, file, span, Str(last), Str(label.Ordinal)));
                }
            }

            _lastOrdinal[name] = label.Ordinal;
            if (parent?.Label is { } up && ranks.Values.Any(r => r > Rank(up) && r < Rank(label)))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.LevelSkipped, file, span, label.Label, up.Label));
            }
        }

        public ImmutableArray<Clause> Build()
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            return [.. _roots.Select(n => Build(n, null, used))];
        }

        private Clause Build(Node node, string? parentPath, HashSet<string> used)
        {
            var own = node.Label is { } l ? l.Ordinal.ToString(CultureInfo.InvariantCulture) : null;
            var path = own is null ? $"closing.{node.ClosingNumber}" : parentPath is null ? own : $"{parentPath}.{own}";
            var unique = path;
            for (var n = 2; !used.Add(unique); n++)
            {
                // Duplicated numbering (already reported) must not give two clauses one path: rule ids derive from it.
                unique = $"{path}~{n}";
            }

            var chars = new System.Text.StringBuilder();
            var offsets = ImmutableArray.CreateBuilder<int>();
            foreach (var paragraph in node.Paragraphs)
            {
                if (chars.Length > 0)
                {
                    offsets.Add(paragraph[0].Start - 1); // the line break before the paragraph
                    chars.Append('\n');
                }

                foreach (var (start, end) in paragraph)
                {
                    for (var i = start; i < end; i++)
                    {
                        chars.Append(text.Text[i]);
                        offsets.Add(i);
                    }
                }
            }

            var first = node.Paragraphs[0];
            var firstText = string.Concat(first.Select(r => text.Text[r.Start..r.End]));
            var last = node.Paragraphs[^1][^1];
            var span = text.SpanOf(node.Line.Start, Math.Max(last.End, node.Line.Start));
            var children = node.Children.Select(c => Build(c, unique, used)).ToImmutableArray();
            var hasMore = node.Paragraphs.Count > 1 || children.Length > 0 || firstText.IndexOf('。') is var stop && stop >= 0 && stop < firstText.Trim().Length - 1;
            // The label as written: "(七)" stays "(七)" although the text reads （七）.
            var label = node.Label is { } match ? text.Written.Substring(node.Line.Start, match.Length) : "";
            return new Clause(
                unique,
                label,
                node.Label?.Scheme.Level ?? "paragraph",
                node.Label is null ? null : owner.TitleOf(firstText, hasMore),
                chars.ToString(),
                span,
                children)
            {
                TextOffsets = offsets.ToImmutable(),
                Scheme = node.Label?.Scheme.Name ?? "closing",
            };
        }
    }

    private sealed class Node(LabelMatch? label, NormalizedLine line)
    {
        public LabelMatch? Label { get; } = label;

        public NormalizedLine Line { get; } = line;

        public List<List<(int Start, int End)>> Paragraphs { get; } = [];

        public List<Node> Children { get; } = [];

        public int ClosingNumber { get; init; }
    }
}
