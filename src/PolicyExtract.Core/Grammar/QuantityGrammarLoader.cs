using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Diagnostics;
using PolicyExtract.Extract;

namespace PolicyExtract.Grammar;

/// <summary>
/// Reads and validates <c>grammar/units.txt</c>, <c>grammar/bounds.txt</c> and <c>grammar/ranges.txt</c>. Every
/// problem is collected with its file and line; nothing is thrown. In these files a field that starts with <c>#</c>
/// begins a comment to the end of the line, so each entry can carry its sample phrase.
/// </summary>
internal static class QuantityGrammarLoader
{
    private const string FigureHole = "{figure}";

    private static readonly string[] UnitSections =
        ["currency", "money-suffix", "money-cue", "count", "duration", "date-suffix", "per-unit", "per-marker", "ratio", "ordinal-prefix", "not-a-number"];

    private static readonly string[] BoundSections = ["bound", "marker", "neutral", "gap", "base"];

    private static readonly string[] RangeSections = ["connector", "approximate", "list", "clause-break"];

    private static readonly ImmutableDictionary<string, BoundDirection> Directions = new Dictionary<string, BoundDirection>
    {
        ["at-least"] = BoundDirection.AtLeast,
        ["at-most"] = BoundDirection.AtMost,
        ["more-than"] = BoundDirection.MoreThan,
        ["less-than"] = BoundDirection.LessThan,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<string, WordPosition> Positions = new Dictionary<string, WordPosition>
    {
        ["before"] = WordPosition.Before,
        ["infix"] = WordPosition.Infix,
        ["after"] = WordPosition.After,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<string, ApproximationMeaning> Meanings = new Dictionary<string, ApproximationMeaning>
    {
        ["about"] = ApproximationMeaning.About,
        ["place"] = ApproximationMeaning.Place,
        ["digit"] = ApproximationMeaning.Digit,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<string, QuantityKind> Kinds = new Dictionary<string, QuantityKind>
    {
        ["money"] = QuantityKind.Money,
        ["percent"] = QuantityKind.Percent,
        ["count"] = QuantityKind.Count,
        ["duration"] = QuantityKind.Duration,
        ["ratio"] = QuantityKind.Ratio,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<string, bool> Inclusiveness = new Dictionary<string, bool>
    {
        ["inclusive"] = true,
        ["exclusive"] = false,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static QuantityGrammar Load(
        (string Path, string Content) units, (string Path, string Content) bounds, (string Path, string Content) ranges, List<Diagnostic> problems)
    {
        var words = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unitEntries = new List<UnitEntry>();
        var perBefore = new List<string>();
        var perAfter = new List<string>();
        var boundEntries = new List<BoundEntry>();
        var markers = new List<MarkerEntry>();
        var approximations = new List<ApproximationEntry>();

        var unitLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, section, f) in Lines(units, UnitSections, problems))
        {
            var at = (units.Path, line);
            switch (section)
            {
                case "currency":
                    if (Arity(at, f, 3, 4, "[currency] entries are: word multiplier currency [bare]", problems)
                        && Multiplier(at, f[1], problems) is { } exponent
                        && Currency(at, f[2], problems)
                        && Flag(at, f, 3, "bare", problems) is { } bare
                        && Unique(at, unitLines, "unit", f[0], problems))
                    {
                        unitEntries.Add(new UnitEntry(f[0], QuantityKind.Money, exponent, f[2], bare, BoundOnly: false));
                    }

                    break;
                case "count":
                    if (Arity(at, f, 1, 2, "[count] entries are: word [bound-only]", problems)
                        && Flag(at, f, 1, "bound-only", problems) is { } boundOnly
                        && Unique(at, unitLines, "unit", f[0], problems))
                    {
                        unitEntries.Add(new UnitEntry(f[0], QuantityKind.Count, 0, f[0], Bare: false, boundOnly));
                    }

                    break;
                case "duration":
                    if (Arity(at, f, 1, 1, "[duration] entries are one word each", problems) && Unique(at, unitLines, "unit", f[0], problems))
                    {
                        unitEntries.Add(new UnitEntry(f[0], QuantityKind.Duration, 0, f[0], Bare: false, BoundOnly: false));
                    }

                    break;
                case "per-marker":
                    if (Arity(at, f, 2, 2, "[per-marker] entries are: marker before|after", problems)
                        && Lookup(at, Positions, "position", f[1], problems) is { } position)
                    {
                        if (position == WordPosition.Infix)
                        {
                            problems.Add(GrammarFile.At(at.Path, line, DiagnosticCatalog.GrammarUnknownKey, "position", f[1]));
                        }
                        else if (Unique(at, unitLines, "per-marker", f[0], problems))
                        {
                            (position == WordPosition.Before ? perBefore : perAfter).Add(f[0]);
                        }
                    }

                    break;
                default:
                    AddWord(at, words, unitLines, section, f, problems);
                    break;
            }
        }

        var boundLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, section, f) in Lines(bounds, BoundSections, problems))
        {
            var at = (bounds.Path, line);
            switch (section)
            {
                case "bound":
                    if (Arity(at, f, 4, 4 + Kinds.Count, "[bound] entries are: word before|after at-least|at-most|more-than|less-than inclusive|exclusive [kind ...]", problems)
                        && Lookup(at, Positions, "position", f[1], problems) is { } position
                        && Lookup(at, Directions, "direction", f[2], problems) is { } direction
                        && Lookup(at, Inclusiveness, "inclusiveness", f[3], problems) is { } inclusive
                        && KindList(at, f, 4, problems) is { } boundKinds)
                    {
                        if (position == WordPosition.Infix)
                        {
                            problems.Add(GrammarFile.At(at.Path, line, DiagnosticCatalog.GrammarUnknownKey, "position", f[1]));
                        }
                        else if (Unique(at, boundLines, "bound", $"{f[0]} {f[1]}", problems))
                        {
                            boundEntries.Add(new BoundEntry(f[0], position, direction, inclusive, boundKinds));
                        }
                    }

                    break;
                case "marker":
                    if (Arity(at, f, 2, 2, "[marker] entries are: marker inclusive|exclusive", problems)
                        && Lookup(at, Inclusiveness, "inclusiveness", f[1], problems) is { } markerInclusive
                        && Marker(at, f[0], markerInclusive, problems) is { } marker
                        && Unique(at, boundLines, "marker", f[0], problems))
                    {
                        markers.Add(marker);
                    }

                    break;
                default:
                    AddWord(at, words, boundLines, section, f, problems);
                    break;
            }
        }

        var rangeLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, section, f) in Lines(ranges, RangeSections, problems))
        {
            var at = (ranges.Path, line);
            if (section != "approximate")
            {
                AddWord(at, words, rangeLines, section, f, problems);
                continue;
            }

            if (!Arity(at, f, 3, 3 + Kinds.Count, "[approximate] entries are: word before|infix|after about|place|digit [kind ...]", problems)
                || Lookup(at, Positions, "position", f[1], problems) is not { } where
                || Lookup(at, Meanings, "meaning", f[2], problems) is not { } meaning)
            {
                continue;
            }

            var kinds = KindList(at, f, 3, problems);
            var ok = kinds is not null;

            if ((meaning == ApproximationMeaning.Digit && where == WordPosition.After) || (meaning == ApproximationMeaning.Place && where == WordPosition.Before))
            {
                problems.Add(GrammarFile.At(at.Path, line, DiagnosticCatalog.GrammarSyntax, $"meaning '{f[2]}' cannot stand {f[1]} a figure"));
                ok = false;
            }

            if (ok && Unique(at, rangeLines, "approximation", $"{f[0]} {f[1]}", problems))
            {
                approximations.Add(new ApproximationEntry(f[0], where, meaning, kinds!.Value));
            }
        }

        foreach (var (file, sections) in new[] { (units, UnitSections), (bounds, BoundSections), (ranges, RangeSections) })
        {
            foreach (var section in sections)
            {
                var empty = section switch
                {
                    "currency" => !unitEntries.Any(u => u.Kind == QuantityKind.Money),
                    "count" => !unitEntries.Any(u => u.Kind == QuantityKind.Count),
                    "duration" => !unitEntries.Any(u => u.Kind == QuantityKind.Duration),
                    "per-marker" => perBefore.Count + perAfter.Count == 0,
                    "bound" => boundEntries.Count == 0,
                    "marker" => markers.Count == 0,
                    "approximate" => approximations.Count == 0,
                    _ => !words.ContainsKey(section),
                };
                if (empty && file.Content.Length > 0)
                {
                    problems.Add(Diagnostic.Create(DiagnosticCatalog.GrammarMissing, file.Path, null, $"section [{section}]"));
                }
            }
        }

        return new QuantityGrammar(
            [.. unitEntries.OrderByDescending(u => u.Word.Length).ThenBy(u => u.Word, StringComparer.Ordinal)],
            UnitSections.Concat(BoundSections).Concat(RangeSections).ToImmutableDictionary(
                s => s, s => words.TryGetValue(s, out var list) ? Longest(list) : [], StringComparer.Ordinal),
            Longest(perBefore),
            Longest(perAfter),
            [.. boundEntries.OrderByDescending(b => b.Word.Length).ThenBy(b => b.Word, StringComparer.Ordinal)],
            [.. markers.OrderByDescending(m => m.Prefix.Length + m.Suffix.Length).ThenBy(m => m.Prefix, StringComparer.Ordinal)],
            [.. approximations.OrderByDescending(a => a.Word.Length).ThenBy(a => a.Word, StringComparer.Ordinal)]);
    }

    private static ImmutableArray<string> Longest(IEnumerable<string> words) =>
        [.. words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];

    /// <summary>The entries of a file, with inline comments dropped; lines outside a known section are reported.</summary>
    private static IEnumerable<(int Line, string Section, ImmutableArray<string> Fields)> Lines(
        (string Path, string Content) file, string[] sections, List<Diagnostic> problems)
    {
        foreach (var line in GrammarFile.Parse(file.Path, file.Content, problems))
        {
            if (line.Section is null || !sections.Contains(line.Section, StringComparer.Ordinal))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarUnknownKey, "section", line.Section ?? "(none)"));
                continue;
            }

            var fields = line.Fields;
            var comment = 0;
            while (comment < fields.Length && !fields[comment].StartsWith('#'))
            {
                comment++;
            }

            yield return (line.Line, line.Section, fields[..comment]);
        }
    }

    private static void AddWord(
        (string Path, int Line) at, Dictionary<string, List<string>> words, Dictionary<string, int> seen, string section, ImmutableArray<string> f, List<Diagnostic> problems)
    {
        if (Arity(at, f, 1, 1, $"[{section}] entries are one word each", problems) && Unique(at, seen, section, f[0], problems))
        {
            (words.TryGetValue(section, out var list) ? list : words[section] = []).Add(f[0]);
        }
    }

    private static bool Arity((string Path, int Line) at, ImmutableArray<string> f, int min, int max, string expected, List<Diagnostic> problems)
    {
        if (f.Length >= min && f.Length <= max)
        {
            return true;
        }

        problems.Add(GrammarFile.At(at.Path, at.Line, DiagnosticCatalog.GrammarSyntax, expected));
        return false;
    }

    /// <summary>Records the first line of <paramref name="key"/> among the <paramref name="what"/> entries; a repeat is GR003.</summary>
    private static bool Unique((string Path, int Line) at, Dictionary<string, int> seen, string what, string key, List<Diagnostic> problems)
    {
        if (seen.TryAdd($"{what}\u0001{key}", at.Line))
        {
            return true;
        }

        problems.Add(GrammarFile.At(at.Path, at.Line, DiagnosticCatalog.GrammarDuplicate, what, key, seen[$"{what}\u0001{key}"].ToString(CultureInfo.InvariantCulture)));
        return false;
    }

    private static T? Lookup<T>((string Path, int Line) at, ImmutableDictionary<string, T> table, string what, string name, List<Diagnostic> problems)
        where T : struct
    {
        if (table.TryGetValue(name, out var value))
        {
            return value;
        }

        problems.Add(GrammarFile.At(at.Path, at.Line, DiagnosticCatalog.GrammarUnknownKey, what, name));
        return null;
    }

    /// <summary>The kind names from field <paramref name="from"/> on, or null (each bad one reported).</summary>
    private static ImmutableArray<QuantityKind>? KindList((string Path, int Line) at, ImmutableArray<string> f, int from, List<Diagnostic> problems)
    {
        var kinds = ImmutableArray.CreateBuilder<QuantityKind>();
        var ok = true;
        foreach (var name in f.Skip(from))
        {
            if (Lookup(at, Kinds, "kind", name, problems) is { } kind)
            {
                kinds.Add(kind);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? kinds.ToImmutable() : null;
    }

    /// <summary>The optional flag at <paramref name="index"/>: false when absent, true when it is <paramref name="flag"/>, null (reported) otherwise.</summary>
    private static bool? Flag((string Path, int Line) at, ImmutableArray<string> f, int index, string flag, List<Diagnostic> problems)
    {
        if (f.Length <= index)
        {
            return false;
        }

        if (f[index] == flag)
        {
            return true;
        }

        problems.Add(GrammarFile.At(at.Path, at.Line, DiagnosticCatalog.GrammarUnknownKey, "flag", f[index]));
        return null;
    }

    /// <summary>The power of ten a multiplier stands for (1 → 0, 10000 → 4), or null (reported) when it is not one.</summary>
    private static int? Multiplier((string Path, int Line) at, string text, List<Diagnostic> problems)
    {
        if (text.Length is >= 1 and <= 13 && text[0] == '1' && text.Skip(1).All(c => c == '0'))
        {
            return text.Length - 1;
        }

        problems.Add(GrammarFile.At(at.Path, at.Line, DiagnosticCatalog.GrammarSyntax, $"multiplier '{text}' must be a power of ten from 1 to 1000000000000"));
        return null;
    }

    private static bool Currency((string Path, int Line) at, string code, List<Diagnostic> problems)
    {
        if (code.Length == 3 && code.All(c => c is >= 'A' and <= 'Z'))
        {
            return true;
        }

        problems.Add(GrammarFile.At(at.Path, at.Line, DiagnosticCatalog.GrammarSyntax, $"currency '{code}' must be an ISO 4217 code such as CNY"));
        return false;
    }

    private static MarkerEntry? Marker((string Path, int Line) at, string template, bool inclusive, List<Diagnostic> problems)
    {
        var hole = template.IndexOf(FigureHole, StringComparison.Ordinal);
        var prefix = hole < 0 ? template : template[..hole];
        var suffix = hole < 0 ? string.Empty : template[(hole + FigureHole.Length)..];
        if (prefix.Contains('{') || prefix.Contains('}') || suffix.Contains('{') || suffix.Contains('}') || (hole >= 0 && (prefix.Length == 0 || suffix.Length == 0)))
        {
            problems.Add(GrammarFile.At(at.Path, at.Line, DiagnosticCatalog.GrammarBadPattern, $"marker '{template}' may hold one {FigureHole}, with literal text on both sides"));
            return null;
        }

        return new MarkerEntry(prefix, hole >= 0, suffix, inclusive);
    }
}
