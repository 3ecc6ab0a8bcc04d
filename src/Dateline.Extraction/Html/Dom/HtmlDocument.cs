namespace Dateline.Extraction.Html.Dom;

/// <summary>A parsed page: the root, and what the parser had to give up on (depth or size caps).</summary>
public sealed class HtmlDocument(HtmlElement root, bool truncated)
{
    public HtmlElement Root { get; } = root;

    /// <summary>True when the parser stopped nesting at its depth cap or the input hit the size cap.</summary>
    public bool Truncated { get; } = truncated;

    public HtmlElement? Html => Root.Children.FirstOrDefault(e => e.LocalName == "html");

    public HtmlElement? Body => Root.FirstDescendant("body");

    public string? Title => Root.FirstDescendant("title")?.TextContent.Trim();

    public string? Language => (Html ?? Root.FirstDescendant("html"))?.GetAttribute("lang");
}
