using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PolicyExtract.Check;
using PolicyExtract.Diagnostics;

namespace PolicyExtract.Report;

/// <summary>
/// The check report: one line per count statement, <c>file:line: …</c>, agreements as <c>ok</c>, disagreements as
/// CK001 errors and unresolved statements as CK002/CK003 warnings (the message names what was said, of what, and what
/// the clause tree has), then a summary line. Statements in input order, then document order. LF line ends.
/// </summary>
public static class CountCheckText
{
    public static string Render(ImmutableArray<CountCheck> checks, int documents)
    {
        var text = new StringBuilder();
        foreach (var c in checks)
        {
            text.Append(Line(c)).Append('\n');
        }

        text.Append(Invariant($"check: {documents} documents, {checks.Length} count statements: {checks.Count(c => c.Verdict == CountVerdict.Agrees)} agree, {checks.Count(c => c.Verdict == CountVerdict.Disagrees)} disagree, {checks.Count(c => c.Verdict == CountVerdict.Unresolved)} unresolved\n"));
        return text.ToString();
    }

    /// <summary>A check as a diagnostic (disagreements and unresolved statements) or null when it agrees.</summary>
    public static Diagnostic? AsDiagnostic(CountCheck c)
    {
        var span = new SourceSpan(c.Statement.Line, 0, 0);
        var said = string.Join("、", c.Statement.Counts.Select(n => n.ToString(CultureInfo.InvariantCulture)));
        return c.Verdict switch
        {
            CountVerdict.Disagrees => Diagnostic.Create(DiagnosticCatalog.CountDisagrees, c.File, span, c.Subject, said, Thing(c.Statement), "it", string.Join("、", c.Actual.Select(n => n.ToString(CultureInfo.InvariantCulture))) + " (“" + c.Statement.Text + "”)"),
            CountVerdict.Unresolved when c.TargetId is null => Diagnostic.Create(DiagnosticCatalog.ExplainedNotChecked, c.File, span, c.Subject, c.Statement.Text),
            CountVerdict.Unresolved => Diagnostic.Create(DiagnosticCatalog.CountUnresolved, c.File, span, c.Statement.Text, said, Thing(c.Statement), c.Subject),
            _ => null,
        };
    }

    private static string Line(CountCheck c) =>
        AsDiagnostic(c)?.ToString()
        ?? Invariant($"{c.File}:{c.Statement.Line}: ok “{c.Statement.Text}”: {c.Subject} has {string.Join("、", c.Actual)} {Thing(c.Statement)}");

    private static string Thing(CountStatement s) => s.Thing == CountedThing.Parts ? "parts" : "clauses";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
