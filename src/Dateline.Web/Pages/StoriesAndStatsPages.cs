using System.Globalization;
using Dateline.Storage;
using Dateline.Web.Api;

namespace Dateline.Web.Pages;

/// <summary>
/// <c>/stories</c> (stories, the most-reported first, with how many articles and outlets reported each and when) and
/// <c>/stats</c> (what the store holds): the pages of <c>/api/stories</c> and <c>/api/stats</c>.
/// </summary>
internal static class StoriesAndStatsPages
{
    private const int PageSize = 50;

    public static async Task<IResult> StoriesAsync(HttpRequest request, IArticleStore store, CancellationToken ct)
    {
        string? Get(string name) => Query.Text(request.Query[name].ToString());
        var (from, to, source, cursor) = (Get("from"), Get("to"), Get("source"), Get("cursor"));
        string? problem = null;
        Page<StorySummary>? page = null;
        try
        {
            page = await store.ListStoriesAsync(Query.Filter(from, to, source, null, null, null), cursor, PageSize, ct);
        }
        catch (Exception ex) when (ex is BadRequestException or InvalidCursorException)
        {
            problem = ex.Message;
        }

        return Layout.Page("Stories", "/stories", h =>
        {
            var said = new[] { source is null ? null : "from " + source, from is null ? null : "since " + from, to is null ? null : "until " + to }.Where(x => x is not null);
            h.Element("h1", "Stories, the most reported first" + (said.Any() ? " · " + string.Join(" · ", said) : string.Empty), ("id", "stories-h1"));
            h.Element("p", "A story is an article with its wire copies, reprints, updates and other outlets' reports; each counts once here.", ("class", "note"));
            h.Open("form", ("class", "search"), ("method", "get"), ("action", "/stories"), ("aria-label", "Filter stories")).Open("fieldset", ("class", "filters")).Element("legend", "Filters");
            SearchPage.Field(h, "source", "Source", "text", source);
            SearchPage.Field(h, "from", "From", "date", from);
            SearchPage.Field(h, "to", "To", "date", to);
            h.Close("fieldset").Markup("<button type=\"submit\" id=\"filter\">Show stories</button>").Close("form");
            if (problem is not null || page is null)
            {
                h.Element("p", problem, ("class", "error"), ("role", "alert"), ("id", "problem"));
                return;
            }

            if (page.Items.Count == 0)
            {
                h.Element("p", "No stories match these filters.", ("class", "empty"));
                return;
            }

            h.Open("ol", ("class", "stories"));
            foreach (var s in page.Items)
            {
                h.Open("li", ("class", "story"), ("data-articles", N(s.Articles)))
                    .Link(Routes.Article(s.FirstArticle), s.Title ?? "(untitled)").Text(" ")
                    .Element("span", $"{N(s.Articles)} article{(s.Articles == 1 ? string.Empty : "s")} from {N(s.Sources)} source{(s.Sources == 1 ? string.Empty : "s")} · "
                        + Span(SearchPage.Day(s.First), SearchPage.Day(s.Last)), ("class", "meta"))
                    .Close("li");
            }

            h.Close("ol");
            SearchPage.NextLink(h, "/stories", page.Next, [("source", source), ("from", from), ("to", to)]);
        });
    }

    public static async Task<IResult> StatsAsync(IArticleStore store, CancellationToken ct)
    {
        var stats = await store.GetStatsAsync(ct);
        return Layout.Page("Store", "/stats", h =>
        {
            h.Element("h1", "What the store holds");
            h.Open("dl", ("class", "facts stats"));
            void Row(string label, string value, string id) => h.Element("dt", label).Element("dd", value, ("id", id));
            Row("Articles", N(stats.Articles), "stat-articles");
            Row("Stories", N(stats.Stories), "stat-stories");
            Row("Annotated", N(stats.Annotated), "stat-annotated");
            Row("Actors", N(stats.Entities), "stat-actors");
            Row("Events", N(stats.Events), "stat-events");
            Row("Published", Span(stats.FirstPublished?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), stats.LastPublished?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "stat-dates");
            Row("Input files", N(stats.Files), "stat-files");
            Row("Size", (stats.SizeBytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB", "stat-size");
            Row("Schema version", N(stats.SchemaVersion), "stat-schema");
            h.Close("dl");
            Counts(h, "Sources", "sources", stats.BySource, k => Routes.WithQuery("/", ("source", k)));
            Counts(h, "Wire agencies", "wires", stats.ByWire, null);
            Counts(h, "Tags", "tags", stats.ByTag, k => Routes.WithQuery("/", ("tag", k)));
        });
    }

    private static void Counts(Html h, string title, string id, IReadOnlyList<KeyValuePair<string, long>> counts, Func<string, string>? href)
    {
        h.Open("section", ("aria-labelledby", id + "-h")).Element("h2", title, ("id", id + "-h"));
        if (counts.Count == 0)
        {
            h.Element("p", "None recorded.", ("class", "empty")).Close("section");
            return;
        }

        h.Open("table", ("class", "counts"), ("id", id)).Markup("<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Articles</th></tr></thead><tbody>");
        foreach (var (name, count) in counts)
        {
            h.Open("tr").Open("td");
            if (href is null)
            {
                h.Text(name);
            }
            else
            {
                h.Link(href(name), name);
            }

            h.Close("td").Element("td", N(count), ("class", "num")).Close("tr");
        }

        h.Markup("</tbody>").Close("table").Close("section");
    }

    private static string Span(string? first, string? last) =>
        first is null && last is null ? "undated" : first == last || last is null ? first ?? last! : first is null ? "until " + last : $"{first} to {last}";

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
