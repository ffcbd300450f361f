using System.Collections.Immutable;
using PolicyExtract.Diagnostics;

namespace PolicyExtract.Grammar;

/// <summary>
/// The whole extraction grammar, loaded and validated once, then shared read-only by every document (thread-safe:
/// nothing in it changes after <see cref="Load"/>).
/// </summary>
public sealed class PolicyGrammar
{
    public const string NumberingFile = "numbering.txt";
    public const string DocumentFile = "document.txt";
    public const string LexiconFile = "lexicon.txt";
    public const string CuesFile = "cues.txt";

    /// <summary>The sections of grammar/cues.txt; each is a word list.</summary>
    public static readonly ImmutableArray<string> CueSections =
    [
        "benefit", "grant-verb", "respectively", "beneficiary", "frequency-once", "frequency-yearly", "frequency-per-item",
        "scope-entity", "scope-project", "period-total", "unspecified", "ratio-phrase", "not-grant", "trigger-verb", "subject-verb", "preposition", "per-beneficiary", "per-period", "payer", "award-rank", "basis", "not-basis", "uncapped", "progressive", "instalment", "encourage", "demonstrative", "ratio-base", "verbless-grant", "cost", "manner", "others-pay", "organize", "appraisal", "lead-function", "term", "term-after", "term-filler", "term-not-after", "scope-quantifier", "scope-item", "subject-measure", "frequency-monthly", "trigger-opener", "recipient-opener", "trigger-aside", "trigger-continue", "reach", "list-joint", "pay-verb", "amount-standard", "amount-noun", "amount-verb", "naming-verb", "case-by-case", "no-duplicate", "case-by-case-verb", "drafting-note", "hedge", "benefit-degree", "claim-verb", "eligibility", "eligibility-alternative", "eligibility-permission", "definition", "in-kind-verb", "purpose", "subject-preposition", "procedure", "basis-phrase",
    ];

    private static readonly ImmutableHashSet<string> Levels =
        ["chapter", "part", "article", "section", "item", "subitem", "point"];

    private static readonly ImmutableHashSet<string> Statuses = ["draft", "final"];

    private PolicyGrammar(ImmutableArray<NumberingScheme> schemes, DocumentLexicon document, ImmutableHashSet<string> lexicon, ImmutableDictionary<string, ImmutableArray<string>> cues, QuantityGrammar quantities, CountGrammar counts)
    {
        Counts = counts;
        Cues = cues;
        Schemes = schemes;
        Document = document;
        Lexicon = lexicon;
        Quantities = quantities;
    }

    /// <summary>Numbering schemes ordered by rank (outermost first).</summary>
    public ImmutableArray<NumberingScheme> Schemes { get; }

    public DocumentLexicon Document { get; }

    /// <summary>Cue words of grants by section (grammar/cues.txt), each list longest first.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Cues { get; }

    /// <summary>Domain words ICU splits but the extractor keeps whole (grammar/lexicon.txt).</summary>
    public ImmutableHashSet<string> Lexicon { get; }

    /// <summary>Units, bound words, ranges and approximations of quantity mentions (units.txt, bounds.txt, ranges.txt).</summary>
    public QuantityGrammar Quantities { get; }

    /// <summary>The words of count statements (grammar/counts.txt), for the cross-document check.</summary>
    public CountGrammar Counts { get; }

    /// <summary>
    /// Loads every grammar file from <paramref name="directory"/>. Returns null and fills <paramref name="problems"/>
    /// with every bad line (as <c>grammar/numbering.txt:12: error GR002 …</c>) when anything is wrong.
    /// </summary>
    public static PolicyGrammar? Load(string directory, out ImmutableArray<Diagnostic> problems)
    {
        var found = new List<Diagnostic>();
        var schemes = LoadNumbering(Read(directory, NumberingFile, found), found);
        var document = LoadDocument(Read(directory, DocumentFile, found), found);
        var lexicon = LoadWordList(Read(directory, LexiconFile, found), "word", found);
        var cues = LoadWordSections(Read(directory, CuesFile, found), CueSections, found);
        var quantities = QuantityGrammarLoader.Load(
            Read(directory, QuantityGrammar.UnitsFile, found),
            Read(directory, QuantityGrammar.BoundsFile, found),
            Read(directory, QuantityGrammar.RangesFile, found),
            found);
        var counts = CountGrammar.Load(Read(directory, CountGrammar.File, found), Levels, found);
        problems = [.. found];
        return found.Count == 0 ? new PolicyGrammar(schemes, document, lexicon, cues, quantities, counts) : null;
    }

    /// <summary>The grammar that ships beside the executable, in <c>grammar/</c> under the application directory.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "grammar");

    private static (string Path, string Content) Read(string directory, string file, List<Diagnostic> problems)
    {
        var path = Path.Combine(directory, file);
        var display = $"grammar/{file}";
        try
        {
            return (display, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(Diagnostic.Create(DiagnosticCatalog.GrammarMissing, display, null, $"file {path} ({e.Message})"));
            return (display, string.Empty);
        }
    }

    private static ImmutableArray<NumberingScheme> LoadNumbering((string Path, string Content) file, List<Diagnostic> problems)
    {
        var schemes = new List<NumberingScheme>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var ranks = new Dictionary<int, int>();
        foreach (var line in GrammarFile.Parse(file.Path, file.Content, problems))
        {
            var f = line.Fields;
            if (line.Section is not null || f.Length < 4)
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarSyntax, "expected: name level rank template[|template...]"));
                continue;
            }

            var ok = true;
            if (!names.TryAdd(f[0], line.Line))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarDuplicate, "scheme", f[0], names[f[0]].ToString(System.Globalization.CultureInfo.InvariantCulture)));
                ok = false;
            }

            if (!Levels.Contains(f[1]))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarUnknownKey, "level", f[1]));
                ok = false;
            }

            if (!int.TryParse(f[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rank))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarSyntax, $"rank '{f[2]}' is not a whole number"));
                ok = false;
            }
            else if (!ranks.TryAdd(rank, line.Line))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarDuplicate, "rank", f[2], ranks[rank].ToString(System.Globalization.CultureInfo.InvariantCulture)));
                ok = false;
            }

            var templates = ImmutableArray.CreateBuilder<LabelTemplate>();
            foreach (var text in string.Join(' ', f.Skip(3)).Split('|', StringSplitOptions.TrimEntries))
            {
                if (ParseTemplate(text) is { } template)
                {
                    templates.Add(template);
                }
                else
                {
                    problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarBadPattern, $"template '{text}' needs exactly one of {{zh}} {{ar}} {{num}} {{circled}}"));
                    ok = false;
                }
            }

            if (ok)
            {
                schemes.Add(new NumberingScheme(f[0], f[1], rank, templates.ToImmutable(), line.Line));
            }
        }

        if (schemes.Count == 0 && file.Content.Length > 0)
        {
            problems.Add(Diagnostic.Create(DiagnosticCatalog.GrammarMissing, file.Path, null, "numbering schemes"));
        }

        return [.. schemes.OrderBy(s => s.Rank)];
    }

    private static LabelTemplate? ParseTemplate(string text)
    {
        (string Hole, NumeralHole Kind)[] holes =
        [
            ("{zh}", NumeralHole.Chinese), ("{ar}", NumeralHole.Arabic), ("{num}", NumeralHole.ChineseOrArabic), ("{circled}", NumeralHole.Circled),
        ];
        LabelTemplate? found = null;
        foreach (var (hole, kind) in holes)
        {
            var at = text.IndexOf(hole, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            if (found is not null || text.IndexOf(hole, at + hole.Length, StringComparison.Ordinal) >= 0)
            {
                return null;
            }

            found = new LabelTemplate(text[..at], kind, text[(at + hole.Length)..]);
        }

        return found is not null && !found.Prefix.Contains('{') && !found.Suffix.Contains('{') ? found : null;
    }

    /// <summary>A file that is a plain list of words, one per line, no sections.</summary>
    private static ImmutableHashSet<string> LoadWordList((string Path, string Content) file, string what, List<Diagnostic> problems)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in GrammarFile.Parse(file.Path, file.Content, problems))
        {
            if (line.Section is not null || line.Fields.Length != 1)
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarSyntax, $"expected one {what} per line"));
            }
            else if (!words.TryAdd(line.Fields[0], line.Line))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarDuplicate, what, line.Fields[0], words[line.Fields[0]].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return [.. words.Keys];
    }

    /// <summary>A file of [sections], each a list of words; every section must be known and non-empty.</summary>
    private static ImmutableDictionary<string, ImmutableArray<string>> LoadWordSections((string Path, string Content) file, ImmutableArray<string> sections, List<Diagnostic> problems)
    {
        var lists = sections.ToDictionary(s => s, _ => new List<string>(), StringComparer.Ordinal);
        var seen = new Dictionary<(string, string), int>();
        foreach (var line in GrammarFile.Parse(file.Path, file.Content, problems))
        {
            if (line.Section is null || !lists.TryGetValue(line.Section, out var list))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarUnknownKey, "section", line.Section ?? "(none)"));
            }
            else if (line.Fields.Length != 1)
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarSyntax, $"[{line.Section}] entries are one word each"));
            }
            else if (!seen.TryAdd((line.Section, line.Fields[0]), line.Line))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarDuplicate, line.Section, line.Fields[0], seen[(line.Section, line.Fields[0])].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                list.Add(line.Fields[0]);
            }
        }

        foreach (var section in sections.Where(s => lists[s].Count == 0 && file.Content.Length > 0))
        {
            problems.Add(Diagnostic.Create(DiagnosticCatalog.GrammarMissing, file.Path, null, $"section [{section}]"));
        }

        return lists.ToImmutableDictionary(
            l => l.Key,
            l => l.Value.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToImmutableArray(),
            StringComparer.Ordinal);
    }

    private static readonly string[] DocumentSections =
        ["kind", "status", "self", "closing-chapter", "effective", "publication", "interpret", "retroactive", "coverage", "organisation", "drafter", "boundary-inclusive", "boundary-exclusive", "no-duplicate", "exclusion", "header-field", "explanatory"];

    /// <summary>The fields an export header's key may fill (grammar/document.txt [header-field]).</summary>
    public static readonly ImmutableArray<string> HeaderFieldNames = ["number", "issued", "issuer", "title", "other"];

    private static DocumentLexicon LoadDocument((string Path, string Content) file, List<Diagnostic> problems)
    {
        var entries = DocumentSections.ToDictionary(s => s, _ => new List<KeyValuePair<string, string>>(), StringComparer.Ordinal);
        var seen = new Dictionary<(string, string), int>();
        foreach (var line in GrammarFile.Parse(file.Path, file.Content, problems))
        {
            if (line.Section is null || !entries.TryGetValue(line.Section, out var list))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarUnknownKey, "section", line.Section ?? "(none)"));
                continue;
            }

            var valued = line.Section is "kind" or "status" or "header-field";
            var f = line.Fields;
            if (f.Length != (valued ? 2 : 1))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarSyntax, valued ? $"[{line.Section}] entries are: word value" : $"[{line.Section}] entries are one word each"));
                continue;
            }

            if (line.Section == "status" && !Statuses.Contains(f[1]))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarUnknownKey, "status", f[1]));
                continue;
            }

            if (line.Section == "header-field" && !HeaderFieldNames.Contains(f[1]))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarUnknownKey, "header field", f[1]));
                continue;
            }

            if (line.Section == "kind" && !f[1].Split('-').All(word => word.Length > 0 && word.All(c => c is >= 'a' and <= 'z')))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarSyntax, $"kind '{f[1]}' must be lower-case words joined by '-'"));
                continue;
            }

            if (!seen.TryAdd((line.Section, f[0]), line.Line))
            {
                problems.Add(GrammarFile.At(file.Path, line.Line, DiagnosticCatalog.GrammarDuplicate, line.Section, f[0], seen[(line.Section, f[0])].ToString(System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            list.Add(new(f[0], valued ? f[1] : f[0]));
        }

        foreach (var section in DocumentSections)
        {
            if (entries[section].Count == 0 && file.Content.Length > 0)
            {
                problems.Add(Diagnostic.Create(DiagnosticCatalog.GrammarMissing, file.Path, null, $"section [{section}]"));
            }
        }

        ImmutableArray<KeyValuePair<string, string>> Table(string s) =>
            [.. entries[s].OrderByDescending(e => e.Key.Length).ThenBy(e => e.Key, StringComparer.Ordinal)];
        ImmutableArray<string> Words(string s) => [.. Table(s).Select(e => e.Key)];

        return new DocumentLexicon(
            Table("kind"), Table("status"), Words("self"), Words("closing-chapter"), Words("effective"),
            Words("publication"), Words("interpret"), Words("retroactive"), Words("coverage"), Words("organisation"), Words("drafter"),
            Words("boundary-inclusive"), Words("boundary-exclusive"), Words("no-duplicate"), Words("exclusion"), Table("header-field"), Words("explanatory"));
    }
}
