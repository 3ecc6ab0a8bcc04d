using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Storage;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline stories</c>: the most-reported stories (articles grouped with their copies and other reports).</summary>
internal static class StoriesCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "Stories to list (every one with --all)", DefaultValueFactory = _ => 20 };
        var all = new Option<bool>("--all") { Description = "List every story, however many" };
        var format = new Option<string>("--format") { Description = "table or json (JSON Lines, one story per line)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var filters = new FilterOptions();
        var command = new Command("stories", "The most-reported stories: articles grouped with their wire copies and other outlets' reports") { limit, all, format };
        filters.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var n = result.GetValue(limit);
            if (n is < 1 or > 10_000)
            {
                throw new UsageException("--limit must be between 1 and 10000");
            }

            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            var filter = filters.Read(result);
            var stories = new List<StorySummary>();
            string? cursor = null;
            do
            {
                var page = await store.ListStoriesAsync(filter, cursor, result.GetValue(all) ? 500 : n, ct);
                stories.AddRange(page.Items);
                cursor = result.GetValue(all) ? page.Next : null;
            }
            while (cursor is not null);

            if (result.GetValue(format) == "json")
            {
                foreach (var s in stories)
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        id = s.Id,
                        title = s.Title,
                        articles = s.Articles,
                        sources = s.Sources,
                        first = s.First,
                        last = s.Last,
                        first_article = s.FirstArticle,
                    }, CliJson.Options).ReplaceLineEndings(string.Empty));
                }

                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("story").AddColumn("title (earliest article)")
                .AddColumn(new TableColumn("articles").RightAligned()).AddColumn(new TableColumn("sources").RightAligned()).AddColumn("published");
            foreach (var s in stories)
            {
                table.AddRow(Markup.Escape(s.Id), Markup.Escape(s.Title ?? "(untitled)"), s.Articles.ToString(CultureInfo.InvariantCulture),
                    s.Sources.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.First == s.Last ? s.First ?? "-" : $"{s.First} … {s.Last}"));
            }

            table.Caption($"{stories.Count} stories; `dateline show ID` lists a story's articles");
            Terminal.Out.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
