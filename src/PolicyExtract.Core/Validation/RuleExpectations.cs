using System.Collections.Immutable;
using System.Globalization;

namespace PolicyExtract.Validation;

/// <summary>One field of an expected rule, in canonical form (see <see cref="RuleFields"/>), and the line it was read from.</summary>
public sealed record ExpectedField(string Name, string Value, int Line);

/// <summary>A rule a curator read in the document: its clause, the sentence it came from and the fields that are checked.</summary>
public sealed record ExpectedRule(string Clause, string Source, int Line, ImmutableArray<ExpectedField> Fields)
{
    public IEnumerable<ExpectedField> All(string name) => Fields.Where(f => f.Name == name);

    public ExpectedField? One(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>
/// A document's curated rules (<c>tests/…/Specs/Seeds/NNN.rules.txt</c>; the format is described in RULES-FORMAT.md next
/// to them). <see cref="Complete"/>: every rule is listed, so an extracted rule that matches none is an error.
/// </summary>
public sealed record RuleExpectations(string Path, bool Complete, ImmutableArray<ExpectedRule> Rules)
{
    private static readonly string[] RequiredWhenComplete = ["trigger", "beneficiary", "benefit", "frequency", "amount"];

    /// <summary>Reads an expectations file; every mistake in it is an <see cref="ExpectationsFormatException"/> naming file and line.</summary>
    public static RuleExpectations Parse(string text, string path)
    {
        var rules = ImmutableArray.CreateBuilder<ExpectedRule>();
        var complete = false;
        string? clause = null;
        string? source = null;
        var ruleLine = 0;
        var fields = new List<ExpectedField>();

        void Close()
        {
            if (clause is null)
            {
                return;
            }

            if (source is null)
            {
                throw Error(path, ruleLine, "a rule needs its '>' source line");
            }

            if (complete && RequiredWhenComplete.FirstOrDefault(r => fields.All(f => f.Name != r)) is { } missing)
            {
                throw Error(path, ruleLine, $"a complete file names every rule's '{missing}'");
            }

            rules.Add(new ExpectedRule(clause, source, ruleLine, [.. fields]));
            clause = null;
            source = null;
            fields.Clear();
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var raw = lines[i];
            var content = raw.Trim();
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            var indented = raw.Length > 0 && char.IsWhiteSpace(raw[0]);
            if (!indented)
            {
                Close();
                var (keyword, rest) = Split(content);
                switch (keyword)
                {
                    case "complete" when rest.Length == 0:
                        if (rules.Count > 0)
                        {
                            throw Error(path, lineNumber, "'complete' belongs before the first rule");
                        }

                        complete = true;
                        break;
                    case "rule" when rest.Length > 0 && !rest.Contains(' ', StringComparison.Ordinal):
                        clause = rest;
                        ruleLine = lineNumber;
                        break;
                    default:
                        throw Error(path, lineNumber, $"expected 'complete' or 'rule <clause path>', found '{content}'");
                }

                continue;
            }

            if (clause is null)
            {
                throw Error(path, lineNumber, "an indented line belongs to a rule; start one with 'rule <clause path>'");
            }

            if (content.StartsWith('>'))
            {
                if (source is not null)
                {
                    throw Error(path, lineNumber, "a rule has one '>' source line");
                }

                source = content[1..].Trim();
                continue;
            }

            var (name, value) = Split(content);
            if (!RuleFields.Names.Contains(name))
            {
                throw Error(path, lineNumber, $"unknown field '{name}'; known: {string.Join(", ", RuleFields.Names)}");
            }

            if (!RuleFields.Repeatable.Contains(name) && fields.Any(f => f.Name == name))
            {
                throw Error(path, lineNumber, $"'{name}' is given twice for this rule");
            }

            string canonical;
            try
            {
                canonical = RuleFields.Canonical(name, value);
            }
            catch (FormatException e)
            {
                throw Error(path, lineNumber, e.Message);
            }

            fields.Add(new ExpectedField(name, canonical, lineNumber));
        }

        Close();
        return new RuleExpectations(path, complete, rules.ToImmutable());
    }

    private static (string Keyword, string Remainder) Split(string content)
    {
        var space = content.IndexOfAny([' ', '\t']);
        return space < 0 ? (content, "") : (content[..space], content[(space + 1)..].Trim());
    }

    private static ExpectationsFormatException Error(string path, int line, string message) => SpecLines.Error(path, line, message);
}
