using Dateline.Storage;

namespace Dateline.Web.Pages;

/// <summary>The server-rendered pages. They read the store the same way the API does and render escaped HTML.</summary>
internal static class PageEndpoints
{
    public static void MapPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(string.Empty).ExcludeFromDescription();
        pages.MapGet("/", SearchPage.RenderAsync);
        pages.MapGet("/articles/{id}", (string id, IArticleStore store, WebOptions options, CancellationToken ct) => ArticlePage.RenderAsync(id, store, options, ct));
        pages.MapGet("/actors", ActorPages.ListAsync);
        pages.MapGet("/actors/{id}", (string id, HttpRequest request, IArticleStore store, CancellationToken ct) => ActorPages.DetailAsync(id, request, store, ct));
        pages.MapGet("/quotes", QuotesPage.RenderAsync);
        pages.MapGet("/ingest", (WebOptions options) => OtherPages.Ingest(options));
        pages.MapGet("/docs", () => OtherPages.Docs([.. app.DataSources.SelectMany(d => d.Endpoints)]));
        pages.MapGet("/events", EventsPage.RenderAsync);
        pages.MapGet("/attention", AttentionPage.RenderAsync);
        pages.MapGet("/stories", StoriesAndStatsPages.StoriesAsync);
        pages.MapGet("/stats", StoriesAndStatsPages.StatsAsync);
        pages.MapGet("/dyads", DyadPage.Pick);
        pages.MapGet("/dyads/{a}/{b}", (string a, string b, HttpRequest request, IArticleStore store, CancellationToken ct) => DyadPage.RenderAsync(a, b, request, store, ct));
        app.MapStatic();

        // An address no page has: a page with the navigation, not the API's JSON (API addresses keep their problem details).
        app.MapFallback((HttpContext context) => context.Request.Path.StartsWithSegments("/api")
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No API route {context.Request.Method} {context.Request.Path}; see /docs.")
            : Layout.NotFound($"There is no page at {context.Request.Path}. Use the navigation above, or search."))
            .ExcludeFromDescription();
    }
}
