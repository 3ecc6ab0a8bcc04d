using System.Globalization;
using System.Runtime.CompilerServices;
using Dateline.Core.Articles;
using Dateline.Core.Serialization;
using Dateline.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Each <see cref="SaveAsync"/> batch is one transaction, so a
/// killed process leaves every batch either fully stored or absent. Opens a pooled connection per operation.
/// </summary>
public sealed class SqliteArticleStore : IArticleStore
{
    private readonly string _connectionString;
    private readonly Lock _versionLock = new();
    private SqliteConnection? _versionConnection;
    private SqliteCommand? _versionCommand;
    private readonly SqliteVectors _vectors;

    private SqliteArticleStore(string path, string connectionString)
    {
        Path = path;
        _connectionString = connectionString;
        _vectors = new SqliteVectors(this);
    }

    public string Path { get; }

    public string Description => "sqlite:" + Path;

    public string Location => Path;

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    public static async Task<SqliteArticleStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            if (System.IO.Path.GetDirectoryName(full) is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
            }

            var cs = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
            var store = new SqliteArticleStore(full, cs);
            await using var c = await store.OpenConnectionAsync(cancellationToken);
            await using (var wal = c.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL";
                await wal.ExecuteScalarAsync(cancellationToken);
            }

            await SqliteMigrator.MigrateAsync(c, cancellationToken);
            return store;
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"cannot open the store '{full}': {ex.Message} (is it a Dateline SQLite database?)", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot open the store '{full}': {ex.Message}", ex);
        }
    }

    public async Task<IReadOnlyList<SaveStatus>> SaveAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var statuses = new List<SaveStatus>(articles.Count);
        if (articles.Count == 0)
        {
            return statuses;
        }

        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var article in articles)
        {
            var hash = ArticleHashing.ContentHash(article);
            long? seq = null;
            string? oldHash = null;
            ArticleOrigin? oldOrigin = null;
            await using (var find = Command(c, tx, "SELECT seq, content_hash, origin_path, origin_offset FROM articles WHERE id = $id", ("$id", article.Id)))
            await using (var r = await find.ExecuteReaderAsync(cancellationToken))
            {
                if (await r.ReadAsync(cancellationToken))
                {
                    seq = r.GetInt64(0);
                    oldHash = r.GetString(1);
                    oldOrigin = new ArticleOrigin(r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3));
                }
            }

            if (seq is not null && oldHash == hash)
            {
                if (ArticleOrigins.IsEarlier(article.Origin, oldOrigin!))
                {
                    await using var move = Command(c, tx, "UPDATE articles SET origin_path = $p, origin_offset = $o WHERE id = $id",
                        ("$p", article.Origin.Path), ("$o", article.Origin.Offset), ("$id", article.Id));
                    await move.ExecuteNonQueryAsync(cancellationToken);
                    await using var moveJson = Command(c, tx, "UPDATE article_json SET json = $json WHERE seq = $seq",
                        ("$json", DatelineJson.Serialize(article)), ("$seq", seq));
                    await moveJson.ExecuteNonQueryAsync(cancellationToken);
                }

                statuses.Add(SaveStatus.Unchanged);
                continue;
            }

            var values = Columns(article, hash, now);
            if (seq is null)
            {
                await using var insert = Command(c, tx, """
                    INSERT INTO articles (id, url, source, title, published, published_date, published_source, section, dateline,
                        wire, language, origin_path, origin_offset, content_hash, ingested_at, updated_at)
                    VALUES ($id, $url, $source, $title, $published, $published_date, $published_source, $section, $dateline,
                        $wire, $language, $origin_path, $origin_offset, $content_hash, $now, $now)
                    RETURNING seq
                    """, values);
                seq = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
                statuses.Add(SaveStatus.Inserted);
            }
            else
            {
                await using var update = Command(c, tx, """
                    UPDATE articles SET url = $url, source = $source, title = $title, published = $published,
                        published_date = $published_date, published_source = $published_source, section = $section,
                        dateline = $dateline, wire = $wire, language = $language, origin_path = $origin_path,
                        origin_offset = $origin_offset, content_hash = $content_hash, updated_at = $now
                    WHERE id = $id
                    """, values);
                await update.ExecuteNonQueryAsync(cancellationToken);
                await using var unindex = Command(c, tx, "DELETE FROM articles_fts WHERE rowid = $seq", ("$seq", seq));
                await unindex.ExecuteNonQueryAsync(cancellationToken);
                await using var unembed = Command(c, tx, "DELETE FROM article_vectors WHERE seq = $seq", ("$seq", seq));
                await unembed.ExecuteNonQueryAsync(cancellationToken);
                statuses.Add(SaveStatus.Updated);
            }

            await using (var json = Command(c, tx, "INSERT OR REPLACE INTO article_json (seq, json) VALUES ($seq, $json)",
                ("$seq", seq), ("$json", DatelineJson.Serialize(article))))
            {
                await json.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var untag = Command(c, tx, "DELETE FROM article_tags WHERE article_id = $id", ("$id", article.Id)))
            {
                await untag.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var tag in article.Tags.IsDefault ? [] : article.Tags)
            {
                await using var addTag = Command(c, tx, "INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES ($id, $tag)", ("$id", article.Id), ("$tag", tag));
                await addTag.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var index = Command(c, tx, "INSERT INTO articles_fts (rowid, title, body) VALUES ($seq, $title, $body)",
                ("$seq", seq), ("$title", CjkSegmenter.Segment(article.Title ?? string.Empty)), ("$body", CjkSegmenter.Segment(article.Body)));
            await index.ExecuteNonQueryAsync(cancellationToken);
            await SqliteStories.AssignAsync(c, tx, article, inserted: oldHash is null, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return statuses;
    }

    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(c, null, "SELECT j.json FROM articles a JOIN article_json j ON j.seq = a.seq WHERE a.id = $id", ("$id", id));
        return await cmd.ExecuteScalarAsync(cancellationToken) is string json ? DatelineJson.Deserialize(json) : null;
    }

    public async Task SaveAnnotationsAsync(IReadOnlyList<ArticleAnnotations> annotations, CancellationToken cancellationToken)
    {
        if (annotations.Count == 0)
        {
            return;
        }

        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var a in annotations)
        {
            await using var cmd = Command(c, tx, """
                INSERT INTO annotations (article_id, pipeline, json, updated_at, fingerprint) VALUES ($id, $p, $j, $t, $f)
                ON CONFLICT (article_id) DO UPDATE SET pipeline = excluded.pipeline, json = excluded.json, updated_at = excluded.updated_at,
                    fingerprint = excluded.fingerprint
                """, ("$id", a.ArticleId), ("$p", a.Pipeline), ("$j", a.Json), ("$t", now), ("$f", a.Fingerprint));
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public Task RecordEntitiesAsync(IReadOnlyList<EntityObservation> observations, CancellationToken cancellationToken) =>
        SqliteEntities.RecordAsync(this, observations, cancellationToken);

    public Task ReplaceEntitiesAsync(IAsyncEnumerable<EntityObservation> observations, CancellationToken cancellationToken) =>
        SqliteEntities.ReplaceAsync(this, observations, cancellationToken);

    public Task<int> AssignStoriesAsync(CancellationToken cancellationToken) => SqliteStories.BackfillAsync(this, cancellationToken);

    public Task<int> JoinStoriesAsync(string articleId, string otherId, CancellationToken cancellationToken) =>
        SqliteStories.JoinAsync(this, articleId, otherId, cancellationToken);

    public async Task<Page<StorySummary>> ListStoriesAsync(ArticleFilter filter, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var offset = StoreCursor.DecodeOffset(cursor, "stories");
        var (where, parameters) = SqliteFilter.Build(filter, "a");
        await using var c = await OpenConnectionAsync(cancellationToken);
        // Unfiltered: the summaries kept as articles are saved, read in index order; filtered: the matching articles grouped.
        await using var cmd = filter == ArticleFilter.All
            ? Command(c, null, """
                SELECT story_id, n, sources, first_date, last_date, first_id FROM story_summaries
                ORDER BY n DESC, COALESCE(last_date, '') DESC, story_id
                LIMIT $limit OFFSET $offset
                """, ("$limit", limit + 1), ("$offset", offset))
            : Command(c, null, $"""
            WITH m AS (SELECT a.id, a.title, a.source, a.published_date, COALESCE(a.story_id, a.id) AS story FROM articles a WHERE {where}),
            s AS (SELECT story, COUNT(*) AS n, COUNT(DISTINCT source) AS sources, MIN(published_date) AS first, MAX(published_date) AS last
                  FROM m GROUP BY story)
            SELECT s.story, s.n, s.sources, s.first, s.last,
                   (SELECT m.id FROM m WHERE m.story = s.story ORDER BY COALESCE(m.published_date, '9999'), m.id LIMIT 1) AS first_id
            FROM s ORDER BY s.n DESC, COALESCE(s.last, '') DESC, s.story
            LIMIT $limit OFFSET $offset
            """, [.. parameters, ("$limit", limit + 1), ("$offset", offset)]);
        var items = new List<StorySummary>();
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                items.Add(new StorySummary(r.GetString(0), null, r.GetInt64(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5)));
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            await using var title = Command(c, null, "SELECT title FROM articles WHERE id = $id", ("$id", items[i].FirstArticle));
            items[i] = items[i] with { Title = await title.ExecuteScalarAsync(cancellationToken) as string };
        }

        return items.Count > limit
            ? new Page<StorySummary>([.. items.Take(limit)], StoreCursor.EncodeOffset("stories", offset + limit))
            : new Page<StorySummary>(items, null);
    }

    public async Task<IReadOnlyList<ArticleSummary>> GetStoryAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(c, null, """
            SELECT a.id, a.title, a.source, a.published, a.published_source, a.language, a.wire, a.dateline, a.url
            FROM articles a WHERE a.story_id = (SELECT story_id FROM articles WHERE id = $id)
            ORDER BY COALESCE(a.published_date, ''), a.id
            """, ("$id", articleId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var items = new List<ArticleSummary>();
        while (await r.ReadAsync(cancellationToken))
        {
            string? Str(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            items.Add(new ArticleSummary(r.GetString(0), Str(1), Str(2), Str(3), Str(4), Str(5), Str(6), Str(7), Str(8)));
        }

        return items;
    }

    public async Task<IReadOnlyList<string>> ListArticlesToAnalyzeAsync(string? fingerprint, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = fingerprint is null
            ? Command(c, null, "SELECT id FROM articles ORDER BY id")
            : Command(c, null, """
                SELECT a.id FROM articles a LEFT JOIN annotations n ON n.article_id = a.id
                WHERE n.article_id IS NULL OR n.fingerprint IS NULL OR n.fingerprint <> $f
                ORDER BY a.id
                """, ("$f", fingerprint));
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
        await using var cmd = Command(c, null, """
            SELECT n.article_id, a.published_date, n.json FROM annotations n JOIN articles a ON a.id = n.article_id
            ORDER BY a.published_date, a.id
            """);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            yield return new AnnotatedArticle(r.GetString(0),
                r.IsDBNull(1) ? null : DateOnly.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2));
        }
    }

    public Task<IReadOnlyList<EntityRecord>> FindEntitiesAsync(string? query, int limit, CancellationToken cancellationToken) =>
        SqliteEntities.FindAsync(this, query, limit, cancellationToken);

    public Task RecordEventsAsync(IReadOnlyList<Events.ArticleEvents> events, CancellationToken cancellationToken) =>
        SqliteEvents.RecordAsync(this, events, cancellationToken);

    public IAsyncEnumerable<Events.StoredEvent> QueryEventsAsync(Events.EventQuery query, CancellationToken cancellationToken) =>
        SqliteEvents.QueryAsync(this, query, cancellationToken);

    public async Task<IReadOnlyList<Events.MonthCount>> EventsPerMonthAsync(Events.EventQuery query, CancellationToken cancellationToken) =>
        [.. (await SqliteEvents.MonthlyAsync(this, query, cancellationToken))
            .Select(m => new Events.MonthCount(
                m.Month.Length == 0 ? null : DateOnly.ParseExact(m.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), m.Events))];

    public Task<IReadOnlyList<Events.DyadPoint>> DyadAsync(Events.DyadQuery query, CancellationToken cancellationToken) =>
        SqliteEvents.DyadAsync(this, query, cancellationToken);

    public Task<long> UndatedDyadEventsAsync(Events.DyadQuery query, CancellationToken cancellationToken) =>
        SqliteEvents.UndatedDyadAsync(this, query, cancellationToken);

    public Task<EntityRecord?> GetEntityAsync(string id, CancellationToken cancellationToken) =>
        SqliteEntities.GetAsync(this, id, cancellationToken);

    public Task<Page<EntityRecord>> ListEntitiesAsync(string? query, string? cursor, int limit, CancellationToken cancellationToken) =>
        SqliteEntities.ListAsync(this, query, cursor, limit, cancellationToken);

    public Task<IReadOnlyList<DateCount>> GetEntityTimelineAsync(string entityId, CancellationToken cancellationToken) =>
        SqliteEntities.TimelineAsync(this, entityId, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetArticleEntitiesAsync(string articleId, CancellationToken cancellationToken) =>
        SqliteEntities.ArticleEntitiesAsync(this, articleId, cancellationToken);

    public Task<Page<QuoteRecord>> ListQuotesAsync(QuoteFilter filter, string? cursor, int limit, CancellationToken cancellationToken) =>
        SqliteListing.QuotesAsync(this, filter, cursor, limit, cancellationToken);

    public Task<Page<ArticleSummary>> ListArticlesAsync(ArticleFilter filter, string? cursor, int limit, CancellationToken cancellationToken) =>
        SqliteListing.ArticlesAsync(this, filter, cursor, limit, cancellationToken);

    public Task<int> SaveActorOverridesAsync(IReadOnlyList<StoredActorOverride> overrides, CancellationToken cancellationToken) =>
        SqliteActorOverrides.SaveAsync(this, overrides, cancellationToken);

    public Task<IReadOnlyList<StoredActorOverride>> GetActorOverridesAsync(CancellationToken cancellationToken) =>
        SqliteActorOverrides.GetAsync(this, cancellationToken);

    public async Task<ArticleAnnotations?> GetAnnotationsAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(c, null, "SELECT pipeline, json, fingerprint FROM annotations WHERE article_id = $id", ("$id", articleId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new ArticleAnnotations(articleId, r.GetString(0), r.GetString(1)) { Fingerprint = r.IsDBNull(2) ? null : r.GetString(2) }
            : null;
    }

    public async Task<long> CountAsync(ArticleFilter filter, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        var (where, parameters) = SqliteFilter.Build(filter, "articles");
        await using var cmd = Command(c, null, $"SELECT COUNT(*) FROM articles WHERE {where}", parameters);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    public async IAsyncEnumerable<Article> ExportAsync(ArticleFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        var (where, parameters) = SqliteFilter.Build(filter, "a");
        await using var cmd = Command(c, null, $"SELECT j.json FROM articles a JOIN article_json j ON j.seq = a.seq WHERE {where} ORDER BY a.published_date, a.id", parameters);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            yield return DatelineJson.Deserialize(r.GetString(0));
        }
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken) =>
        SqliteSearch.RunAsync(this, request, cancellationToken);

    public Task<AttentionResults> AttentionAsync(AttentionRequest request, CancellationToken cancellationToken) =>
        SqliteAttention.RunAsync(this, request, cancellationToken);

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        async Task<object?> Scalar(string sql)
        {
            await using var cmd = Command(c, null, sql);
            return await cmd.ExecuteScalarAsync(cancellationToken);
        }

        async Task<List<KeyValuePair<string, long>>> Groups(string column)
        {
            await using var cmd = Command(c, null,
                $"SELECT {column}, COUNT(*) FROM articles WHERE {column} IS NOT NULL GROUP BY {column} ORDER BY 2 DESC, 1 LIMIT 50");
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            var list = new List<KeyValuePair<string, long>>();
            while (await r.ReadAsync(cancellationToken))
            {
                list.Add(new(r.GetString(0), r.GetInt64(1)));
            }

            return list;
        }

        var first = await Scalar("SELECT MIN(published_date) FROM articles") as string;
        var last = await Scalar("SELECT MAX(published_date) FROM articles") as string;
        return new StoreStats(
            (long)(await Scalar("SELECT COUNT(*) FROM articles"))!,
            (long)(await Scalar("SELECT COUNT(*) FROM ingested_files"))!,
            first is null ? null : DateOnly.Parse(first, CultureInfo.InvariantCulture),
            last is null ? null : DateOnly.Parse(last, CultureInfo.InvariantCulture),
            await Groups("source"),
            await Groups("wire"),
            await SqliteMigrator.CurrentVersionAsync(c, null, cancellationToken),
            (long)(await Scalar("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"))!)
        {
            Annotated = (long)(await Scalar("SELECT COUNT(*) FROM annotations"))!,
            Entities = (long)(await Scalar("SELECT COUNT(*) FROM entities"))!,
            Events = (long)(await Scalar("SELECT COUNT(*) FROM events"))!,
            Stories = (long)(await Scalar("SELECT COUNT(DISTINCT story_id) FROM articles"))!,
            ByTag = await TopTagsAsync(),
        };

        async Task<List<KeyValuePair<string, long>>> TopTagsAsync()
        {
            // Tags compare ignoring case (the column's collation), so "Diplomacy" and "diplomacy" count together.
            await using var cmd = Command(c, null, "SELECT MIN(tag), COUNT(*) FROM article_tags GROUP BY tag ORDER BY 2 DESC, 1 LIMIT 20");
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            var list = new List<KeyValuePair<string, long>>();
            while (await r.ReadAsync(cancellationToken))
            {
                list.Add(new(r.GetString(0), r.GetInt64(1)));
            }

            return list;
        }
    }

    public async Task<bool> IsFileIngestedAsync(IngestedFile file, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(c, null, "SELECT 1 FROM ingested_files WHERE path = $p AND size = $s AND modified = $m",
            ("$p", file.Path), ("$s", file.Size), ("$m", file.Modified.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        return await cmd.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task MarkFilesIngestedAsync(IReadOnlyList<IngestedFile> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return;
        }

        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var file in files)
        {
            await using var cmd = Command(c, tx, """
                INSERT INTO ingested_files (path, size, modified, articles, ingested_at, worker) VALUES ($p, $s, $m, $a, $t, $w)
                ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified = excluded.modified,
                    articles = excluded.articles, ingested_at = excluded.ingested_at, worker = excluded.worker
                """,
                ("$p", file.Path), ("$s", file.Size), ("$m", file.Modified.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
                ("$a", file.Articles), ("$t", now), ("$w", file.Worker));
            await cmd.ExecuteNonQueryAsync(cancellationToken);
            await using var unclaim = Command(c, tx, "DELETE FROM ingest_claims WHERE path = $p", ("$p", file.Path));
            await unclaim.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public Task<ClaimResult> ClaimFileAsync(IngestedFile file, string worker, TimeSpan lease, bool force, CancellationToken cancellationToken) =>
        SqliteClaims.ClaimAsync(this, file, worker, lease, force, cancellationToken);

    public Task RenewClaimsAsync(string worker, TimeSpan lease, CancellationToken cancellationToken) =>
        SqliteClaims.RenewAsync(this, worker, lease, cancellationToken);

    public Task ReleaseClaimsAsync(string worker, CancellationToken cancellationToken) => SqliteClaims.ReleaseAsync(this, worker, cancellationToken);

    public Task<QueueStatus> GetQueueStatusAsync(CancellationToken cancellationToken) => SqliteClaims.StatusAsync(this, cancellationToken);

    public async Task<FeedState?> GetFeedStateAsync(string feedUrl, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(c, null, "SELECT etag, last_modified, polled_at, seen_items FROM feed_state WHERE feed_url = $u",
            ("$u", feedUrl));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new FeedState(feedUrl)
        {
            ETag = r.IsDBNull(0) ? null : r.GetString(0),
            LastModified = r.IsDBNull(1) ? null : r.GetString(1),
            PolledAt = r.IsDBNull(2) ? null : DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
            SeenItems = [.. System.Text.Json.JsonSerializer.Deserialize(r.GetString(3), StorageJsonContext.Default.StringArray) ?? []],
        };
    }

    public async Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(c, null, """
            INSERT INTO feed_state (feed_url, etag, last_modified, polled_at, seen_items) VALUES ($u, $e, $m, $p, $s)
            ON CONFLICT (feed_url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                polled_at = excluded.polled_at, seen_items = excluded.seen_items
            """,
            ("$u", state.FeedUrl), ("$e", state.ETag), ("$m", state.LastModified),
            ("$p", state.PolledAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            ("$s", System.Text.Json.JsonSerializer.Serialize(state.SeenItems.IsDefault ? [] : state.SeenItems.ToArray(), StorageJsonContext.Default.StringArray)));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// <c>PRAGMA data_version</c> on a connection of its own that never writes: SQLite changes it whenever another
    /// connection — of this process or any other — commits, so it sees ingests by a separate <c>dateline</c> too.
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

    public Task<long> GetChangeVersionAsync(CancellationToken cancellationToken)
    {
        lock (_versionLock)
        {
            if (_versionConnection is null)
            {
                var c = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
                c.Open();
                _versionCommand = c.CreateCommand();
                _versionCommand.CommandText = "PRAGMA data_version";
                _versionConnection = c;
            }

            return Task.FromResult((long)_versionCommand!.ExecuteScalar()!);
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_versionLock)
        {
            _versionCommand?.Dispose();
            _versionConnection?.Dispose();
            _versionConnection = null;
        }

        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        return ValueTask.CompletedTask;
    }

    internal async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(cancellationToken);
        await using var pragmas = c.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = 15000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA mmap_size = 2147483647;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return c;
    }

    internal static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private static (string, object?)[] Columns(Article a, string hash, string now) =>
    [
        ("$id", a.Id), ("$url", a.Url), ("$source", a.Source), ("$title", a.Title), ("$published", a.Published?.ToString()),
        ("$published_date", a.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("$published_source", a.PublishedSource), ("$section", a.Section), ("$dateline", a.Dateline), ("$wire", a.Wire),
        ("$language", a.Language), ("$origin_path", a.Origin.Path), ("$origin_offset", a.Origin.Offset), ("$content_hash", hash),
        ("$now", now),
    ];
}
