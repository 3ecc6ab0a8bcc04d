using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Extraction.Reading;
using Dateline.Storage;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline stats</c>: what the store holds.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("stats", "Show what the store holds") { format };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            var stats = await store.GetStatsAsync(ct);
            if (result.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    store = store.Location,
                    articles = stats.Articles,
                    files = stats.Files,
                    stories = stats.Stories,
                    annotated = stats.Annotated,
                    actors = stats.Entities,
                    events = stats.Events,
                    first_published = stats.FirstPublished?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    last_published = stats.LastPublished?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    by_source = stats.BySource.ToDictionary(k => k.Key, k => k.Value),
                    by_wire = stats.ByWire.ToDictionary(k => k.Key, k => k.Value),
                    by_tag = stats.ByTag.ToDictionary(k => k.Key, k => k.Value),
                    schema_version = stats.SchemaVersion,
                    size_bytes = stats.SizeBytes,
                }, CliJson.Options));
                return ExitCodes.Success;
            }

            Write(stats, store.Location);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void Write(StoreStats stats, string path)
    {
        var grid = new Table().Border(TableBorder.Rounded).Title("Store").HideHeaders().AddColumn("k").AddColumn("v");
        grid.AddRow("file", Markup.Escape(path));
        grid.AddRow("articles", stats.Articles.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("files ingested", stats.Files.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("stories", stats.Stories.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("annotated", stats.Annotated.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("actors", stats.Entities.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("events", stats.Events.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("published", stats.FirstPublished is null ? "-" : $"{stats.FirstPublished:yyyy-MM-dd} … {stats.LastPublished:yyyy-MM-dd}");
        grid.AddRow("schema version", stats.SchemaVersion.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("size", Sizes.Format(stats.SizeBytes));
        Terminal.Out.Write(grid);
        var groups = new Table().Border(TableBorder.Rounded).AddColumn("source").AddColumn(new TableColumn("articles").RightAligned())
            .AddColumn("wire").AddColumn(new TableColumn("articles").RightAligned());
        for (var i = 0; i < Math.Max(stats.BySource.Count, stats.ByWire.Count); i++)
        {
            groups.AddRow(
                i < stats.BySource.Count ? Markup.Escape(stats.BySource[i].Key) : string.Empty,
                i < stats.BySource.Count ? stats.BySource[i].Value.ToString(CultureInfo.InvariantCulture) : string.Empty,
                i < stats.ByWire.Count ? Markup.Escape(stats.ByWire[i].Key) : string.Empty,
                i < stats.ByWire.Count ? stats.ByWire[i].Value.ToString(CultureInfo.InvariantCulture) : string.Empty);
        }

        Terminal.Out.Write(groups);
        if (stats.ByTag.Count > 0)
        {
            var tags = new Table().Border(TableBorder.Rounded).AddColumn("tag").AddColumn(new TableColumn("articles").RightAligned());
            foreach (var (tag, n) in stats.ByTag)
            {
                tags.AddRow(Markup.Escape(tag), n.ToString(CultureInfo.InvariantCulture));
            }

            Terminal.Out.Write(tags);
        }
    }
}
