namespace Dateline.Core.Articles;

/// <summary>An image shown with the article, with its alt text, caption and credit kept apart.</summary>
public sealed record ArticleImage(string? Url, string? Alt, string? Caption, string? Credit);
