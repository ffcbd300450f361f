using System.Collections.Immutable;

namespace PolicyExtract.Grammar;

/// <summary>
/// The document-level cue words of <c>grammar/document.txt</c>, one list per section. Lists are sorted longest
/// first so that a scan that takes the first hit takes the longest one (实施办法 before 办法).
/// </summary>
public sealed record DocumentLexicon(
    ImmutableArray<KeyValuePair<string, string>> Kinds,
    ImmutableArray<KeyValuePair<string, string>> Statuses,
    ImmutableArray<string> SelfReferences,
    ImmutableArray<string> ClosingChapters,
    ImmutableArray<string> EffectiveVerbs,
    ImmutableArray<string> PublicationCues,
    ImmutableArray<string> InterpretCues,
    ImmutableArray<string> RetroactiveCues,
    ImmutableArray<string> CoverageCues,
    ImmutableArray<string> OrganisationEndings,
    ImmutableArray<string> DrafterCues,
    ImmutableArray<string> BoundaryInclusiveCues,
    ImmutableArray<string> BoundaryExclusiveCues,
    ImmutableArray<string> NoDuplicateCues,
    ImmutableArray<string> ExclusionCues,
    ImmutableArray<KeyValuePair<string, string>> HeaderFields,
    ImmutableArray<string> ExplanatoryKinds)
{
    /// <summary>The value of the longest key that <paramref name="text"/> ends with, or null.</summary>
    public static string? EndingValue(ImmutableArray<KeyValuePair<string, string>> table, string text)
    {
        foreach (var (key, value) in table)
        {
            if (text.EndsWith(key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The longest entry of <paramref name="words"/> that occurs in <paramref name="text"/>, or null.</summary>
    public static string? FirstContained(ImmutableArray<string> words, string text)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }
}
