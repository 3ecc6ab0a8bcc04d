namespace Dateline.Storage;

/// <summary>An article's listing fields, read without loading its body.</summary>
public sealed record ArticleSummary(string Id, string? Title, string? Source, string? Published, string? PublishedSource,
    string? Language, string? Wire, string? Dateline, string? Url);
