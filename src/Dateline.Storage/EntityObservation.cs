namespace Dateline.Storage;

/// <summary>One actor as one article saw it: what ingest hands the store to build cross-article entities.</summary>
public sealed record EntityObservation(string ArticleId, DateOnly? Date, string Type, string Name, string? Code, string? Country,
    string? Role, IReadOnlyList<string> Aliases)
{
    /// <summary>The actor's id inside its article's annotations ("a1"), so the article's mentions can link to the entity.</summary>
    public string? ActorId { get; init; }

    /// <summary>The entity key: type, country and the name folded to lower case.</summary>
    public string EntityId => Type + ":" + (Country ?? "-") + ":" + Name.Trim().ToLowerInvariant();
}
