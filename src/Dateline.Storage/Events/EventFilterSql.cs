using System.Globalization;

namespace Dateline.Storage.Events;

/// <summary>
/// An <see cref="EventQuery"/> as a parameterised WHERE clause over the events table, the same on every back end (both
/// take <c>@name</c> parameters and the same SQL here).
/// </summary>
internal static class EventFilterSql
{
    /// <summary>The date part of the list order's key (<see cref="EventPosition"/>), as the ix_events_newest index holds it.</summary>
    private const string DateKey = "COALESCE(date, '')";

    /// <summary>The list order: newest date first, then the higher id; undated events ('') last.</summary>
    public const string Order = DateKey + " DESC, id DESC";

    public static (string Where, List<(string, object?)> Parameters) Build(EventQuery q)
    {
        var clauses = new List<string>();
        var p = new List<(string, object?)>();
        if (!q.IncludeAll)
        {
            clauses.Add("counts = 1");
        }

        // Code prefixes are ranges [prefix, prefix + U+FFFF) in byte order (SQLite's BINARY, PostgreSQL's COLLATE "C" columns),
        // so the code indexes can seek.
        void Prefix(string? value, string sql, string name)
        {
            if (value is { Length: > 0 })
            {
                p.Add((name, value));
                p.Add((name + "l", value.Length));
                p.Add((name + "e", value + "\uFFFF"));
                clauses.Add(sql.Replace("#", name, StringComparison.Ordinal));
            }
        }

        Prefix(q.Actor, "((source_code >= # AND source_code < #e) OR (target_code >= # AND target_code < #e))", "@actor");
        Prefix(q.SourceActor, "source_code >= # AND source_code < #e", "@src");
        Prefix(q.TargetActor, "target_code >= # AND target_code < #e", "@tgt");
        Prefix(q.Code, "(substr(cameo, 1, #l) = # OR plover = # OR plover_type = #)", "@code");

        // An entity's events: reports whose source (target) actor the article recorded under that entity.
        void Entity(string? value, string side, string name)
        {
            if (value is { Length: > 0 })
            {
                p.Add((name, value));
                clauses.Add($"""
                    id IN (SELECT r.event_id FROM article_actors aa JOIN event_reports r ON r.article_id = aa.article_id AND {side}
                           WHERE aa.entity_id = {name})
                    """);
            }
        }

        Entity(q.Entity, "(r.source_actor = aa.actor_id OR r.target_actor = aa.actor_id)", "@entity");
        Entity(q.SourceEntity, "r.source_actor = aa.actor_id", "@srcentity");
        Entity(q.TargetEntity, "r.target_actor = aa.actor_id", "@tgtentity");
        if (q.From is { } from)
        {
            p.Add(("@from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            clauses.Add("date >= @from");
        }

        if (q.To is { } to)
        {
            p.Add(("@to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            clauses.Add("date <= @to");
        }

        // The keyset of the list order, (date, id) < (last date, last id): an undated event's date key is '' (below every
        // date), so undated events stay after the dated ones. Written as a range on the date key (which the
        // ix_events_newest index seeks to; SQLite does not seek an expression index on a row value) and a test of the id
        // that only the last date's events need.
        if (q.After is { } after)
        {
            p.Add(("@afterdate", after.Date ?? string.Empty));
            p.Add(("@afterid", after.Id));
            clauses.Add($"{DateKey} <= @afterdate AND ({DateKey} < @afterdate OR id < @afterid)");
        }

        if (q.Id is { } id)
        {
            p.Add(("@eventid", id));
            clauses.Add("id = @eventid");
        }

        return (clauses.Count == 0 ? "1 = 1" : string.Join(" AND ", clauses), p);
    }
}
