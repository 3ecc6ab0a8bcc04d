using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Dateline.Core.Documents;
using Dateline.Storage.Events;
using Npgsql;

namespace Dateline.Storage.Postgres;

/// <summary>
/// Events in PostgreSQL, as in SQLite (one row per distinct event, one report per article, the dyad aggregates), safe
/// with concurrent writers: before an event is looked up by its keys, a transaction-scoped advisory lock on each key is
/// taken (in key order), so two workers storing copies of one story cannot both create the event.
/// </summary>
internal static class PostgresEvents
{
    public static async Task RecordAsync(PostgresArticleStore store, IReadOnlyList<ArticleEvents> batches, CancellationToken ct)
    {
        if (batches.Count == 0)
        {
            return;
        }

        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var touched = new HashSet<long>();
        foreach (var batch in batches)
        {
            await using (var clear = Pg.Command(c, tx, "DELETE FROM event_reports WHERE article_id = @a RETURNING event_id", ("@a", batch.ArticleId)))
            await using (var r = await clear.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    touched.Add(r.GetInt64(0));
                }
            }

            string? story;
            await using (var find = Pg.Command(c, tx, "SELECT story_id FROM articles WHERE id = @a", ("@a", batch.ArticleId)))
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
                string[] keys = storyKey is null ? [key] : [.. new[] { key, storyKey }.Order(StringComparer.Ordinal)];
                // The locks, then the lookup, in one round trip: each statement of a batch reads its own snapshot, so the
                // lookup sees an event another writer committed while this one waited for the lock.
                long? id = null;
                await using (var find = new NpgsqlBatch(c, tx))
                {
                    find.BatchCommands.Add(Pg.BatchCommand("SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(@keys) AS k ORDER BY k", ("@keys", keys)));
                    find.BatchCommands.Add(Pg.BatchCommand("SELECT event_id FROM event_keys WHERE key = ANY(@keys) ORDER BY event_id LIMIT 1", ("@keys", keys)));
                    await using var r2 = await find.ExecuteReaderAsync(ct);
                    await r2.NextResultAsync(ct);
                    if (await r2.ReadAsync(ct))
                    {
                        id = r2.GetInt64(0);
                    }
                }

                (string, object?)[] report =
                [
                    ("@a", batch.ArticleId), ("@sa", e.Source.ActorId), ("@ta", e.Target?.ActorId), ("@es", e.Evidence.Start), ("@ee", e.Evidence.End),
                    ("@ts", e.Trigger.Start), ("@te", e.Trigger.End), ("@keys", keys),
                ];
                if (id is null)
                {
                    // A new event, its keys and this report, in one statement.
                    await Pg.ExecAsync(c, tx, ct, """
                        WITH ev AS (
                            INSERT INTO events (event_key, story_key, date, source_code, source_country, source_text, target_code, target_country, target_text,
                                cameo, root, plover, plover_type, mode, quad_class, goldstein, negated, modality, counts, evidence, rule, confidence, first_article)
                            VALUES (@key, @skey, @date, @src, @srcc, @srct, @tgt, @tgtc, @tgtt, @cameo, @root, @plover, @ptype, @mode, @quad, @gold, @neg, @modality,
                                @counts, @evidence, @rule, @conf, @a)
                            ON CONFLICT (event_key) DO UPDATE SET event_key = excluded.event_key
                            RETURNING id),
                        k AS (INSERT INTO event_keys (key, event_id) SELECT x, ev.id FROM ev, unnest(@keys) AS x ON CONFLICT DO NOTHING)
                        INSERT INTO event_reports (event_id, article_id, evidence_start, evidence_end, trigger_start, trigger_end, source_actor, target_actor)
                        SELECT ev.id, @a, @es, @ee, @ts, @te, @sa, @ta FROM ev ON CONFLICT DO NOTHING
                        """,
                        [.. report,
                        ("@key", key), ("@skey", storyKey), ("@date", date), ("@src", e.Source.Code), ("@srcc", Country(e.Source.Code)), ("@srct", r.SourceText),
                        ("@tgt", target), ("@tgtc", Country(target)), ("@tgtt", r.TargetText), ("@cameo", e.Cameo), ("@root", e.Cameo.Length >= 2 ? e.Cameo[..2] : e.Cameo),
                        ("@plover", e.PloverAct), ("@ptype", e.Plover), ("@mode", e.Mode), ("@quad", e.QuadClass), ("@gold", e.Goldstein),
                        ("@neg", e.Negated ? 1 : 0), ("@modality", e.Modality), ("@counts", e.Counts ? 1 : 0), ("@evidence", r.EvidenceText),
                        ("@rule", e.Rule), ("@conf", e.Confidence)]);
                }
                else
                {
                    await Pg.ExecAsync(c, tx, ct, """
                        WITH k AS (INSERT INTO event_keys (key, event_id) SELECT x, @id FROM unnest(@keys) AS x ON CONFLICT DO NOTHING)
                        INSERT INTO event_reports (event_id, article_id, evidence_start, evidence_end, trigger_start, trigger_end, source_actor, target_actor)
                        VALUES (@id, @a, @es, @ee, @ts, @te, @sa, @ta) ON CONFLICT DO NOTHING
                        """, [.. report, ("@id", id)]);
                }
            }
        }

        // Events no article reports any more (their articles were re-annotated) go, with their keys: only those this
        // batch took reports from can have become orphans, so the clean-up costs the batch, not the store.
        if (touched.Count > 0)
        {
            await Pg.ExecAsync(c, tx, ct, """
                DELETE FROM events e WHERE e.id = ANY(@ids) AND NOT EXISTS (SELECT 1 FROM event_reports r WHERE r.event_id = e.id)
                """, ("@ids", touched.ToArray()));
            await Pg.ExecAsync(c, tx, ct, """
                DELETE FROM event_keys k WHERE k.event_id = ANY(@ids) AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = k.event_id)
                """, ("@ids", touched.ToArray()));
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Streams the matches in list order (<see cref="EventPosition"/>: newest date first, then id; undated last),
    /// <see cref="Chunk"/> at a time (keyset pages on the same key), each chunk's reports from one
    /// query, all in one repeatable-read transaction so every page and its reports come from one snapshot; nothing
    /// beyond a chunk is held in memory.
    /// </summary>
    public static async IAsyncEnumerable<StoredEvent> QueryAsync(PostgresArticleStore store, EventQuery q, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var remaining = q.Limit ?? int.MaxValue;
        var last = q.After;
        var chunk = new List<StoredEvent>(Chunk);
        while (remaining > 0)
        {
            chunk.Clear();
            var (where, parameters) = EventFilterSql.Build(q with { After = last });
            await using (var cmd = Pg.Command(c, tx, $"""
                SELECT id, event_key, date, source_code, source_text, target_code, target_text, cameo, plover, plover_type, mode, quad_class,
                    goldstein, negated, modality, evidence, rule, confidence
                FROM events WHERE {where} ORDER BY {EventFilterSql.Order} LIMIT @take
                """, [.. parameters, ("@take", Math.Min(Chunk, remaining))]))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    chunk.Add(new StoredEvent(r.GetInt64(0), r.GetString(1), Pg.Str(r, 2), r.GetString(3), r.GetString(4), r.GetString(5),
                        Pg.Str(r, 6), r.GetString(7), r.GetString(8), r.GetString(9), Pg.Str(r, 10),
                        r.GetInt32(11), r.GetDouble(12), r.GetInt32(13) != 0, r.GetString(14), r.GetString(15), r.GetString(16), r.GetDouble(17), []));
                }
            }

            if (chunk.Count == 0)
            {
                break;
            }

            remaining -= chunk.Count;
            last = EventPosition.Of(chunk[^1]);
            var (reports, counts) = await ReportsAsync(c, tx, chunk, q.MaxReports, ct);
            foreach (var e in chunk)
            {
                yield return e with { Reports = reports.TryGetValue(e.Id, out var list) ? list : [], ReportCount = counts.GetValueOrDefault(e.Id) };
            }
        }

        await tx.CommitAsync(ct);
    }

    private const int Chunk = 256;

    private static async Task<(Dictionary<long, List<EventReport>> Reports, Dictionary<long, int> Counts)> ReportsAsync(NpgsqlConnection c,
        NpgsqlTransaction tx, List<StoredEvent> events, int? max, CancellationToken ct)
    {
        var ids = events.Select(e => e.Id).ToArray();
        var counts = new Dictionary<long, int>();
        await using (var count = Pg.Command(c, tx,
            "SELECT event_id, COUNT(DISTINCT article_id) FROM event_reports WHERE event_id = ANY(@ids) GROUP BY event_id", ("@ids", ids)))
        {
            await using var cr = await count.ExecuteReaderAsync(ct);
            while (await cr.ReadAsync(ct))
            {
                counts[cr.GetInt64(0)] = Pg.Int(cr, 1);
            }
        }

        await using var cmd = Pg.Command(c, tx, """
            SELECT event_id, article_id, title, url, source, evidence_start, evidence_end, trigger_start, trigger_end FROM (
                SELECT r.event_id, r.article_id, a.title, a.url, a.source, r.evidence_start, r.evidence_end, r.trigger_start, r.trigger_end,
                    DENSE_RANK() OVER (PARTITION BY r.event_id ORDER BY a.published_date NULLS FIRST, a.id) AS n
                FROM event_reports r JOIN articles a ON a.id = r.article_id WHERE r.event_id = ANY(@ids)) x
            WHERE @max::int IS NULL OR n <= @max::int
            ORDER BY event_id, n, evidence_start, trigger_start
            """, ("@ids", ids), ("@max", max));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var byEvent = new Dictionary<long, List<EventReport>>();
        while (await r.ReadAsync(ct))
        {
            var id = r.GetInt64(0);
            if (!byEvent.TryGetValue(id, out var list))
            {
                byEvent[id] = list = [];
            }

            list.Add(new EventReport(r.GetString(1), Pg.Str(r, 2), Pg.Str(r, 3), Pg.Str(r, 4),
                new TextSpan(r.GetInt32(5), r.GetInt32(6)), new TextSpan(r.GetInt32(7), r.GetInt32(8))));
        }

        return (byEvent, counts);
    }

    private const string DyadSides = """
        ((source_code >= @a AND source_code < @ae AND target_code >= @b AND target_code < @be)
          OR (source_code >= @b AND source_code < @be AND target_code >= @a AND target_code < @ae))
        """;

    public static async Task<long> UndatedDyadAsync(PostgresArticleStore store, DyadQuery q, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null, $"SELECT COUNT(*) FROM events WHERE counts = 1 AND date IS NULL AND {DyadSides}",
            ("@a", q.A), ("@b", q.B), ("@ae", q.A + "\uFFFF"), ("@be", q.B + "\uFFFF"));
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public static async Task<IReadOnlyList<DyadPoint>> DyadAsync(PostgresArticleStore store, DyadQuery q, CancellationToken ct)
    {
        var bucket = Bucket(q.Interval, "date");
        var articleBucket = Bucket(q.Interval, "published_date");
        var parameters = new List<(string, object?)>
        {
            ("@a", q.A), ("@b", q.B), ("@la", q.A.Length), ("@lb", q.B.Length), ("@ae", q.A + "\uFFFF"), ("@be", q.B + "\uFFFF"),
        };
        var range = new StringBuilder();
        var articleRange = new StringBuilder();
        if (q.From is { } from)
        {
            parameters.Add(("@from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            range.Append(" AND date >= @from");
            articleRange.Append(" AND published_date >= @from");
        }

        if (q.To is { } to)
        {
            parameters.Add(("@to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            range.Append(" AND date <= @to");
            articleRange.Append(" AND published_date <= @to");
        }

        await using var c = await store.OpenConnectionAsync(ct);
        var points = new SortedDictionary<string, DyadPoint>(StringComparer.Ordinal);
        await using (var cmd = Pg.Command(c, null, $"""
            SELECT {bucket} AS period, COUNT(*),
                COUNT(*) FILTER (WHERE quad_class = 1), COUNT(*) FILTER (WHERE quad_class = 2),
                COUNT(*) FILTER (WHERE quad_class = 3), COUNT(*) FILTER (WHERE quad_class = 4),
                COUNT(*) FILTER (WHERE substr(source_code, 1, @la) = @a),
                COUNT(*) FILTER (WHERE substr(source_code, 1, @lb) = @b AND NOT substr(source_code, 1, @la) = @a),
                AVG(goldstein)
            FROM events
            WHERE counts = 1 AND length(date) = 10{range} AND {DyadSides}
            GROUP BY period ORDER BY period
            """, [.. parameters]))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var period = r.GetString(0);
                points[period] = new DyadPoint(period, Pg.Int(r, 1), Pg.Int(r, 2), Pg.Int(r, 3), Pg.Int(r, 4), Pg.Int(r, 5), Pg.Int(r, 6), Pg.Int(r, 7),
                    r.IsDBNull(8) ? null : Math.Round(r.GetDouble(8), 3), 0, null);
            }
        }

        // The denominator: how many articles the store holds for each period with events.
        await using (var vol = Pg.Command(c, null, $"""
            SELECT {articleBucket} AS period, COUNT(*) FROM articles WHERE length(published_date) = 10{articleRange} GROUP BY period
            """, [.. parameters]))
        {
            await using var r = await vol.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (points.TryGetValue(r.GetString(0), out var p))
                {
                    var articles = Pg.Long(r, 1);
                    points[p.Period] = p with { Articles = articles, EventsPerHundredArticles = articles == 0 ? null : Math.Round(100.0 * p.Events / articles, 3) };
                }
            }
        }

        return [.. points.Values];
    }

    /// <summary>The period a yyyy-MM-dd text falls in, as yyyy-MM-dd text (weeks start on Monday, as on SQLite).</summary>
    internal static string Bucket(string interval, string column) => interval switch
    {
        "day" => column,
        "week" => $"to_char(date_trunc('week', {column}::date), 'YYYY-MM-DD')",
        "month" => $"substr({column}, 1, 7) || '-01'",
        "year" => $"substr({column}, 1, 4) || '-01-01'",
        _ => throw new ArgumentException($"interval must be day, week, month or year, not '{interval}'", nameof(interval)),
    };

    /// <summary>Matching events per month ("yyyy-MM", oldest first); undated events under "".</summary>
    public static async Task<IReadOnlyList<(string Month, long Events)>> MonthlyAsync(PostgresArticleStore store, EventQuery q, CancellationToken ct)
    {
        var (where, parameters) = EventFilterSql.Build(q);
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null, $"""
            SELECT CASE WHEN length(date) >= 7 THEN substr(date, 1, 7) ELSE '' END COLLATE "C" AS month, COUNT(*) FROM events
            WHERE {where}
            GROUP BY month ORDER BY month
            """, [.. parameters]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var months = new List<(string, long)>();
        while (await r.ReadAsync(ct))
        {
            months.Add((r.GetString(0), Pg.Long(r, 1)));
        }

        return months;
    }

    private static string Country(string code) => code.Length > 3 ? code[..3] : code;
}
