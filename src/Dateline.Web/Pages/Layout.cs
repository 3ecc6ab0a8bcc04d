namespace Dateline.Web.Pages;

/// <summary>The page frame: head, skip link, navigation landmark, main, footer. Every page goes through it.</summary>
internal static class Layout
{
    public static IResult Page(string title, string current, Action<Html> body, int status = StatusCodes.Status200OK)
    {
        var h = new Html();
        h.Markup("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Element("title", title + " · Dateline")
            .Markup("<link rel=\"stylesheet\" href=\"/static/app.css\"><script src=\"/static/app.js\" defer></script></head><body>")
            .Markup("<a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Markup("<header class=\"site\"><a class=\"brand\" href=\"/\">Dateline</a><nav aria-label=\"Main\"><ul>");
        foreach (var (href, label) in Nav)
        {
            h.Open("li").Link(href, label, ("aria-current", href == current ? "page" : null)).Close("li");
        }

        h.Markup("</ul></nav></header><main id=\"main\" tabindex=\"-1\">");
        body(h);
        h.Markup("</main><footer class=\"site\"><p>Dateline · <a href=\"/docs\">API</a> · <a href=\"/openapi/v1.json\">OpenAPI</a></p></footer></body></html>");
        return Results.Content(h.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    public static IResult NotFound(string what) => Page("Not found", string.Empty, h => h
        .Element("h1", "Not found")
        .Element("p", what), StatusCodes.Status404NotFound);

    /// <summary>The navigation.</summary>
    private static readonly (string Href, string Label)[] Nav =
    [
        ("/", "Search"), ("/attention", "Attention"), ("/stories", "Stories"), ("/actors", "Actors"), ("/quotes", "Quotes"), ("/events", "Events"), ("/dyads", "Dyads"), ("/stats", "Store"), ("/ingest", "Ingest"), ("/docs", "API"),
    ];
}
