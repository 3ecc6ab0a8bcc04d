using Dateline.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dateline.Web.Api;

/// <summary><c>/api/stats</c> and <c>/api/health</c>.</summary>
internal static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", async Task<Ok<StoreStats>> (IArticleStore store, CancellationToken ct) => TypedResults.Ok(await store.GetStatsAsync(ct)))
            .WithName("getStats").WithTags("store").WithSummary("Totals: articles, files, date range, sources, wires, schema, size");
        api.MapGet("/health", async Task<Ok<HealthResponse>> (IArticleStore store, CancellationToken ct) =>
                TypedResults.Ok(new HealthResponse("ok", store.Description, await store.CountAsync(ArticleFilter.All, ct))))
            .WithName("getHealth").WithTags("store").WithSummary("Liveness: answers when the store can be read");
        return api;
    }
}
