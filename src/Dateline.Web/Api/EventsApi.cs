using System.Text;
using Dateline.Storage;
using Dateline.Storage.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dateline.Web.Api;

/// <summary>
/// <c>/api/events</c> (filters as <c>dateline events</c>, newest first with keyset paging on (date, id), streamed CSV /
/// GDELT / PLOVER exports in the same order), <c>/api/events/{id}</c> (one event with every reporting article) and <c>/api/dyads/{a}/{b}</c>.
/// </summary>
internal static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/events", ListAsync).WithName("listEvents").WithTags("events")
            .WithSummary("List coded events newest first, or stream them all as CSV, GDELT rows or PLOVER JSON Lines")
            .WithDescription("Filters: actor (a code prefix on either side: JPN matches JPNGOV), source_actor, target_actor, code (a CAMEO prefix or a PLOVER type), from/to (YYYY-MM-DD, the event date), entity (an actor id from /api/actors: events some article reports with that actor on either side), all=true to include negated and hypothetical events. Each event on a page lists the reports (every sentence) of its first 10 reporting articles under `reports` and counts the articles in `report_count`; GET /api/events/{id} lists every report. Order: newest event date first, events of one date by descending id, undated events (no date in the text or the article) last. format=json (default) pages: pass `next` back as `cursor` (opaque; it keys on date and id, so paging never skips or repeats an event); a null `next` is the last page. format=csv|gdelt|plover streams every match in the same order, uncapped (limit and cursor are ignored) as text/csv (with a header), text/tab-separated-values (GDELT 2.0 event rows, 61 columns, no header) or application/x-ndjson (PLOVER).")
            .ProducesProblem(StatusCodes.Status400BadRequest); // the exports answer text/csv, text/tab-separated-values, application/x-ndjson
        api.MapGet("/events/{id}", GetAsync).WithName("getEvent").WithTags("events")
            .WithSummary("One event with every article that reports it and where (evidence and trigger spans into each article body)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/dyads/{a}/{b}", DyadAsync).WithName("getDyad").WithTags("events")
            .WithSummary("Relations between two actors per period")
            .WithDescription("a, b: actor code prefixes (JPN, KORGOV). interval: day, week, month (default) or year; from/to: YYYY-MM-DD. Each point: counts by quad class, by direction, mean Goldstein, and the denominator (articles the store holds for the period) with events per 100 articles. Only events that count (not negated; actual or intended).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <summary>Reads the filters the API and the events page share.</summary>
    public static EventQuery Filter(string? actor, string? sourceActor, string? targetActor, string? code, string? from, string? to, bool? all,
        string? entity = null) =>
        new(Code(actor, "actor"), Code(sourceActor, "source_actor"), Code(targetActor, "target_actor"), Code(code, "code"),
            Query.Date(from, "from"), Query.Date(to, "to"), all == true, Entity: Query.Text(entity));

    /// <summary>Reporting articles whose reports are listed per event on a page; `report_count` counts them all and `GET /api/events/{id}` lists every report.</summary>
    public const int ListedReports = 10;

    /// <summary>One page of events after the cursor; the store is asked for one more than the page to know whether a next page exists.</summary>
    public static async Task<EventsResponse> PageAsync(IArticleStore store, EventQuery filter, string? cursor, int limit, CancellationToken ct)
    {
        var after = DecodeCursor(Query.Text(cursor));
        var items = new List<StoredEvent>(limit + 1);
        await foreach (var e in store.QueryEventsAsync(filter with { After = after, Limit = limit + 1, MaxReports = filter.MaxReports ?? ListedReports }, ct))
        {
            items.Add(e);
        }

        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            next = EncodeCursor(EventPosition.Of(items[^1]));
        }

        return new EventsResponse(items, next);
    }

    private static async Task<Results<Ok<EventsResponse>, PushStreamHttpResult, ProblemHttpResult>> ListAsync(IArticleStore store, string? actor,
        [FromQuery(Name = "source_actor")] string? sourceActor, [FromQuery(Name = "target_actor")] string? targetActor, string? code, string? from, string? to, bool? all, string? entity, string? format, string? cursor,
        int? limit, CancellationToken ct)
    {
        var filter = Filter(actor, sourceActor, targetActor, code, from, to, all, entity);
        switch (Query.Text(format)?.ToLowerInvariant())
        {
            case null or "json":
                return TypedResults.Ok(await PageAsync(store, filter, cursor, Query.Limit(limit), ct));
            case "csv":
                return Export(store, filter, "text/csv; charset=utf-8", "events.csv", EventFormats.CsvHeader, EventFormats.Csv, ct);
            case "gdelt":
                var added = DateTimeOffset.UtcNow;
                return Export(store, filter, "text/tab-separated-values; charset=utf-8", "events.gdelt.tsv", null, e => EventFormats.Gdelt(e, added), ct);
            case "plover":
                return Export(store, filter, "application/x-ndjson; charset=utf-8", "events.plover.jsonl", null, EventFormats.Plover, ct);
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: $"format '{format}' is not one of json, csv, gdelt, plover");
        }
    }

    /// <summary>Streams every match, one line per event, flushing as it goes: nothing is buffered or capped.</summary>
    private static PushStreamHttpResult Export(IArticleStore store, EventQuery filter, string contentType, string fileName, string? header,
        Func<StoredEvent, string> line, CancellationToken ct) =>
        TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 16 * 1024) { NewLine = "\n" };
            if (header is not null)
            {
                await writer.WriteLineAsync(header);
            }

            await foreach (var e in store.QueryEventsAsync(filter with { After = null, Limit = null }, ct))
            {
                await writer.WriteLineAsync(line(e));
            }
        }, contentType, fileName);

    private static async Task<Results<Ok<StoredEvent>, ProblemHttpResult>> GetAsync(IArticleStore store, long id, CancellationToken ct) =>
        await FindAsync(store, id, ct) is { } e
            ? TypedResults.Ok(e)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Event not found", detail: $"No event has the id {id}.");

    /// <summary>One event by id, whether or not it counts.</summary>
    public static async Task<StoredEvent?> FindAsync(IArticleStore store, long id, CancellationToken ct)
    {
        if (id < 1)
        {
            return null;
        }

        await foreach (var e in store.QueryEventsAsync(new EventQuery(IncludeAll: true, Limit: 1) { Id = id }, ct))
        {
            return e;
        }

        return null;
    }

    private static async Task<Ok<DyadResponse>> DyadAsync(IArticleStore store, string a, string b, string? interval, string? from, string? to,
        CancellationToken ct)
    {
        var query = Dyad(a, b, interval, from, to);
        return TypedResults.Ok(new DyadResponse(query.A, query.B, query.Interval, query.From, query.To, await store.DyadAsync(query, ct),
            await store.UndatedDyadEventsAsync(query, ct)));
    }

    /// <summary>Reads a dyad request the API and the dyad page share.</summary>
    /// <param name="aName">What to call the first actor in an error ("a" in the API, "The first actor code" on the page).</param>
    public static DyadQuery Dyad(string a, string b, string? interval, string? from, string? to, string aName = "a", string bName = "b")
    {
        var i = Query.Text(interval)?.ToLowerInvariant() ?? "month";
        if (i is not ("day" or "week" or "month" or "year"))
        {
            throw new BadRequestException($"interval '{interval}' is not one of day, week, month, year");
        }

        return new DyadQuery(Code(a, aName) ?? throw new BadRequestException(aName + " is empty"), Code(b, bName) ?? throw new BadRequestException(bName + " is empty"), i,
            Query.Date(from, "from"), Query.Date(to, "to"));
    }

    /// <summary>An actor code prefix or CAMEO code: letters and digits only (upper-cased), at most 32.</summary>
    public static string? Code(string? value, string name)
    {
        var v = Query.Text(value);
        if (v is null)
        {
            return null;
        }

        return v.Length <= 32 && v.All(char.IsAsciiLetterOrDigit)
            ? v.ToUpperInvariant()
            : throw new BadRequestException($"{name} '{(v.Length > 40 ? v[..40] + "…" : v)}' is not a code: use letters and digits, at most 32 (JPN, JPNGOV, 036)");
    }

    /// <summary>The position of a page's last event: its date ("" when undated) and id. A cursor of the old id-only list is refused.</summary>
    private static string EncodeCursor(EventPosition last) =>
        StoreCursor.Encode("events", last.Date ?? string.Empty, last.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static EventPosition? DecodeCursor(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        var parts = StoreCursor.Decode(cursor, "events", 2);
        return long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? new EventPosition(parts[0].Length == 0 ? null : parts[0], id)
            : throw new InvalidCursorException($"'{cursor}' is not a cursor of this events list; start again without one");
    }
}
