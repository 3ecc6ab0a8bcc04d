namespace Dateline.Storage;

/// <summary>
/// One story: the articles that report it (wire copies, reprints, updates, other outlets' reports), counted within the
/// filter it was listed with. <see cref="Title"/> is the title of its earliest article.
/// </summary>
public sealed record StorySummary(string Id, string? Title, long Articles, long Sources, string? First, string? Last, string FirstArticle);
