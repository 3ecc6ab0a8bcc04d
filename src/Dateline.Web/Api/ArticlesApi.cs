using System.Text.Json;
using Dateline.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dateline.Web.Api;

/// <summary><c>/api/articles</c>: the newest articles with filters and cursor paging; one article with all its layers.</summary>
internal static class ArticlesApi
{
    public static RouteGroupBuilder MapArticlesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/articles", ListAsync).WithName("listArticles").WithTags("articles")
            .WithSummary("List articles, newest first")
            .WithDescription("Filters: from/to (YYYY-MM-DD, publication date), source, language, actor (an actor id). Pass `next` back as `cursor` for the following page; a null `next` is the last page.");
        api.MapGet("/articles/{id}", GetAsync).WithName("getArticle").WithTags("articles")
            .WithSummary("One article with all its understanding layers");
        api.MapGet("/stories", StoriesAsync).WithName("listStories").WithTags("articles")
            .WithSummary("Stories, the most-reported first")
            .WithDescription("A story is an article with its wire copies, reprints, updates and other outlets' reports. Counts are of the articles matching the filters (as /api/articles). GET /api/articles/{first_article} lists a story's articles under `story`. Cursor paging as /api/articles.");
        return api;
    }

    private static async Task<Ok<Page<ArticleSummary>>> ListAsync(IArticleStore store, string? from, string? to, string? source,
        string? language, string? actor, string? tag, string? cursor, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await store.ListArticlesAsync(Query.Filter(from, to, source, language, actor, tag), Query.Text(cursor), Query.Limit(limit), ct));

    private static async Task<Ok<Page<StorySummary>>> StoriesAsync(IArticleStore store, string? from, string? to, string? source,
        string? language, string? actor, string? tag, string? cursor, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await store.ListStoriesAsync(Query.Filter(from, to, source, language, actor, tag), Query.Text(cursor), Query.Limit(limit), ct));

    private static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> GetAsync(IArticleStore store, string id, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } article)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found", detail: $"No article has the id '{id}'.");
        }

        var annotations = await store.GetAnnotationsAsync(id, ct);
        JsonElement? layers = null;
        if (annotations is not null)
        {
            using var doc = JsonDocument.Parse(annotations.Json);
            layers = doc.RootElement.Clone();
        }

        var story = (await store.GetStoryAsync(id, ct)).Where(v => v.Id != id).ToList();
        return TypedResults.Ok(new ArticleResponse(article, annotations?.Pipeline, layers, await store.GetArticleEntitiesAsync(id, ct), story));
    }
}
