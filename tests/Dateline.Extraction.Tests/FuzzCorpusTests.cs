using Dateline.Fuzz;
using Dateline.Testing;

namespace Dateline.Extraction.Tests;

/// <summary>
/// The smoke run of the fuzzing harness (fuzz/README.md): every input in <c>fuzz/corpus/TARGET</c> — the seeds, what
/// AFL++ found — and the test fixtures fuzz/seeds.tsv lists for the target go through its reader as the fuzzer sends
/// them, and none may throw. A crash the fuzzer finds is fixed
/// with its input kept there, so this is also its regression test.
/// </summary>
public sealed class FuzzCorpusTests
{
    public static TheoryData<string> Targets() => [.. FuzzTargetNames.All];

    [Fact]
    public void Every_target_has_a_line_in_the_seed_list() =>
        Assert.Equal(FuzzTargetNames.All.Order(StringComparer.Ordinal), SeedLines().Select(l => l[0]).Order(StringComparer.Ordinal));

    /// <summary>The fixture folders fuzz/seeds.tsv gives the target as extra seeds (run.sh reads the same file).</summary>
    private static List<string> SeedFolders(string target) =>
        [.. SeedLines().Where(l => l[0] == target).SelectMany(l => l.Length > 1 ? l[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : [])
            .Select(f => RepoPaths.InRepo(f.Split('/')))];

    private static IEnumerable<string[]> SeedLines() =>
        File.ReadLines(RepoPaths.InRepo("fuzz", "seeds.tsv")).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'));

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_corpus_input_is_read_without_an_exception(string target)
    {
        var folder = RepoPaths.InRepo("fuzz", "corpus", target);
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var seedFolders = SeedFolders(target);
        Assert.All(seedFolders, f => Assert.True(Directory.Exists(f), $"fuzz/seeds.tsv names {f}, which does not exist"));
        files.AddRange(seedFolders.SelectMany(Directory.GetFiles).Order(StringComparer.Ordinal));
        var run = FuzzTargets.All[target];
        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                run(File.ReadAllBytes(file));
            }
            catch (Exception ex)
            {
                failures.Add($"{Path.GetFileName(file)}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
