using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyExtract.Diagnostics;
using PolicyExtract.Output;
using PolicyExtract.Validation;

namespace PolicyExtract.Report;

public sealed record ScoredDocumentRecord(
    string Name,
    string Document,
    ImmutableArray<ProblemRecord> Errors,
    RuleTally Rules,
    int ClauseDifferences,
    int MetadataDifferences,
    ImmutableArray<FieldScore> Scores);

public sealed record ScoreTotalRecord(int Documents, int Failed, RuleTally Rules, int ClauseDifferences, int MetadataDifferences, ImmutableArray<FieldScore> Scores);

/// <summary>The corpus scores as <c>score --json</c> writes them.</summary>
public sealed record ScoreRecord(ImmutableArray<ProblemRecord> Problems, ImmutableArray<ScoredDocumentRecord> Documents, ScoreTotalRecord Total);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ScoreRecord))]
internal sealed partial class ScoreJsonContext : JsonSerializerContext;

/// <summary>
/// The corpus score table: one row per document (its rules expected, found, matched, missing and unexpected, its clause
/// and metadata differences, and precision/recall per field kind), then the total row and the total counts per kind.
/// As plain text for a terminal, as Markdown for SCORES.md, or as JSON. Names are ASCII (folder/stem), so columns align.
/// </summary>
public static class ScoreReport
{
    private static readonly ScoreJsonContext Context = new(ReportJson.Options());

    /// <summary>The options the JSON is written with (for tests that walk the types it holds).</summary>
    internal static JsonSerializerOptions Options => Context.Options;

    private static readonly string[] CountHeads = ["rules", "found", "matched", "missing", "unexpected", "clauses", "metadata"];

    public static string Text(CorpusScore score)
    {
        var text = new StringBuilder();
        foreach (var problem in score.Problems)
        {
            text.Append(problem).Append('\n');
        }

        var rows = Rows(score).ToList();
        var nameWidth = Math.Max("document".Length, rows.Max(r => r.Name.Length));
        var heads = CountHeads.Concat(RuleMetrics.Kinds.Select(ValidationText.Name)).ToList();
        var widths = heads.Select((h, i) => i < CountHeads.Length ? Math.Max(h.Length, 5) : Math.Max(h.Length, 11)).ToList();
        text.Append("document".PadRight(nameWidth));
        for (var i = 0; i < heads.Count; i++)
        {
            text.Append("  ").Append(heads[i].PadLeft(widths[i]));
        }

        text.Append('\n');
        foreach (var row in rows)
        {
            if (row.IsTotal)
            {
                text.Append(new string('-', nameWidth + widths.Sum(w => w + 2))).Append('\n');
            }

            text.Append(row.Name.PadRight(nameWidth));
            var cells = row.Cells.ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                text.Append("  ").Append(cells[i].PadLeft(widths[i]));
            }

            text.Append('\n');
        }

        text.Append("each field kind: precision/recall over its facts, as validate counts them; '-': nothing to divide by\n");
        foreach (var document in score.Documents.Where(d => d.Failed))
        {
            text.Append(document.Name).Append(": not extracted: ").Append(string.Join("; ", document.Errors)).Append('\n');
        }

        text.Append('\n');
        text.Append("field kind       expected  extracted  correct  precision  recall\n");
        foreach (var s in score.Scores)
        {
            text.Append(ValidationText.Name(s.Kind).PadRight(15))
                .Append(Invariant($"{s.Expected,10}{s.Extracted,11}{s.Correct,9}{Ratio(s.Precision),11}{Ratio(s.Recall),8}"))
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The same table as Markdown, a row per document and the total in bold, then the totals per kind.</summary>
    public static string Markdown(CorpusScore score)
    {
        var text = new StringBuilder();
        var heads = CountHeads.Concat(RuleMetrics.Kinds.Select(ValidationText.Name)).ToList();
        text.Append("| document | ").AppendJoin(" | ", heads).Append(" |\n");
        text.Append("|---|").AppendJoin("", heads.Select(_ => "---:|")).Append('\n');
        foreach (var row in Rows(score))
        {
            var name = row.IsTotal ? "**total**" : row.Name;
            text.Append("| ").Append(name).Append(" | ").AppendJoin(" | ", row.Cells.Select(c => row.IsTotal ? $"**{c}**" : c)).Append(" |\n");
        }

        text.Append('\n');
        text.Append("| field kind | expected | extracted | correct | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var s in score.Scores)
        {
            text.Append(Invariant($"| {ValidationText.Name(s.Kind)} | {s.Expected} | {s.Extracted} | {s.Correct} | {Ratio(s.Precision)} | {Ratio(s.Recall)} |\n"));
        }

        return text.ToString();
    }

    public static string Json(CorpusScore score)
    {
        var record = new ScoreRecord(
            [.. score.Problems.Select(ProblemRecord.From)],
            [.. score.Documents.Select(d => new ScoredDocumentRecord(d.Name, d.Document, [.. d.Errors.Select(ProblemRecord.From)], d.Report.Rules, d.ClauseDifferences, d.MetadataDifferences, d.Report.Scores))],
            new ScoreTotalRecord(
                score.Documents.Length,
                score.Documents.Count(d => d.Failed),
                score.Rules,
                score.Documents.Sum(d => d.ClauseDifferences),
                score.Documents.Sum(d => d.MetadataDifferences),
                score.Scores));
        return JsonSerializer.Serialize(record, Context.ScoreRecord) + "\n";
    }

    private sealed record Row(string Name, bool IsTotal, IEnumerable<string> Cells);

    private static IEnumerable<Row> Rows(CorpusScore score)
    {
        foreach (var d in score.Documents)
        {
            yield return new Row(d.Name, false, Cells(d.Report.Rules, d.ClauseDifferences, d.MetadataDifferences, d.Report.Scores));
        }

        yield return new Row("total", true, Cells(score.Rules, score.Documents.Sum(d => d.ClauseDifferences), score.Documents.Sum(d => d.MetadataDifferences), score.Scores));
    }

    private static IEnumerable<string> Cells(RuleTally r, int clauses, int metadata, ImmutableArray<FieldScore> scores) =>
        new[] { r.Expected, r.Extracted, r.Matched, r.Missing, r.Unexpected, clauses, metadata }.Select(n => n.ToString(CultureInfo.InvariantCulture))
            .Concat(RuleMetrics.Kinds.Select(k => scores.FirstOrDefault(s => s.Kind == k) is { } s ? $"{Ratio(s.Precision)}/{Ratio(s.Recall)}" : "-/-"));

    private static string Ratio(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
