using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyExtract.Diagnostics;
using PolicyExtract.Output;
using PolicyExtract.Pipeline;

namespace PolicyExtract.Validation;

/// <summary>
/// The outcome of reading one output file: its text when it could be decoded (for the schema check, which reports
/// more than the reader can), and its document, or the error that kept it from being read. <see cref="InputError"/>
/// says the file could not be read at all (a usage problem), as opposed to a file that was read and is not a valid
/// output (a finding).
/// </summary>
public sealed record OutputRead(string Display, string? Json, PolicyDocument? Document, Diagnostic? Error, bool InputError);

/// <summary>Reads output JSON back into the records the pipeline wrote, strictly, so that a comparison never works on a guess.</summary>
public static class OutputReader
{
    /// <summary>Reads <paramref name="path"/>, named <paramref name="display"/> in messages. Never throws for a bad file.</summary>
    public static OutputRead Read(string path, string display)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > PolicyPipeline.MaxInputBytes)
            {
                return Failed(display, null, DiagnosticCatalog.TooLarge, null, length.ToString(CultureInfo.InvariantCulture), PolicyPipeline.MaxInputBytes.ToString(CultureInfo.InvariantCulture));
            }

            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new OutputRead(display, null, null, Diagnostic.Create(DiagnosticCatalog.Unreadable, display, null, e.Message), InputError: true);
        }

        return Parse(bytes, display);
    }

    /// <summary>Parses the bytes of an output file; a hand-edited file may carry a UTF-8 BOM, which is allowed.</summary>
    public static OutputRead Parse(ReadOnlySpan<byte> bytes, string display)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        // A policy given to validate by mistake: say what validate wants rather than where the JSON parser stumbled.
        var first = bytes.TrimStart(" \t\r\n"u8);
        if (first.IsEmpty || first[0] is not ((byte)'{' or (byte)'['))
        {
            return Failed(display, null, DiagnosticCatalog.OutputUnreadable, null, NotOutput);
        }

        string json;
        try
        {
            json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Failed(display, null, DiagnosticCatalog.OutputUnreadable, null, "the file is not UTF-8");
        }

        try
        {
            return new OutputRead(display, json, PolicyJson.DeserializeStrict(bytes), null, InputError: false);
        }
        catch (JsonException e)
        {
            // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …": the line goes into the
            // location, the path into the message, once each.
            var reason = e.Message;
            var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
            if (cut >= 0)
            {
                reason = reason[..cut];
            }

            reason = reason.TrimEnd('.', ' ');
            var where = e.Path is { Length: > 0 } p && p != "$" ? $" (at {p})" : "";
            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            return Failed(display, json, DiagnosticCatalog.OutputUnreadable, line, reason + where);
        }
    }

    /// <summary>What validate says of a file that is not JSON at all.</summary>
    public const string NotOutput = "this is not JSON: validate checks the files extract writes (run 'policyextract extract' on a policy first, then validate its output)";

    private static OutputRead Failed(string display, string? json, DiagnosticDescriptor descriptor, int? line, params string[] args) =>
        new(display, json, null, Diagnostic.Create(descriptor, display, line is { } l ? new SourceSpan(l, 0, 0) : null, args), InputError: false);
}
