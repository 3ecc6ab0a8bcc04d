namespace Dateline.Storage;

/// <summary>Totals over the whole store.</summary>
public sealed record StoreStats(
    long Articles,
    long Files,
    DateOnly? FirstPublished,
    DateOnly? LastPublished,
    IReadOnlyList<KeyValuePair<string, long>> BySource,
    IReadOnlyList<KeyValuePair<string, long>> ByWire,
    int SchemaVersion,
    long SizeBytes)
{
    /// <summary>Articles with stored annotations (the understanding layers).</summary>
    public long Annotated { get; init; }

    /// <summary>Cross-article entities (actors).</summary>
    public long Entities { get; init; }

    /// <summary>Stories: an article with its wire copies, reprints and updates counts once.</summary>
    public long Stories { get; init; }

    /// <summary>Distinct coded events (an event several articles report counts once).</summary>
    public long Events { get; init; }

    /// <summary>The most used publisher tags (ignoring case) with their article counts, at most 20.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByTag { get; init; } = [];
}
