using System.Data.Common;
using System.Globalization;

namespace Dateline.Storage.Postgres;

/// <summary>Keyset-paged lists over PostgreSQL: articles (newest first) and quotes (read from the stored annotation JSON).</summary>
internal static class PostgresListing
{
    public static ArticleSummary Summary(DbDataReader r) =>
        new(r.GetString(0), Pg.Str(r, 1), Pg.Str(r, 2), Pg.Str(r, 3), Pg.Str(r, 4), Pg.Str(r, 5), Pg.Str(r, 6), Pg.Str(r, 7), Pg.Str(r, 8));

    public static async Task<Page<ArticleSummary>> ArticlesAsync(PostgresArticleStore store, ArticleFilter filter, string? cursor, int limit,
        CancellationToken ct)
    {
        var (where, parameters) = PostgresFilter.Build(filter, "a");
        var all = new List<(string, object?)>(parameters) { ("@limit", limit + 1) };
        if (cursor is not null)
        {
            var key = StoreCursor.Decode(cursor, "articles", 2);
            where += " AND (COALESCE(a.published_date, ''), a.id) < (@cd, @cid)";
            all.Add(("@cd", key[0]));
            all.Add(("@cid", key[1]));
        }

        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null, $"""
            SELECT a.id, a.title, a.source, a.published, a.published_source, a.language, a.wire, a.dateline, a.url,
                   COALESCE(a.published_date, '')
            FROM articles a WHERE {where}
            ORDER BY COALESCE(a.published_date, '') DESC, a.id DESC
            LIMIT @limit
            """, [.. all]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var items = new List<ArticleSummary>();
        var lastDate = string.Empty;
        string? next = null;
        while (await r.ReadAsync(ct))
        {
            if (items.Count == limit)
            {
                next = StoreCursor.Encode("articles", lastDate, items[^1].Id);
                break;
            }

            items.Add(Summary(r));
            lastDate = r.GetString(9);
        }

        return new Page<ArticleSummary>(items, next);
    }

    public static async Task<Page<QuoteRecord>> QuotesAsync(PostgresArticleStore store, QuoteFilter filter, string? cursor, int limit,
        CancellationToken ct)
    {
        var clauses = new List<string> { "true" };
        var parameters = new List<(string, object?)> { ("@limit", limit + 1) };
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            clauses.Add("n.article_id IN (SELECT article_id FROM article_actors WHERE entity_id = @actor) AND aa.entity_id = @actor");
            parameters.Add(("@actor", filter.Actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Speaker))
        {
            clauses.Add("(q.value -> 'speaker' ->> 'text' ILIKE @like ESCAPE '\\' OR e.name ILIKE @like ESCAPE '\\')");
            parameters.Add(("@like", "%" + filter.Speaker.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%"));
        }

        if (cursor is not null)
        {
            var key = StoreCursor.Decode(cursor, "quotes", 3);
            if (!int.TryParse(key[2], NumberStyles.None, CultureInfo.InvariantCulture, out var k))
            {
                throw new InvalidCursorException("the quotes cursor is damaged; start again without one");
            }

            clauses.Add("(COALESCE(ar.published_date, '') < @cd OR (COALESCE(ar.published_date, '') = @cd AND (n.article_id > @ca OR (n.article_id = @ca AND q.ord - 1 > @ck))))");
            parameters.Add(("@cd", key[0]));
            parameters.Add(("@ca", key[1]));
            parameters.Add(("@ck", (long)k));
        }

        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null, $"""
            SELECT n.article_id, ar.title, ar.source, ar.published, COALESCE(ar.published_date, ''), (q.ord - 1)::int,
                   (q.value ->> 'start')::int, (q.value ->> 'end')::int, q.value ->> 'text',
                   q.value ->> 'direct', q.value -> 'cue' ->> 'text', q.value -> 'speaker' ->> 'text',
                   aa.entity_id, e.name
            FROM annotations n JOIN articles ar ON ar.id = n.article_id
                 CROSS JOIN LATERAL json_array_elements(CASE WHEN json_typeof(n.json::json -> 'quotes') = 'array' THEN n.json::json -> 'quotes' ELSE '[]'::json END)
                     WITH ORDINALITY AS q(value, ord)
                 LEFT JOIN article_actors aa ON aa.article_id = n.article_id AND aa.actor_id = q.value -> 'speaker' ->> 'actor'
                 LEFT JOIN entities e ON e.id = aa.entity_id
            WHERE {string.Join(" AND ", clauses)}
            ORDER BY COALESCE(ar.published_date, '') DESC, n.article_id, q.ord
            LIMIT @limit
            """, [.. parameters]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var items = new List<QuoteRecord>();
        var lastDate = string.Empty;
        string? next = null;
        while (await r.ReadAsync(ct))
        {
            if (items.Count == limit)
            {
                var last = items[^1];
                next = StoreCursor.Encode("quotes", lastDate, last.ArticleId, last.Index.ToString(CultureInfo.InvariantCulture));
                break;
            }

            items.Add(new QuoteRecord(r.GetString(0), Pg.Str(r, 1), Pg.Str(r, 2), Pg.Str(r, 3), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7),
                r.GetString(8), Pg.Str(r, 9) is "true" or "1", Pg.Str(r, 10), Pg.Str(r, 11), Pg.Str(r, 12), Pg.Str(r, 13)));
            lastDate = r.GetString(4);
        }

        return new Page<QuoteRecord>(items, next);
    }
}
