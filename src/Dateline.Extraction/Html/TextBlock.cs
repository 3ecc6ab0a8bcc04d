using Dateline.Extraction.Html.Dom;

namespace Dateline.Extraction.Html;

/// <summary>A run of text between block boundaries, with the element that owns it and how much of it is link text.</summary>
internal sealed class TextBlock(HtmlElement owner, string text, int linkChars, int order, IReadOnlyList<Core.Articles.ArticleLink>? links = null)
{
    public IReadOnlyList<Core.Articles.ArticleLink> Links { get; } = links ?? [];

    public HtmlElement Owner { get; } = owner;

    public string Text { get; } = text;

    public int LinkChars { get; } = linkChars;

    public int Order { get; } = order;

    public double LinkDensity => Text.Length == 0 ? 0 : Math.Min(1.0, (double)LinkChars / Text.Length);
}
