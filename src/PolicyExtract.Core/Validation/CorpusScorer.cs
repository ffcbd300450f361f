using System.Collections.Immutable;
using PolicyExtract.Diagnostics;
using PolicyExtract.Ingest;
using PolicyExtract.Pipeline;

namespace PolicyExtract.Validation;

/// <summary>
/// One document of a corpus, extracted and compared with its expectations. <see cref="Report"/> holds the findings,
/// the rule tally and the scores; when the document could not be extracted, <see cref="Errors"/> says why and the report
/// counts every expected rule as missing, so that a document that fails never raises the scores.
/// </summary>
public sealed record ScoredDocument(string Name, string Document, DocumentReport Report, ImmutableArray<Diagnostic> Errors)
{
    public bool Failed => !Errors.IsEmpty;

    public int ClauseDifferences => Report.Findings.Count(f => f.Section == ExpectationSection.Clauses);

    public int MetadataDifferences => Report.Findings.Count(f => f.Section == ExpectationSection.Metadata);
}

/// <summary>The documents of one or more expectation folders, scored; <see cref="Problems"/> are what kept a folder or a stem from being scored.</summary>
public sealed record CorpusScore(ImmutableArray<ScoredDocument> Documents, ImmutableArray<Diagnostic> Problems)
{
    /// <summary>Malformed expectations: a mistake in the corpus, not a verdict on the extractor.</summary>
    public ImmutableArray<Diagnostic> InputErrors =>
        [.. Documents.SelectMany(d => d.Errors).Where(e => e.Code == DiagnosticCatalog.ExpectationsMalformed.Code)];

    public RuleTally Rules => Documents.Aggregate(RuleTally.Zero, (t, d) => t.Plus(d.Report.Rules));

    public ImmutableArray<FieldScore> Scores => Sum(Documents.Select(d => d.Report.Scores));

    public static ImmutableArray<FieldScore> Sum(IEnumerable<ImmutableArray<FieldScore>> scores)
    {
        var all = scores.SelectMany(s => s).ToList();
        return [.. RuleMetrics.Kinds.Select(k => all.Where(s => s.Kind == k).Aggregate(new FieldScore(k, 0, 0, 0), (a, b) => a.Plus(b)))];
    }
}

/// <summary>
/// Scores folders of curated expectations (<c>STEM.rules.txt</c>, <c>STEM.clauses.txt</c>, <c>STEM.document.txt</c>)
/// against what the pipeline extracts from their documents, the comparison of <c>validate</c> without the round trip
/// through output files. A folder's documents sit beside their expectations, named <c>STEM_name.ext</c> as the corpus
/// files them (or the id itself, <c>STEM.ext</c>); documents kept elsewhere (the seeds) are found in extra document
/// folders. Every stem with expectations must have exactly one document.
/// </summary>
public static class CorpusScorer
{
    private static readonly string[] ExpectationSuffixes =
        [ExpectationFiles.RulesSuffix, ExpectationFiles.ClausesSuffix, ExpectationFiles.DocumentSuffix, ".gaps.txt"];

    /// <param name="folders">Expectation folders, each as given on the command line (messages name them so).</param>
    /// <param name="documentFolders">Further folders to look for documents in, for expectations kept apart from their documents.</param>
    public static CorpusScore Score(PolicyPipeline pipeline, IReadOnlyList<string> folders, IReadOnlyList<string> documentFolders)
    {
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        var work = new List<(string Folder, ExpectationFiles Files, string Document)>();
        foreach (var folder in folders)
        {
            var stems = ExpectationFiles.AllStems(folder);
            if (stems.IsEmpty)
            {
                problems.Add(Diagnostic.Create(DiagnosticCatalog.NoExpectationFiles, Slashes(folder), null));
                continue;
            }

            var candidates = Candidates(folder).Concat(documentFolders.SelectMany(Candidates)).ToList();
            foreach (var stem in stems)
            {
                var documents = candidates
                    .Where(c => ExpectationFiles.Find(folder, PolicyPipeline.DocumentId(c))?.Stem == stem)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                switch (documents.Count)
                {
                    case 0:
                        problems.Add(Diagnostic.Create(DiagnosticCatalog.NoDocument, Slashes(Path.Join(folder, stem)) + ".*", null, stem));
                        break;
                    case > 1:
                        problems.Add(Diagnostic.Create(DiagnosticCatalog.TwoDocuments, Slashes(Path.Join(folder, stem)) + ".*", null, stem, documents[0], documents[1]));
                        break;
                    default:
                        work.Add((folder, ExpectationFiles.Find(folder, PolicyPipeline.DocumentId(documents[0]))!, documents[0]));
                        break;
                }
            }
        }

        // Extracted as one batch, as extract would: documents in parallel, and drafting notes linked to the policy they
        // explain when it is among them.
        var results = new BatchExtractor(pipeline).ExtractAll(work.Select(w => w.Document));
        var scored = work.Select((w, i) => ScoreOne(w.Folder, w.Files, w.Document, results[i])).ToImmutableArray();
        return new CorpusScore(scored, problems.ToImmutable());
    }

    /// <summary>How a document is named in the table: its folder's name and its stem (<c>Dev/c01</c>, <c>Seeds/000</c>).</summary>
    public static string NameOf(string folder, string stem) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) + "/" + stem;

    private static ScoredDocument ScoreOne(string folder, ExpectationFiles files, string path, ExtractionResult result)
    {
        var display = Slashes(path);
        var name = NameOf(folder, files.Stem);
        try
        {
            return result.Document is { } document
                ? new ScoredDocument(name, display, OutputValidator.Compare(display, document, files, folder, Slashes(folder)), [])
                : NotExtracted(name, display, files, result.Diagnostics.Where(d => d.Severity == Severity.Error).ToImmutableArray());
        }
        catch (ExpectationsFormatException e)
        {
            return NotExtracted(name, display, files, [Diagnostic.Create(DiagnosticCatalog.ExpectationsMalformed, e.Path, new SourceSpan(e.Line, 0, 0), e.Reason)], readRules: false);
        }
    }

    private static ScoredDocument NotExtracted(string name, string display, ExpectationFiles files, ImmutableArray<Diagnostic> errors, bool readRules = true)
    {
        // Nothing extracted: every expected rule is missing and nothing was found.
        var tally = RuleTally.Zero;
        ImmutableArray<FieldScore> scores = [.. RuleMetrics.Kinds.Select(k => new FieldScore(k, 0, 0, 0))];
        if (readRules && files.Rules is { } rulesPath)
        {
            var expectations = RuleExpectations.Parse(File.ReadAllText(rulesPath), Slashes(rulesPath));
            var match = RuleComparer.Match(expectations, []);
            tally = new RuleTally(expectations.Rules.Length, 0, 0, expectations.Rules.Length, 0);
            scores = RuleMetrics.Score(expectations, match);
        }

        var report = new DocumentReport(display, PolicyPipeline.DocumentId(display), display, [.. files.Paths.Select(Slashes)], errors, [], tally, scores);
        return new ScoredDocument(name, display, report, errors);
    }

    /// <summary>The files of a folder that may be documents: inputs extract would take, not expectation or gaps files.</summary>
    private static IEnumerable<string> Candidates(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder)
                .Where(f => !Path.GetFileName(f).StartsWith('.') && FormatDetection.FromPath(f) is not null && FormatDetection.IsCandidate(f))
                .Where(f => !ExpectationSuffixes.Any(s => f.EndsWith(s, StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal)
            : [];

    private static string Slashes(string path) => path.Replace('\\', '/');
}
