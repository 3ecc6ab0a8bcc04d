using System.Globalization;
using System.Text;
using System.Text.Json;
using Dateline.Core.Serialization;
using Dateline.Storage;
using Dateline.Storage.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dateline.Web.Api;

/// <summary><c>/api/search</c>: the CLI's query language over the full-text index, ranked, with highlight ranges.</summary>
internal static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync).WithName("search").WithTags("search")
            .ProducesProblem(StatusCodes.Status400BadRequest) // the exports answer text/csv and application/x-ndjson
            .WithSummary("Full-text search")
            .WithDescription("q: words, \"phrases\", prefix*, title:/body: fields, NOT/-, AND, OR, parentheses (as `dateline search`). The parsed query is echoed in `parsed`. Filters as /api/articles (from/to: the publication date range, YYYY-MM-DD; source; tag; language; actor). sort=relevance (default: best match first) or sort=date (newest publication date first, undated articles last, the best match first within a day). facets=N (default 10, 0 for none, at most 50): `facets` lists the N most frequent sources and tags of the matches with their counts (tags ignoring case), for the query and filters as given: pass one back as source= or tag= to narrow. Facets count the ranked matches (`facets.counted`, equal to `ranked`: a query matching more than the rank window counts the most recently stored, as it ranks them) within the search's time budget. Highlights are [start, end) ranges into each snippet. collapse=true: one hit per story (the best-ranked article, with sort=date the newest, stands for its wire copies and other reports, counted in `story_matches`); `total` then counts stories. `matches` counts matching articles; a query matching more than the server's rank window (10,000 unless `serve --rank-window` says otherwise) ranks the most recently stored (`ranked` < `matches`) unless exhaustive=true. mode=keyword (default: the query language), mode=semantic (q is free text, embedded and compared with every article's embedded title and lead — `dateline embed` must have run; score is the cosine similarity; no highlights) or mode=hybrid (the best 100 of each ranking fused by reciprocal rank; score is the fused score): collapse, sort=date, facets and the exports are keyword search's. format=json (default) pages; format=csv|jsonl streams every ranked hit in the order of sort (columns rank, id, title, source, published, score, story_id, story_matches; limit and cursor are ignored).");
        return api;
    }

    /// <summary>Runs a query; shared by the API and the search page.</summary>
    public static async Task<SearchResponse> RunAsync(IArticleStore store, string? q, ArticleFilter filter, string? cursor, int limit,
        CancellationToken ct, bool collapse = false, int? rankWindow = SearchRequest.DefaultRankWindow, SearchSort sort = SearchSort.Relevance,
        int facets = 0, SearchMode mode = SearchMode.Keyword, Dateline.Core.Embeddings.ITextEmbedder? embedder = null)
    {
        if (mode != SearchMode.Keyword && (collapse || sort == SearchSort.Date))
        {
            throw new BadRequestException("collapse=true and sort=date apply to keyword search only", collapse ? "collapse" : "sort");
        }

        var text = q ?? string.Empty;
        if (mode == SearchMode.Semantic && string.IsNullOrWhiteSpace(text))
        {
            throw new BadRequestException("a semantic search needs some words to look for", "q");
        }

        // A semantic query is free text, embedded as written; the query language parses keyword and hybrid queries.
        var query = mode == SearchMode.Semantic ? null : SearchQuery.Parse(text);
        // The cursor is an offset into one order: a cursor of the relevance list is refused on the date list and back.
        var list = (collapse ? "search-stories" : "search") + (sort == SearchSort.Date ? "-by-date" : string.Empty)
            + (mode == SearchMode.Keyword ? string.Empty : "-" + ModeName(mode));
        var offset = StoreCursor.DecodeOffset(Query.Text(cursor), list);
        var keyword = query is null ? null : new SearchRequest(query, filter, limit, offset)
        {
            CollapseStories = collapse,
            RankWindow = rankWindow,
            Sort = sort,
            Facets = mode == SearchMode.Keyword ? facets : 0,
        };
        var results = mode == SearchMode.Keyword
            ? await store.SearchAsync(keyword!, ct)
            : await SemanticSearch.SearchAsync(store, embedder ?? throw new SemanticSearchException("this server was started without an embedding model"),
                new SemanticRequest(mode, text, filter, limit, offset) { Keyword = keyword }, ct);

        var next = offset + results.Hits.Count < results.Reachable && results.Hits.Count > 0
            ? StoreCursor.EncodeOffset(list, offset + results.Hits.Count)
            : null;
        return new SearchResponse(text, results.Query, results.Total, results.Hits, next, results.Matches, results.Ranked,
            sort == SearchSort.Date ? "date" : "relevance", results.Facets, ModeName(mode));
    }

    public static string ModeName(SearchMode mode) => mode switch
    {
        SearchMode.Semantic => "semantic",
        SearchMode.Hybrid => "hybrid",
        _ => "keyword",
    };

    /// <summary>The mode a request names: keyword (the default), semantic or hybrid.</summary>
    public static SearchMode Mode(string? mode) => mode switch
    {
        null or "keyword" => SearchMode.Keyword,
        "semantic" => SearchMode.Semantic,
        "hybrid" => SearchMode.Hybrid,
        _ => throw new BadRequestException($"mode '{mode}' is not one of keyword, semantic, hybrid", "mode"),
    };

    private static async Task<Results<Ok<SearchResponse>, PushStreamHttpResult, ProblemHttpResult>> SearchAsync(IArticleStore store, string q, string? from, string? to, string? source,
        string? language, string? actor, string? tag, string? cursor, int? limit, bool? collapse, bool? exhaustive, string? sort, int? facets, string? format,
        string? mode, WebOptions options, CancellationToken ct)
    {
        var filter = Query.Filter(from, to, source, language, actor, tag);
        var order = Query.Sort(sort);
        var searchMode = Mode(mode);
        int? window = exhaustive == true ? null : options.RankWindow;
        if (searchMode != SearchMode.Keyword && (format ?? "json") != "json")
        {
            throw new BadRequestException($"format={format} exports keyword search; a {mode} search answers format=json", "format");
        }

        switch (format ?? "json")
        {
            case "json":
                return TypedResults.Ok(await RunAsync(store, q, filter, cursor, Query.Limit(limit), ct, collapse ?? false, window, order, Query.Facets(facets),
                    searchMode, options.Embedder));
            case "csv":
                return Export(store, q, filter, collapse ?? false, window, order, "text/csv; charset=utf-8", "search.csv", ExportHeader,
                    (rank, h) => Csv.Row([rank.ToString(CultureInfo.InvariantCulture), h.Id, h.Title, h.Source, h.Published,
                        h.Score.ToString("0.####", CultureInfo.InvariantCulture), h.StoryId, h.StoryMatches.ToString(CultureInfo.InvariantCulture)]), ct);
            case "jsonl":
                return Export(store, q, filter, collapse ?? false, window, order, "application/x-ndjson; charset=utf-8", "search.jsonl", null,
                    (rank, h) => JsonSerializer.Serialize(new ExportRow(rank, h.Id, h.Title, h.Source, h.Published, h.Score, h.StoryId, h.StoryMatches), ExportJson), ct);
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: $"format '{format}' is not one of json, csv, jsonl");
        }
    }

    private const string ExportHeader = "rank,id,title,source,published,score,story_id,story_matches";

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record ExportRow(int Rank, string Id, string? Title, string? Source, string? Published, double Score, string? StoryId, int StoryMatches);

    /// <summary>
    /// Every ranked hit in the order asked for, one line each, page by page as the store ranks them (the server's rank window
    /// bounds a query matching more unless exhaustive=true), flushed as it goes.
    /// </summary>
    private static PushStreamHttpResult Export(IArticleStore store, string q, ArticleFilter filter, bool collapse, int? window, SearchSort sort, string contentType,
        string fileName, string? header, Func<int, SearchHit, string> line, CancellationToken ct) =>
        TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 16 * 1024) { NewLine = "\n" };
            if (header is not null)
            {
                await writer.WriteLineAsync(header);
            }

            var rank = 0;
            string? cursor = null;
            do
            {
                var page = await RunAsync(store, q, filter, cursor, Query.MaxLimit, ct, collapse, window, sort);
                foreach (var hit in page.Hits)
                {
                    await writer.WriteLineAsync(line(++rank, hit));
                }

                await writer.FlushAsync(ct);
                cursor = page.Next;
            }
            while (cursor is not null);
        }, contentType, fileName);
}
