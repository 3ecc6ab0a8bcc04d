namespace Dateline.Storage;

/// <summary>
/// An actor a user added or corrected (the rows of an actors file), kept in the store so every later ingest through the
/// API applies it. Type is PERSON, ORG or GPE; country an ISO 3166-1 alpha-3 code.
/// </summary>
public sealed record StoredActorOverride(string Name, IReadOnlyList<string> Aliases, string Type, string? Code, string? Country,
    string? Role);
