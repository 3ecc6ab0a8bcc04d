namespace Dateline.Storage.Vectors;

/// <summary>Nearest articles best first, and how many vectors the filter let the search compare.</summary>
public sealed record NearestResults(IReadOnlyList<VectorHit> Hits, long Compared);

/// <summary>One neighbour: the article and its cosine similarity to the query (−1 … 1).</summary>
public readonly record struct VectorHit(string ArticleId, double Score);
