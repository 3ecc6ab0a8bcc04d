namespace Dateline.Extraction.Html.Dom;

/// <summary>A node of the light DOM: an element or a run of text.</summary>
public abstract class HtmlNode
{
    public HtmlElement? Parent { get; internal set; }
}
