namespace PolicyExtract.Diagnostics;

/// <summary>
/// A diagnostic as JSON reports write it (validate --json, errors.json): file, 1-based line (null for the whole file),
/// severity, code, message.
/// </summary>
public sealed record ProblemRecord(string File, int? Line, Severity Severity, string Code, string Message)
{
    public static ProblemRecord From(Diagnostic d) => new(d.File, d.Span?.Line, d.Severity, d.Code, d.Message);
}
