namespace Dateline.Storage.Vectors;

/// <summary>
/// The stored articles whose <paramref name="Model"/> vectors are closest to <paramref name="Query"/> (highest dot
/// product: cosine, the vectors being unit length), among those <paramref name="Filter"/> keeps, best first; a page of
/// <paramref name="Limit"/> after <paramref name="Offset"/>. <see cref="Exclude"/> leaves one article out (the one
/// whose neighbours are asked for).
/// </summary>
public sealed record NearestRequest(string Model, float[] Query, ArticleFilter Filter, int Limit = 10, int Offset = 0)
{
    public string? Exclude { get; init; }
}
