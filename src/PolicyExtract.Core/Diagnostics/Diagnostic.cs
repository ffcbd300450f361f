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

    /// <summary>
    /// The conventional one-line form, <c>file:line: severity CODE message</c>. Always one line: a line break or other
    /// control character in a file name or a quoted text is shown escaped (<c>\n</c>), so no input can forge a message.
    /// </summary>
    public override string ToString()
    {
        var where = Span is { } s ? $"{File}:{s.Line}" : File;
        return Escape($"{where}: {Severity.ToString().ToLowerInvariant()} {Code} {Message}");
    }

    /// <summary>Control characters as C-style escapes (<c>\n</c>, <c>\t</c>, <c>\u001b</c>), for text shown on a terminal line.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                _ when char.IsControl(c) => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
