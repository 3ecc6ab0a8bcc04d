using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>Keyset-paged lists over SQLite: articles (newest first) and quotes (read from the stored annotation JSON).</summary>
internal static class SqliteListing
{
    public static async Task<Page<ArticleSummary>> ArticlesAsync(SqliteArticleStore store, ArticleFilter filter, string? cursor, int limit,
        CancellationToken ct)
    {
        var (where, parameters) = SqliteFilter.Build(filter, "a");
        var all = new List<(string, object?)>(parameters) { ("$limit", limit + 1) };
        if (cursor is not null)
        {
            var key = StoreCursor.Decode(cursor, "articles", 2);
            where += " AND (COALESCE(a.published_date, ''), a.id) < ($cd, $cid)";
            all.Add(("$cd", key[0]));
            all.Add(("$cid", key[1]));
        }

        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null, $"""
            SELECT a.id, a.title, a.source, a.published, a.published_source, a.language, a.wire, a.dateline, a.url,
                   COALESCE(a.published_date, '')
            FROM articles a WHERE {where}
            ORDER BY COALESCE(a.published_date, '') DESC, a.id DESC
            LIMIT $limit
            """, [.. all]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var items = new List<ArticleSummary>();
        var lastDate = string.Empty;
        string? next = null;
        while (await r.ReadAsync(ct))
        {
            if (items.Count == limit)
            {
                var last = items[^1];
                next = StoreCursor.Encode("articles", lastDate, last.Id);
                break;
            }

            items.Add(new ArticleSummary(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6), Str(r, 7), Str(r, 8)));
            lastDate = r.GetString(9);
        }

        return new Page<ArticleSummary>(items, next);
    }

    public static async Task<Page<QuoteRecord>> QuotesAsync(SqliteArticleStore store, QuoteFilter filter, string? cursor, int limit,
        CancellationToken ct)
    {
        var clauses = new List<string> { "1 = 1" };
        var parameters = new List<(string, object?)> { ("$limit", limit + 1) };
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            clauses.Add("n.article_id IN (SELECT article_id FROM article_actors WHERE entity_id = $actor) AND aa.entity_id = $actor");
            parameters.Add(("$actor", filter.Actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Speaker))
        {
            clauses.Add("(json_extract(q.value, '$.speaker.text') LIKE $like ESCAPE '\\' OR e.name LIKE $like ESCAPE '\\')");
            parameters.Add(("$like", "%" + filter.Speaker.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%"));
        }

        if (cursor is not null)
        {
            var key = StoreCursor.Decode(cursor, "quotes", 3);
            if (!int.TryParse(key[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k))
            {
                throw new InvalidCursorException("the quotes cursor is damaged; start again without one");
            }

            clauses.Add("(COALESCE(ar.published_date, '') < $cd OR (COALESCE(ar.published_date, '') = $cd AND (n.article_id > $ca OR (n.article_id = $ca AND CAST(q.key AS INTEGER) > $ck))))");
            parameters.Add(("$cd", key[0]));
            parameters.Add(("$ca", key[1]));
            parameters.Add(("$ck", k));
        }

        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null, $"""
            SELECT n.article_id, ar.title, ar.source, ar.published, COALESCE(ar.published_date, ''), CAST(q.key AS INTEGER),
                   json_extract(q.value, '$.start'), json_extract(q.value, '$.end'), json_extract(q.value, '$.text'),
                   json_extract(q.value, '$.direct'), json_extract(q.value, '$.cue.text'), json_extract(q.value, '$.speaker.text'),
                   aa.entity_id, e.name
            FROM annotations n JOIN articles ar ON ar.id = n.article_id
                 JOIN json_each(n.json, '$.quotes') q
                 LEFT JOIN article_actors aa ON aa.article_id = n.article_id AND aa.actor_id = json_extract(q.value, '$.speaker.actor')
                 LEFT JOIN entities e ON e.id = aa.entity_id
            WHERE {string.Join(" AND ", clauses)}
            ORDER BY COALESCE(ar.published_date, '') DESC, n.article_id, CAST(q.key AS INTEGER)
            LIMIT $limit
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
                next = StoreCursor.Encode("quotes", lastDate, last.ArticleId, last.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            }

            items.Add(new QuoteRecord(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7),
                r.GetString(8), !r.IsDBNull(9) && r.GetInt64(9) != 0, Str(r, 10), Str(r, 11), Str(r, 12), Str(r, 13)));
            lastDate = r.GetString(4);
        }

        return new Page<QuoteRecord>(items, next);
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
