using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary><c>dateline attention</c> through the real executable, on articles with known dates.</summary>
[Trait("issue", "16")]
public sealed class AttentionCommandTests
{
    [Fact]
    public async Task Attention_prints_each_querys_weeks_as_csv_and_json_and_says_what_is_undated()
    {
        using var tmp = new TempFolder();
        tmp.Write("in.jsonl", """
            {"title": "Ferry fares rise", "text": "The ferry company raised its fares.", "published": "2025-06-02", "source": "Harbour Times"}
            {"title": "Ferry crews strike", "text": "Ferry crews went on strike.", "published": "2025-06-08", "source": "Harbour Times"}
            {"title": "Zeppelin hall reopens", "text": "The museum reopened its zeppelin hall.", "published": "2025-06-09", "source": "Harbour Times"}
            {"title": "Ferry timetable", "text": "A new ferry timetable was published.", "source": "Harbour Times"}
            """);
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "ingest", "in.jsonl", "--no-annotate")).ExitCode);

        var csv = await Cli.RunAsync(tmp.Path, "attention", "ferry", "zeppelin", "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.Equal(
            "period,query,count,total,share\n2025-06-02,ferry,2,2,1\n2025-06-09,ferry,0,1,0\n2025-06-02,zeppelin,0,2,0\n2025-06-09,zeppelin,1,1,1\n",
            csv.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("1 of the articles carry no date and are not in any week; undated matches: 'ferry' 1, 'zeppelin' 0", csv.Stderr, StringComparison.Ordinal);

        var json = await Cli.RunAsync(tmp.Path, "attention", "ferry -strike", "--interval", "month", "--format", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal(("month", 4L, 1L), (root.GetProperty("interval").GetString(), root.GetProperty("articles").GetInt64(), root.GetProperty("undated").GetInt64()));
        var ferry = root.GetProperty("queries")[0];
        Assert.Equal(("ferry AND NOT strike", 2L, 1L), (ferry.GetProperty("parsed").GetString(), ferry.GetProperty("matches").GetInt64(), ferry.GetProperty("undated").GetInt64()));
        var june = Assert.Single(ferry.GetProperty("periods").EnumerateArray());
        Assert.Equal(("2025-06-01", 1L, 3L), (june.GetProperty("period").GetString(), june.GetProperty("count").GetInt64(), june.GetProperty("total").GetInt64()));

        var bad = await Cli.RunAsync(tmp.Path, "attention", "ferry", "NOT zeppelin");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("'NOT zeppelin': a query needs at least one word that is not negated", bad.Stderr, StringComparison.Ordinal);
    }
}
