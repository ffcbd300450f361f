using System.Collections.Immutable;
using PolicyExtract.Diagnostics;
namespace PolicyExtract.Ingest;
public enum SourceFormat { Text, Html }
public sealed record DecodeResult(string? Text, string EncodingName, ImmutableArray<Diagnostic> Diagnostics);
public sealed record MappedText(string Text, ImmutableArray<int> SourceOffsets);
public static class TextDecoding { public static DecodeResult Decode(ReadOnlySpan<byte> b, string p) => new(System.Text.Encoding.UTF8.GetString(b), "utf-8", []); }
public static class HtmlText { public static DecodeResult DecodeHtml(ReadOnlySpan<byte> b, string p) => TextDecoding.Decode(b, p); public static MappedText Extract(string h) => new(h, [.. Enumerable.Range(0, h.Length)]); }
public static class FormatDetection { public static SourceFormat? FromPath(string p) => SourceFormat.Text; public static string UnsupportedHint(string e) => ""; public static bool SniffHtml(string t) => false; public static bool IsCandidate(string p) => true; }
