using Dateline.Core.Articles;

namespace Dateline.Extraction.Html;

/// <summary>What a main-text extractor found: body paragraphs in reading order, and links when asked for.</summary>
public sealed record MainText(IReadOnlyList<string> Paragraphs, IReadOnlyList<ArticleLink> Links)
{
    public static MainText Empty { get; } = new([], []);
}
