using Dateline.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dateline.Web.Api;

/// <summary><c>/api/actors</c>: actors across the store (aliases, roles over time) and their quotes.</summary>
internal static class ActorsApi
{
    public static RouteGroupBuilder MapActorsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/actors", ListAsync).WithName("listActors").WithTags("actors")
            .WithSummary("List actors, most-mentioned first")
            .WithDescription("q: part of a name or alias. Cursor paging as /api/articles.");
        api.MapGet("/actors/overrides", async Task<Ok<IReadOnlyList<StoredActorOverride>>> (IArticleStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.GetActorOverridesAsync(ct)))
            .WithName("listActorOverrides").WithTags("actors").WithSummary("The actor overrides stored through the API");
        api.MapGet("/actors/{id}", GetAsync).WithName("getActor").WithTags("actors")
            .WithSummary("One actor: aliases, roles with first/last dates, articles per date");
        api.MapGet("/quotes", QuotesAsync).WithName("listQuotes").WithTags("actors")
            .WithSummary("Quotes by speaker or by actor")
            .WithDescription("speaker: part of the speaker as written or of the actor's name; actor: an actor id. Newest articles first.");
        return api;
    }

    private static async Task<Ok<Page<EntityRecord>>> ListAsync(IArticleStore store, string? q, string? cursor, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await store.ListEntitiesAsync(Query.Text(q), Query.Text(cursor), Query.Limit(limit), ct));

    private static async Task<Results<Ok<ActorResponse>, ProblemHttpResult>> GetAsync(IArticleStore store, string id, CancellationToken ct) =>
        await store.GetEntityAsync(id, ct) is { } actor
            ? TypedResults.Ok(new ActorResponse(actor, await store.GetEntityTimelineAsync(id, ct)))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Actor not found", detail: $"No actor has the id '{id}'.");

    private static async Task<Ok<Page<QuoteRecord>>> QuotesAsync(IArticleStore store, string? speaker, string? actor, string? cursor, int? limit,
        CancellationToken ct) =>
        TypedResults.Ok(await store.ListQuotesAsync(new QuoteFilter(Query.Text(speaker), Query.Text(actor)), Query.Text(cursor), Query.Limit(limit), ct));
}
