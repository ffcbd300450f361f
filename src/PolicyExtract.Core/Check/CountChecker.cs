using System.Collections.Immutable;
using System.Globalization;
using PolicyExtract.Grammar;
using PolicyExtract.Output;
using PolicyExtract.Structure;

namespace PolicyExtract.Check;

public enum CountVerdict
{
    Agrees,
    Disagrees,

    /// <summary>The statement's subject could not be found (the explained policy is not among the inputs, no part has the name).</summary>
    Unresolved,
}

/// <summary>
/// One statement checked: what it says (<see cref="Statement"/>, in document <see cref="DocumentId"/> read from
/// <see cref="File"/>), what it was taken to describe (<see cref="Subject"/>, in <see cref="TargetId"/>), the counts
/// found there in the same order (<see cref="Actual"/>; empty when unresolved) and the verdict.
/// </summary>
public sealed record CountCheck(
    string File,
    string DocumentId,
    CountStatement Statement,
    string? TargetId,
    string Subject,
    ImmutableArray<int> Actual,
    CountVerdict Verdict);

/// <summary>
/// Checks every count statement of a set of documents against the clause trees they describe. A drafting note or
/// interpretation describes the policy it explains (<c>document.explains.documentId</c>); any other document describes
/// itself. How each subject is counted:
/// <list type="bullet">
/// <item>a part (named 附则, or the part whose title is the title of the note's own section, or 本章 / 以下): its direct
/// sub-clauses;</item>
/// <item>a whole document's parts: its top-level clauses, less closing ones (附则, 其他 … in grammar/document.txt
/// [closing-chapter], and unnumbered closing paragraphs);</item>
/// <item>a whole document's clauses: the direct sub-clauses of those parts (a document without parts: its top-level
/// clauses, less closing ones); 分别 lists: part by part, in order.</item>
/// </list>
/// Thread-safe.
/// </summary>
public sealed class CountChecker(PolicyGrammar grammar)
{
    private readonly CountStatementFinder _finder = new(grammar.Counts, grammar.Document.SelfReferences);

    /// <param name="documents">The documents, each with the file it was read from, as the batch linked them.</param>
    public ImmutableArray<CountCheck> Check(IReadOnlyList<(string File, PolicyDocument Document)> documents)
    {
        var byId = documents.GroupBy(d => d.Document.Document.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Document, StringComparer.Ordinal);
        var checks = ImmutableArray.CreateBuilder<CountCheck>();
        foreach (var (file, document) in documents)
        {
            var explanatory = document.Document.Kind is { } kind && grammar.Document.ExplanatoryKinds.Contains(kind);
            var all = document.Clauses.SelectMany(c => c.DescendantsAndSelf()).ToList();
            foreach (var clause in all)
            {
                foreach (var statement in _finder.Find(clause, explanatory))
                {
                    checks.Add(CheckOne(file, document, explanatory, byId, statement));
                }
            }
        }

        return checks.ToImmutable();
    }

    /// <summary>The statements of one document, for tests and for reading what a document claims.</summary>
    public ImmutableArray<CountStatement> Statements(PolicyDocument document)
    {
        var explanatory = document.Document.Kind is { } kind && grammar.Document.ExplanatoryKinds.Contains(kind);
        return [.. document.Clauses.SelectMany(c => c.DescendantsAndSelf()).SelectMany(c => _finder.Find(c, explanatory))];
    }

    private CountCheck CheckOne(string file, PolicyDocument document, bool explanatory, Dictionary<string, PolicyDocument> byId, CountStatement s)
    {
        var id = document.Document.Id;
        CountCheck Result(string? targetId, string subject, ImmutableArray<int> actual) =>
            new(file, id, s, targetId, subject, actual, actual.IsEmpty ? CountVerdict.Unresolved : actual.SequenceEqual(s.Counts) ? CountVerdict.Agrees : CountVerdict.Disagrees);

        var own = Paths(document);
        if (s.Subject is CountSubject.Self or CountSubject.Following)
        {
            var clause = own[s.Clause];
            if (s.Subject == CountSubject.Self)
            {
                clause = Ancestors(document, s.Clause).FirstOrDefault(c => s.SelfLevels.Contains(c.Level));
            }

            return clause is null || (s.Subject == CountSubject.Following && clause.Children.IsEmpty)
                ? Result(id, $"the clause {s.SubjectWord} refers to", [])
                : Result(id, Describe(clause), [clause.Children.Length]);
        }

        // The statement describes the explained policy, or its own document.
        PolicyDocument? target = document;
        if (explanatory)
        {
            target = document.Document.Explains?.DocumentId is { } explained ? byId.GetValueOrDefault(explained) : null;
            if (target is null)
            {
                return Result(null, "《" + (document.Document.Explains?.Title ?? "?") + "》, which is not among the inputs", []);
            }
        }

        var targetId = target.Document.Id;
        var parts = target.Clauses.Where(c => !IsClosing(c)).ToList();
        Clause? part = null;
        if (s.Subject == CountSubject.PartName)
        {
            part = target.Clauses.SelectMany(c => c.DescendantsAndSelf()).FirstOrDefault(c => c.Title is { } t && Key(t) == Key(s.SubjectWord!));
            if (part is null)
            {
                return Result(targetId, $"a part titled {s.SubjectWord} of {targetId}", []);
            }
        }
        else if (explanatory)
        {
            // A drafting note's section titled like a part of the policy speaks about that part.
            var titles = Ancestors(document, s.Clause).Select(c => c.Title).OfType<string>().Select(Key).ToList();
            part = target.Clauses.SelectMany(c => c.DescendantsAndSelf()).FirstOrDefault(c => c.Title is { } t && titles.Contains(Key(t)));
        }

        if (part is not null)
        {
            return Result(targetId, $"{Describe(part)} of {targetId}", [part.Children.Length]);
        }

        if (s.Thing == CountedThing.Parts)
        {
            return Result(targetId, $"{targetId} (parts, not counting closing ones)", [parts.Count]);
        }

        var hasParts = parts.Any(p => !p.Children.IsEmpty);
        if (s.Counts.Length > 1)
        {
            return Result(targetId, $"{targetId} (the clauses of each part, in order)", [.. parts.Select(p => p.Children.Length)]);
        }

        return Result(targetId, hasParts ? $"{targetId} (the clauses of its parts, not counting closing ones)" : $"{targetId} (its clauses, not counting closing ones)", [hasParts ? parts.Sum(p => p.Children.Length) : parts.Count]);
    }

    private bool IsClosing(Clause c) =>
        c.Path.StartsWith("closing.", StringComparison.Ordinal) || (c.Title is { } t && grammar.Document.ClosingChapters.Contains(t));

    private static Dictionary<string, Clause> Paths(PolicyDocument d) =>
        d.Clauses.SelectMany(c => c.DescendantsAndSelf()).GroupBy(c => c.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The clause at <paramref name="path"/> and the clauses above it, nearest first.</summary>
    private static IEnumerable<Clause> Ancestors(PolicyDocument d, string path)
    {
        var chain = new List<Clause>();
        bool Walk(Clause c)
        {
            chain.Add(c);
            if (c.Path == path || c.Children.Any(Walk))
            {
                return true;
            }

            chain.RemoveAt(chain.Count - 1);
            return false;
        }

        return d.Clauses.Any(Walk) ? Enumerable.Reverse(chain) : [];
    }

    private static string Describe(Clause c) =>
        string.Create(CultureInfo.InvariantCulture, $"clause {c.Path} {c.Label}{c.Title}");

    /// <summary>Titles compared without spaces and the full stop a heading may end with.</summary>
    private static string Key(string title) => string.Concat(title.Where(ch => !char.IsWhiteSpace(ch))).TrimEnd('。', '.');
}
