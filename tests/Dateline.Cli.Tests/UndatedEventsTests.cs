using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary>
/// Events from undated articles (the BBC corpus has no dates) are kept undated and never vanish silently: dated views
/// say how many they left out (issue 12, item 5).
/// </summary>
[Trait("issue", "12")]
public sealed class UndatedEventsTests
{
    [Fact]
    public async Task Dyad_and_date_filters_report_the_undated_events_they_leave_out()
    {
        using var tmp = new TempFolder();
        var article = tmp.File("undated.txt");
        await File.WriteAllTextAsync(article, "Japan and South Korea hold talks\n\nJapan's foreign minister met South Korea's foreign minister in Seoul to discuss trade.\n",
            TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "ingest", article)).ExitCode);

        var json = await Cli.RunAsync(tmp.Path, "dyad", "JPN", "KOR", "--format", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var dyad = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Empty(dyad.GetProperty("points").EnumerateArray());
        Assert.Equal(1, dyad.GetProperty("undated").GetInt64());

        var table = await Cli.RunAsync(tmp.Path, "dyad", "JPN", "KOR");
        Assert.Contains("1 event between JPN and KOR has no date", table.Stderr, StringComparison.Ordinal);

        var listed = await Cli.RunAsync(tmp.Path, "events", "--actor", "JPN", "--format", "json");
        var e = JsonDocument.Parse(listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.Equal(JsonValueKind.Null, e.GetProperty("date").ValueKind);

        var ranged = await Cli.RunAsync(tmp.Path, "events", "--actor", "JPN", "--from", "2025-01-01", "--format", "json");
        Assert.Empty(ranged.Stdout.Trim());
        Assert.Contains("1 matching event has no date (the articles carry none) and is left out by --from/--to", ranged.Stderr, StringComparison.Ordinal);
    }
}
