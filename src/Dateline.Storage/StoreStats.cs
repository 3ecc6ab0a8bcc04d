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
    long SizeBytes);
