using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary>Issue 5 through the real executable: events and dyad over the samples plus the seed.</summary>
[Trait("issue", "5")]
public sealed class EventsCommandTests
{
    [Fact]
    public async Task Dyad_over_samples_and_seed_shows_the_seed_events_in_their_month_and_plots_them()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "ingest", RepoPaths.Samples, Corpora.SeedArticle)).ExitCode);

        var r = await Cli.RunAsync(tmp.Path, "dyad", "JPN", "KOR", "--format", "json", "--plot", "dyad.png");
        Assert.True(r.ExitCode == 0, r.ToString());
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(("JPN", "KOR"), (json.GetProperty("a").GetString(), json.GetProperty("b").GetString()));
        var june = json.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "2025-06-01");
        Assert.True(june.GetProperty("verbal_cooperation").GetInt32() >= 1);
        Assert.True(june.GetProperty("articles").GetInt64() >= 1);
        Assert.True(june.GetProperty("events_per_hundred_articles").GetDouble() > 0);

        var png = File.ReadAllBytes(tmp.File("dyad.png"));
        Assert.True(png.Length > 10_000, $"{png.Length} bytes");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);

        // The seed's intention to meet is listed, with its evidence and the article that reports it.
        var seed = await Cli.RunAsync(tmp.Path, "events", "--source-actor", "JPNGOV", "--target-actor", "KORGOV", "--code", "036", "--format", "json");
        var events = seed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var summit = Assert.Single(events, e => e.GetProperty("date").GetString() == "2025-06-04" && e.GetProperty("evidence").GetString()!.Contains("hold summit talks", StringComparison.Ordinal));
        Assert.Equal(("AGREE", "CONSULT"), (summit.GetProperty("plover").GetString(), summit.GetProperty("plover_act").GetString()));
        Assert.NotEmpty(summit.GetProperty("reports").EnumerateArray());

        // Issue 16, defect 2: the seed states the intention in several sentences of one article — several reports
        // (mentions), one article, and every export says so.
        var reports = summit.GetProperty("reports").EnumerateArray().ToList();
        Assert.True(reports.Count > 1, $"{reports.Count} reports");
        Assert.Single(reports.Select(x => x.GetProperty("article_id").GetString()).Distinct());
        Assert.Equal(1, summit.GetProperty("report_count").GetInt32());
        var csv = (await Cli.RunAsync(tmp.Path, "events", "--source-actor", "JPNGOV", "--target-actor", "KORGOV", "--code", "036", "--format", "csv")).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var articlesColumn = Array.IndexOf(csv[0].Split(','), "articles");
        var row = csv.Single(l => l.StartsWith(summit.GetProperty("id").GetInt64() + ",", StringComparison.Ordinal));
        Assert.Equal("1", row.Split(',')[articlesColumn]);
        var gdelt = (await Cli.RunAsync(tmp.Path, "events", "--source-actor", "JPNGOV", "--target-actor", "KORGOV", "--code", "036", "--format", "gdelt")).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Single(c => c[0] == summit.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((reports.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"), (gdelt[31], gdelt[33])); // NumMentions, NumArticles
    }

    [Fact]
    public async Task Exports_stream_gdelt_rows_csv_and_plover_json_for_every_event()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "ingest", RepoPaths.Samples)).ExitCode);
        var json = (await Cli.RunAsync(tmp.Path, "events", "--format", "json")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(json.Length >= 10, $"{json.Length} events");

        var gdelt = (await Cli.RunAsync(tmp.Path, "events", "--format", "gdelt")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(json.Length, gdelt.Length);
        Assert.All(gdelt, row =>
        {
            var cols = row.Split('\t');
            Assert.Equal(61, cols.Length);
            Assert.Matches("^[0-9]{8}$", cols[1]);
            Assert.StartsWith(cols[27], cols[26], StringComparison.Ordinal); // EventCode starts with EventBaseCode
        });

        var csv = (await Cli.RunAsync(tmp.Path, "events", "--format", "csv")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(json.Length + 1, csv.Length);
        Assert.StartsWith("id,date,source_code", csv[0], StringComparison.Ordinal);

        var plover = (await Cli.RunAsync(tmp.Path, "events", "--format", "plover", "--limit", "3")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, plover.Length);
        Assert.All(plover, l => Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(l).RootElement.GetProperty("event_type").GetString())));

        var bad = await Cli.RunAsync(tmp.Path, "dyad", "JPN", "KOR", "--plot", "chart.gif");
        Assert.Equal(2, bad.ExitCode);
    }
}
