using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Tests;

/// <summary>Every fixture in Fixtures/dumps and Fixtures/html extracts to exactly its .expected.json.</summary>
public sealed class FixtureTests
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var dir in new[] { "dumps", "html" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(FixtureRoot, dir)).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Order())
            {
                data.Add(Path.Combine(dir, Path.GetFileName(file)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Extracts_fixture_as_expected(string fixture)
    {
        var path = Path.Combine(FixtureRoot, fixture);
        var outcomes = new ArticleExtractor().ReadFile(path, TestContext.Current.CancellationToken).ToList();
        var outcome = Assert.Single(outcomes);
        Assert.Null(outcome.Problem);
        var expected = FixtureExpectation.Load(Path.ChangeExtension(path, null) + ".expected.json");
        expected.AssertMatches(outcome.Article!, fixture);
    }

    [Fact]
    public void Jsonl_fixture_yields_one_outcome_per_line_and_reports_the_broken_line()
    {
        var path = Path.Combine(FixtureRoot, "jsonl", "mixed.jsonl");
        var outcomes = new ArticleExtractor().ReadFile(path, TestContext.Current.CancellationToken).ToList();
        var expected = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureRoot, "jsonl", "mixed.expected.json")))
            .RootElement.EnumerateArray().ToList();
        Assert.Equal(expected.Count, outcomes.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].TryGetProperty("error", out _))
            {
                Assert.NotNull(outcomes[i].Problem);
                Assert.Contains($"line {i + 1}", outcomes[i].Problem!.Record, StringComparison.Ordinal);
                Assert.Equal(path, outcomes[i].Problem!.Path);
            }
            else
            {
                Assert.Null(outcomes[i].Problem);
                new FixtureExpectation(expected[i]).AssertMatches(outcomes[i].Article!, $"mixed.jsonl line {i + 1}");
                Assert.NotNull(outcomes[i].Article!.Origin.Offset);
            }
        }
    }

    [Fact]
    public void Crlf_and_bom_dump_extracts_the_same_article_as_its_lf_twin()
    {
        var extractor = new ArticleExtractor();
        var lf = extractor.ReadFile(Path.Combine(FixtureRoot, "dumps", "full.txt"), TestContext.Current.CancellationToken).Single().Article!;
        var crlf = extractor.ReadFile(Path.Combine(FixtureRoot, "dumps", "crlf.txt"), TestContext.Current.CancellationToken).Single().Article!;
        Assert.Equal(lf.Paragraphs, crlf.Paragraphs);
        Assert.Equal(lf.Title, crlf.Title);
        Assert.Equal(lf.Id, crlf.Id);
    }
}
