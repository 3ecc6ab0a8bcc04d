namespace Dateline.Storage;

/// <summary>
/// Filters shared by search, listing, export and counts. Dates compare the article's calendar publication date;
/// <see cref="Language"/> is the article's language code ("en"); <see cref="Actor"/> is an entity id
/// (<see cref="EntityRecord.Id"/>): only articles that mention it. <see cref="Tag"/> is one of the publisher's subject
/// tags (<c>Article.Tags</c>), compared ignoring case.
/// </summary>
public sealed record ArticleFilter(DateOnly? From = null, DateOnly? To = null, string? Source = null, string? Language = null,
    string? Actor = null, string? Tag = null)
{
    public static ArticleFilter All { get; } = new();
}
