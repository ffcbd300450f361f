using System.Globalization;
using System.Text;
using PolicyExtract.Validation;

namespace PolicyExtract.Report;

/// <summary>
/// The validate report for people: per document a header with its rule counts and precision and recall, its problems
/// as <c>file:line: severity CODE message</c>, then one block per finding (document, clause and field on the first line; expected and actual values, where the
/// expectation is and the source line with its sentence below, labels aligned), then the totals and the precision and
/// recall table. Values are never padded after CJK text, so nothing depends on how wide a terminal draws it. LF line ends.
/// </summary>
public static class ValidationText
{
    public static string Render(ValidationReport report)
    {
        var text = new StringBuilder();
        foreach (var problem in report.InputErrors.Concat(report.Problems))
        {
            text.Append(problem).Append('\n');
        }

        foreach (var document in report.Documents)
        {
            RenderDocument(text, document);
        }

        var rules = report.Rules;
        var failed = report.Documents.Count(d => !d.Passed);
        text.Append(Invariant($"total: {report.Documents.Length} documents, {report.Documents.Length - failed} pass, {failed} fail\n"));
        text.Append(Invariant($"  rules     {rules.Expected} expected, {rules.Extracted} extracted: {rules.Matched} matched, {rules.Missing} missing, {rules.Unexpected} unexpected\n"));
        var findings = report.Documents.SelectMany(d => d.Findings).ToList();
        text.Append(Invariant($"  fields    {Count(findings, ExpectationSection.Rules, DifferenceKind.Field)} rule field differences, {findings.Count(f => f.Section == ExpectationSection.Clauses)} clause differences, {findings.Count(f => f.Section == ExpectationSection.Metadata)} metadata differences\n"));
        text.Append(Invariant($"  schema    {report.Documents.Sum(d => d.Problems.Count(p => p.Code == PolicyExtract.Diagnostics.DiagnosticCatalog.SchemaViolation.Code))} violations\n"));
        RenderScores(text, report.Scores, "  ");
        text.Append(report.Passed ? "result: pass\n" : "result: FAIL\n");
        return text.ToString();
    }

    private static void RenderDocument(StringBuilder text, DocumentReport d)
    {
        text.Append(d.DocumentId ?? d.Output).Append("  ").Append(d.Passed ? "pass" : "FAIL").Append('\n');
        text.Append("  output        ").Append(d.Output).Append('\n');
        if (d.Source is not null)
        {
            text.Append("  source        ").Append(d.Source).Append('\n');
        }

        if (!d.Expectations.IsEmpty)
        {
            text.Append("  expectations  ").Append(string.Join(", ", d.Expectations)).Append('\n');
            var r = d.Rules;
            text.Append(Invariant($"  rules         {r.Expected} expected, {r.Extracted} extracted: {r.Matched} matched, {r.Missing} missing, {r.Unexpected} unexpected, {Count(d.Findings, ExpectationSection.Rules, DifferenceKind.Field)} field differences\n"));
            if (r.Expected > 0 || r.Extracted > 0)
            {
                RenderScores(text, d.Scores, "  ");
            }
        }

        foreach (var problem in d.Problems)
        {
            text.Append("  ").Append(problem).Append('\n');
        }

        foreach (var f in d.Findings)
        {
            text.Append('\n').Append("  ").Append(Headline(d, f)).Append('\n');
            Line(text, "expected", f.Expected);
            Line(text, "actual", f.Actual);
            Line(text, f.Kind == DifferenceKind.Unexpected ? "not listed in" : "expected at", f.ExpectedAt);
            var source = f.SourceLine > 0 && d.Source is not null ? Invariant($"{d.Source}:{f.SourceLine}") : null;
            var where = string.Join("  ", new[] { source, f.SourceText }.OfType<string>());
            Line(text, "source", where.Length > 0 ? where : null);
        }

        text.Append('\n');
    }

    private static string Headline(DocumentReport d, Finding f)
    {
        var what = f.Section switch
        {
            ExpectationSection.Clauses => "clause",
            ExpectationSection.Metadata => "metadata",
            _ => "rule",
        };
        var where = f.Clause is { } c ? $" clause {c}" : "";
        var field = f.Field is { } name ? $" {name}" : "";
        var verdict = f.Kind switch
        {
            DifferenceKind.Missing => $"missing {what}",
            DifferenceKind.Unexpected => $"unexpected {what}",
            _ => $"{what} field differs",
        };
        return $"{d.DocumentId}{where}{field}: {verdict}";
    }

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (value is null)
        {
            return;
        }

        // A value that came out empty (a trigger "") is a finding in itself: show it rather than leave the line out.
        text.Append("    ").Append(label.PadRight(14)).Append(value.Length == 0 ? "(empty)" : value).Append('\n');
    }

    private static void RenderScores(StringBuilder text, IReadOnlyList<FieldScore> scores, string indent)
    {
        text.Append(indent).Append("field kind       expected  extracted  correct  precision  recall\n");
        foreach (var s in scores)
        {
            text.Append(indent)
                .Append(Name(s.Kind).PadRight(15))
                .Append(Invariant($"{s.Expected,10}{s.Extracted,11}{s.Correct,9}{Ratio(s.Precision),11}{Ratio(s.Recall),8}"))
                .Append('\n');
        }
    }

    /// <summary>The kind as reports and JSON name it: lower-case.</summary>
    public static string Name(FieldKind kind) => kind.ToString().ToLowerInvariant();

    private static string Ratio(decimal? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static int Count(IEnumerable<Finding> findings, ExpectationSection section, DifferenceKind kind) =>
        findings.Count(f => f.Section == section && f.Kind == kind);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
