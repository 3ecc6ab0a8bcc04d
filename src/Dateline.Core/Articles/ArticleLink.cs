namespace Dateline.Core.Articles;

/// <summary>A link inside the article body (kept when extraction runs with links included): its text and target.</summary>
public sealed record ArticleLink(string Text, string Url);
