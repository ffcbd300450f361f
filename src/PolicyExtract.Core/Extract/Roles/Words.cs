using System.Collections.Immutable;

namespace PolicyExtract.Extract.Roles;

/// <summary>Where the readers' cue words stand in a piece of text.</summary>
internal static class Words
{
    /// <summary>The first of <paramref name="words"/> that <paramref name="text"/> starts with, or null.</summary>
    public static string? StartOf(ReadOnlySpan<char> text, ImmutableArray<string> words)
    {
        foreach (var word in words)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>A CJK unified ideograph: a character of a Chinese word, not a digit, letter or punctuation.</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    /// <summary>The first of <paramref name="words"/> that <paramref name="text"/> ends with, or null.</summary>
    public static string? EndOf(ReadOnlySpan<char> text, ImmutableArray<string> words)
    {
        foreach (var word in words)
        {
            if (text.EndsWith(word, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> ends with one of <paramref name="words"/>.</summary>
    public static bool EndsWithAny(string text, ImmutableArray<string> words) => EndOf(text, words) is not null;

    /// <summary>Whether <paramref name="text"/> holds one of <paramref name="words"/>.</summary>
    public static bool ContainsAny(string text, ImmutableArray<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
