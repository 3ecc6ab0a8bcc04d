using Dateline.Extraction.Html.Dom;

namespace Dateline.Extraction.Html;

/// <summary>
/// The elements metadata reading needs, found in one iterative walk of the page (each CSS query would walk the whole
/// DOM again; on a 170 KB page a dozen of them cost more than the extraction itself).
/// </summary>
internal sealed class PageIndex
{
    public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Canonical { get; private set; }

    public List<HtmlElement> JsonLd { get; } = [];

    public HtmlElement? DatePublished { get; private set; }

    public HtmlElement? TimeInArticle { get; private set; }

    public HtmlElement? TimePubdate { get; private set; }

    public HtmlElement? AnyTime { get; private set; }

    public HtmlElement? FigureWithImage { get; private set; }

    public HtmlElement? FirstH1 { get; private set; }

    public static PageIndex Build(HtmlDocument doc)
    {
        var index = new PageIndex();
        var stack = new Stack<(HtmlElement Element, bool InArticle)>();
        stack.Push((doc.Root, false));
        while (stack.Count > 0)
        {
            var (e, inArticle) = stack.Pop();
            index.Visit(e, inArticle);
            var children = e.ChildNodes;
            var childInArticle = inArticle || e.LocalName == "article";
            for (var i = children.Count - 1; i >= 0; i--)
            {
                if (children[i] is HtmlElement child)
                {
                    stack.Push((child, childInArticle));
                }
            }
        }

        return index;
    }

    private void Visit(HtmlElement e, bool inArticle)
    {
        switch (e.LocalName)
        {
            case "meta":
                var key = e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("itemprop");
                var content = e.GetAttribute("content");
                if (key is not null && !string.IsNullOrWhiteSpace(content))
                {
                    Meta.TryAdd(key, content.Trim());
                }

                break;
            case "link" when Canonical is null && string.Equals(e.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase):
                Canonical = e.GetAttribute("href");
                break;
            case "script" when string.Equals(e.GetAttribute("type"), "application/ld+json", StringComparison.OrdinalIgnoreCase):
                JsonLd.Add(e);
                break;
            case "time" when e.HasAttribute("datetime"):
                if (inArticle)
                {
                    TimeInArticle ??= e;
                }

                if (e.HasAttribute("pubdate"))
                {
                    TimePubdate ??= e;
                }

                AnyTime ??= e;
                break;
            case "figure" when FigureWithImage is null && e.FirstDescendant("img") is not null:
                FigureWithImage = e;
                break;
            case "h1":
                FirstH1 ??= e;
                break;
        }

        if (DatePublished is null && string.Equals(e.GetAttribute("itemprop"), "datePublished", StringComparison.Ordinal))
        {
            DatePublished = e;
        }
    }
}
