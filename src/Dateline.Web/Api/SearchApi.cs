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
            .WithSummary("Full-text search")
            .WithDescription("q: words, \"phrases\", prefix*, title:/body: fields, NOT/-, AND, OR, parentheses (as `dateline search`). The parsed query is echoed in `parsed`. Filters as /api/articles. Highlights are [start, end) ranges into each snippet. collapse=true: one hit per story (the best-ranked article stands for its wire copies and other reports, counted in `story_matches`); `total` then counts stories. `matches` counts matching articles; a query matching more than the server's rank window (10,000 unless `serve --rank-window` says otherwise) ranks the most recently stored (`ranked` < `matches`) unless exhaustive=true.");
        return api;
    }

    /// <summary>Runs a query; shared by the API and the search page.</summary>
    public static async Task<SearchResponse> RunAsync(IArticleStore store, string? q, ArticleFilter filter, string? cursor, int limit,
        CancellationToken ct, bool collapse = false, int? rankWindow = SearchRequest.DefaultRankWindow)
    {
        var query = SearchQuery.Parse(q ?? string.Empty);
        var offset = StoreCursor.DecodeOffset(Query.Text(cursor), collapse ? "search-stories" : "search");
        var results = await store.SearchAsync(new SearchRequest(query, filter, limit, offset)
        {
            CollapseStories = collapse,
            RankWindow = rankWindow,
        }, ct);
        var next = offset + results.Hits.Count < results.Reachable && results.Hits.Count > 0
            ? StoreCursor.EncodeOffset(collapse ? "search-stories" : "search", offset + results.Hits.Count)
            : null;
        return new SearchResponse(query.Text, results.Query, results.Total, results.Hits, next, results.Matches, results.Ranked);
    }

    private static async Task<Ok<SearchResponse>> SearchAsync(IArticleStore store, string q, string? from, string? to, string? source,
        string? language, string? actor, string? tag, string? cursor, int? limit, bool? collapse, bool? exhaustive, WebOptions options,
        CancellationToken ct) =>
        TypedResults.Ok(await RunAsync(store, q, Query.Filter(from, to, source, language, actor, tag), cursor, Query.Limit(limit), ct, collapse ?? false,
            exhaustive == true ? null : options.RankWindow));
}
