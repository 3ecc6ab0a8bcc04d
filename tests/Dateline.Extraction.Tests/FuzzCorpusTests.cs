using Dateline.Fuzz;
using Dateline.Testing;

namespace Dateline.Extraction.Tests;

/// <summary>
/// The smoke run of the fuzzing harness (fuzz/README.md): every input in <c>fuzz/corpus/TARGET</c> — the seeds and what
/// AFL++ found — goes through its reader as the fuzzer sends it, and none may throw. A crash the fuzzer finds is fixed
/// with its input kept there, so this is also its regression test.
/// </summary>
public sealed class FuzzCorpusTests
{
    public static TheoryData<string> Targets() => [.. FuzzTargetNames.All];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_corpus_input_is_read_without_an_exception(string target)
    {
        var folder = RepoPaths.InRepo("fuzz", "corpus", target);
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
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
