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
        api.MapGet("/articles/{id}/similar", SimilarAsync).WithName("similarArticles").WithTags("articles")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Articles closest in meaning to one article")
            .WithDescription("The stored articles whose embedded title and lead are closest to this article's (cosine similarity, best first; the article itself left out), as `dateline similar`. limit (default 10, at most 200) and the filters of /api/articles narrow them. 404 for an unknown article; 409 when no article has been embedded yet (`dateline embed`).");
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

    private static async Task<Results<Ok<SimilarResponse>, ProblemHttpResult>> SimilarAsync(IArticleStore store, string id, string? from, string? to,
        string? source, string? language, string? actor, string? tag, int? limit, WebOptions options, CancellationToken ct)
    {
        var embedder = options.Embedder ?? throw new Storage.Search.SemanticSearchException("this server was started without an embedding model");
        var n = limit ?? 10;
        if (n is < 1 or > Query.MaxLimit)
        {
            throw new BadRequestException($"limit must be between 1 and {Query.MaxLimit}", "limit");
        }

        var hits = await Storage.Search.SemanticSearch.SimilarAsync(store, embedder, id, Query.Filter(from, to, source, language, actor, tag), n, ct);
        return hits is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found", detail: $"No article has the id '{id}'.")
            : TypedResults.Ok(new SimilarResponse(id, embedder.Model, hits));
    }

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
