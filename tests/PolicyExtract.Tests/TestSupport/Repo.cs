using PolicyExtract.Grammar;
using PolicyExtract.Pipeline;

namespace PolicyExtract.Tests.TestSupport;

/// <summary>Paths in the repository, found by walking up from the test binaries to the folder with PolicyExtract.sln.</summary>
public static class Repo
{
    private static readonly Lazy<PolicyGrammar> LazyGrammar = new(() =>
        PolicyGrammar.Load(GrammarDirectory, out var problems) ?? throw new InvalidOperationException(string.Join('\n', problems)));

    private static readonly Lazy<PolicyPipeline> LazyPipeline = new(() => new PolicyPipeline(Grammar));

    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string GrammarDirectory => Path.Combine(Root, "grammar");

    public static string Specs => Path.Combine(Root, "tests", "PolicyExtract.Tests", "Specs");

    /// <summary>The grammar of the repository, loaded once for all tests.</summary>
    public static PolicyGrammar Grammar => LazyGrammar.Value;

    public static PolicyPipeline Pipeline => LazyPipeline.Value;

    /// <summary>The seed whose file name starts with <paramref name="number"/> ("000").</summary>
    public static string Seed(string number) => Directory.GetFiles(Seeds, number + "_*").Single();

    public static IEnumerable<string> SeedNumbers => Directory.GetFiles(Seeds).Select(f => Path.GetFileName(f)[..3]).Order(StringComparer.Ordinal);

    /// <summary>Runs the pipeline on a seed, named as the README's command names it (seeds/…).</summary>
    public static ExtractionResult ExtractSeed(string number)
    {
        var path = Seed(number);
        return Pipeline.ProcessFile(path, "seeds/" + Path.GetFileName(path));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyExtract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyExtract.sln not found above " + AppContext.BaseDirectory);
    }
}
