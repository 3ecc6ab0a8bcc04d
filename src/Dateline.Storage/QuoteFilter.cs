namespace Dateline.Storage;

/// <summary>
/// Which quotes to list: <see cref="Speaker"/> matches the speaker as written or the name of the actor it resolves to
/// (case-insensitive, part of the name); <see cref="Actor"/> is an entity id (<see cref="EntityRecord.Id"/>).
/// </summary>
public sealed record QuoteFilter(string? Speaker = null, string? Actor = null);
