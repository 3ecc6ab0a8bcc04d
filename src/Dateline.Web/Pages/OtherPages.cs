using Microsoft.AspNetCore.Http.Metadata;

namespace Dateline.Web.Pages;

/// <summary>The ingest page (for key holders) and the API docs page.</summary>
internal static class OtherPages
{
    public static IResult Ingest(WebOptions options) => Layout.Page("Ingest", "/ingest", h =>
    {
        h.Element("h1", "Ingest");
        if (options.ApiKey is null)
        {
            h.Element("p", "Writes are disabled on this server: it was started without an API key (--api-key or DATELINE_API_KEY).", ("class", "error"), ("id", "disabled"));
            return;
        }

        h.Element("p", "Upload news files (text dumps, HTML pages, JSON Lines, WARC, feeds, Reuters-21578 SGML) or paste JSON Lines records {url?, html?, text?, title?, published?, source?, tags?}. They run through the same pipeline as `dateline ingest`. Pages are not fetched from URLs.");
        h.Open("form", ("id", "ingest-form"), ("class", "ingest"), ("method", "post"), ("action", "/api/ingest/files"), ("enctype", "multipart/form-data"));
        h.Open("div", ("class", "field")).Element("label", "API key", ("for", "key")).Open("input", ("id", "key"), ("name", "key"), ("type", "password"), ("autocomplete", "off"), ("required", string.Empty)).Close("div");
        h.Open("div", ("class", "field")).Element("label", "Files", ("for", "files")).Open("input", ("id", "files"), ("name", "files"), ("type", "file"), ("multiple", string.Empty)).Close("div");
        h.Open("div", ("class", "field wide")).Element("label", "JSON Lines", ("for", "jsonl")).Element("textarea", null, ("id", "jsonl"), ("name", "jsonl"), ("rows", "8"), ("spellcheck", "false"), ("placeholder", "{\"title\": \"…\", \"text\": \"…\", \"published\": \"2025-06-04\", \"source\": \"…\"}")).Close("div");
        h.Markup("<button type=\"submit\" id=\"send\">Ingest</button>");
        h.Close("form");
        h.Open("div", ("class", "ingest-status"), ("aria-live", "polite"))
            .Open("progress", ("id", "progress"), ("max", "100"), ("value", "0"), ("hidden", string.Empty)).Close("progress")
            .Element("p", null, ("id", "status")).Element("pre", null, ("id", "result")).Close("div");
    });

    public static IResult Docs(IReadOnlyList<Endpoint> endpoints) => Layout.Page("API", "/docs", h =>
    {
        h.Element("h1", "JSON API");
        h.Open("p").Text("The machine-readable description is ").Link("/openapi/v1.json", "/openapi/v1.json", ("id", "openapi-link"))
            .Text(" (OpenAPI). Errors are RFC 7807 problem details. Lists return a ").Element("code", "next").Text(" cursor; pass it back as ").Element("code", "cursor")
            .Text(". Writes need the API key in ").Element("code", "X-Api-Key").Text(" or ").Element("code", "Authorization: Bearer").Text(".").Close("p");
        h.Open("table", ("class", "operations")).Markup("<thead><tr><th scope=\"col\">Method</th><th scope=\"col\">Path</th><th scope=\"col\">What it does</th></tr></thead><tbody>");
        foreach (var e in endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
                     .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal))
        {
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var summary = e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary;
            var description = e.Metadata.GetMetadata<IEndpointDescriptionMetadata>()?.Description;
            h.Open("tr", ("class", "operation")).Element("td", string.Join(", ", methods), ("class", "method")).Open("td", ("class", "path")).Element("code", e.RoutePattern.RawText).Close("td")
                .Open("td").Text(summary).Open("p", ("class", "description"));
            InlineCode(h, description);
            h.Close("p").Close("td").Close("tr");
        }

        h.Markup("</tbody>").Close("table");
    });

    /// <summary>Our own endpoint descriptions mark code with backticks: shown as code, every part escaped as text.</summary>
    private static void InlineCode(Html h, string? text)
    {
        var parts = (text ?? string.Empty).Split('`');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1 && i < parts.Length - 1)
            {
                h.Element("code", parts[i]);
            }
            else
            {
                h.Text(i % 2 == 1 ? "`" + parts[i] : parts[i]);
            }
        }
    }
}
