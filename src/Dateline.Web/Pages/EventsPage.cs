using Dateline.Storage;
using Dateline.Storage.Events;
using Dateline.Web.Api;

namespace Dateline.Web.Pages;

/// <summary>
/// <c>/events</c>: the coded events with the filters of <c>dateline events</c> (and an actor id from an actor page),
/// 50 a page newest first (by event date, then id; undated events last, as the summary says), each with its evidence
/// sentence and the articles that report it; links to the exports, which keep the same order.
/// </summary>
internal static class EventsPage
{
    private const int PageSize = 50;

    public static async Task<IResult> RenderAsync(HttpRequest request, IArticleStore store, CancellationToken ct)
    {
        string? Get(string name) => Query.Text(request.Query[name].ToString());
        var (actor, source, target, code, from, to, entity, cursor) =
            (Get("actor"), Get("source_actor"), Get("target_actor"), Get("code"), Get("from"), Get("to"), Get("entity"), Get("cursor"));
        var all = Get("all") is "true" or "on" or "1";
        (string, string?)[] keep = [("actor", actor), ("source_actor", source), ("target_actor", target), ("code", code), ("from", from), ("to", to),
            ("entity", entity), ("all", all ? "true" : null)];
        string? problem = null;
        EventsResponse? page = null;
        EntityRecord? who = null;
        try
        {
            // "Shigeru Ishiba", "Japan": a name (as the home page takes) finds the actor; "JPN", "jpngov" stay code prefixes.
            var codeFilter = actor;
            if (entity is null && actor is not null && (actor.Contains(' ', StringComparison.Ordinal) || actor.Any(char.IsLower))
                && (await store.ListEntitiesAsync(actor, null, 1, ct)).Items is [var named, ..])
            {
                (entity, codeFilter) = (named.Id, null);
            }

            var filter = EventsApi.Filter(codeFilter, source, target, code, from, to, all, entity);
            who = entity is null ? null : await store.GetEntityAsync(entity, ct) ?? throw new BadRequestException($"no actor has the id '{entity}'");
            page = await EventsApi.PageAsync(store, filter, cursor, PageSize, ct);
        }
        catch (Exception ex) when (ex is BadRequestException or InvalidCursorException)
        {
            problem = ex.Message;
        }

        return Layout.Page("Events", "/events", h =>
        {
            h.Element("h1", Heading(who, actor, source, target, code, from, to, all), ("id", "events-h1"));
            Form(h, actor, source, target, code, from, to, entity, all);
            if (problem is not null || page is null)
            {
                h.Element("p", problem, ("class", "error"), ("role", "alert"), ("id", "problem"));
                return;
            }

            var exports = keep.Where(k => k.Item1 != "cursor").ToArray();
            h.Open("p", ("class", "summary"), ("id", "events-summary"))
                .Text($"{page.Items.Count} event{(page.Items.Count == 1 ? string.Empty : "s")} on this page, newest first (undated events last)"
                + (page.Next is null ? "." : "; more on the next.") + " Download every match in this order: ")
                .Link(Routes.WithQuery("/api/events", [.. exports, ("format", "csv")]), "CSV").Text(", ")
                .Link(Routes.WithQuery("/api/events", [.. exports, ("format", "gdelt")]), "GDELT rows").Text(", ")
                .Link(Routes.WithQuery("/api/events", [.. exports, ("format", "plover")]), "PLOVER JSON").Text(". Compare two actors over time on the ")
                .Link("/dyads", "dyad page").Text(".").Close("p");
            EventList.Write(h, page.Items, "No events match these filters.");
            SearchPage.NextLink(h, "/events", page.Next, keep);
        });
    }

    /// <summary>The filters in force, said in the heading: "Events of Japan · CONSULT · from 2025-06-01".</summary>
    private static string Heading(EntityRecord? who, string? actor, string? source, string? target, string? code, string? from, string? to, bool all)
    {
        var parts = new List<string>();
        if (who is null && actor is not null)
        {
            parts.Add("involving " + actor.ToUpperInvariant());
        }

        if (source is not null)
        {
            parts.Add("by " + source.ToUpperInvariant());
        }

        if (target is not null)
        {
            parts.Add("against " + target.ToUpperInvariant());
        }

        if (code is not null)
        {
            parts.Add("code " + code.ToUpperInvariant());
        }

        if (from is not null || to is not null)
        {
            parts.Add(from is not null && to is not null ? $"{from} to {to}" : from is not null ? "from " + from : "until " + to);
        }

        if (all)
        {
            parts.Add("with negated and hypothetical");
        }

        var title = who is null ? "Events" : "Events of " + who.Name;
        return parts.Count == 0 ? title : title + " · " + string.Join(" · ", parts);
    }

    private static void Form(Html h, string? actor, string? source, string? target, string? code, string? from, string? to, string? entity, bool all)
    {
        h.Open("form", ("class", "search"), ("role", "search"), ("method", "get"), ("action", "/events"), ("aria-label", "Filter events"));
        h.Open("fieldset", ("class", "filters")).Element("legend", "Filters");
        Field(h, "actor", "Actor: code or name (either side)", "text", actor, "JPN or Shigeru Ishiba");
        Field(h, "source_actor", "Source code", "text", source, "JPNGOV");
        Field(h, "target_actor", "Target code", "text", target, "KOR");
        Field(h, "code", "CAMEO or PLOVER", "text", code, "036 or CONSULT");
        Field(h, "from", "From", "date", from, null);
        Field(h, "to", "To", "date", to, null);
        h.Open("div", ("class", "field check")).Open("input", ("id", "all"), ("name", "all"), ("type", "checkbox"), ("value", "true"), ("checked", all ? string.Empty : null))
            .Element("label", "Include negated and hypothetical", ("for", "all")).Close("div");
        if (entity is not null)
        {
            h.Open("input", ("type", "hidden"), ("name", "entity"), ("value", entity));
        }

        h.Close("fieldset").Markup("<button type=\"submit\" id=\"filter\">Show events</button>").Close("form");
    }

    private static void Field(Html h, string id, string label, string type, string? value, string? placeholder) =>
        h.Open("div", ("class", "field")).Element("label", label, ("for", id))
            .Open("input", ("id", id), ("name", id), ("type", type), ("value", value), ("placeholder", placeholder)).Close("div");
}
