namespace Dateline.Storage.Vectors;

/// <summary>How many stored articles have a vector under one model, of how many articles in all.</summary>
public readonly record struct EmbeddingCounts(long Embedded, long Articles)
{
    public long Missing => Math.Max(0, Articles - Embedded);
}
