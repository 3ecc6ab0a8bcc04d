using Dateline.Core.Articles;

namespace Dateline.Extraction.Html;

/// <summary>
/// What a main-text extractor found: body paragraphs in reading order, links when asked for, and a warning when the text
/// is a fallback (the extractor's own choice was empty or tiny), which the article carries.
/// </summary>
public sealed record MainText(IReadOnlyList<string> Paragraphs, IReadOnlyList<ArticleLink> Links, string? Warning = null)
{
    public static MainText Empty { get; } = new([], []);
}
