using Dateline.Storage;
using Dateline.Storage.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dateline.Web.Api;

/// <summary><c>/api/attention</c>: several queries' matching articles per period, absolute and as a share of the stored articles.</summary>
internal static class AttentionApi
{
    public static RouteGroupBuilder MapAttentionApi(this RouteGroupBuilder api)
    {
        api.MapGet("/attention", GetAsync).WithName("getAttention").WithTags("search")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Attention over time: how many articles match each query per day, week, month or year, and what share of the stored articles that is")
            .WithDescription($"q: one query or more (repeat it: `q=ferry&q=zeppelin`, at most {AttentionRequest.MaxQueries}), each in the language of /api/search; empty ones are ignored. interval: day, week (default; weeks start on Monday), month or year; a period is named by its first day. Filters from, to, source, language, actor, tag as /api/search; they apply to the matches and to the denominator alike. `totals` gives the articles the filters keep per period; each query's `periods` lists every one of those periods with `count` (matching articles), `total` and `share` (count / total). A period in which the store holds no article is left out (a gap, not a zero). Articles without a date cannot be placed: they are counted in `undated` (per query and in all), and left out by a from/to range. All the counts of one request share the search's time budget (5 s).");
        return api;
    }

    /// <summary>Reads an attention request the API and the page share: the non-empty queries, parsed, and the interval.</summary>
    public static AttentionRequest Read(IEnumerable<string?> q, string? interval, ArticleFilter filter)
    {
        var texts = q.Select(Query.Text).OfType<string>().ToList();
        if (texts.Count == 0)
        {
            throw new BadRequestException("q is missing: give one query or more (q=ferry&q=zeppelin)", "q");
        }

        if (texts.Count > AttentionRequest.MaxQueries)
        {
            throw new BadRequestException($"q is given {texts.Count} times; at most {AttentionRequest.MaxQueries} queries are compared at once", "q");
        }

        var i = Query.Text(interval)?.ToLowerInvariant() ?? "week";
        if (!Periods.IsInterval(i))
        {
            throw new BadRequestException($"interval '{interval}' is not one of {string.Join(", ", Periods.Intervals)}", "interval");
        }

        var queries = new List<SearchQuery>(texts.Count);
        foreach (var text in texts)
        {
            try
            {
                queries.Add(SearchQuery.Parse(text));
            }
            catch (QuerySyntaxException ex)
            {
                var shown = text.Length > 80 ? text[..80] + "…" : text;
                throw new BadRequestException($"q '{shown}'{(texts.Count > 1 ? $" (query {queries.Count + 1} of {texts.Count})" : string.Empty)}: {ex.Message}", "q", "Invalid query");
            }
        }

        return new AttentionRequest(queries, filter, i);
    }

    /// <summary>The response of a request: the totals, and every query over the periods the totals hold.</summary>
    public static AttentionResponse Respond(AttentionRequest request, AttentionResults results) =>
        new(results.Interval, request.Filter.From, request.Filter.To, results.Articles, results.UndatedTotal, results.Totals,
            [.. results.Series.Select(s => new AttentionQueryResponse(s.Query, s.Parsed, s.Matches, s.Undated, results.Points(s)))]);

    /// <param name="q">Declared for the OpenAPI document; the queries are read in their order from the raw query string (<see cref="Query.Values"/>).</param>
    private static async Task<Ok<AttentionResponse>> GetAsync(IArticleStore store, HttpRequest http, [FromQuery] string[]? q, string? interval, string? from, string? to,
        string? source, string? language, string? actor, string? tag, CancellationToken ct)
    {
        _ = q;
        var request = Read(Query.Values(http, "q"), interval, Query.Filter(from, to, source, language, actor, tag));
        return TypedResults.Ok(Respond(request, await store.AttentionAsync(request, ct)));
    }
}
