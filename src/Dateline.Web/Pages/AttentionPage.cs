using System.Globalization;
using Dateline.Storage;
using Dateline.Storage.Search;
using Dateline.Web.Api;

namespace Dateline.Web.Pages;

/// <summary>
/// <c>/attention</c>: several queries compared over time (Media Cloud's attention view). A form with one field per query
/// (<c>q</c>, repeated, as the API takes it), the search page's filters, the interval and whether to show counts or
/// shares; the chart (<see cref="AttentionChart"/>), and a table of every period with each query's count and share,
/// each a link to the search for that query in that period.
/// </summary>
internal static class AttentionPage
{
    private static readonly string[] Examples = ["ferry", "strike OR protest"];

    public static async Task<IResult> RenderAsync(HttpRequest request, IArticleStore store, CancellationToken ct)
    {
        string? Get(string name) => Query.Text(request.Query[name].ToString());
        var texts = Query.Values(request, "q").Select(Query.Text).OfType<string>().ToList();
        var (interval, from, to, source, language, actorText, tag) = (Get("interval") ?? "week", Get("from"), Get("to"), Get("source"), Get("language"), Get("actor"), Get("tag"));
        var share = Get("view") == "share";
        string? problem = null;
        AttentionRequest? asked = null;
        AttentionResults? results = null;
        EntityRecord? actor = null;
        if (texts.Count > 0)
        {
            try
            {
                actor = await SearchPage.ActorAsync(store, actorText, ct);
                asked = AttentionApi.Read(texts, interval, Query.Filter(from, to, source, language, actor?.Id, tag));
                results = await store.AttentionAsync(asked, ct);
            }
            catch (Exception ex) when (ex is QuerySyntaxException or SearchBudgetException or BadRequestException)
            {
                problem = ex.Message;
            }
        }

        (string, string?)[] filters = [("from", from), ("to", to), ("source", source), ("language", language), ("actor", actorText), ("tag", tag)];
        return Layout.Page(texts.Count == 0 ? "Attention over time" : "Attention: " + string.Join(" · ", texts), "/attention", h =>
        {
            h.Element("h1", "Attention over time");
            Form(h, texts, interval, share, filters);
            if (problem is not null)
            {
                h.Element("p", problem, ("class", "error"), ("role", "alert"), ("id", "problem"));
                return;
            }

            if (results is null || asked is null)
            {
                h.Open("p").Text("How many articles match each query per day, week, month or year, as counts or as a share of all the articles stored then — several queries on one chart. Queries use the search language (words, \"phrases\", prefix*, title:, NOT, OR). For example: ");
                h.Link(Routes.WithQuery("/attention", [.. Examples.Select(e => ("q", (string?)e))]), string.Join(" vs ", Examples)).Text(".").Close("p");
                return;
            }

            (string, string?)[] keep = [.. asked.Queries.Select(q => ("q", (string?)q.Text)), ("interval", asked.Interval), .. filters];
            var scope = actor is null ? "the store holds" : "mentioning " + actor.Name;
            h.Open("p", ("class", "summary"), ("id", "summary"))
                .Text(string.Create(CultureInfo.InvariantCulture, $"Articles matching each query per {asked.Interval}, {(share ? "as a share of the articles" : "as counts; the share is of the articles")} {scope} that {asked.Interval} ({results.Articles:N0} in all). "))
                .Link(Routes.WithQuery("/attention", [.. keep, ("view", share ? null : "share")]), share ? "Show counts" : "Show shares", ("id", "view-toggle"))
                .Text(" · ").Link(Routes.WithQuery("/api/attention", keep), "JSON").Close("p");
            Undated(h, results, asked);
            if (results.Totals.Count == 0)
            {
                h.Element("p", "No dated articles match these filters.", ("class", "empty"), ("id", "no-articles"));
                return;
            }

            AttentionChart.Write(h, results, share);
            Table(h, asked, results, filters);
        }, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>Says how many articles without a date each query matched: counted, but no period can hold them.</summary>
    private static void Undated(Html h, AttentionResults results, AttentionRequest asked)
    {
        if (results.UndatedTotal == 0)
        {
            return;
        }

        h.Open("p", ("class", "note"), ("id", "undated"))
            .Text(string.Create(CultureInfo.InvariantCulture, $"{results.UndatedTotal:N0} of the articles carry no date, so no {asked.Interval} can hold them; they are left out of the chart and the table. Undated matches: "));
        for (var s = 0; s < results.Series.Count; s++)
        {
            h.Text(s == 0 ? string.Empty : ", ").Element("q", results.Series[s].Query).Text(string.Create(CultureInfo.InvariantCulture, $" {results.Series[s].Undated:N0}"));
        }

        h.Text(".").Close("p");
    }

    private static void Table(Html h, AttentionRequest asked, AttentionResults results, (string, string?)[] filters)
    {
        var points = results.Series.Select(results.Points).ToList();
        h.Open("div", ("class", "table-wrap")).Open("table", ("class", "attention-table"), ("id", "attention-table"))
            .Element("caption", $"Per {asked.Interval}: the articles matching each query, their share of the articles stored that {asked.Interval}, and those articles. Periods without any article are left out.")
            .Markup("<thead><tr><th scope=\"col\">Period</th>");
        foreach (var q in results.Series)
        {
            h.Open("th", ("scope", "col")).Text(q.Query).Close("th");
        }

        h.Markup("<th scope=\"col\">All articles</th></tr></thead><tbody>");
        for (var row = 0; row < results.Totals.Count; row++)
        {
            var total = results.Totals[row];
            h.Open("tr").Element("th", total.Period, ("scope", "row"));
            for (var s = 0; s < points.Count; s++)
            {
                var p = points[s][row];
                var text = string.Create(CultureInfo.InvariantCulture, $"{p.Count:N0} · {AttentionChart.Percent(p.Count, p.Total)}");
                h.Open("td", ("class", "num"), ("data-label", results.Series[s].Query));
                if (p.Count > 0)
                {
                    h.Link(SearchHref(asked, results.Series[s].Query, p.Period, filters), text, ("class", "period-search"));
                }
                else
                {
                    h.Text(text);
                }

                h.Close("td");
            }

            h.Element("td", total.Articles.ToString("N0", CultureInfo.InvariantCulture), ("class", "num"), ("data-label", "All articles")).Close("tr");
        }

        h.Markup("</tbody>").Close("table").Close("div");
    }

    /// <summary>The search page for one query in one period (clipped to the filter's range), with the same filters.</summary>
    private static string SearchHref(AttentionRequest asked, string query, string period, (string Name, string? Value)[] filters)
    {
        if (!Periods.TryParse(period, out var start))
        {
            throw new InvalidOperationException($"the store named a period '{period}'");
        }

        var end = Periods.End(start, asked.Interval);
        var from = asked.Filter.From is { } f && f > start ? f : start;
        var to = asked.Filter.To is { } t && t < end ? t : end;
        return Routes.WithQuery("/", [("q", query), ("from", Periods.Name(from)), ("to", Periods.Name(to)), .. filters.Where(x => x.Name is not ("from" or "to"))]);
    }

    private static void Form(Html h, List<string> texts, string interval, bool share, (string Name, string? Value)[] filters)
    {
        h.Open("form", ("class", "search attention-form"), ("method", "get"), ("action", "/attention"), ("aria-label", "Compare queries over time"));
        h.Open("fieldset", ("class", "queries")).Element("legend", $"Queries, one per field (up to {AttentionRequest.MaxQueries})");
        var fields = Math.Clamp(texts.Count + 1, 2, AttentionRequest.MaxQueries);
        for (var i = 0; i < fields; i++)
        {
            var id = "q" + i.ToString(CultureInfo.InvariantCulture);
            h.Open("div", ("class", "field query-field"))
                .Open("label", ("for", id)).Open("span", ("class", $"swatch line-swatch s{i.ToString(CultureInfo.InvariantCulture)}"), ("aria-hidden", "true")).Close("span")
                .Text($"Query {i + 1}").Close("label")
                .Open("input", ("id", id), ("name", "q"), ("type", "search"), ("value", i < texts.Count ? texts[i] : null),
                    ("placeholder", i == 0 ? "\"summit talks\" Ishiba" : null), ("autofocus", i == 0 && texts.Count == 0 ? string.Empty : null))
                .Close("div");
        }

        h.Close("fieldset");
        h.Open("fieldset", ("class", "filters")).Element("legend", "Filters");
        foreach (var (name, value) in filters)
        {
            SearchPage.Field(h, name, char.ToUpperInvariant(name[0]) + name[1..], name is "from" or "to" ? "date" : "text", value);
        }

        h.Open("div", ("class", "field")).Element("label", "Interval", ("for", "interval")).Open("select", ("id", "interval"), ("name", "interval"));
        foreach (var i in Periods.Intervals)
        {
            h.Open("option", ("value", i), ("selected", i == interval ? string.Empty : null)).Text(i).Close("option");
        }

        h.Close("select").Close("div");
        h.Open("fieldset", ("class", "field view")).Element("legend", "Show");
        foreach (var (value, label) in new[] { ("count", "Article counts"), ("share", "Share of all articles") })
        {
            var on = value == "share" == share;
            h.Open("div", ("class", "check"))
                .Open("input", ("id", "view-" + value), ("name", "view"), ("type", "radio"), ("value", value), ("checked", on ? "checked" : null))
                .Element("label", label, ("for", "view-" + value)).Close("div");
        }

        h.Close("fieldset");
        h.Close("fieldset").Markup("<button type=\"submit\" id=\"compare\">Show attention</button>").Close("form");
    }
}
