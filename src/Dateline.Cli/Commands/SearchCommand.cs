using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Storage.Search;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline search QUERY</c>: full-text search with the query language of <see cref="SearchQuery"/>.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query")
        {
            Description = "Words, \"phrases\", prefix*, title:word, NOT/-word, AND (or juxtaposition), OR, (groups). Precedence: NOT > AND > OR",
        };
        var limit = new Option<int>("--limit") { Description = "Maximum hits to show", DefaultValueFactory = _ => 20 };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var collapse = new Option<bool>("--collapse") { Description = "One hit per story: wire copies and other reports of it are counted, not listed" };
        var exhaustive = new Option<bool>("--exhaustive")
        {
            Description = string.Create(CultureInfo.InvariantCulture,
                $"Rank every match (by default a query matching more than {SearchRequest.DefaultRankWindow:N0} articles ranks the most recently stored ones)"),
        };
        var sort = new Option<string>("--sort")
        {
            Description = "relevance (best match first) or date (newest published first, undated last; the best match first within a day)",
            DefaultValueFactory = _ => "relevance",
        };
        sort.AcceptOnlyFromAmong("relevance", "date");
        var mode = new Option<string>("--mode")
        {
            Description = "keyword (the query language), semantic (closeness in meaning to the embedded title and lead; needs `dateline embed`) or hybrid (both, fused by reciprocal rank)",
            DefaultValueFactory = _ => "keyword",
        };
        mode.AcceptOnlyFromAmong("keyword", "semantic", "hybrid");
        var threads = EmbedOptions.Threads();
        var filters = new FilterOptions();
        var command = new Command("search", "Search stored articles") { query, limit, format, collapse, exhaustive, sort, mode, threads };
        filters.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var n = result.GetValue(limit);
            if (n is < 1 or > 10_000)
            {
                throw new UsageException("--limit must be between 1 and 10000");
            }

            var searchMode = Enum.Parse<SearchMode>(result.GetValue(mode)!, ignoreCase: true);
            var text = result.GetValue(query)!;
            if (searchMode != SearchMode.Keyword && (result.GetValue(collapse) || result.GetValue(sort) == "date"))
            {
                throw new UsageException($"--collapse and --sort date apply to keyword search only, not --mode {result.GetValue(mode)}");
            }

            // A semantic query is free text: it is embedded as written, never parsed as the query language.
            var filter = filters.Read(result);
            var request = searchMode == SearchMode.Semantic ? null : new SearchRequest(SearchQuery.Parse(text), filter, n)
            {
                CollapseStories = result.GetValue(collapse),
                RankWindow = result.GetValue(exhaustive) ? null : SearchRequest.DefaultRankWindow,
                Sort = result.GetValue(sort) == "date" ? SearchSort.Date : SearchSort.Relevance,
            };
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            SearchResults found;
            if (searchMode == SearchMode.Keyword)
            {
                found = await store.SearchAsync(request!, ct);
            }
            else
            {
                using var embedder = new Nlp.Onnx.MiniLmEmbedder(result.GetValue(threads));
                found = await SemanticSearch.SearchAsync(store, embedder, new SemanticRequest(searchMode, text, filter, n) { Keyword = request }, ct);
            }

            if (result.GetValue(format) == "json")
            {
                var json = new
                {
                    query = found.Query,
                    mode = result.GetValue(mode),
                    sort = request?.Sort == SearchSort.Date ? "date" : "relevance",
                    total = found.Total,
                    matches = found.Matches,
                    ranked = found.Ranked,
                    results = found.Hits.Select(h => new
                    {
                        id = h.Id,
                        title = h.Title,
                        source = h.Source,
                        published = h.Published,
                        snippet = h.Snippet,
                        score = h.Score,
                        story = h.StoryId,
                        story_matches = h.StoryMatches,
                        highlights = h.Highlights.Select(r => new[] { r.Start, r.End }),
                    }),
                };
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(json, CliJson.Options));
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).Expand()
                .AddColumn("id").AddColumn("published").AddColumn("source").AddColumn("title / snippet").AddColumn(new TableColumn("score").RightAligned());
            foreach (var h in found.Hits)
            {
                table.AddRow(new Markup(Markup.Escape(h.Id)), new Text(Core.Articles.ArticleDate.DayOf(h.Published) ?? string.Empty), new Text(h.Source ?? string.Empty),
                    new Markup($"[bold]{Markup.Escape(h.Title ?? "(untitled)")}[/]\n{Highlight(h)}"
                        + (h.StoryMatches > 1 ? $"\n[dim]+{h.StoryMatches - 1} more in this story[/]" : string.Empty)),
                    new Text(h.Score.ToString("0.00", CultureInfo.InvariantCulture)));
            }

            table.Caption($"{found.Hits.Count} of {found.Total} {(request?.CollapseStories == true ? "stories" : searchMode == SearchMode.Keyword ? "match(es)" : searchMode == SearchMode.Semantic ? "article(s) compared" : "article(s) ranked by either")} for {Markup.Escape(found.Query)}"
                + (searchMode == SearchMode.Semantic ? ", closest in meaning first (cosine similarity)" : searchMode == SearchMode.Hybrid ? ", keyword and meaning ranks fused" : string.Empty)
                + (request?.Sort == SearchSort.Date ? ", newest first (undated last)" : string.Empty)
                + (found.Windowed ? string.Create(CultureInfo.InvariantCulture, $" (the {found.Ranked:N0} most recently stored of {found.Matches:N0} matches ranked; --exhaustive ranks all)") : string.Empty));
            Terminal.Out.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Highlight(SearchHit hit)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (var r in hit.Highlights)
        {
            sb.Append(Markup.Escape(hit.Snippet[at..r.Start])).Append("[yellow]").Append(Markup.Escape(hit.Snippet[r.Start..r.End])).Append("[/]");
            at = r.End;
        }

        return sb.Append(Markup.Escape(hit.Snippet[at..])).ToString();
    }
}
