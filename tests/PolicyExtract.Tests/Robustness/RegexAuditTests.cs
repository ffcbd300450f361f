using System.Reflection;
using System.Text.RegularExpressions;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Robustness;

/// <summary>
/// Every regular expression in the product is bounded: <see cref="RegexOptions.NonBacktracking"/> (linear in the input)
/// or a match timeout. The grammar files hold no patterns (labels, cues and units are literal text matched by code), so
/// the product's own regexes are all there are; this keeps it so.
/// </summary>
public sealed class RegexAuditTests
{
    private static bool Bounded(Regex regex) =>
        regex.Options.HasFlag(RegexOptions.NonBacktracking) || regex.MatchTimeout != Regex.InfiniteMatchTimeout;

    public static TheoryData<string> ProductAssemblies => new(["PolicyExtract.Core", "policyextract"]);

    [Theory]
    [MemberData(nameof(ProductAssemblies))]
    public void Every_regex_the_product_builds_is_non_backtracking_or_timed(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var found = new List<string>();
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            // [GeneratedRegex] methods and cached Regex fields and properties.
            foreach (var method in type.GetMethods(All).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.IsSpecialName))
            {
                var regex = (Regex)method.Invoke(null, null)!;
                found.Add($"{type.FullName}.{method.Name}");
                Assert.True(Bounded(regex), $"{type.FullName}.{method.Name}() = /{regex}/ can backtrack without a timeout");
            }

            foreach (var field in type.GetFields(All).Where(f => f.FieldType == typeof(Regex)))
            {
                if (field.GetValue(null) is Regex regex)
                {
                    found.Add($"{type.FullName}.{field.Name}");
                    Assert.True(Bounded(regex), $"{type.FullName}.{field.Name} = /{regex}/ can backtrack without a timeout");
                }
            }
        }

        if (assemblyName == "PolicyExtract.Core")
        {
            // The four there are today; a new one is checked above, this only proves the reflection finds them.
            Assert.Contains(found, f => f.EndsWith(".Residue", StringComparison.Ordinal));
            Assert.True(found.Count >= 4, string.Join(", ", found));
        }
    }

    /// <summary>Regexes built on the fly (new Regex, Regex.IsMatch(text, pattern)) escape the reflection above.</summary>
    [Fact]
    public void The_source_builds_no_regex_on_the_fly_and_every_generated_one_is_non_backtracking()
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var where = $"{Path.GetRelativePath(Repo.Root, file)}:{i + 1}";
                if (line.Contains("new Regex(", StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(line, @"\bRegex\.(IsMatch|Match|Matches|Replace|Split|Count|EnumerateMatches)\(", RegexOptions.NonBacktracking))
                {
                    problems.Add($"{where}: builds a regex at run time; use [GeneratedRegex(..., RegexOptions.NonBacktracking)]");
                }

                if (line.Contains("[GeneratedRegex(", StringComparison.Ordinal) && !line.Contains("RegexOptions.NonBacktracking", StringComparison.Ordinal))
                {
                    problems.Add($"{where}: [GeneratedRegex] without RegexOptions.NonBacktracking");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_grammar_files_hold_no_regular_expressions_only_literal_templates()
    {
        // Numbering templates have holes ({zh}, {ar}, {num}, {circled}) filled by code, never a pattern language.
        Assert.All(Repo.Grammar.Schemes.SelectMany(s => s.Templates), t =>
            Assert.DoesNotContain(t.Prefix + t.Suffix, c => c is '*' or '+' or '?' or '[' or '\\' or '|' or '^' or '$'));
    }
}
