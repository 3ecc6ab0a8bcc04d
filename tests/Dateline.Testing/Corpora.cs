using Xunit;

namespace Dateline.Testing;

/// <summary>
/// Access to third-party data in ../shared. A test that needs it skips when the folder is absent, and fails instead
/// when DATELINE_REQUIRE_CORPORA=1 (set by CI), so a missing corpus can never pass silently there.
/// </summary>
public static class Corpora
{
    public static bool Required => Environment.GetEnvironmentVariable("DATELINE_REQUIRE_CORPORA") == "1";

    /// <summary>The canonical seed article.</summary>
    public static string SeedArticle => Require(Path.Combine("seed", "000_b66959c7f5a1448a.txt"));

    public static string SeedFolder => Require("seed");

    /// <summary>Full path of <paramref name="relative"/> under ../shared; skips (or fails when required) if it is missing.</summary>
    public static string Require(string relative)
    {
        var path = Path.Combine(RepoPaths.Shared, relative);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        if (Required)
        {
            Assert.Fail($"DATELINE_REQUIRE_CORPORA=1 but {path} is missing");
        }

        Assert.Skip($"{path} is not present (tests that need ../shared skip without it)");
        return path;
    }
}
