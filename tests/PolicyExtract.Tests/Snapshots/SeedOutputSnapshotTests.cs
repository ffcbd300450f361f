using Snapshooter;
using Snapshooter.Xunit;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Snapshots;

/// <summary>
/// The full output of every seed, exactly as the README's main command writes it, as reviewed snapshots
/// (__snapshots__/ beside this file): any change to extraction shows up in review as a diff of these files. Snapshots
/// say what changed; whether it is right is for the curated expectations (Specs/Seeds/) to say. To accept a change on
/// purpose, see the README (Tests, snapshots).
/// </summary>
public sealed class SeedOutputSnapshotTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Outputs = new(() =>
    {
        var output = Directory.CreateTempSubdirectory("policyextract-snap-");
        try
        {
            // One run over the folder, as the README runs it, so the drafting notes carry the id of the policy they explain.
            var run = CliProcess.Invoke(Repo.Root, "extract", "seeds", "--out", output.FullName);
            Assert.True(run.ExitCode == 0, run.Stderr);
            return Directory.GetFiles(output.FullName, "*.json").ToDictionary(f => Path.GetFileName(f)[..3], File.ReadAllText);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    });

    public static TheoryData<string> Seeds => new(Repo.SeedNumbers);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_output(string seed) => Outputs.Value[seed].MatchSnapshot(SnapshotNameExtension.Create(seed));
}
