using System.Collections.Immutable;
using System.Globalization;

namespace PolicyExtract.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>A diagnostic kind: stable code, severity and an English message template with {0}-style holes.</summary>
public sealed record DiagnosticDescriptor(string Code, Severity Severity, string MessageTemplate);

/// <summary>
/// One finding about one input. Tests assert <see cref="Code"/> and <see cref="Args"/>; <see cref="Message"/> is for
/// people and may be reworded. <see cref="File"/> is the input path as given; <see cref="Span"/> is absent when the
/// finding concerns the file as a whole (empty, binary, unreadable).
/// </summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, string File, SourceSpan? Span, ImmutableArray<string> Args)
{
    public string Code => Descriptor.Code;

    public Severity Severity => Descriptor.Severity;

    public string Message => string.Format(CultureInfo.InvariantCulture, Descriptor.MessageTemplate, Args.Cast<object>().ToArray());

    public static Diagnostic Create(DiagnosticDescriptor descriptor, string file, SourceSpan? span, params string[] args) =>
        new(descriptor, file, span, [.. args]);

    /// <summary>The conventional one-line form, <c>file:line: severity CODE message</c>.</summary>
    public override string ToString()
    {
        var where = Span is { } s ? $"{File}:{s.Line}" : File;
        return $"{where}: {Severity.ToString().ToLowerInvariant()} {Code} {Message}";
    }
}
