using System.Globalization;
using Dateline.Storage;
using Dateline.Storage.Events;
using Dateline.Web.Api;

namespace Dateline.Web.Pages;

/// <summary>The actor list and one actor: aliases, roles over time, a timeline of mentions and events, their events (as source and as target), quotes and articles.</summary>
internal static class ActorPages
{
    public static async Task<IResult> ListAsync(HttpRequest request, IArticleStore store, CancellationToken ct)
    {
        var q = Query.Text(request.Query["q"].ToString());
        var cursor = Query.Text(request.Query["cursor"].ToString());
        Page<EntityRecord> page;
        try
        {
            page = await store.ListEntitiesAsync(q, cursor, 50, ct);
        }
        catch (InvalidCursorException ex)
        {
            return Layout.Page("Actors", "/actors", h => h.Element("h1", "Actors").Element("p", ex.Message, ("class", "error"), ("role", "alert")));
        }

        return Layout.Page("Actors", "/actors", h =>
        {
            h.Element("h1", "Actors");
            h.Open("form", ("class", "search"), ("role", "search"), ("method", "get"), ("action", "/actors")).Open("div", ("class", "query"))
                .Element("label", "Name or alias", ("for", "actor-q")).Open("input", ("id", "actor-q"), ("name", "q"), ("type", "search"), ("value", q))
                .Markup("<button type=\"submit\">Find</button>").Close("div").Close("form");
            h.Open("table", ("class", "actors")).Markup("<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th><th scope=\"col\">Code</th><th scope=\"col\">Articles</th></tr></thead><tbody>");
            foreach (var e in page.Items)
            {
                h.Open("tr", ("class", "actor-row")).Open("td").Link(Routes.Actor(e.Id), e.Name).Close("td").Element("td", e.Type).Element("td", e.Code ?? "–")
                    .Element("td", e.Articles.ToString(CultureInfo.InvariantCulture), ("class", "num")).Close("tr");
            }

            h.Markup("</tbody>").Close("table");
            SearchPage.NextLink(h, "/actors", page.Next, [("q", q)]);
        });
    }

    public static async Task<IResult> DetailAsync(string id, HttpRequest request, IArticleStore store, CancellationToken ct)
    {
        if (await store.GetEntityAsync(id, ct) is not { } actor)
        {
            return Layout.NotFound($"No actor has the id '{id}'.");
        }

        // A date range narrows the timeline, the events and the articles (quotes are listed over all dates).
        var (fromText, toText) = (Query.Text(request.Query["from"].ToString()), Query.Text(request.Query["to"].ToString()));
        DateOnly? from, to;
        try
        {
            (from, to) = (Query.Date(fromText, "from"), Query.Date(toText, "to"));
            if (from > to)
            {
                throw new BadRequestException($"from ({fromText}) is after to ({toText})", "from");
            }
        }
        catch (BadRequestException ex)
        {
            return Layout.Page(actor.Name, "/actors", h =>
            {
                h.Element("h1", actor.Name, ("id", "actor-name"));
                RangeForm(h, actor.Id, fromText, toText);
                h.Element("p", ex.Message, ("class", "error"), ("role", "alert"), ("id", "problem"));
            }, StatusCodes.Status400BadRequest);
        }

        var ranged = from is not null || to is not null;
        var timeline = (await store.GetEntityTimelineAsync(id, ct)).Where(d => !ranged || (d.Date is { } day && day >= (from ?? DateOnly.MinValue) && day <= (to ?? DateOnly.MaxValue))).ToList();
        var quotes = await store.ListQuotesAsync(new QuoteFilter(Actor: id), null, 20, ct);
        var articles = await store.ListArticlesAsync(new ArticleFilter(From: from, To: to, Actor: id), null, 20, ct);
        var asSource = await EventsApi.PageAsync(store, new EventQuery(From: from, To: to, SourceEntity: id), null, 20, ct);
        var asTarget = await EventsApi.PageAsync(store, new EventQuery(From: from, To: to, TargetEntity: id), null, 20, ct);
        // Counted in the store, not by streaming every event: an actor like a country can have tens of thousands.
        var monthly = await store.EventsPerMonthAsync(new EventQuery(From: from, To: to, Entity: id), ct);
        (string, string?)[] range = [("from", fromText), ("to", toText)];
        var eventsPerMonth = monthly.Where(m => m.Month is not null).ToDictionary(m => m.Month!.Value, m => (int)m.Events);
        var eventCount = monthly.Sum(m => m.Events);

        return Layout.Page(actor.Name, "/actors", h =>
        {
            h.Open("div", ("class", "actor"), ("data-id", actor.Id));
            h.Element("h1", actor.Name, ("id", "actor-name"));
            h.Open("dl", ("class", "facts")).Element("dt", "Type").Element("dd", actor.Type).Element("dt", "Code").Element("dd", actor.Code ?? "–", ("class", "code"))
                .Element("dt", "Country").Element("dd", actor.Country ?? "–").Element("dt", "Articles").Element("dd", actor.Articles.ToString(CultureInfo.InvariantCulture)).Close("dl");

            h.Open("section", ("aria-labelledby", "aliases-h")).Element("h2", "Aliases", ("id", "aliases-h")).Open("ul", ("class", "aliases"));
            foreach (var alias in actor.Aliases)
            {
                h.Element("li", alias, ("class", "alias"));
            }

            h.Close("ul").Close("section");

            h.Open("section", ("aria-labelledby", "roles-h")).Element("h2", "Roles over time", ("id", "roles-h"));
            h.Open("table", ("class", "roles")).Markup("<thead><tr><th scope=\"col\">Role</th><th scope=\"col\">Code</th><th scope=\"col\">First seen</th><th scope=\"col\">Last seen</th><th scope=\"col\">Articles</th></tr></thead><tbody>");
            foreach (var r in actor.Roles)
            {
                h.Open("tr", ("class", "role")).Element("td", r.Role).Element("td", r.Code ?? "–").Element("td", Day(r.First)).Element("td", Day(r.Last))
                    .Element("td", r.Articles.ToString(CultureInfo.InvariantCulture), ("class", "num")).Close("tr");
            }

            h.Markup("</tbody>").Close("table").Close("section");

            h.Open("section", ("aria-labelledby", "timeline-h")).Element("h2", "Mentions and events over time", ("id", "timeline-h"));
            RangeForm(h, actor.Id, fromText, toText);
            if (ranged)
            {
                h.Open("p", ("class", "note"), ("id", "range")).Text($"From {fromText ?? "the first"} to {toText ?? "the last"} date; undated articles and events are left out. ")
                    .Link(Routes.Actor(actor.Id), "All dates").Close("p");
            }

            Timeline.Write(h, timeline, eventsPerMonth, monthly.Where(m => m.Month is null).Sum(m => m.Events),
                (Routes.WithQuery("/", [("actor", actor.Id), .. range]), Routes.WithQuery("/events", [("entity", actor.Id), .. range])));
            h.Close("section");

            h.Open("section", ("class", "actor-events"), ("aria-labelledby", "events-h")).Element("h2", $"Events ({eventCount})", ("id", "events-h"));
            h.Element("h3", "As source", ("id", "as-source"));
            EventList.Write(h, asSource.Items, "No events with this actor as source.");
            h.Element("h3", "As target", ("id", "as-target"));
            EventList.Write(h, asTarget.Items, "No events with this actor as target.");
            h.Open("p").Link(Routes.WithQuery("/events", [("entity", actor.Id), .. range]), "All events of " + actor.Name + " →", ("id", "all-events")).Close("p");
            h.Close("section");

            h.Open("section", ("class", "quotes"), ("aria-labelledby", "quotes-h")).Element("h2", "Quotes", ("id", "quotes-h"));
            QuotesPage.WriteList(h, quotes.Items);
            if (quotes.Next is not null)
            {
                h.Open("p").Link(Routes.WithQuery("/quotes", ("actor", actor.Id)), "All quotes →").Close("p");
            }

            h.Close("section");

            h.Open("section", ("aria-labelledby", "articles-h")).Element("h2", "Articles", ("id", "articles-h")).Open("ul", ("class", "actor-articles"));
            foreach (var a in articles.Items)
            {
                h.Open("li", ("class", "result")).Link(Routes.Article(a.Id), a.Title ?? "(untitled)").Text(" ").Element("span", $"{a.Source} · {SearchPage.Day(a.Published) ?? "undated"}", ("class", "meta")).Close("li");
            }

            h.Close("ul");
            if (articles.Next is not null)
            {
                h.Open("p").Link(Routes.WithQuery("/", [("actor", actor.Id), .. range]), "All articles →").Close("p");
            }

            h.Close("section").Close("div");
        });
    }

    private static void RangeForm(Html h, string id, string? from, string? to)
    {
        h.Open("form", ("class", "search range-form"), ("method", "get"), ("action", Routes.Actor(id)), ("aria-label", "Date range"));
        h.Open("fieldset", ("class", "filters")).Element("legend", "Dates");
        SearchPage.Field(h, "from", "From", "date", from);
        SearchPage.Field(h, "to", "To", "date", to);
        h.Close("fieldset").Markup("<button type=\"submit\" id=\"apply-range\">Apply</button>").Close("form");
    }

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";
}
