using Dateline.Core.Articles;
using Dateline.Core.Embeddings;
using Dateline.Storage.Vectors;

namespace Dateline.Storage.Search;

/// <summary>
/// Meaning-based and hybrid search over any store, and similar articles. Semantic: the query text is embedded with the
/// model the articles were embedded with and compared with every article's vector (<see cref="IArticleStore.NearestAsync"/>).
/// Hybrid: the best <see cref="HybridDepth"/> of the keyword ranking and of the vector ranking are fused by reciprocal
/// rank, score(d) = Σ 1 / (<see cref="RrfK"/> + rank), so an article either ranking puts near the top comes up, and
/// one both put there comes first.
/// </summary>
public static class SemanticSearch
{
    /// <summary>Reciprocal-rank fusion's constant, as Cormack et al. (2009) chose it.</summary>
    public const int RrfK = 60;

    /// <summary>How deep into each ranking hybrid search reads.</summary>
    public const int HybridDepth = 100;

    /// <summary>Characters of an article's lead a vector hit shows as its snippet.</summary>
    public const int SnippetCharacters = 240;

    public static async Task<SearchResults> SearchAsync(IArticleStore store, ITextEmbedder embedder, SemanticRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text;
        if (request.Mode == SearchMode.Keyword)
        {
            return await store.SearchAsync(request.Keyword ?? throw new ArgumentException("a keyword search needs its parsed query", nameof(request)), ct);
        }

        await RequireVectorsAsync(store, embedder.Model, ct);
        var query = embedder.Embed([text], ct)[0];
        if (request.Mode == SearchMode.Semantic)
        {
            var nearest = await store.NearestAsync(new NearestRequest(embedder.Model, query, request.Filter, request.Limit, request.Offset), ct);
            var hits = new List<SearchHit>(nearest.Hits.Count);
            foreach (var h in nearest.Hits)
            {
                if (await HitAsync(store, h.ArticleId, h.Score, ct) is { } hit)
                {
                    hits.Add(hit);
                }
            }

            return new SearchResults(hits, nearest.Compared, text) { Matches = nearest.Compared, Ranked = nearest.Compared };
        }

        var parsed = request.Keyword ?? throw new ArgumentException("a hybrid search needs its parsed keyword query", nameof(request));
        var keyword = await store.SearchAsync(parsed with { Filter = request.Filter, Limit = HybridDepth, Offset = 0, Sort = SearchSort.Relevance, CollapseStories = false, Facets = 0 }, ct);
        var vectors = await store.NearestAsync(new NearestRequest(embedder.Model, query, request.Filter, HybridDepth), ct);
        var fused = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < keyword.Hits.Count; i++)
        {
            fused[keyword.Hits[i].Id] = fused.GetValueOrDefault(keyword.Hits[i].Id) + (1.0 / (RrfK + i + 1));
        }

        for (var i = 0; i < vectors.Hits.Count; i++)
        {
            fused[vectors.Hits[i].ArticleId] = fused.GetValueOrDefault(vectors.Hits[i].ArticleId) + (1.0 / (RrfK + i + 1));
        }

        var byId = keyword.Hits.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var page = new List<SearchHit>(request.Limit);
        foreach (var (id, score) in fused.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Skip(request.Offset).Take(request.Limit))
        {
            if (byId.TryGetValue(id, out var hit))
            {
                page.Add(hit with { Score = score });
            }
            else if (await HitAsync(store, id, score, ct) is { } found)
            {
                page.Add(found);
            }
        }

        return new SearchResults(page, fused.Count, keyword.Query) { Matches = fused.Count, Ranked = fused.Count };
    }

    /// <summary>
    /// The stored articles closest in meaning to <paramref name="articleId"/> (itself left out), best first; the
    /// article's own vector when it has one, else its title and lead embedded now. Null when the article is unknown.
    /// </summary>
    public static async Task<IReadOnlyList<SearchHit>?> SimilarAsync(IArticleStore store, ITextEmbedder embedder, string articleId,
        ArticleFilter filter, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(embedder);
        var vector = await store.GetVectorAsync(articleId, embedder.Model, ct);
        if (vector is null)
        {
            if (await store.GetAsync(articleId, ct) is not { } article)
            {
                return null;
            }

            await RequireVectorsAsync(store, embedder.Model, ct);
            vector = embedder.Embed([EmbeddingText.ForArticle(article)], ct)[0];
        }

        var nearest = await store.NearestAsync(new NearestRequest(embedder.Model, vector, filter, limit) { Exclude = articleId }, ct);
        var hits = new List<SearchHit>(nearest.Hits.Count);
        foreach (var h in nearest.Hits)
        {
            if (await HitAsync(store, h.ArticleId, h.Score, ct) is { } hit)
            {
                hits.Add(hit);
            }
        }

        return hits;
    }

    private static async Task RequireVectorsAsync(IArticleStore store, string model, CancellationToken ct)
    {
        var counts = await store.CountVectorsAsync(model, ct);
        if (counts.Embedded == 0)
        {
            throw new SemanticSearchException(counts.Articles == 0
                ? "the store holds no articles"
                : $"none of the {counts.Articles:N0} stored articles has a vector under {model} yet: run `dateline embed` (or ingest with --embed)");
        }
    }

    private static async Task<SearchHit?> HitAsync(IArticleStore store, string id, double score, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } article)
        {
            return null;
        }

        var lead = article.BodyStart(SnippetCharacters + 1);
        if (lead.Length > SnippetCharacters)
        {
            var cut = lead.LastIndexOf(' ', SnippetCharacters);
            lead = lead[..(cut > SnippetCharacters / 2 ? cut : SnippetCharacters)] + "…";
        }

        return new SearchHit(id, article.Title, article.Source, article.Published?.ToString(), lead.Replace(Article.BodySeparator, " ", StringComparison.Ordinal), [], score);
    }
}
