using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PolicyExtract.Diagnostics;
using PolicyExtract.Grammar;
using PolicyExtract.Normalize;
using PolicyExtract.Output;
using PolicyExtract.Pipeline;
using PolicyExtract.Rules;
using PolicyExtract.Validation;

namespace PolicyExtract.Report;

/// <summary>A document's review page and what building it found: the figures and triggers it could not place.</summary>
public sealed record ReportPage(ReviewPage Page, LocatedRules Located)
{
    public string Html => HtmlPage.Render(Page);
}

/// <summary>What <see cref="HtmlReport.Run"/> did: the pages written and, per input, its result with the report's own findings.</summary>
public sealed record ReportRun(BatchResult Batch, ImmutableArray<ReportPage> Pages)
{
    /// <summary>Warnings about what the folder walk left out (special files, link loops, review pages).</summary>
    public ImmutableArray<Diagnostic> Notices { get; init; } = [];

    public int Figures => Pages.Sum(p => p.Located.Figures);

    public int FiguresMarked => Pages.Sum(p => p.Located.FiguresMarked);

    public int Triggers => Pages.Sum(p => p.Located.Triggers);

    public int TriggersMarked => Pages.Sum(p => p.Located.TriggersMarked);
}

/// <summary>
/// The review page of an extracted document (<c>report</c> command): its source text with every figure and trigger of
/// its rules marked (<see cref="RuleHighlighter"/>), the table of its rules, its diagnostics where they occur.
/// </summary>
/// <remarks>
/// A text file is shown as decoded, so every span is an offset into the page's text as it is. An HTML file is shown as
/// the text its page displays (the extractor's reading of it, characters as written), its lines numbered as displayed
/// (the spans' textLine); spans into the markup are moved onto that text.
/// </remarks>
public static class HtmlReport
{
    public static readonly ImmutableArray<string> Columns =
        ["id", "clause", "triggers", "beneficiary", "benefit", "frequency", "amount", "limits", "conditions"];

    /// <summary>Extracts the inputs and writes <c>&lt;out&gt;/&lt;document id&gt;.html</c> for each document, atomically.</summary>
    /// <param name="isolation">Worker processes that read each document first, within its budget; null reads in this process only.</param>
    public static ReportRun Run(PolicyPipeline pipeline, IEnumerable<string> inputs, string outputDirectory, WorkerPool? isolation = null)
    {
        var pages = new Dictionary<ExtractionResult, ReportPage>(ReferenceEqualityComparer.Instance);
        var notices = new List<Diagnostic>();
        var results = new BatchExtractor(pipeline, new BatchOptions { Isolation = isolation, KeepText = true }).ExtractAll(inputs, notices).Select(result =>
        {
            if (result.Document is null || result.Text is null)
            {
                return result;
            }

            ReportPage page;
            try
            {
                page = Build(result, pipeline.Grammar);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // As in extraction: a bug met on one document costs that document's page, not the run, and the user
                // sees which file, without a stack trace.
                var error = Diagnostic.Create(DiagnosticCatalog.InternalError, result.File, null, e.GetType().Name, e.Message);
                return result with { Document = null, Diagnostics = result.Diagnostics.Add(error) };
            }

            var withFindings = result with { Diagnostics = result.Diagnostics.AddRange(page.Located.Diagnostics) };
            pages[withFindings] = page;
            return withFindings;
        }).ToList();
        var batch = BatchExtractor.Write(results, outputDirectory, ".html", r => Encoding.UTF8.GetBytes(pages[r].Html));
        return new ReportRun(batch, [.. batch.Results.Where(r => r.Document is not null && pages.ContainsKey(r)).Select(r => pages[r])]) { Notices = [.. notices] };
    }

    /// <summary>The page of one extracted document; <paramref name="result"/> must have its document and text.</summary>
    public static ReportPage Build(ExtractionResult result, PolicyGrammar grammar)
    {
        var document = result.Document ?? throw new ArgumentException("the input was not extracted", nameof(result));
        var text = result.Text ?? throw new ArgumentException("the result has no text", nameof(result));
        var located = RuleHighlighter.Locate(document, text, grammar, result.File);
        var view = SourceView.Of(text, document.Document.Source.Format == "html");
        var highlights = located.Highlights.Select(h => view.Map(h.Start, h.End) is var (start, end) ? h with { Start = start, End = end } : null)
            .OfType<Highlight>()
            .ToImmutableArray();
        var notes = document.Diagnostics.Select(d => Note(d.Code, d.Severity, d.Message, d.Span, view, null))
            .Concat(located.Findings.Select(f => Note(f.Diagnostic.Code, f.Diagnostic.Severity, f.Diagnostic.Message, f.Diagnostic.Span, view, f.RuleId)))
            .ToImmutableArray();
        var meta = document.Document;
        var facts = ImmutableArray.Create(
            new PageFact("source", meta.Source.Path),
            new PageFact("format", $"{meta.Source.Format}, {meta.Source.Encoding}"),
            new PageFact("sha256", meta.Source.Sha256),
            new PageFact("rules", Invariant(document.Rules.Length)),
            new PageFact("figures marked", Invariant($"{located.FiguresMarked} of {located.Figures}")),
            new PageFact("triggers marked", Invariant($"{located.TriggersMarked} of {located.Triggers} ({located.TriggersInPart} in part)")),
            new PageFact("diagnostics", Invariant(notes.Length)));
        var table = new RuleTable(Columns, [.. document.Rules.Select(Row)]);
        var page = new ReviewPage(meta.Title ?? $"{meta.Id} (no title found)", facts, view.Text, view.LineNumbers, highlights, table, notes);
        return new ReportPage(page, located);
    }

    private static PageNote Note(string code, Severity severity, string message, SourceSpan? span, SourceView view, string? ruleId)
    {
        if (span is not { } s)
        {
            return new PageNote(code, severity, message, null, null, ruleId);
        }

        return new PageNote(code, severity, message, view.Point(s), s.TextLine ?? s.Line, ruleId);
    }

    internal static RuleRow Row(Rule rule)
    {
        var fields = RuleFields.Of(rule);
        string One(string name) => fields[name][0];
        var amount = new List<string> { One("amount") };
        amount.AddRange(new[] { "max", "min", "step", "instalment" }.Where(f => One(f) != RuleFields.None).Select(f => $"{f} {One(f)}"));
        if (rule.Amount.Currency is { } currency)
        {
            amount.Add(currency);
        }

        if (rule.Amount.Uncapped)
        {
            amount.Add("uncapped");
        }

        if (rule.Amount.Approximate)
        {
            amount.Add("approximate");
        }

        var conditions = fields["condition"].ToList();
        if (conditions.Count > 1)
        {
            conditions.Add("join " + One("join"));
        }

        // What the extractor could not read is said so, rather than left as an empty cell or a dash that looks like
        // broken data: a rule with no trigger, a ratio whose base was not found.
        var triggers = rule.Triggers.Where(t => t.Length > 0).ToList();
        return new RuleRow(
            rule.Id,
            [ShortId(rule.Id), rule.Clause, triggers.Count > 0 ? string.Join('\n', triggers) : NotRead, One("beneficiary"), One("benefit"), One("frequency"),
             string.Join('\n', amount).Replace(" of -", " of (base not read)", StringComparison.Ordinal), string.Join('\n', fields["limit"]), string.Join('\n', conditions)],
            rule.Evidence.TextLine ?? rule.Evidence.Line);
    }

    /// <summary>What a cell says where the extractor read nothing.</summary>
    public const string NotRead = "(not read)";

    /// <summary>A rule's id without its document's (<c>1.1#2</c>): the page is that document's; the row keeps the whole id.</summary>
    internal static string ShortId(string id) => id.IndexOf('#') is var hash and >= 0 ? id[(hash + 1)..] : id;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The text a page shows for a document, and how source offsets land in it.</summary>
    private sealed class SourceView
    {
        private readonly NormalizedText _text;
        private readonly bool _html;

        private SourceView(NormalizedText text, bool html, string shown, ImmutableArray<int> lineNumbers)
        {
            _text = text;
            _html = html;
            Text = shown;
            LineNumbers = lineNumbers;
        }

        public string Text { get; }

        public ImmutableArray<int> LineNumbers { get; }

        public static SourceView Of(NormalizedText text, bool html)
        {
            if (!html)
            {
                return new SourceView(text, false, text.Source, []);
            }

            // Numbered 1, 2, 3 … as displayed: a span's textLine names these lines (a page may hold its whole body on
            // one markup line, so the markup's numbers would not tell its lines apart).
            return new SourceView(text, true, text.Written, []);
        }

        /// <summary>The shown range of source [start, end): the shown characters that came from it; null if none did.</summary>
        public (int Start, int End)? Map(int start, int end)
        {
            if (!_html)
            {
                return (start, end);
            }

            int from = -1, to = -1;
            for (var i = 0; i < Text.Length; i++)
            {
                if (_text.SourceStarts[i] >= start && _text.SourceEnds[i] <= end && Text[i] != '\n')
                {
                    from = from < 0 ? i : from;
                    to = i + 1;
                }
            }

            return from < 0 ? null : (from, to);
        }

        /// <summary>
        /// Where a finding at <paramref name="span"/> is shown: its start, or the start of its line when the span only
        /// names a line (start 0 on a later line).
        /// </summary>
        public int Point(SourceSpan span)
        {
            var start = span.Start;
            if (_text.SourceLines.LineOf(start) != span.Line)
            {
                start = _text.SourceLines.StartOf(span.Line);
            }

            if (!_html)
            {
                return Math.Clamp(start, 0, Text.Length);
            }

            for (var i = 0; i < Text.Length; i++)
            {
                if (_text.SourceEnds[i] > start)
                {
                    return i;
                }
            }

            return Text.Length;
        }
    }
}
