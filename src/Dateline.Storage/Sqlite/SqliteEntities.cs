using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>Cross-article entities in SQLite: upserts that widen role date ranges, and lookups by name or alias.</summary>
internal static class SqliteEntities
{
    public static async Task RecordAsync(SqliteArticleStore store, IReadOnlyList<EntityObservation> observations, CancellationToken ct)
    {
        if (observations.Count == 0)
        {
            return;
        }

        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
        foreach (var o in observations)
        {
            await RecordOneAsync(c, tx, o, ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Empties the entity tables and records <paramref name="observations"/> instead, in one transaction.</summary>
    public static async Task ReplaceAsync(SqliteArticleStore store, IAsyncEnumerable<EntityObservation> observations, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
        await Exec(c, tx, ct, "DELETE FROM article_actors");
        await Exec(c, tx, ct, "DELETE FROM entity_articles");
        await Exec(c, tx, ct, "DELETE FROM entity_roles");
        await Exec(c, tx, ct, "DELETE FROM entity_aliases");
        await Exec(c, tx, ct, "DELETE FROM entities");

        await foreach (var o in observations.WithCancellation(ct))
        {
            await RecordOneAsync(c, tx, o, ct);
        }

        await tx.CommitAsync(ct);
    }

    private static async Task RecordOneAsync(SqliteConnection c, SqliteTransaction tx, EntityObservation o, CancellationToken ct)
    {
        var id = o.EntityId;
        if (o.Country is null)
        {
            // An article that could not tell the country joins the entity other articles coded, when there is one. The name
            // compares through the NOCASE index (ASCII case folding, as lower() does): lower(name) read every entity.
            await using var find = SqliteArticleStore.Command(c, tx, """
                SELECT e.id FROM entities e WHERE e.name = $name COLLATE NOCASE AND e.type = $type AND e.country IS NOT NULL
                ORDER BY (SELECT COUNT(*) FROM entity_articles a WHERE a.entity_id = e.id) DESC LIMIT 1
                """, ("$type", o.Type), ("$name", o.Name.Trim()));
            if (await find.ExecuteScalarAsync(ct) is string existing)
            {
                id = existing;
            }
        }

        var date = o.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Exec(c, tx, ct, """
            INSERT INTO entities (id, type, name, code, country) VALUES ($id, $type, $name, $code, $country)
            ON CONFLICT (id) DO UPDATE SET code = COALESCE(excluded.code, entities.code),
                name = CASE WHEN length(excluded.name) > length(entities.name) THEN excluded.name ELSE entities.name END
            """, ("$id", id), ("$type", o.Type), ("$name", o.Name), ("$code", o.Code), ("$country", o.Country));
        foreach (var alias in o.Aliases.Append(o.Name).Distinct(StringComparer.Ordinal))
        {
            await Exec(c, tx, ct, "INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES ($id, $alias)", ("$id", id), ("$alias", alias));
        }

        if (o.ActorId is not null)
        {
            await Exec(c, tx, ct, "INSERT OR REPLACE INTO article_actors (article_id, actor_id, entity_id) VALUES ($article, $actor, $id)",
                ("$article", o.ArticleId), ("$actor", o.ActorId), ("$id", id));
        }

        var isNew = await Exec(c, tx, ct, "INSERT OR IGNORE INTO entity_articles (entity_id, article_id) VALUES ($id, $article)",
            ("$id", id), ("$article", o.ArticleId)) > 0;
        if (o.Role is not null && isNew)
        {
            await Exec(c, tx, ct, """
                INSERT INTO entity_roles (entity_id, role, code, first_date, last_date, articles) VALUES ($id, $role, $code, $d, $d, 1)
                ON CONFLICT (entity_id, role) DO UPDATE SET articles = entity_roles.articles + 1,
                    code = COALESCE(excluded.code, entity_roles.code),
                    first_date = CASE WHEN entity_roles.first_date IS NULL OR excluded.first_date < entity_roles.first_date
                                      THEN COALESCE(excluded.first_date, entity_roles.first_date) ELSE entity_roles.first_date END,
                    last_date = CASE WHEN entity_roles.last_date IS NULL OR excluded.last_date > entity_roles.last_date
                                     THEN COALESCE(excluded.last_date, entity_roles.last_date) ELSE entity_roles.last_date END
                """, ("$id", id), ("$role", o.Role), ("$code", o.Code), ("$d", date));
        }
    }

    public static async Task<IReadOnlyList<EntityRecord>> FindAsync(SqliteArticleStore store, string? query, int limit, CancellationToken ct) =>
        await QueryAsync(store, query, null, limit, 0, ct);

    public static async Task<EntityRecord?> GetAsync(SqliteArticleStore store, string id, CancellationToken ct) =>
        await QueryAsync(store, null, id, 1, 0, ct) is [var found, ..] ? found : null;

    public static async Task<Page<EntityRecord>> ListAsync(SqliteArticleStore store, string? query, string? cursor, int limit, CancellationToken ct)
    {
        var offset = StoreCursor.DecodeOffset(cursor, "actors");
        var found = await QueryAsync(store, query, null, limit + 1, offset, ct);
        return found.Count > limit
            ? new Page<EntityRecord>([.. found.Take(limit)], StoreCursor.EncodeOffset("actors", offset + limit))
            : new Page<EntityRecord>(found, null);
    }

    public static async Task<IReadOnlyList<DateCount>> TimelineAsync(SqliteArticleStore store, string entityId, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null, """
            SELECT a.published_date, COUNT(*) FROM entity_articles ea JOIN articles a ON a.id = ea.article_id
            WHERE ea.entity_id = $id GROUP BY a.published_date ORDER BY a.published_date IS NULL, a.published_date
            """, ("$id", entityId));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<DateCount>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new DateCount(Date(r, 0), r.GetInt64(1)));
        }

        return list;
    }

    public static async Task<IReadOnlyDictionary<string, string>> ArticleEntitiesAsync(SqliteArticleStore store, string articleId, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null,
            "SELECT actor_id, entity_id FROM article_actors WHERE article_id = $id", ("$id", articleId));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await r.ReadAsync(ct))
        {
            map[r.GetString(0)] = r.GetString(1);
        }

        return map;
    }

    private static async Task<IReadOnlyList<EntityRecord>> QueryAsync(SqliteArticleStore store, string? query, string? id, int limit, int offset,
        CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        var like = "%" + (query ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var found = new List<(string Id, string Type, string Name, string? Code, string? Country, long Articles)>();
        await using (var cmd = SqliteArticleStore.Command(c, null, """
            SELECT e.id, e.type, e.name, e.code, e.country, (SELECT COUNT(*) FROM entity_articles a WHERE a.entity_id = e.id) AS n
            FROM entities e
            WHERE ($id IS NULL OR e.id = $id) AND ($q IS NULL OR e.name LIKE $like ESCAPE '\' OR EXISTS
                (SELECT 1 FROM entity_aliases x WHERE x.entity_id = e.id AND x.alias LIKE $like ESCAPE '\'))
            ORDER BY n DESC, e.name, e.id LIMIT $limit OFFSET $offset
            """, ("$id", id), ("$q", query), ("$like", like), ("$limit", limit), ("$offset", offset)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                found.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5)));
            }
        }

        var records = new List<EntityRecord>();
        foreach (var e in found)
        {
            var aliases = new List<string>();
            await using (var cmd = SqliteArticleStore.Command(c, null, "SELECT alias FROM entity_aliases WHERE entity_id = $id ORDER BY alias", ("$id", e.Id)))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    aliases.Add(r.GetString(0));
                }
            }

            var roles = new List<EntityRole>();
            await using (var cmd = SqliteArticleStore.Command(c, null,
                "SELECT role, code, first_date, last_date, articles FROM entity_roles WHERE entity_id = $id ORDER BY first_date, role", ("$id", e.Id)))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    roles.Add(new EntityRole(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), Date(r, 2), Date(r, 3), r.GetInt64(4)));
                }
            }

            records.Add(new EntityRecord(e.Id, e.Type, e.Name, e.Code, e.Country, aliases, roles, e.Articles));
        }

        return records;
    }

    private static DateOnly? Date(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

#pragma warning disable CA1068 // params must come last; the token comes right before them
    private static async Task<int> Exec(SqliteConnection c, SqliteTransaction tx, CancellationToken ct, string sql, params (string, object?)[] parameters)
#pragma warning restore CA1068
    {
        await using var cmd = SqliteArticleStore.Command(c, tx, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
