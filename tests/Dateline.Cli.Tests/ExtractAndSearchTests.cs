using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary>The issue-2 bars, through the real executable.</summary>
[Trait("issue", "2")]
public sealed class ExtractAndSearchTests
{
    [Fact]
    public async Task Issue_2_extract_seed_as_jsonl_gives_the_listed_facts()
    {
        var seed = Corpora.SeedArticle;
        using var tmp = new TempFolder();
        var r = await Cli.RunAsync(tmp.Path, "extract", seed, "--format", "jsonl");
        Assert.True(r.ExitCode == 0, r.ToString());
        var line = Assert.Single(r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var a = JsonDocument.Parse(line).RootElement;
        Assert.Equal("Japan Today", a.GetProperty("source").GetString());
        Assert.Equal("2025-06-04", a.GetProperty("published").GetString());
        Assert.Equal("politics", a.GetProperty("section").GetString());
        Assert.Equal("Ishiba expresses hope for stable ties with S Korea under Lee", a.GetProperty("title").GetString());
        Assert.Equal("TOKYO", a.GetProperty("dateline").GetString());
        Assert.Equal("Kyodo", a.GetProperty("wire").GetString());
        Assert.Equal(1, a.GetProperty("comment_count").GetInt32());
        var image = Assert.Single(a.GetProperty("images").EnumerateArray());
        Assert.Equal("Japanese PM Ishiba", image.GetProperty("alt").GetString());
        Assert.Equal("Japanese Prime Minister Shigeru Ishiba speaks to reporters at his office in Tokyo on Wednesday.", image.GetProperty("caption").GetString());
        Assert.Equal("Kyodo", image.GetProperty("credit").GetString());
        var paragraphs = a.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(10, paragraphs.Count);
        Assert.StartsWith("Japanese Prime Minister Shigeru Ishiba on Wednesday expressed hope", paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("the top government spokesman said.", paragraphs[^1], StringComparison.Ordinal);
        var body = a.GetProperty("body").GetString()!;
        foreach (var furniture in new[] { "Japanese PM Ishiba\n", "Image: Kyodo", "1 Comment", "© KYODO", "TOKYO\n" })
        {
            Assert.DoesNotContain(furniture, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Issue_2_after_ingesting_seed_and_samples_the_phrase_search_ranks_the_seed_first()
    {
        var seed = Corpora.SeedFolder;
        using var tmp = new TempFolder();
        var ingest = await Cli.RunAsync(tmp.Path, "ingest", seed, RepoPaths.Samples);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());

        var r = await Cli.RunAsync(tmp.Path, "search", "\"shuttle diplomacy\"", "--format", "json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        var first = json.GetProperty("results")[0];
        Assert.Equal("Ishiba expresses hope for stable ties with S Korea under Lee", first.GetProperty("title").GetString());
        Assert.Contains("shuttle diplomacy", first.GetProperty("snippet").GetString()!, StringComparison.Ordinal);
        foreach (var field in new[] { "id", "title", "source", "published", "snippet", "score" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"result lacks '{field}'");
        }

        var stats = JsonDocument.Parse((await Cli.RunAsync(tmp.Path, "stats", "--format", "json")).Stdout).RootElement;
        Assert.True(stats.GetProperty("articles").GetInt64() >= 31, "seed + at least 30 samples");
    }

    [Fact]
    public async Task Search_table_output_lists_hits_and_the_understood_query()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "ingest", RepoPaths.Samples)).ExitCode);
        var r = await Cli.RunAsync(tmp.Path, "search", "summit talks OR sanctions", "--limit", "3");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("(summit AND talks) OR sanctions", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"3 of \d+ match", r.Stdout);
    }

    [Fact]
    [Trait("issue", "16")]
    public async Task Search_sort_date_lists_newest_first_undated_last_and_sort_takes_only_relevance_or_date()
    {
        using var tmp = new TempFolder();
        var input = Path.Combine(tmp.Path, "kelp.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"url": "https://example.org/k1", "title": "Kelp kelp kelp", "text": "The kelp festival served kelp in every dish.", "published": "2025-06-02", "source": "Coast Wire"}""",
            """{"url": "https://example.org/k2", "title": "Prices fall", "text": "Kelp prices fell for a third week.", "published": "2025-06-09", "source": "Coast Wire"}""",
            """{"url": "https://example.org/k3", "title": "A study of the shore", "text": "Researchers counted kelp along the shore.", "source": "Island Herald"}""",
            """{"url": "https://example.org/k4", "title": "Harvest by boat", "text": "Divers brought in the kelp harvest by boat.", "published": "2025-05-30", "source": "Bay Times"}""",
        ], TestContext.Current.CancellationToken);
        var ingest = await Cli.RunAsync(tmp.Path, "ingest", input);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());

        string[] Titles(Cli.Result r) => [.. JsonDocument.Parse(r.Stdout).RootElement.GetProperty("results").EnumerateArray().Select(h => h.GetProperty("title").GetString()!)];
        var byDate = await Cli.RunAsync(tmp.Path, "search", "kelp", "--sort", "date", "--format", "json");
        Assert.True(byDate.ExitCode == 0, byDate.ToString());
        Assert.Equal(["Prices fall", "Kelp kelp kelp", "Harvest by boat", "A study of the shore"], Titles(byDate));
        Assert.Equal("date", JsonDocument.Parse(byDate.Stdout).RootElement.GetProperty("sort").GetString());
        Assert.Equal("Kelp kelp kelp", Titles(await Cli.RunAsync(tmp.Path, "search", "kelp", "--format", "json"))[0]); // relevance by default

        var table = await Cli.RunAsync(tmp.Path, "search", "kelp", "--sort", "date");
        Assert.Contains("newest first (undated last)", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, (await Cli.RunAsync(tmp.Path, "search", "kelp", "--sort", "newest")).ExitCode);
    }

    [Fact]
    [Trait("issue", "4")]
    public async Task Ingest_annotates_and_show_returns_the_layers()
    {
        var seed = Corpora.SeedFolder;
        using var tmp = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "ingest", seed)).ExitCode);
        var id = JsonDocument.Parse((await Cli.RunAsync(tmp.Path, "export")).Stdout.Split('\n')[0]).RootElement.GetProperty("id").GetString()!;
        var shown = await Cli.RunAsync(tmp.Path, "show", id, "--format", "json");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        var annotations = JsonDocument.Parse(shown.Stdout).RootElement.GetProperty("annotations");
        var ishiba = annotations.GetProperty("actors").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Shigeru Ishiba");
        Assert.Equal("JPNGOV", ishiba.GetProperty("code").GetString());
        Assert.True(annotations.GetProperty("sentences").GetArrayLength() >= 10);
    }
}
