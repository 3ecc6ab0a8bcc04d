using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Dateline.Core.Documents;
using Dateline.Storage.Events;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>Events in SQLite: one row per distinct event, one report per article, and the dyad aggregates.</summary>
internal static class SqliteEvents
{
    public static async Task RecordAsync(SqliteArticleStore store, IReadOnlyList<ArticleEvents> batches, CancellationToken ct)
    {
        if (batches.Count == 0)
        {
            return;
        }

        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
        foreach (var batch in batches)
        {
            await Exec(c, tx, ct, "DELETE FROM event_reports WHERE article_id = $a", ("$a", batch.ArticleId));
            string? story;
            await using (var find = SqliteArticleStore.Command(c, tx, "SELECT story_id FROM articles WHERE id = $a", ("$a", batch.ArticleId)))
            {
                story = await find.ExecuteScalarAsync(ct) as string;
            }

            foreach (var r in batch.Events)
            {
                var e = r.Event;
                var date = e.Date ?? batch.FallbackDate;
                var target = e.Target?.Code ?? string.Empty;
                var key = EventKeys.Key(date, e.Source.Code, target, e.Cameo, r.EvidenceText);
                var storyKey = story is null ? null : EventKeys.StoryKey(date, e.Source.Code, target, e.Cameo, story);
                long? id;
                await using (var existing = SqliteArticleStore.Command(c, tx,
                    "SELECT event_id FROM event_keys WHERE key IN ($key, $skey) ORDER BY event_id LIMIT 1", ("$key", key), ("$skey", storyKey)))
                {
                    id = await existing.ExecuteScalarAsync(ct) is long found ? found : null;
                }

                if (id is null)
                {
                    await using var insert = SqliteArticleStore.Command(c, tx, """
                        INSERT INTO events (event_key, story_key, date, source_code, source_country, source_text, target_code, target_country, target_text,
                            cameo, root, plover, plover_type, mode, quad_class, goldstein, negated, modality, counts, evidence, rule, confidence, first_article)
                        VALUES ($key, $skey, $date, $src, $srcc, $srct, $tgt, $tgtc, $tgtt, $cameo, $root, $plover, $ptype, $mode, $quad, $gold, $neg, $modality,
                            $counts, $evidence, $rule, $conf, $article)
                        RETURNING id
                        """,
                        ("$key", key), ("$skey", storyKey), ("$date", date), ("$src", e.Source.Code), ("$srcc", Country(e.Source.Code)), ("$srct", r.SourceText),
                        ("$tgt", target), ("$tgtc", Country(target)), ("$tgtt", r.TargetText), ("$cameo", e.Cameo), ("$root", e.Cameo.Length >= 2 ? e.Cameo[..2] : e.Cameo),
                        ("$plover", e.PloverAct), ("$ptype", e.Plover), ("$mode", e.Mode), ("$quad", e.QuadClass), ("$gold", e.Goldstein),
                        ("$neg", e.Negated ? 1 : 0), ("$modality", e.Modality), ("$counts", e.Counts ? 1 : 0), ("$evidence", r.EvidenceText),
                        ("$rule", e.Rule), ("$conf", e.Confidence), ("$article", batch.ArticleId));
                    id = (long)(await insert.ExecuteScalarAsync(ct))!;
                }

                await Exec(c, tx, ct, "INSERT OR IGNORE INTO event_keys (key, event_id) VALUES ($key, $id)", ("$key", key), ("$id", id));
                if (storyKey is not null)
                {
                    await Exec(c, tx, ct, "INSERT OR IGNORE INTO event_keys (key, event_id) VALUES ($key, $id)", ("$key", storyKey), ("$id", id));
                }

                await Exec(c, tx, ct, """
                    INSERT OR IGNORE INTO event_reports (event_id, article_id, evidence_start, evidence_end, trigger_start, trigger_end, source_actor, target_actor)
                    VALUES ($id, $a, $es, $ee, $ts, $te, $sa, $ta)
                    """,
                    ("$id", id), ("$a", batch.ArticleId), ("$sa", e.Source.ActorId), ("$ta", e.Target?.ActorId), ("$es", e.Evidence.Start), ("$ee", e.Evidence.End),
                    ("$ts", e.Trigger.Start), ("$te", e.Trigger.End));
            }
        }

        // Events no article reports any more (the article was re-annotated) go.
        await Exec(c, tx, ct, "DELETE FROM events WHERE NOT EXISTS (SELECT 1 FROM event_reports r WHERE r.event_id = events.id)");
        await Exec(c, tx, ct, "DELETE FROM event_keys WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = event_keys.event_id)");
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Streams the matches in list order (<see cref="EventPosition"/>: newest date first, then id; undated last). Events are read in chunks of <see cref="Chunk"/> and each chunk's reports come
    /// from one query (not one query per event); nothing beyond a chunk is held in memory.
    /// </summary>
    public static async IAsyncEnumerable<StoredEvent> QueryAsync(SqliteArticleStore store, EventQuery q, [EnumeratorCancellation] CancellationToken ct)
    {
        var (where, parameters) = EventFilterSql.Build(q);
        var limit = q.Limit is { } l ? " LIMIT " + l.ToString(CultureInfo.InvariantCulture) : string.Empty;
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null, $"""
            SELECT id, event_key, date, source_code, source_text, target_code, target_text, cameo, plover, plover_type, mode, quad_class,
                goldstein, negated, modality, evidence, rule, confidence
            FROM events WHERE {where} ORDER BY {EventFilterSql.Order}{limit}
            """, [.. parameters]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var chunk = new List<StoredEvent>(Chunk);
        while (true)
        {
            chunk.Clear();
            while (chunk.Count < Chunk && await r.ReadAsync(ct))
            {
                chunk.Add(new StoredEvent(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
                    r.GetInt32(11), r.GetDouble(12), r.GetInt32(13) != 0, r.GetString(14), r.GetString(15), r.GetString(16), r.GetDouble(17), []));
            }

            if (chunk.Count == 0)
            {
                yield break;
            }

            // While the reader is open the connection keeps one read snapshot, so the reports match the events read.
            var (reports, counts) = await ReportsAsync(c, chunk, q.MaxReports, ct);
            foreach (var e in chunk)
            {
                yield return e with { Reports = reports.TryGetValue(e.Id, out var list) ? list : [], ReportCount = counts.GetValueOrDefault(e.Id) };
            }
        }
    }

    private const int Chunk = 256;

    /// <summary>
    /// The reports of these events, by event, each list in (published, article, position) order, from at most
    /// <paramref name="max"/> articles when given (every report of those); and how many articles report each event.
    /// </summary>
    private static async Task<(Dictionary<long, List<EventReport>> Reports, Dictionary<long, int> Counts)> ReportsAsync(SqliteConnection c,
        List<StoredEvent> events, int? max, CancellationToken ct)
    {
        var ids = "[" + string.Join(',', events.Select(e => e.Id.ToString(CultureInfo.InvariantCulture))) + "]";
        var counts = new Dictionary<long, int>();
        await using (var count = SqliteArticleStore.Command(c, null,
            "SELECT event_id, COUNT(DISTINCT article_id) FROM event_reports WHERE event_id IN (SELECT value FROM json_each($ids)) GROUP BY event_id", ("$ids", ids)))
        {
            await using var cr = await count.ExecuteReaderAsync(ct);
            while (await cr.ReadAsync(ct))
            {
                counts[cr.GetInt64(0)] = cr.GetInt32(1);
            }
        }

        await using var cmd = SqliteArticleStore.Command(c, null, """
            SELECT event_id, article_id, title, url, source, evidence_start, evidence_end, trigger_start, trigger_end FROM (
                SELECT r.event_id, r.article_id, a.title, a.url, a.source, r.evidence_start, r.evidence_end, r.trigger_start, r.trigger_end,
                    DENSE_RANK() OVER (PARTITION BY r.event_id ORDER BY a.published_date, a.id) AS n
                FROM event_reports r JOIN articles a ON a.id = r.article_id WHERE r.event_id IN (SELECT value FROM json_each($ids)))
            WHERE $max IS NULL OR n <= $max
            ORDER BY event_id, n, evidence_start, trigger_start
            """, ("$ids", ids), ("$max", max));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var byEvent = new Dictionary<long, List<EventReport>>();
        while (await r.ReadAsync(ct))
        {
            var id = r.GetInt64(0);
            if (!byEvent.TryGetValue(id, out var list))
            {
                byEvent[id] = list = [];
            }

            list.Add(new EventReport(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                new TextSpan(r.GetInt32(5), r.GetInt32(6)), new TextSpan(r.GetInt32(7), r.GetInt32(8))));
        }

        return (byEvent, counts);
    }

    public static async Task<long> UndatedDyadAsync(SqliteArticleStore store, DyadQuery q, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null, """
            SELECT COUNT(*) FROM events
            WHERE counts = 1 AND date IS NULL
              AND ((source_code >= $a AND source_code < $ae AND target_code >= $b AND target_code < $be)
                OR (source_code >= $b AND source_code < $be AND target_code >= $a AND target_code < $ae))
            """, ("$a", q.A), ("$b", q.B), ("$ae", q.A + "\uFFFF"), ("$be", q.B + "\uFFFF"));
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public static async Task<IReadOnlyList<DyadPoint>> DyadAsync(SqliteArticleStore store, DyadQuery q, CancellationToken ct)
    {
        var bucket = Bucket(q.Interval, "date");
        var articleBucket = Bucket(q.Interval, "published_date");
        var parameters = new List<(string, object?)>
        {
            ("$a", q.A), ("$b", q.B), ("$la", q.A.Length), ("$lb", q.B.Length), ("$ae", q.A + "\uFFFF"), ("$be", q.B + "\uFFFF"),
        };
        var range = new StringBuilder();
        var articleRange = new StringBuilder();
        if (q.From is { } from)
        {
            parameters.Add(("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            range.Append(" AND date >= $from");
            articleRange.Append(" AND published_date >= $from");
        }

        if (q.To is { } to)
        {
            parameters.Add(("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            range.Append(" AND date <= $to");
            articleRange.Append(" AND published_date <= $to");
        }

        await using var c = await store.OpenConnectionAsync(ct);
        var points = new SortedDictionary<string, DyadPoint>(StringComparer.Ordinal);
        await using (var cmd = SqliteArticleStore.Command(c, null, $"""
            SELECT {bucket} AS period, COUNT(*),
                SUM(quad_class = 1), SUM(quad_class = 2), SUM(quad_class = 3), SUM(quad_class = 4),
                SUM(substr(source_code, 1, $la) = $a), SUM(substr(source_code, 1, $lb) = $b AND NOT substr(source_code, 1, $la) = $a),
                AVG(goldstein)
            FROM events
            WHERE counts = 1 AND date IS NOT NULL{range}
              AND ((source_code >= $a AND source_code < $ae AND target_code >= $b AND target_code < $be)
                OR (source_code >= $b AND source_code < $be AND target_code >= $a AND target_code < $ae))
            GROUP BY period ORDER BY period
            """, [.. parameters]))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var period = r.GetString(0);
                points[period] = new DyadPoint(period, r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7),
                    r.IsDBNull(8) ? null : Math.Round(r.GetDouble(8), 3), 0, null);
            }
        }

        // The denominator: how many articles the store holds for each period with events.
        await using (var vol = SqliteArticleStore.Command(c, null, $"""
            SELECT {articleBucket} AS period, COUNT(*) FROM articles WHERE published_date IS NOT NULL{articleRange} GROUP BY period
            """, [.. parameters]))
        {
            await using var r = await vol.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (points.TryGetValue(r.GetString(0), out var p))
                {
                    var articles = r.GetInt64(1);
                    points[p.Period] = p with { Articles = articles, EventsPerHundredArticles = articles == 0 ? null : Math.Round(100.0 * p.Events / articles, 3) };
                }
            }
        }

        return [.. points.Values];
    }

    internal static string Bucket(string interval, string column) => interval switch
    {
        "day" => $"date({column})",
        "week" => $"date({column}, '-6 days', 'weekday 1')",
        "month" => $"strftime('%Y-%m-01', {column})",
        "year" => $"strftime('%Y-01-01', {column})",
        _ => throw new ArgumentException($"interval must be day, week, month or year, not '{interval}'", nameof(interval)),
    };

    /// <summary>Matching events per month ("yyyy-MM", oldest first); undated events under "".</summary>
    public static async Task<IReadOnlyList<(string Month, long Events)>> MonthlyAsync(SqliteArticleStore store, EventQuery q, CancellationToken ct)
    {
        var (where, parameters) = EventFilterSql.Build(q);
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null, $"""
            SELECT CASE WHEN length(date) >= 7 THEN substr(date, 1, 7) ELSE '' END AS month, COUNT(*) FROM events
            WHERE {where}
            GROUP BY month ORDER BY month
            """, [.. parameters]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var months = new List<(string, long)>();
        while (await r.ReadAsync(ct))
        {
            months.Add((r.GetString(0), r.GetInt64(1)));
        }

        return months;
    }

    private static string Country(string code) => code.Length > 3 ? code[..3] : code;

#pragma warning disable CA1068 // params must come last; the token comes right before them
    private static async Task<int> Exec(SqliteConnection c, SqliteTransaction tx, CancellationToken ct, string sql, params (string, object?)[] parameters)
    {
        await using var cmd = SqliteArticleStore.Command(c, tx, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
#pragma warning restore CA1068
}
