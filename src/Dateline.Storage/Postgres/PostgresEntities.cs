using Npgsql;

namespace Dateline.Storage.Postgres;

/// <summary>Cross-article entities in PostgreSQL, as in SQLite: upserts that widen role date ranges, and lookups by name or alias.</summary>
internal static class PostgresEntities
{
    /// <summary>Observations sent per round trip.</summary>
    private const int PerBatch = 500;

    public static async Task RecordAsync(PostgresArticleStore store, IReadOnlyList<EntityObservation> observations, CancellationToken ct)
    {
        if (observations.Count == 0)
        {
            return;
        }

        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var chunk in observations.Chunk(PerBatch))
        {
            await RecordBatchAsync(c, tx, chunk, ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Empties the entity tables and records <paramref name="observations"/> instead, in one transaction.</summary>
    public static async Task ReplaceAsync(PostgresArticleStore store, IAsyncEnumerable<EntityObservation> observations, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await Pg.ExecAsync(c, tx, ct, "DELETE FROM article_actors");
        await Pg.ExecAsync(c, tx, ct, "DELETE FROM entity_articles");
        await Pg.ExecAsync(c, tx, ct, "DELETE FROM entity_roles");
        await Pg.ExecAsync(c, tx, ct, "DELETE FROM entity_aliases");
        await Pg.ExecAsync(c, tx, ct, "DELETE FROM entities");
        var chunk = new List<EntityObservation>(PerBatch);
        await foreach (var o in observations.WithCancellation(ct))
        {
            chunk.Add(o);
            if (chunk.Count == PerBatch)
            {
                await RecordBatchAsync(c, tx, chunk, ct);
                chunk.Clear();
            }
        }

        await RecordBatchAsync(c, tx, chunk, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The entity each statement of an observation writes to: its own id, or — for an article that could not tell the
    /// country — the entity other articles coded under that name, when there is one (the most mentioned). Computed in
    /// every statement rather than asked for first, so a whole batch of observations is one round trip; each statement
    /// sees what the ones before it wrote, as when they were sent one by one.
    /// </summary>
    private const string Chosen = """
        WITH chosen AS (SELECT COALESCE(
            CASE WHEN @country::text IS NULL THEN
                (SELECT e.id FROM entities e WHERE e.type = @type AND lower(e.name) = lower(@trimmed) AND e.country IS NOT NULL
                 ORDER BY (SELECT COUNT(*) FROM entity_articles a WHERE a.entity_id = e.id) DESC LIMIT 1) END,
            @id::text) AS id)
        """;

    private static async Task RecordBatchAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<EntityObservation> observations, CancellationToken ct)
    {
        if (observations.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(c, tx);
        foreach (var o in observations)
        {
            (string, object?)[] who = [("@id", o.EntityId), ("@country", o.Country), ("@type", o.Type), ("@trimmed", o.Name.Trim())];
            batch.BatchCommands.Add(Pg.BatchCommand(Chosen + """
                INSERT INTO entities (id, type, name, code, country) SELECT chosen.id, @type, @name, @code, @country FROM chosen
                ON CONFLICT (id) DO UPDATE SET code = COALESCE(excluded.code, entities.code),
                    name = CASE WHEN length(excluded.name) > length(entities.name) THEN excluded.name ELSE entities.name END
                """, [.. who, ("@name", o.Name), ("@code", o.Code)]));
            batch.BatchCommands.Add(Pg.BatchCommand(Chosen + """
                INSERT INTO entity_aliases (entity_id, alias) SELECT chosen.id, a FROM chosen, unnest(@aliases) AS a ON CONFLICT DO NOTHING
                """, [.. who, ("@aliases", o.Aliases.Append(o.Name).Distinct(StringComparer.Ordinal).ToArray())]));
            if (o.ActorId is not null)
            {
                batch.BatchCommands.Add(Pg.BatchCommand(Chosen + """
                    INSERT INTO article_actors (article_id, actor_id, entity_id) SELECT @article, @actor, chosen.id FROM chosen
                    ON CONFLICT (article_id, actor_id) DO UPDATE SET entity_id = excluded.entity_id
                    """, [.. who, ("@article", o.ArticleId), ("@actor", o.ActorId)]));
            }

            // The role is counted only when the article is new to the entity (the link's insert took), so an article
            // recorded again is not counted twice.
            batch.BatchCommands.Add(o.Role is null
                ? Pg.BatchCommand(Chosen + """
                    INSERT INTO entity_articles (entity_id, article_id) SELECT chosen.id, @article FROM chosen ON CONFLICT DO NOTHING
                    """, [.. who, ("@article", o.ArticleId)])
                : Pg.BatchCommand(Chosen + """
                    , linked AS (
                        INSERT INTO entity_articles (entity_id, article_id) SELECT chosen.id, @article FROM chosen ON CONFLICT DO NOTHING
                        RETURNING entity_id)
                    INSERT INTO entity_roles (entity_id, role, code, first_date, last_date, articles)
                    SELECT entity_id, @role, @code, @d::text, @d::text, 1 FROM linked
                    ON CONFLICT (entity_id, role) DO UPDATE SET articles = entity_roles.articles + 1,
                        code = COALESCE(excluded.code, entity_roles.code),
                        first_date = CASE WHEN entity_roles.first_date IS NULL OR excluded.first_date < entity_roles.first_date
                                          THEN COALESCE(excluded.first_date, entity_roles.first_date) ELSE entity_roles.first_date END,
                        last_date = CASE WHEN entity_roles.last_date IS NULL OR excluded.last_date > entity_roles.last_date
                                         THEN COALESCE(excluded.last_date, entity_roles.last_date) ELSE entity_roles.last_date END
                    """, [.. who, ("@article", o.ArticleId), ("@role", o.Role), ("@code", o.Code),
                        ("@d", o.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]));
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    public static async Task<IReadOnlyList<EntityRecord>> FindAsync(PostgresArticleStore store, string? query, int limit, CancellationToken ct) =>
        await QueryAsync(store, query, null, limit, 0, ct);

    public static async Task<EntityRecord?> GetAsync(PostgresArticleStore store, string id, CancellationToken ct) =>
        await QueryAsync(store, null, id, 1, 0, ct) is [var found, ..] ? found : null;

    public static async Task<Page<EntityRecord>> ListAsync(PostgresArticleStore store, string? query, string? cursor, int limit, CancellationToken ct)
    {
        var offset = StoreCursor.DecodeOffset(cursor, "actors");
        var found = await QueryAsync(store, query, null, limit + 1, offset, ct);
        return found.Count > limit
            ? new Page<EntityRecord>([.. found.Take(limit)], StoreCursor.EncodeOffset("actors", offset + limit))
            : new Page<EntityRecord>(found, null);
    }

    public static async Task<IReadOnlyList<DateCount>> TimelineAsync(PostgresArticleStore store, string entityId, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null, """
            SELECT a.published_date, COUNT(*) FROM entity_articles ea JOIN articles a ON a.id = ea.article_id
            WHERE ea.entity_id = @id GROUP BY a.published_date ORDER BY a.published_date NULLS LAST
            """, ("@id", entityId));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<DateCount>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new DateCount(Pg.Date(r, 0), Pg.Long(r, 1)));
        }

        return list;
    }

    public static async Task<IReadOnlyDictionary<string, string>> ArticleEntitiesAsync(PostgresArticleStore store, string articleId, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null, "SELECT actor_id, entity_id FROM article_actors WHERE article_id = @id", ("@id", articleId));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await r.ReadAsync(ct))
        {
            map[r.GetString(0)] = r.GetString(1);
        }

        return map;
    }

    private static async Task<IReadOnlyList<EntityRecord>> QueryAsync(PostgresArticleStore store, string? query, string? id, int limit, int offset,
        CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        var like = "%" + (query ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var found = new List<(string Id, string Type, string Name, string? Code, string? Country, long Articles)>();
        await using (var cmd = Pg.Command(c, null, """
            SELECT e.id, e.type, e.name, e.code, e.country, (SELECT COUNT(*) FROM entity_articles a WHERE a.entity_id = e.id) AS n
            FROM entities e
            WHERE (@id::text IS NULL OR e.id = @id::text) AND (@q::text IS NULL OR e.name ILIKE @like ESCAPE '\' OR EXISTS
                (SELECT 1 FROM entity_aliases x WHERE x.entity_id = e.id AND x.alias ILIKE @like ESCAPE '\'))
            ORDER BY n DESC, e.name, e.id LIMIT @limit OFFSET @offset
            """, ("@id", id), ("@q", query), ("@like", like), ("@limit", limit), ("@offset", offset)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                found.Add((r.GetString(0), r.GetString(1), r.GetString(2), Pg.Str(r, 3), Pg.Str(r, 4), Pg.Long(r, 5)));
            }
        }

        if (found.Count == 0)
        {
            return [];
        }

        // Aliases and roles of the whole page in two queries.
        var ids = found.Select(f => f.Id).ToArray();
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using (var cmd = Pg.Command(c, null, "SELECT entity_id, alias FROM entity_aliases WHERE entity_id = ANY(@ids) ORDER BY entity_id, alias", ("@ids", ids)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                (aliases.TryGetValue(r.GetString(0), out var list) ? list : aliases[r.GetString(0)] = []).Add(r.GetString(1));
            }
        }

        var roles = new Dictionary<string, List<EntityRole>>(StringComparer.Ordinal);
        await using (var cmd = Pg.Command(c, null, """
            SELECT entity_id, role, code, first_date, last_date, articles FROM entity_roles WHERE entity_id = ANY(@ids)
            ORDER BY entity_id, first_date NULLS FIRST, role
            """, ("@ids", ids)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                (roles.TryGetValue(r.GetString(0), out var list) ? list : roles[r.GetString(0)] = [])
                    .Add(new EntityRole(r.GetString(1), Pg.Str(r, 2), Pg.Date(r, 3), Pg.Date(r, 4), Pg.Long(r, 5)));
            }
        }

        return [.. found.Select(e => new EntityRecord(e.Id, e.Type, e.Name, e.Code, e.Country,
            aliases.GetValueOrDefault(e.Id) ?? [], roles.GetValueOrDefault(e.Id) ?? [], e.Articles))];
    }
}
