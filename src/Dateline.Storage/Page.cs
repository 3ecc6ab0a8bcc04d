namespace Dateline.Storage;

/// <summary>
/// One page of a list that may be long. <see cref="Next"/> is an opaque cursor for the following page, or null on the last
/// page: lists are never silently capped.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
