using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using PolicyExtract.Diagnostics;
using PolicyExtract.Extract;
using PolicyExtract.Grammar;
using PolicyExtract.Ingest;
using PolicyExtract.Metadata;
using PolicyExtract.Normalize;
using PolicyExtract.Numbers;
using PolicyExtract.Output;
using PolicyExtract.Structure;

namespace PolicyExtract.Pipeline;

/// <summary>The outcome for one input: a document, or none when an error stopped it; diagnostics either way.</summary>
public sealed record ExtractionResult(string File, PolicyDocument? Document, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Failed => Document is null;

    /// <summary>
    /// The text the document was read from, with the decoded source (<see cref="NormalizedText.Source"/>) that every
    /// span and evidence offset points into; set whenever <see cref="Document"/> is. Not part of the JSON: views that
    /// show the source (the review page) need it, and decoding again could pick another encoding's reading.
    /// </summary>
    public NormalizedText? Text { get; init; }
}

/// <summary>
/// The extraction pipeline, built once from a validated grammar and then reused for every document:
/// bytes → decoded text (<see cref="Ingest"/>) → <see cref="NormalizedText"/> → clause tree (<see cref="Structure"/>) →
/// metadata → <see cref="PolicyDocument"/>. Immutable and thread-safe: documents may be processed in parallel.
/// </summary>
public sealed class PolicyPipeline
{
    /// <summary>Larger inputs are refused rather than risk the machine: policies are kilobytes.</summary>
    public const long MaxInputBytes = 64L * 1024 * 1024;

    private readonly ClauseSegmenter _segmenter;
    private readonly MetadataExtractor _metadata;
    private readonly DocumentRulesReader _documentRules;
    private readonly RuleExtractor _rules;
    private readonly PdfText _pdf;

    public PolicyPipeline(PolicyGrammar grammar)
        : this(grammar, new WordBreaker(grammar.Lexicon))
    {
    }

    /// <param name="words">The word segmentation the rules are read with (ICU's unless a comparison plugs in another).</param>
    public PolicyPipeline(PolicyGrammar grammar, WordBreaker words)
    {
        Grammar = grammar;
        _segmenter = new ClauseSegmenter(grammar);
        _metadata = new MetadataExtractor(grammar);
        _documentRules = new DocumentRulesReader(grammar);
        _rules = new RuleExtractor(grammar, words);
        _pdf = new PdfText(new LabelMatcher(grammar));
    }

    public PolicyGrammar Grammar { get; }

    /// <summary>Reads and extracts one file. <paramref name="displayPath"/> is how the file is named in output and messages.</summary>
    public ExtractionResult ProcessFile(string path, string displayPath)
    {
        // Only regular files: a FIFO would block here for ever and a device never ends (the folder walk leaves both
        // out; this is for one named on its own).
        if (FileProbe.Stat(path) is { Kind: not (FileKind.Regular or FileKind.Missing) } special)
        {
            return Fail(displayPath, DiagnosticCatalog.NotARegularFile, FileProbe.Describe(special.Kind));
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var length = stream.Length;
            if (length > MaxInputBytes)
            {
                return Fail(displayPath, DiagnosticCatalog.TooLarge, length.ToString(CultureInfo.InvariantCulture), MaxInputBytes.ToString(CultureInfo.InvariantCulture));
            }

            // The length is what the file system says; the read trusts only what it gets (a file can grow while read).
            bytes = new byte[length];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read < bytes.Length)
            {
                bytes = bytes[..read];
            }
            else if (stream.ReadByte() >= 0)
            {
                return Fail(displayPath, DiagnosticCatalog.Unreadable, "it grew while it was read");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(displayPath, DiagnosticCatalog.Unreadable, e.Message);
        }

        return Process(bytes, displayPath);
    }

    /// <summary>
    /// Extracts one document from its bytes. The format comes from <paramref name="displayPath"/>'s extension, checked
    /// against the bytes for office files (<see cref="FormatDetection.FromContent"/>).
    /// </summary>
    public ExtractionResult Process(ReadOnlySpan<byte> bytes, string displayPath)
    {
        var (detected, wrongContent) = FormatDetection.FromContent(displayPath, FormatDetection.FromPath(displayPath), bytes);
        if (wrongContent is not null)
        {
            return new ExtractionResult(displayPath, null, [wrongContent]);
        }

        if (detected is not { } format)
        {
            return new ExtractionResult(displayPath, null, [FormatDetection.Unsupported(displayPath)]);
        }

        if (bytes.IsEmpty && format is SourceFormat.Docx or SourceFormat.Pdf)
        {
            return Fail(displayPath, DiagnosticCatalog.EmptyFile);
        }

        var decoded = format switch
        {
            SourceFormat.Html => HtmlText.DecodeHtml(bytes, displayPath),
            SourceFormat.Docx => DocxText.Decode(bytes, displayPath),
            SourceFormat.Pdf => _pdf.Decode(bytes, displayPath),
            _ => TextDecoding.Decode(bytes, displayPath),
        };
        var diagnostics = new List<Diagnostic>(decoded.Diagnostics);
        if (OddName(displayPath) is { } odd)
        {
            diagnostics.Insert(0, Diagnostic.Create(DiagnosticCatalog.OddFileName, displayPath, null, odd));
        }

        if (decoded.Text is not { } source)
        {
            return new ExtractionResult(displayPath, null, [.. diagnostics]);
        }

        if (format == SourceFormat.Text && FormatDetection.SniffHtml(source))
        {
            format = SourceFormat.Html;
        }

        NormalizedText normalized;
        if (format == SourceFormat.Html)
        {
            var html = HtmlText.Extract(source);
            if (html.DeepNestingAt >= 0)
            {
                var line = TextDecoding.LineAt(source, html.DeepNestingAt);
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NestingTooDeep, displayPath, new SourceSpan(line, html.DeepNestingAt, html.DeepNestingAt + 1), HtmlNesting.MaxDepth.ToString(CultureInfo.InvariantCulture)));
            }

            normalized = Normalizer.Normalize(html.Text, source, html.SourceOffsets);
        }
        else
        {
            // Text files, and the text read from .docx and .pdf files, which is then the source spans point into.
            normalized = Normalizer.Normalize(source, source);
        }

        var layout = _segmenter.Segment(normalized, displayPath);
        diagnostics.AddRange(layout.Diagnostics);
        if (layout.Clauses.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NotAPolicy, displayPath, null));
            return new ExtractionResult(displayPath, null, [.. diagnostics]);
        }

        var sourceInfo = new SourceInfo(
            displayPath,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            format.ToString().ToLowerInvariant(),
            decoded.EncodingName,
            format == SourceFormat.Pdf ? decoded.PageStarts : null);
        var metadata = _metadata.Extract(layout, DocumentId(displayPath), sourceInfo, displayPath, diagnostics);
        ImmutableArray<Rules.Rule> rules = [];
        if (metadata.Kind is null || !Grammar.Document.ExplanatoryKinds.Contains(metadata.Kind))
        {
            // Drafting notes and interpretations quote figures; they grant nothing and constrain nothing.
            var evidence = new EvidenceMap(normalized);
            var clauses = layout.AllClauses.ToList();
            var boundary = _documentRules.ReadBoundary(clauses, evidence, Grammar.Quantities.DefaultInclusive);
            metadata = metadata with { Boundary = boundary, Constraints = _documentRules.ReadConstraints(clauses, evidence) };
            rules = _rules.Extract(metadata.Id, clauses, boundary, evidence);
            WarnTooLarge(clauses, evidence, displayPath, diagnostics);
            foreach (var rule in rules.Where(r => r.Triggers.IsEmpty))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NoTrigger, displayPath, new SourceSpan(rule.Evidence.Line, rule.Evidence.Start, rule.Evidence.End), rule.Id, rule.Benefit ?? "grant"));
            }
        }

        var document = new PolicyDocument(
            PolicyDocument.CurrentSchemaVersion,
            metadata,
            layout.Clauses,
            rules,
            [.. diagnostics.Select(DiagnosticRecord.From)]);
        return new ExtractionResult(displayPath, document, [.. diagnostics]) { Text = normalized };
    }

    /// <summary>
    /// How the rule stage read each segment of the clause at <paramref name="clausePath"/> of an extracted document
    /// (<c>extract --explain</c>); null when the document failed, or has no such clause or no rules to read (a
    /// drafting note).
    /// </summary>
    public ImmutableArray<SegmentReading>? Explain(ExtractionResult result, string clausePath)
    {
        if (result is not { Document: { Document.Boundary: { } boundary } document, Text: { } text })
        {
            return null;
        }

        var clause = document.Clauses.SelectMany(c => c.DescendantsAndSelf()).FirstOrDefault(c => c.Path == clausePath);
        return clause is null ? null : _rules.Explain(clause, boundary, new EvidenceMap(text));
    }

    /// <summary>
    /// A document's id is its file name without the extension: stable across runs and machines. A file named only by an
    /// extension (".txt") keeps its whole name, so that no id is empty.
    /// </summary>
    public static string DocumentId(string path) =>
        Path.GetFileNameWithoutExtension(path) is { Length: > 0 } stem ? stem : Path.GetFileName(path);

    /// <summary>
    /// A figure too large to hold exactly (99…9 with 500 digits, 10^30%) is left out of the rules rather than rounded;
    /// say so, at its place (IN015), so that the omission is never silent.
    /// </summary>
    private static void WarnTooLarge(List<Clause> clauses, EvidenceMap evidence, string file, List<Diagnostic> diagnostics)
    {
        const int Shown = 24;
        foreach (var clause in clauses)
        {
            foreach (var (start, length) in Numeral.FindTooLarge(clause.Text))
            {
                var at = evidence.Of(clause, start, start + length);
                var figure = length <= Shown ? clause.Text.Substring(start, length) : clause.Text.Substring(start, Shown) + "…";
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.FigureTooLarge, file, new SourceSpan(at.Line, at.Start, at.End), figure));
            }
        }
    }

    /// <summary>
    /// What in a file's name would mislead a reader of messages or travel badly: a line break (it would forge a message
    /// line), another control character, or a backslash (a separator on Windows). Such a name is kept, and said so.
    /// </summary>
    private static string? OddName(string displayPath)
    {
        var name = Path.GetFileName(displayPath);
        return name.Any(c => c is '\n' or '\r') ? "a line break"
            : name.Any(char.IsControl) ? "a control character"
            : name.Contains('\\') ? "a backslash"
            : null;
    }

    private static ExtractionResult Fail(string file, DiagnosticDescriptor descriptor, params string[] args) =>
        new(file, null, [Diagnostic.Create(descriptor, file, null, args)]);
}
