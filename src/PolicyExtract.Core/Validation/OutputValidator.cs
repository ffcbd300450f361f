using System.Collections.Immutable;
using PolicyExtract.Diagnostics;
using PolicyExtract.Output;
using PolicyExtract.Rules;

namespace PolicyExtract.Validation;

/// <summary>How many rules were expected and extracted, and how they paired up.</summary>
public sealed record RuleTally(int Expected, int Extracted, int Matched, int Missing, int Unexpected)
{
    public static readonly RuleTally Zero = new(0, 0, 0, 0, 0);

    public RuleTally Plus(RuleTally o) =>
        new(Expected + o.Expected, Extracted + o.Extracted, Matched + o.Matched, Missing + o.Missing, Unexpected + o.Unexpected);
}

/// <summary>
/// The validation of one output file. <see cref="Problems"/> are findings about the file itself (unreadable, not valid
/// against the schema, no expectations for it); <see cref="Findings"/> the disagreements with its expectations.
/// </summary>
public sealed record DocumentReport(
    string Output,
    string? DocumentId,
    string? Source,
    ImmutableArray<string> Expectations,
    ImmutableArray<Diagnostic> Problems,
    ImmutableArray<Finding> Findings,
    RuleTally Rules,
    ImmutableArray<FieldScore> Scores)
{
    public bool Passed => Problems.IsEmpty && Findings.IsEmpty;
}

/// <summary>
/// A whole validate run. <see cref="InputErrors"/> are what kept it from checking something (no such folder, an
/// unreadable file, a malformed expectations file): a usage problem, not a verdict on the output.
/// </summary>
public sealed record ValidationReport(ImmutableArray<DocumentReport> Documents, ImmutableArray<Diagnostic> Problems, ImmutableArray<Diagnostic> InputErrors)
{
    public bool Passed => InputErrors.IsEmpty && Problems.IsEmpty && Documents.All(d => d.Passed);

    public RuleTally Rules => Documents.Aggregate(RuleTally.Zero, (t, d) => t.Plus(d.Rules));

    public ImmutableArray<FieldScore> Scores =>
        [.. RuleMetrics.Kinds.Select(k => Documents.SelectMany(d => d.Scores).Where(s => s.Kind == k).Aggregate(new FieldScore(k, 0, 0, 0), (a, b) => a.Plus(b)))];
}

/// <summary>
/// Checks output files against the published schema and against the curated expectations of their documents
/// (<see cref="ExpectationFiles"/>): clauses, metadata and rules. Reads only; thread-safe.
/// </summary>
public sealed class OutputValidator(OutputSchema schema)
{
    /// <param name="outputs">The output files, each with the name messages show for it.</param>
    /// <param name="expectedDirectory">The folder of expectation files, and <paramref name="expectedDisplay"/> how messages name it.</param>
    /// <param name="requireAll">Whether every document with expectations must have an output among <paramref name="outputs"/> (a whole output folder is being checked).</param>
    public ValidationReport Validate(IEnumerable<(string Path, string Display)> outputs, string expectedDirectory, string expectedDisplay, bool requireAll)
    {
        var documents = ImmutableArray.CreateBuilder<DocumentReport>();
        var inputErrors = ImmutableArray.CreateBuilder<Diagnostic>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, display) in outputs)
        {
            var read = OutputReader.Read(path, display);
            if (read.InputError)
            {
                inputErrors.Add(read.Error!);
                continue;
            }

            var violations = read.Json is { } json ? schema.Validate(json, display) : [];
            if (read.Document is not { } document)
            {
                documents.Add(new DocumentReport(display, null, null, [], [.. violations, read.Error!], [], RuleTally.Zero, []));
                continue;
            }

            var files = ExpectationFiles.Find(expectedDirectory, document.Document.Id);
            if (files is not null)
            {
                covered.Add(files.Stem);
            }

            try
            {
                documents.Add(ValidateOne(display, document, violations, files, expectedDirectory, expectedDisplay));
            }
            catch (ExpectationsFormatException e)
            {
                inputErrors.Add(Diagnostic.Create(DiagnosticCatalog.ExpectationsMalformed, e.Path, new SourceSpan(e.Line, 0, 0), e.Reason));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                inputErrors.Add(Diagnostic.Create(DiagnosticCatalog.Unreadable, expectedDisplay, null, e.Message));
            }
        }

        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        if (requireAll)
        {
            foreach (var stem in ExpectationFiles.AllStems(expectedDirectory).Where(s => !covered.Contains(s)))
            {
                problems.Add(Diagnostic.Create(DiagnosticCatalog.NoOutput, Slashes(Path.Join(expectedDisplay, stem)) + ".*", null, stem));
            }
        }

        return new ValidationReport(documents.ToImmutable(), problems.ToImmutable(), inputErrors.ToImmutable());
    }

    private static DocumentReport ValidateOne(string output, PolicyDocument document, ImmutableArray<Diagnostic> violations, ExpectationFiles? files, string directory, string display)
    {
        if (files is null)
        {
            var id = document.Document.Id;
            return new DocumentReport(output, id, document.Document.Source.Path, [], [.. violations, Diagnostic.Create(DiagnosticCatalog.NoExpectations, output, null, id, display)], [], RuleTally.Zero, []);
        }

        var compared = Compare(output, document, files, directory, display);
        return compared with { Problems = [.. violations, .. compared.Problems] };
    }

    /// <summary>
    /// A document against its expectations (clauses, metadata, rules): the findings, the rule tally and the scores. The
    /// document may come from an output file or straight from the pipeline, as the corpus scores take it. A malformed
    /// expectations file is an <see cref="ExpectationsFormatException"/>.
    /// </summary>
    /// <param name="output">How the report names the document.</param>
    /// <param name="directory">The folder of <paramref name="files"/>, and <paramref name="display"/> how messages name it.</param>
    public static DocumentReport Compare(string output, PolicyDocument document, ExpectationFiles files, string directory, string display)
    {
        var id = document.Document.Id;
        string Shown(string path) => Slashes(Path.Join(display, Path.GetRelativePath(directory, path)));
        var findings = ImmutableArray.CreateBuilder<Finding>();
        if (files.Clauses is { } clausesPath)
        {
            findings.AddRange(ExpectationComparer.Clauses(ClauseExpectations.Parse(File.ReadAllText(clausesPath), Shown(clausesPath)), document.Clauses));
        }

        if (files.Document is { } metadataPath)
        {
            var actual = MetadataExpectations.Describe(document.Document, document.Diagnostics.Select(d => (d.Code, d.Span?.Line)));
            findings.AddRange(ExpectationComparer.Metadata(MetadataExpectations.Parse(File.ReadAllText(metadataPath), Shown(metadataPath)), actual));
        }

        var tally = RuleTally.Zero;
        ImmutableArray<FieldScore> scores = [];
        if (files.Rules is { } rulesPath)
        {
            var expectations = RuleExpectations.Parse(File.ReadAllText(rulesPath), Shown(rulesPath));
            var match = RuleComparer.Match(expectations, document.Rules);
            findings.AddRange(RuleFindings(expectations, match, document));
            var unexpected = match.Differences.Count(d => d.Kind == DifferenceKind.Unexpected);
            tally = new RuleTally(expectations.Rules.Length, document.Rules.Length, match.Pairs.Length, match.Missing.Length, unexpected);
            scores = RuleMetrics.Score(expectations, match);
        }

        return new DocumentReport(output, id, document.Document.Source.Path, [.. files.Paths.Select(Shown)], [], findings.ToImmutable(), tally, scores);
    }

    private static IEnumerable<Finding> RuleFindings(RuleExpectations expectations, RuleMatch match, PolicyDocument document)
    {
        var rules = document.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var clauseLines = document.Clauses.SelectMany(c => c.DescendantsAndSelf()).GroupBy(c => c.Path).ToDictionary(g => g.Key, g => g.First().Span.Line, StringComparer.Ordinal);
        foreach (var d in match.Differences)
        {
            var rule = d.RuleId is { } ruleId ? rules.GetValueOrDefault(ruleId) : null;
            if (d.Kind == DifferenceKind.Missing)
            {
                // No extracted rule to quote: the expectation's own quote, at the line of its clause.
                var wanted = match.Missing.First(m => m.Line == d.ExpectedLine);
                yield return new Finding(ExpectationSection.Rules, d.Kind, d.Clause, null, d.Expected, null, ExpectationComparer.At(expectations.Path, d.ExpectedLine), clauseLines.GetValueOrDefault(d.Clause), wanted.Source, null);
            }
            else
            {
                yield return new Finding(ExpectationSection.Rules, d.Kind, d.Clause, d.Field, d.Expected, d.Actual, ExpectationComparer.At(expectations.Path, d.ExpectedLine), d.SourceLine, Evidence(rule), d.RuleId);
            }
        }
    }

    private static string? Evidence(Rule? rule) => rule?.Evidence.Text;

    private static string Slashes(string path) => path.Replace('\\', '/');
}
