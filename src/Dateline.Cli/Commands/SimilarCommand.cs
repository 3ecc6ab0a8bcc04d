using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Nlp.Onnx;
using Dateline.Storage.Search;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline similar ID</c>: the stored articles closest in meaning to one article (by their embedded title and lead).</summary>
internal static class SimilarCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The article's id (as `search` and `show` print it)" };
        var limit = new Option<int>("--limit") { Description = "How many similar articles", DefaultValueFactory = _ => 10 };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var threads = EmbedOptions.Threads();
        var filters = new FilterOptions();
        var command = new Command("similar", "Articles closest in meaning to one article (needs `dateline embed` first)") { id, limit, format, threads };
        filters.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var n = result.GetValue(limit);
            if (n is < 1 or > 1000)
            {
                throw new UsageException("--limit must be between 1 and 1000");
            }

            var articleId = result.GetValue(id)!;
            var filter = filters.Read(result);
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            using var embedder = new MiniLmEmbedder(result.GetValue(threads));
            var hits = await SemanticSearch.SimilarAsync(store, embedder, articleId, filter, n, ct);
            if (hits is null)
            {
                await Console.Error.WriteLineAsync($"error: no article with id '{articleId}' in {store.Location}");
                return ExitCodes.Fatal;
            }

            if (result.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    article = articleId,
                    model = embedder.Model,
                    results = hits.Select(h => new { id = h.Id, title = h.Title, source = h.Source, published = h.Published, snippet = h.Snippet, score = Math.Round(h.Score, 4) }),
                }, CliJson.Options));
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).Expand()
                .AddColumn("id").AddColumn("published").AddColumn("source").AddColumn("title / lead").AddColumn(new TableColumn("similarity").RightAligned());
            foreach (var h in hits)
            {
                table.AddRow(new Text(h.Id), new Text(Core.Articles.ArticleDate.DayOf(h.Published) ?? string.Empty), new Text(h.Source ?? string.Empty),
                    new Markup($"[bold]{Markup.Escape(h.Title ?? "(untitled)")}[/]\n{Markup.Escape(h.Snippet)}"),
                    new Text(h.Score.ToString("0.000", CultureInfo.InvariantCulture)));
            }

            table.Caption($"{hits.Count} article(s) closest in meaning to {Markup.Escape(articleId)} ({embedder.Model}: cosine similarity of title and lead)");
            Terminal.Out.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
