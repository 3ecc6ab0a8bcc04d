namespace Dateline.Extraction.Html.Dom;

/// <summary>Text between tags, with character references already decoded.</summary>
public sealed class HtmlText(string data) : HtmlNode
{
    public string Data { get; } = data;
}
