namespace Dateline.Storage;

/// <summary>Filters shared by search, export and counts. Dates compare the article's calendar publication date.</summary>
public sealed record ArticleFilter(DateOnly? From = null, DateOnly? To = null, string? Source = null)
{
    public static ArticleFilter All { get; } = new();
}
