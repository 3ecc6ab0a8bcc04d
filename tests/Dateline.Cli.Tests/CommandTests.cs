using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary>Exit codes, show, export and stats through the real executable.</summary>
public sealed class CommandTests
{
    [Theory]
    [InlineData(new[] { "ingest" }, 2)]                                  // missing argument
    [InlineData(new[] { "search", "x", "--bogus" }, 2)]                 // unknown option
    [InlineData(new[] { "search", "(unclosed" }, 2)]                    // bad query
    [InlineData(new[] { "search", "x", "--from", "June" }, 2)]          // bad date
    [InlineData(new[] { "extract", "x", "--format", "yaml" }, 2)]       // bad format
    [InlineData(new[] { "show", "0000000000000000" }, 1)]               // not found
    [InlineData(new[] { "ingest", "x", "--max-memory", "12XB" }, 2)]    // not a size
    [InlineData(new[] { "ingest", "x", "--analysis-limit", "0" }, 2)]   // not a limit
    public async Task Exit_codes_follow_the_documented_table(string[] args, int code)
    {
        using var tmp = new TempFolder();
        var r = await Cli.RunAsync(tmp.Path, args);
        Assert.True(r.ExitCode == code, r.ToString());
        Assert.NotEmpty(r.Stderr);
    }

    [Fact]
    public async Task An_article_longer_than_the_analysis_limit_is_stored_whole_with_a_warning()
    {
        using var tmp = new TempFolder();
        var body = string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"Paragraph {i}: Prime Minister Shigeru Ishiba spoke in Tokyo on Monday."));
        tmp.Write("in/long.txt", "A long transcript\n\n" + body + "\n");
        var r = await Cli.RunAsync(tmp.Path, "ingest", "in", "--analysis-limit", "300", "--max-memory", "64MiB");
        Assert.True(r.ExitCode == 0, r.ToString());

        var exported = JsonDocument.Parse((await Cli.RunAsync(tmp.Path, "export", "--format", "jsonl")).Stdout.Trim()).RootElement;
        Assert.Equal(40, exported.GetProperty("paragraphs").GetArrayLength());
        var warning = Assert.Single(exported.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith("analysis limited to the first ", warning, StringComparison.Ordinal);
        var show = JsonDocument.Parse((await Cli.RunAsync(tmp.Path, "show", exported.GetProperty("id").GetString()!, "--format", "json")).Stdout).RootElement;
        Assert.Contains(show.EnumerateObject(), p => p.Value.ToString().Contains("analysis limited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_path_that_is_not_a_database_is_fatal_with_a_clear_message()
    {
        using var tmp = new TempFolder();
        var notDb = tmp.Write("notes.db", new string('z', 8192));
        var r = await Cli.RunAsync(tmp.Path, "--db", notDb, "stats");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("notes.db", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_option_and_environment_choose_the_store()
    {
        using var tmp = new TempFolder();
        tmp.Write("in/a.txt", " date 2025-06-04  P\n\nA headline\n\nThe talks went on.\n");
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "--db", "chosen.db", "ingest", "in")).ExitCode);
        Assert.True(File.Exists(tmp.File("chosen.db")));
        Assert.False(File.Exists(tmp.File("dateline.db")));
    }

    [Fact]
    public async Task Show_export_and_stats_agree_on_what_is_stored()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "ingest", RepoPaths.Samples)).ExitCode);
        var stats = JsonDocument.Parse((await Cli.RunAsync(tmp.Path, "stats", "--format", "json")).Stdout).RootElement;
        var total = stats.GetProperty("articles").GetInt64();
        Assert.True(total >= 30);

        var jsonl = await Cli.RunAsync(tmp.Path, "export", "--format", "jsonl");
        var lines = jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(total, lines.Length);
        Assert.Contains($"matched {total}, exported {total}", jsonl.Stderr, StringComparison.Ordinal);

        var csv = await Cli.RunAsync(tmp.Path, "export", "--format", "csv", "--out", "all.csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.Contains($"matched {total}, exported {total}", csv.Stderr, StringComparison.Ordinal);
        var text = File.ReadAllText(tmp.File("all.csv"));
        Assert.StartsWith("id,url,source,title,published", text, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp.File("all.csv.partial")));

        var id = JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetString()!;
        var shown = await Cli.RunAsync(tmp.Path, "show", id, "--format", "json");
        Assert.Equal(0, shown.ExitCode);
        Assert.Equal(id, JsonDocument.Parse(shown.Stdout).RootElement.GetProperty("id").GetString());
        var plain = await Cli.RunAsync(tmp.Path, "show", id);
        Assert.Contains("id " + id, plain.Stdout, StringComparison.Ordinal);

        var june = await Cli.RunAsync(tmp.Path, "export", "--from", "2025-06-01", "--to", "2025-06-30");
        Assert.All(june.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            l => Assert.StartsWith("2025-06", JsonDocument.Parse(l).RootElement.GetProperty("published").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("json")]
    [InlineData("text")]
    [InlineData("markdown")]
    public async Task Extract_renders_every_format(string format)
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("a.txt", " date 2025-06-04  Paper\n\nLeaders *meet* <b>here</b>\n\nGENEVA\n\nThe talks began on Monday.\n");
        var r = await Cli.RunAsync(tmp.Path, "extract", path, "--format", format);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("The talks began on Monday.", r.Stdout, StringComparison.Ordinal);
        if (format == "markdown")
        {
            Assert.Contains(@"# Leaders \*meet\* \<b\>here\</b\>", r.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reanalyze_analyses_articles_stored_without_analysis_then_has_nothing_left_to_do()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "ingest", RepoPaths.Samples, "--no-annotate")).ExitCode);
        var stats = JsonDocument.Parse((await Cli.RunAsync(tmp.Path, "stats", "--format", "json")).Stdout).RootElement;
        var articles = stats.GetProperty("articles").GetInt32();
        Assert.Equal((0, 0), (stats.GetProperty("annotated").GetInt32(), stats.GetProperty("events").GetInt32()));

        var dry = await Cli.RunAsync(tmp.Path, "reanalyze", "--dry-run", "--format", "json");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Equal((articles, 0), (JsonDocument.Parse(dry.Stdout).RootElement.GetProperty("pending").GetInt32(),
            JsonDocument.Parse(dry.Stdout).RootElement.GetProperty("analyzed").GetInt32()));

        var run = await Cli.RunAsync(tmp.Path, "reanalyze", "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(articles, json.GetProperty("analyzed").GetInt32());
        Assert.True(json.GetProperty("actors").GetInt32() > 10, run.Stdout);
        stats = JsonDocument.Parse((await Cli.RunAsync(tmp.Path, "stats", "--format", "json")).Stdout).RootElement;
        Assert.Equal(articles, stats.GetProperty("annotated").GetInt32());
        Assert.True(stats.GetProperty("events").GetInt32() > 0);

        var again = await Cli.RunAsync(tmp.Path, "reanalyze");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.StartsWith("Analysed 0 of 0 articles", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_lists_the_samples_most_reported_story_first_and_show_lists_its_articles()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "ingest", RepoPaths.Samples, "--no-annotate")).ExitCode);

        var r = await Cli.RunAsync(tmp.Path, "stories", "--all", "--format", "json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var stories = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var articles = JsonDocument.Parse((await Cli.RunAsync(tmp.Path, "stats", "--format", "json")).Stdout).RootElement;
        Assert.Equal(articles.GetProperty("stories").GetInt32(), stories.Count);
        Assert.Equal(articles.GetProperty("articles").GetInt32(), stories.Sum(s => s.GetProperty("articles").GetInt32()));
        var top = stories[0];
        Assert.Equal(3, top.GetProperty("articles").GetInt32()); // the first Ishiba–Lee phone talks: two Kyodo copies and Yonhap's report
        Assert.True(stories.Zip(stories.Skip(1)).All(p => p.First.GetProperty("articles").GetInt32() >= p.Second.GetProperty("articles").GetInt32()));

        var show = await Cli.RunAsync(tmp.Path, "show", top.GetProperty("first_article").GetString()!, "--format", "json");
        Assert.Equal(2, JsonDocument.Parse(show.Stdout).RootElement.GetProperty("story").GetArrayLength());
    }
}
