namespace Dateline.Storage;

/// <summary>An actor across the store: its aliases, the roles it held with their date ranges, and how many articles.</summary>
public sealed record EntityRecord(string Id, string Type, string Name, string? Code, string? Country, IReadOnlyList<string> Aliases,
    IReadOnlyList<EntityRole> Roles, long Articles);

/// <summary>A role seen for an entity, from the first to the last article that gives it.</summary>
public sealed record EntityRole(string Role, string? Code, DateOnly? First, DateOnly? Last, long Articles);
