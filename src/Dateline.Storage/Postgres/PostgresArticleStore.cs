using System.Globalization;
using System.Runtime.CompilerServices;
using Dateline.Core.Articles;
using Dateline.Core.Serialization;
using Dateline.Storage.Search;
using Dateline.Storage.Sqlite;
using Npgsql;

namespace Dateline.Storage.Postgres;

/// <summary>
/// The shared store: one PostgreSQL database that any number of Dateline processes, on any number of machines, read and
/// write at once. Each <see cref="SaveAsync"/> batch is one transaction; connections come from Npgsql's pool.
/// Concurrent writers are safe: an article id is inserted once (row lock on the id, then insert-or-update), event
/// de-duplication takes a transaction-scoped advisory lock per event key, and story linking is serial (one advisory lock per save).
/// </summary>
public sealed class PostgresArticleStore : IArticleStore
{
    /// <summary>
    /// Characters of an article's body that full-text search indexes (PostgreSQL's tsvector holds at most 1 MB and
    /// positions up to 16,383); the stored article keeps its full text.
    /// </summary>
    public const int IndexedCharacters = 500_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresVectors _vectors;

    /// <summary>The advisory lock that makes story linking serial across writers ("STORIES" in ASCII).</summary>
    private const long StoryLinkLock = 0x53544F52494553;

    private PostgresArticleStore(NpgsqlDataSource dataSource, string display)
    {
        _dataSource = dataSource;
        Description = display;
        _vectors = new PostgresVectors(this);
    }

    public string Description { get; }

    public string Location => Description;

    /// <summary>
    /// Opens the database the URL names (creating it when it does not exist and the user may create databases) and
    /// brings its schema up to date.
    /// </summary>
    public static async Task<PostgresArticleStore> OpenAsync(string url, CancellationToken cancellationToken = default)
    {
        var location = PostgresLocation.Parse(url);
        var dataSource = NpgsqlDataSource.Create(location.ConnectionString);
        try
        {
            NpgsqlConnection c;
            try
            {
                c = await dataSource.OpenConnectionAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                await CreateDatabaseAsync(location, cancellationToken);
                c = await dataSource.OpenConnectionAsync(cancellationToken);
            }

            await using (c)
            {
                await PostgresMigrator.MigrateAsync(c, cancellationToken);
            }

            return new PostgresArticleStore(dataSource, location.Display);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await dataSource.DisposeAsync();
            throw new StoreException($"cannot open the store {location.Display}: {ex.Message} (is the server running, and may this user connect?)", ex);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    private static async Task CreateDatabaseAsync(PostgresLocation location, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(location.ConnectionString) { Database = "postgres", Pooling = false };
        await using var c = new NpgsqlConnection(admin.ConnectionString);
        await c.OpenAsync(ct);
        try
        {
            await Pg.ExecAsync(c, null, ct, $"CREATE DATABASE \"{location.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ENCODING 'UTF8' TEMPLATE template0");
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it first (at the same moment, the catalog's unique index says so instead).
        }
    }

    internal async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct) => await _dataSource.OpenConnectionAsync(ct);

    public Task<IReadOnlyList<SaveStatus>> SaveAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        Pg.RetryAsync(() => SaveOnceAsync(articles, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<SaveStatus>> SaveOnceAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var statuses = new List<SaveStatus>(articles.Count);
        if (articles.Count == 0)
        {
            return statuses;
        }

        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        // Story linking is serial: a batch finds its stories among every article committed before it, never beside another
        // writer's uncommitted copies of the same story (which would each start a story of their own). The lock is held
        // to the commit; what waits on it is the writing of batches, not the analysis, which runs before.
        await Pg.ExecAsync(c, tx, cancellationToken, "SELECT pg_advisory_xact_lock(@k)", ("@k", StoryLinkLock));
        var now = Pg.Now();
        foreach (var article in articles)
        {
            var hash = ArticleHashing.ContentHash(article);
            var values = Columns(article, hash, now);
            // Insert, or lock the existing row: two writers saving one id at once queue on the row instead of both inserting.
            long seq;
            await using (var insert = Pg.Command(c, tx, """
                INSERT INTO articles (id, url, source, title, published, published_date, published_source, section, dateline,
                    wire, language, origin_path, origin_offset, content_hash, json, ingested_at, updated_at, search_body, tsv)
                VALUES (@id, @url, @source, @title, @published, @published_date, @published_source, @section, @dateline,
                    @wire, @language, @origin_path, @origin_offset, @content_hash, @json, @now, @now, @body,
                    setweight(to_tsvector('dateline', @search_title), 'A') || setweight(to_tsvector('dateline', @body), 'B'))
                ON CONFLICT (id) DO NOTHING
                RETURNING seq
                """, values))
            {
                if (await insert.ExecuteScalarAsync(cancellationToken) is long inserted)
                {
                    statuses.Add(SaveStatus.Inserted);
                    seq = inserted;
                }
                else
                {
                    await using var find = Pg.Command(c, tx, "SELECT seq, content_hash, origin_path, origin_offset FROM articles WHERE id = @id FOR UPDATE",
                        ("@id", article.Id));
                    bool same;
                    ArticleOrigin oldOrigin;
                    await using (var r = await find.ExecuteReaderAsync(cancellationToken))
                    {
                        await r.ReadAsync(cancellationToken);
                        seq = r.GetInt64(0);
                        same = r.GetString(1) == hash;
                        oldOrigin = new ArticleOrigin(r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3));
                    }

                    if (same)
                    {
                        if (ArticleOrigins.IsEarlier(article.Origin, oldOrigin))
                        {
                            await Pg.ExecAsync(c, tx, cancellationToken, "UPDATE articles SET origin_path = @p, origin_offset = @o, json = @json WHERE id = @id",
                                ("@p", article.Origin.Path), ("@o", article.Origin.Offset), ("@json", DatelineJson.Serialize(article)), ("@id", article.Id));
                        }

                        statuses.Add(SaveStatus.Unchanged);
                        continue;
                    }

                    await using var update = Pg.Command(c, tx, """
                        UPDATE articles SET url = @url, source = @source, title = @title, published = @published,
                            published_date = @published_date, published_source = @published_source, section = @section,
                            dateline = @dateline, wire = @wire, language = @language, origin_path = @origin_path,
                            origin_offset = @origin_offset, content_hash = @content_hash, json = @json, updated_at = @now,
                            search_body = @body,
                            tsv = setweight(to_tsvector('dateline', @search_title), 'A') || setweight(to_tsvector('dateline', @body), 'B')
                        WHERE id = @id
                        """, values);
                    await update.ExecuteNonQueryAsync(cancellationToken);
                    await Pg.ExecAsync(c, tx, cancellationToken, "DELETE FROM article_vectors WHERE seq = @seq", ("@seq", seq));
                    statuses.Add(SaveStatus.Updated);
                }
            }

            await Pg.ExecAsync(c, tx, cancellationToken, "DELETE FROM article_tags WHERE article_id = @id", ("@id", article.Id));
            if (!article.Tags.IsDefaultOrEmpty)
            {
                await Pg.ExecAsync(c, tx, cancellationToken, """
                    INSERT INTO article_tags (article_id, tag) SELECT @id, t FROM unnest(@tags) AS t ON CONFLICT DO NOTHING
                    """, ("@id", article.Id), ("@tags", article.Tags.ToArray()));
            }

            await PostgresStories.AssignAsync(c, tx, article, seq, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return statuses;
    }

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken) => Pg.RetryAsync(() => GetOnceAsync(id, cancellationToken), cancellationToken);

    private async Task<Article?> GetOnceAsync(string id, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Pg.Command(c, null, "SELECT json FROM articles WHERE id = @id", ("@id", id));
        return await cmd.ExecuteScalarAsync(cancellationToken) is string json ? DatelineJson.Deserialize(json) : null;
    }

    public Task SaveAnnotationsAsync(IReadOnlyList<ArticleAnnotations> annotations, CancellationToken cancellationToken) =>
        Pg.RetryAsync(() => SaveAnnotationsOnceAsync(annotations, cancellationToken), cancellationToken);

    private async Task SaveAnnotationsOnceAsync(IReadOnlyList<ArticleAnnotations> annotations, CancellationToken cancellationToken)
    {
        if (annotations.Count == 0)
        {
            return;
        }

        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var now = Pg.Now();
        foreach (var a in annotations)
        {
            await Pg.ExecAsync(c, tx, cancellationToken, """
                INSERT INTO annotations (article_id, pipeline, json, updated_at, fingerprint) VALUES (@id, @p, @j, @t, @f)
                ON CONFLICT (article_id) DO UPDATE SET pipeline = excluded.pipeline, json = excluded.json, updated_at = excluded.updated_at,
                    fingerprint = excluded.fingerprint
                """, ("@id", a.ArticleId), ("@p", a.Pipeline), ("@j", a.Json), ("@t", now), ("@f", a.Fingerprint));
        }

        await tx.CommitAsync(cancellationToken);
    }

    public Task RecordEntitiesAsync(IReadOnlyList<EntityObservation> observations, CancellationToken cancellationToken) =>
        Pg.RetryAsync(() => PostgresEntities.RecordAsync(this, observations, cancellationToken), cancellationToken);

    public Task ReplaceEntitiesAsync(IAsyncEnumerable<EntityObservation> observations, CancellationToken cancellationToken) =>
        PostgresEntities.ReplaceAsync(this, observations, cancellationToken);

    public Task<int> AssignStoriesAsync(CancellationToken cancellationToken) => PostgresStories.BackfillAsync(this, cancellationToken);

    public Task<int> JoinStoriesAsync(string articleId, string otherId, CancellationToken cancellationToken) =>
        Pg.RetryAsync(async () =>
        {
            await using var c = await OpenConnectionAsync(cancellationToken);
            await using var tx = await c.BeginTransactionAsync(cancellationToken);
            // Serial with story linking: a writer saving a report of either story meanwhile sees the stories joined or not.
            await Pg.ExecAsync(c, tx, cancellationToken, "SELECT pg_advisory_xact_lock(@k)", ("@k", StoryLinkLock));
            var moved = await PostgresStories.JoinAsync(c, tx, articleId, otherId, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return moved;
        }, cancellationToken);

    public async Task<Page<StorySummary>> ListStoriesAsync(ArticleFilter filter, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var offset = StoreCursor.DecodeOffset(cursor, "stories");
        var (where, parameters) = PostgresFilter.Build(filter, "a");
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Pg.Command(c, null, $"""
            WITH m AS (SELECT a.id, a.source, a.published_date, COALESCE(a.story_id, a.id) AS story FROM articles a WHERE {where}),
            s AS (SELECT story, COUNT(*) AS n, COUNT(DISTINCT source) AS sources, MIN(published_date) AS first, MAX(published_date) AS last
                  FROM m GROUP BY story)
            SELECT s.story, s.n, s.sources, s.first, s.last,
                   (SELECT m.id FROM m WHERE m.story = s.story ORDER BY COALESCE(m.published_date, '9999'), m.id LIMIT 1) AS first_id
            FROM s ORDER BY s.n DESC, COALESCE(s.last, '') DESC, s.story
            LIMIT @limit OFFSET @offset
            """, [.. parameters, ("@limit", limit + 1), ("@offset", offset)]);
        var items = new List<StorySummary>();
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                items.Add(new StorySummary(r.GetString(0), null, Pg.Long(r, 1), Pg.Long(r, 2), Pg.Str(r, 3), Pg.Str(r, 4), r.GetString(5)));
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            await using var title = Pg.Command(c, null, "SELECT title FROM articles WHERE id = @id", ("@id", items[i].FirstArticle));
            items[i] = items[i] with { Title = await title.ExecuteScalarAsync(cancellationToken) as string };
        }

        return items.Count > limit
            ? new Page<StorySummary>([.. items.Take(limit)], StoreCursor.EncodeOffset("stories", offset + limit))
            : new Page<StorySummary>(items, null);
    }

    public async Task<IReadOnlyList<ArticleSummary>> GetStoryAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Pg.Command(c, null, """
            SELECT a.id, a.title, a.source, a.published, a.published_source, a.language, a.wire, a.dateline, a.url
            FROM articles a WHERE a.story_id = (SELECT story_id FROM articles WHERE id = @id)
            ORDER BY COALESCE(a.published_date, ''), a.id
            """, ("@id", articleId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var items = new List<ArticleSummary>();
        while (await r.ReadAsync(cancellationToken))
        {
            items.Add(PostgresListing.Summary(r));
        }

        return items;
    }

    public async Task<IReadOnlyList<string>> ListArticlesToAnalyzeAsync(string? fingerprint, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = fingerprint is null
            ? Pg.Command(c, null, "SELECT id FROM articles ORDER BY id")
            : Pg.Command(c, null, """
                SELECT a.id FROM articles a LEFT JOIN annotations n ON n.article_id = a.id
                WHERE n.article_id IS NULL OR n.fingerprint IS NULL OR n.fingerprint <> @f
                ORDER BY a.id
                """, ("@f", fingerprint));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await r.ReadAsync(cancellationToken))
        {
            ids.Add(r.GetString(0));
        }

        return ids;
    }

    public async IAsyncEnumerable<AnnotatedArticle> ExportAnnotationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Pg.Command(c, null, """
            SELECT n.article_id, a.published_date, n.json FROM annotations n JOIN articles a ON a.id = n.article_id
            ORDER BY a.published_date NULLS FIRST, a.id
            """);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            yield return new AnnotatedArticle(r.GetString(0), Pg.Date(r, 1), r.GetString(2));
        }
    }

    public Task<IReadOnlyList<EntityRecord>> FindEntitiesAsync(string? query, int limit, CancellationToken cancellationToken) =>
        PostgresEntities.FindAsync(this, query, limit, cancellationToken);

    public Task RecordEventsAsync(IReadOnlyList<Events.ArticleEvents> events, CancellationToken cancellationToken) =>
        Pg.RetryAsync(() => PostgresEvents.RecordAsync(this, events, cancellationToken), cancellationToken);

    public IAsyncEnumerable<Events.StoredEvent> QueryEventsAsync(Events.EventQuery query, CancellationToken cancellationToken) =>
        PostgresEvents.QueryAsync(this, query, cancellationToken);

    public async Task<IReadOnlyList<Events.MonthCount>> EventsPerMonthAsync(Events.EventQuery query, CancellationToken cancellationToken) =>
        [.. (await PostgresEvents.MonthlyAsync(this, query, cancellationToken))
            .Select(m => new Events.MonthCount(
                m.Month.Length == 0 ? null : DateOnly.ParseExact(m.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), m.Events))];

    public Task<IReadOnlyList<Events.DyadPoint>> DyadAsync(Events.DyadQuery query, CancellationToken cancellationToken) =>
        PostgresEvents.DyadAsync(this, query, cancellationToken);

    public Task<long> UndatedDyadEventsAsync(Events.DyadQuery query, CancellationToken cancellationToken) =>
        PostgresEvents.UndatedDyadAsync(this, query, cancellationToken);

    public Task<EntityRecord?> GetEntityAsync(string id, CancellationToken cancellationToken) =>
        PostgresEntities.GetAsync(this, id, cancellationToken);

    public Task<Page<EntityRecord>> ListEntitiesAsync(string? query, string? cursor, int limit, CancellationToken cancellationToken) =>
        PostgresEntities.ListAsync(this, query, cursor, limit, cancellationToken);

    public Task<IReadOnlyList<DateCount>> GetEntityTimelineAsync(string entityId, CancellationToken cancellationToken) =>
        PostgresEntities.TimelineAsync(this, entityId, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetArticleEntitiesAsync(string articleId, CancellationToken cancellationToken) =>
        PostgresEntities.ArticleEntitiesAsync(this, articleId, cancellationToken);

    public Task<Page<QuoteRecord>> ListQuotesAsync(QuoteFilter filter, string? cursor, int limit, CancellationToken cancellationToken) =>
        PostgresListing.QuotesAsync(this, filter, cursor, limit, cancellationToken);

    public Task<Page<ArticleSummary>> ListArticlesAsync(ArticleFilter filter, string? cursor, int limit, CancellationToken cancellationToken) =>
        PostgresListing.ArticlesAsync(this, filter, cursor, limit, cancellationToken);

    public async Task<int> SaveActorOverridesAsync(IReadOnlyList<StoredActorOverride> overrides, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var now = Pg.Now();
        foreach (var o in overrides)
        {
            await Pg.ExecAsync(c, tx, cancellationToken, """
                INSERT INTO actor_overrides (name, aliases, type, code, country, role, updated_at) VALUES (@n, @a, @t, @c, @k, @r, @u)
                ON CONFLICT (name) DO UPDATE SET aliases = excluded.aliases, type = excluded.type, code = excluded.code,
                    country = excluded.country, role = excluded.role, updated_at = excluded.updated_at
                """, ("@n", o.Name), ("@a", System.Text.Json.JsonSerializer.Serialize(o.Aliases.ToArray(), StorageJsonContext.Default.StringArray)),
                ("@t", o.Type), ("@c", o.Code), ("@k", o.Country), ("@r", o.Role), ("@u", now));
        }

        await using var count = Pg.Command(c, tx, "SELECT COUNT(*) FROM actor_overrides");
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await tx.CommitAsync(cancellationToken);
        return total;
    }

    public async Task<IReadOnlyList<StoredActorOverride>> GetActorOverridesAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Pg.Command(c, null, "SELECT name, aliases, type, code, country, role FROM actor_overrides ORDER BY name");
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<StoredActorOverride>();
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new StoredActorOverride(r.GetString(0),
                System.Text.Json.JsonSerializer.Deserialize(r.GetString(1), StorageJsonContext.Default.StringArray) ?? [], r.GetString(2),
                Pg.Str(r, 3), Pg.Str(r, 4), Pg.Str(r, 5)));
        }

        return list;
    }

    public async Task<ArticleAnnotations?> GetAnnotationsAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Pg.Command(c, null, "SELECT pipeline, json, fingerprint FROM annotations WHERE article_id = @id", ("@id", articleId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new ArticleAnnotations(articleId, r.GetString(0), r.GetString(1)) { Fingerprint = Pg.Str(r, 2) }
            : null;
    }

    public async Task<long> CountAsync(ArticleFilter filter, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        var (where, parameters) = PostgresFilter.Build(filter, "articles");
        await using var cmd = Pg.Command(c, null, $"SELECT COUNT(*) FROM articles WHERE {where}", parameters);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    public async IAsyncEnumerable<Article> ExportAsync(ArticleFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        var (where, parameters) = PostgresFilter.Build(filter, "articles");
        await using var cmd = Pg.Command(c, null, $"SELECT json FROM articles WHERE {where} ORDER BY published_date NULLS FIRST, id", parameters);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            yield return DatelineJson.Deserialize(r.GetString(0));
        }
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken) =>
        PostgresSearch.RunAsync(this, request, cancellationToken);

    public Task<AttentionResults> AttentionAsync(AttentionRequest request, CancellationToken cancellationToken) =>
        PostgresAttention.RunAsync(this, request, cancellationToken);

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        async Task<object?> Scalar(string sql)
        {
            await using var cmd = Pg.Command(c, null, sql);
            return await cmd.ExecuteScalarAsync(cancellationToken);
        }

        async Task<List<KeyValuePair<string, long>>> Groups(string sql)
        {
            await using var cmd = Pg.Command(c, null, sql);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            var list = new List<KeyValuePair<string, long>>();
            while (await r.ReadAsync(cancellationToken))
            {
                list.Add(new(r.GetString(0), Pg.Long(r, 1)));
            }

            return list;
        }

        string GroupSql(string column) =>
            $"SELECT {column}, COUNT(*) FROM articles WHERE {column} IS NOT NULL GROUP BY {column} ORDER BY 2 DESC, {column} COLLATE \"C\" LIMIT 50";
        var first = await Scalar("SELECT MIN(published_date) FROM articles") as string;
        var last = await Scalar("SELECT MAX(published_date) FROM articles") as string;
        return new StoreStats(
            (long)(await Scalar("SELECT COUNT(*) FROM articles"))!,
            (long)(await Scalar("SELECT COUNT(*) FROM ingested_files"))!,
            first is null ? null : DateOnly.Parse(first, CultureInfo.InvariantCulture),
            last is null ? null : DateOnly.Parse(last, CultureInfo.InvariantCulture),
            await Groups(GroupSql("source")),
            await Groups(GroupSql("wire")),
            await PostgresMigrator.CurrentVersionAsync(c, cancellationToken),
            (long)(await Scalar("SELECT pg_database_size(current_database())"))!)
        {
            Annotated = (long)(await Scalar("SELECT COUNT(*) FROM annotations"))!,
            Entities = (long)(await Scalar("SELECT COUNT(*) FROM entities"))!,
            Events = (long)(await Scalar("SELECT COUNT(*) FROM events"))!,
            Stories = (long)(await Scalar("SELECT COUNT(DISTINCT story_id) FROM articles"))!,
            // Tags compare ignoring case, so "Diplomacy" and "diplomacy" count together under the first spelling in byte order.
            ByTag = await Groups("SELECT MIN(tag COLLATE \"C\"), COUNT(*) FROM article_tags GROUP BY lower(tag) ORDER BY 2 DESC, 1 LIMIT 20"),
        };
    }

    public Task<bool> IsFileIngestedAsync(IngestedFile file, CancellationToken cancellationToken) =>
        Pg.RetryAsync(() => IsFileIngestedOnceAsync(file, cancellationToken), cancellationToken);

    private async Task<bool> IsFileIngestedOnceAsync(IngestedFile file, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Pg.Command(c, null, "SELECT 1 FROM ingested_files WHERE path = @p AND size = @s AND modified = @m",
            ("@p", file.Path), ("@s", file.Size), ("@m", file.Modified.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        return await cmd.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public Task MarkFilesIngestedAsync(IReadOnlyList<IngestedFile> files, CancellationToken cancellationToken) =>
        Pg.RetryAsync(() => MarkFilesIngestedOnceAsync(files, cancellationToken), cancellationToken);

    private async Task MarkFilesIngestedOnceAsync(IReadOnlyList<IngestedFile> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return;
        }

        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var now = Pg.Now();
        foreach (var file in files)
        {
            await Pg.ExecAsync(c, tx, cancellationToken, """
                INSERT INTO ingested_files (path, size, modified, articles, ingested_at, worker) VALUES (@p, @s, @m, @a, @t, @w)
                ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified = excluded.modified,
                    articles = excluded.articles, ingested_at = excluded.ingested_at, worker = excluded.worker
                """,
                ("@p", file.Path), ("@s", file.Size), ("@m", file.Modified.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
                ("@a", (long)file.Articles), ("@t", now), ("@w", file.Worker));
            await Pg.ExecAsync(c, tx, cancellationToken, "DELETE FROM ingest_claims WHERE path = @p", ("@p", file.Path));
        }

        await tx.CommitAsync(cancellationToken);
    }

    public Task<ClaimResult> ClaimFileAsync(IngestedFile file, string worker, TimeSpan lease, bool force, CancellationToken cancellationToken) =>
        Pg.RetryAsync(() => PostgresClaims.ClaimAsync(this, file, worker, lease, force, cancellationToken), cancellationToken);

    public Task RenewClaimsAsync(string worker, TimeSpan lease, CancellationToken cancellationToken) =>
        Pg.RetryAsync(() => PostgresClaims.RenewAsync(this, worker, lease, cancellationToken), cancellationToken);

    public Task ReleaseClaimsAsync(string worker, CancellationToken cancellationToken) =>
        Pg.RetryAsync(() => PostgresClaims.ReleaseAsync(this, worker, cancellationToken), cancellationToken);

    public Task<QueueStatus> GetQueueStatusAsync(CancellationToken cancellationToken) => PostgresClaims.StatusAsync(this, cancellationToken);

    public async Task<FeedState?> GetFeedStateAsync(string feedUrl, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Pg.Command(c, null, "SELECT etag, last_modified, polled_at, seen_items FROM feed_state WHERE feed_url = @u",
            ("@u", feedUrl));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new FeedState(feedUrl)
        {
            ETag = Pg.Str(r, 0),
            LastModified = Pg.Str(r, 1),
            PolledAt = r.IsDBNull(2) ? null : DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
            SeenItems = [.. System.Text.Json.JsonSerializer.Deserialize(r.GetString(3), StorageJsonContext.Default.StringArray) ?? []],
        };
    }

    public async Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await Pg.ExecAsync(c, null, cancellationToken, """
            INSERT INTO feed_state (feed_url, etag, last_modified, polled_at, seen_items) VALUES (@u, @e, @m, @p, @s)
            ON CONFLICT (feed_url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                polled_at = excluded.polled_at, seen_items = excluded.seen_items
            """,
            ("@u", state.FeedUrl), ("@e", state.ETag), ("@m", state.LastModified),
            ("@p", state.PolledAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            ("@s", System.Text.Json.JsonSerializer.Serialize(state.SeenItems.IsDefault ? [] : state.SeenItems.ToArray(), StorageJsonContext.Default.StringArray)));
    }

    /// <summary>
    /// The current snapshot (<c>pg_current_snapshot()</c>: the oldest running transaction, the next to start and those in
    /// between still running), hashed: any commit between two calls — by this process or another — changes it, since the
    /// committed transaction either left the running list or started after the first call. Transactions of other
    /// databases of the server change it too, which costs a cache a needless refresh, never a stale answer.
    /// </summary>
    public Task<IReadOnlyList<Article>> ListArticlesToEmbedAsync(string model, int limit, CancellationToken cancellationToken) =>
        _vectors.ListToEmbedAsync(model, limit, cancellationToken);

    public Task SaveVectorsAsync(string model, IReadOnlyList<Vectors.ArticleVector> vectors, CancellationToken cancellationToken) =>
        _vectors.SaveAsync(model, vectors, cancellationToken);

    public Task<float[]?> GetVectorAsync(string articleId, string model, CancellationToken cancellationToken) =>
        _vectors.GetAsync(articleId, model, cancellationToken);

    public IAsyncEnumerable<Vectors.StoredVector> ExportVectorsAsync(CancellationToken cancellationToken) => _vectors.ExportAsync(cancellationToken);

    public Task<Vectors.EmbeddingCounts> CountVectorsAsync(string model, CancellationToken cancellationToken) =>
        _vectors.CountsAsync(model, cancellationToken);

    public Task<Vectors.NearestResults> NearestAsync(Vectors.NearestRequest request, CancellationToken cancellationToken) =>
        _vectors.NearestAsync(request, cancellationToken);

    public async Task<long> GetChangeVersionAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Pg.Command(c, null, "SELECT pg_current_snapshot()::text");
        var snapshot = (string)(await cmd.ExecuteScalarAsync(cancellationToken))!;
        return BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(snapshot)), 0);
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    private static (string, object?)[] Columns(Article a, string hash, string now) =>
    [
        ("@id", a.Id), ("@url", a.Url), ("@source", a.Source), ("@title", a.Title), ("@published", a.Published?.ToString()),
        ("@published_date", a.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("@published_source", a.PublishedSource), ("@section", a.Section), ("@dateline", a.Dateline), ("@wire", a.Wire),
        ("@language", a.Language), ("@origin_path", a.Origin.Path), ("@origin_offset", a.Origin.Offset), ("@content_hash", hash),
        ("@json", DatelineJson.Serialize(a)), ("@now", now),
        ("@search_title", CjkSegmenter.Segment(a.Title ?? string.Empty)),
        ("@body", CjkSegmenter.Segment(a.BodyStart(IndexedCharacters))),
    ];
}
