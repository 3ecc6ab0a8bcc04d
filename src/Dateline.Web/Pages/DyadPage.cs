using System.Globalization;
using Dateline.Storage;
using Dateline.Storage.Events;
using Dateline.Web.Api;

namespace Dateline.Web.Pages;

/// <summary>
/// <c>/dyads</c> (pick two actors) and <c>/dyads/{a}/{b}</c>: the chart, the same numbers as a table (with the
/// denominators), and — for <c>?period=</c> — that period's events in both directions with their evidence sentences.
/// </summary>
internal static class DyadPage
{
    private static readonly (string A, string B)[] Examples = [("JPN", "KOR"), ("CHN", "JPN"), ("KOR", "PRK"), ("USA", "JPN")];

    private const string FirstName = "The first actor code", SecondName = "The second actor code";

    public static IResult Pick(HttpRequest request)
    {
        string? Get(string name) => Query.Text(request.Query[name].ToString());
        var (a, b, interval, from, to) = (Get("a"), Get("b"), Get("interval"), Get("from"), Get("to"));
        string? problem = null;
        if (a is not null && b is not null)
        {
            try
            {
                var q = EventsApi.Dyad(a, b, interval, from, to, FirstName, SecondName);
                return Results.Redirect(Routes.WithQuery(Routes.Dyad(q.A, q.B), ("interval", q.Interval == "month" ? null : q.Interval), ("from", from), ("to", to)));
            }
            catch (BadRequestException ex)
            {
                problem = ex.Message;
            }
        }

        return Layout.Page("Dyads", "/dyads", h =>
        {
            h.Element("h1", "Compare two actors");
            h.Element("p", "Actor codes as in the events: a country (JPN), or a country and a role (JPNGOV, KORMIL). Codes match as prefixes, so JPN includes JPNGOV.");
            Form(h, a, b, interval ?? "month", from, to);
            if (problem is not null)
            {
                h.Element("p", problem, ("class", "error"), ("role", "alert"), ("id", "problem"));
            }

            h.Element("h2", "Examples").Open("ul", ("class", "examples"));
            foreach (var (x, y) in Examples)
            {
                h.Open("li").Link(Routes.Dyad(x, y), x + " ↔ " + y).Close("li");
            }

            h.Close("ul");
        }, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> RenderAsync(string a, string b, HttpRequest request, IArticleStore store, CancellationToken ct)
    {
        string? Get(string name) => Query.Text(request.Query[name].ToString());
        var (interval, from, to, period) = (Get("interval"), Get("from"), Get("to"), Get("period"));

        // "/dyads/JP%2FN/KOR": the path keeps an encoded slash encoded; errors and the form show what the user typed.
        (a, b) = (Uri.UnescapeDataString(a), Uri.UnescapeDataString(b));
        DyadQuery q;
        try
        {
            q = EventsApi.Dyad(a, b, interval, from, to, FirstName, SecondName);
            if (period is not null && !DyadChart.TryDay(period, out _))
            {
                throw new BadRequestException($"period '{period}' is not a date; use YYYY-MM-DD (the first day of the period)");
            }
        }
        catch (BadRequestException ex)
        {
            return Layout.Page("Dyad", "/dyads", h =>
            {
                h.Element("h1", "Compare two actors");
                Form(h, a, b, interval ?? "month", from, to);
                h.Element("p", ex.Message, ("class", "error"), ("role", "alert"), ("id", "problem"));
            }, StatusCodes.Status400BadRequest);
        }

        var points = await store.DyadAsync(q, ct);
        var undated = await store.UndatedDyadEventsAsync(q, ct);
        var selected = period is not null && DyadChart.TryDay(period, out var start) ? await PeriodEventsAsync(store, q, start, ct) : null;
        (string, string?)[] keep = [("interval", q.Interval == "month" ? null : q.Interval), ("from", from), ("to", to)];
        string Href(string p) => Routes.WithQuery(Routes.Dyad(q.A, q.B), [.. keep, ("period", p)]) + "#events";
        return Layout.Page($"{q.A} ↔ {q.B}", "/dyads", h =>
        {
            h.Element("h1", $"{q.A} ↔ {q.B}", ("id", "dyad-title"));
            Form(h, q.A, q.B, q.Interval, from, to);
            h.Open("p", ("class", "summary")).Text($"{points.Sum(p => p.Events)} events in {points.Count} {q.Interval}{(points.Count == 1 ? string.Empty : "s")} with events (not negated; actual or intended). ")
                .Link(Routes.WithQuery("/api/dyads/" + Uri.EscapeDataString(q.A) + "/" + Uri.EscapeDataString(q.B), [("interval", q.Interval), ("from", from), ("to", to)]), "JSON")
                .Text(" · ").Link(Routes.Dyad(q.B, q.A) + Routes.WithQuery(string.Empty, keep), "swap sides").Close("p");
            if (undated > 0)
            {
                h.Open("p", ("class", "note"), ("id", "undated"))
                    .Text($"{undated} more event{(undated == 1 ? string.Empty : "s")} between these actors {(undated == 1 ? "has" : "have")} no date (the articles carry none), so the chart and the table cannot place {(undated == 1 ? "it" : "them")}: ")
                    .Link(Routes.WithQuery("/events", [("actor", q.A)]), "list the events of " + q.A).Text(".").Close("p");
            }

            if (points.Count == 0)
            {
                h.Element("p", undated > 0 ? "No dated events between these actors in this range." : "No events between these actors in this range.", ("class", "empty"), ("id", "no-events"));
            }
            else
            {
                DyadChart.Write(h, q.A, q.B, q.Interval, DyadChart.Slots(points, q.Interval), Href, period);
                Table(h, q, points, Href, period);
            }

            h.Open("section", ("id", "events"), ("aria-labelledby", "period-h"), ("tabindex", "-1"));
            if (selected is null)
            {
                h.Element("h2", "Events", ("id", "period-h")).Element("p", "Choose a period in the chart or the table to see its events and their evidence sentences.", ("class", "empty"));
            }
            else
            {
                h.Element("h2", $"Events in the {q.Interval} of {period} ({selected.Count})", ("id", "period-h"));
                EventList.Write(h, selected, "No events in this period.");
            }

            h.Close("section");
        });
    }

    /// <summary>The events of one period in both directions, as the dyad counts them, newest first.</summary>
    private static async Task<List<StoredEvent>> PeriodEventsAsync(IArticleStore store, DyadQuery q, DateOnly start, CancellationToken ct)
    {
        var end = DyadChart.End(start, q.Interval);
        var from = q.From is { } f && f > start ? f : start;
        var to = q.To is { } t && t < end ? t : end;
        var events = new Dictionary<long, StoredEvent>();
        foreach (var (source, target) in new[] { (q.A, q.B), (q.B, q.A) })
        {
            await foreach (var e in store.QueryEventsAsync(new EventQuery(SourceActor: source, TargetActor: target, From: from, To: to) { MaxReports = 3 }, ct))
            {
                events.TryAdd(e.Id, e);
            }
        }

        return [.. events.Values.OrderBy(e => e.Date, StringComparer.Ordinal).ThenBy(e => e.Id)];
    }

    private static void Table(Html h, DyadQuery q, IReadOnlyList<DyadPoint> points, Func<string, string> href, string? selected)
    {
        static string N(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "–";
        string[] columns = ["Events", "Verbal coop.", "Material coop.", "Verbal conflict", "Material conflict", q.A + "→" + q.B, q.B + "→" + q.A, "Mean Goldstein", "Articles", "Per 100 articles"];
        h.Open("div", ("class", "table-wrap")).Open("table", ("class", "dyad-table"))
            .Element("caption", $"Per {q.Interval}: counts by quad class and direction, mean Goldstein, and the denominator (articles in the store that {q.Interval})")
            .Markup("<thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Events</th><th scope=\"col\">Verbal coop.</th><th scope=\"col\">Material coop.</th>")
            .Markup("<th scope=\"col\">Verbal conflict</th><th scope=\"col\">Material conflict</th>")
            .Open("th", ("scope", "col")).Text(q.A + "→" + q.B).Close("th").Open("th", ("scope", "col")).Text(q.B + "→" + q.A).Close("th")
            .Markup("<th scope=\"col\">Mean Goldstein</th><th scope=\"col\">Articles</th><th scope=\"col\">Events per 100 articles</th></tr></thead><tbody>");
        foreach (var p in points)
        {
            h.Open("tr", ("class", p.Period == selected ? "selected" : null)).Open("th", ("scope", "row"))
                .Link(href(p.Period), p.Period, ("class", "period-link"), ("aria-current", p.Period == selected ? "true" : null)).Close("th");
            double?[] values = [p.Events, p.VerbalCooperation, p.MaterialCooperation, p.VerbalConflict, p.MaterialConflict, p.AToB, p.BToA, p.MeanGoldstein, p.Articles, p.EventsPerHundredArticles];
            for (var i = 0; i < values.Length; i++)
            {
                h.Element("td", N(values[i]), ("class", "num"), ("data-label", columns[i])); // the label heads the cell when a phone stacks the row
            }

            h.Close("tr");
        }

        h.Markup("</tbody>").Close("table").Close("div");
    }

    private static void Form(Html h, string? a, string? b, string interval, string? from = null, string? to = null)
    {
        h.Open("form", ("class", "search dyad-form"), ("method", "get"), ("action", "/dyads"), ("aria-label", "Pick two actors"));
        h.Open("fieldset", ("class", "filters")).Element("legend", "Two actors");
        Field(h, "a", "First actor code", a, "JPN");
        Field(h, "b", "Second actor code", b, "KOR");
        h.Open("div", ("class", "field")).Element("label", "Interval", ("for", "interval")).Open("select", ("id", "interval"), ("name", "interval"));
        foreach (var i in new[] { "day", "week", "month", "year" })
        {
            h.Open("option", ("value", i), ("selected", i == interval ? string.Empty : null)).Text(i).Close("option");
        }

        h.Close("select").Close("div");
        SearchPage.Field(h, "from", "From", "date", from);
        SearchPage.Field(h, "to", "To", "date", to);
        h.Close("fieldset").Markup("<button type=\"submit\" id=\"compare\">Compare</button>").Close("form");
    }

    private static void Field(Html h, string id, string label, string? value, string placeholder) =>
        h.Open("div", ("class", "field")).Element("label", label, ("for", id))
            .Open("input", ("id", id), ("name", id), ("type", "text"), ("value", value), ("placeholder", placeholder), ("required", string.Empty),
                ("pattern", "[A-Za-z0-9]{1,32}"), ("autocapitalize", "characters")).Close("div");
}
