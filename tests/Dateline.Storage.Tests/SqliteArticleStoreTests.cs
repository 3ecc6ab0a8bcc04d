using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Tests;

public sealed class SqliteArticleStoreTests(SqliteFixture f) : ArticleStoreContract(f), IClassFixture<SqliteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Uses_wal_and_applies_migrations_once()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("x.db");
        await using (var store = await SqliteArticleStore.OpenAsync(path, Ct))
        {
            await store.SaveAsync([Articles.Corpus()[0]], Ct);
        }

        await using (var again = await SqliteArticleStore.OpenAsync(path, Ct))
        {
            Assert.Equal(1, await again.CountAsync(ArticleFilter.All, Ct));
        }

        await using var c = new SqliteConnection($"Data Source={path}");
        await c.OpenAsync(Ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await cmd.ExecuteScalarAsync(Ct));
        cmd.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal(SqliteMigrator.Migrations.Count, Convert.ToInt32(await cmd.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_script_numbered_below_the_latest_applied_one_is_still_applied()
    {
        // Branches number their scripts apart (0005 events, 0006 API): a store that got 0006 first must still get 0005.
        using var tmp = new TempFolder();
        var path = tmp.File("gap.db");
        await (await SqliteArticleStore.OpenAsync(path, Ct)).DisposeAsync();
        var version = SqliteMigrator.Migrations.Single(m => m.Name == "events").Version; // creates tables: re-running it must fail loudly
        Assert.True(version < SqliteMigrator.Latest);
        await using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await c.OpenAsync(Ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "DELETE FROM schema_migrations WHERE version = $v";
            cmd.Parameters.AddWithValue("$v", version);
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        // The record of a lower-numbered script is gone while a higher one stays: opening must apply that script again,
        // which here fails loudly because its tables exist (before the fix it was silently skipped).
        var ex = await Assert.ThrowsAsync<StoreException>(() => SqliteArticleStore.OpenAsync(path, Ct));
        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_gives_a_store_error_naming_it()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("notes.db", "these are my notes, not a database " + new string('x', 5000));
        var ex = await Assert.ThrowsAsync<StoreException>(() => SqliteArticleStore.OpenAsync(path, Ct));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_schema_is_refused_with_an_upgrade_hint()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("future.db");
        await (await SqliteArticleStore.OpenAsync(path, Ct)).DisposeAsync();
        await using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await c.OpenAsync(Ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')";
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        var ex = await Assert.ThrowsAsync<StoreException>(() => SqliteArticleStore.OpenAsync(path, Ct));
        Assert.Contains("upgrade Dateline", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_openers_migrate_a_new_file_safely()
    {
        using var tmp = new TempFolder();

        // The race is timing-dependent, so open many fresh files, each from several threads at once.
        for (var round = 0; round < 25; round++)
        {
            var path = tmp.File($"race{round}.db");
            var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => SqliteArticleStore.OpenAsync(path, Ct), Ct)));
            foreach (var s in stores)
            {
                await s.DisposeAsync();
            }

            await using var store = await SqliteArticleStore.OpenAsync(path, Ct);
            Assert.Equal(SqliteMigrator.Latest, (await store.GetStatsAsync(Ct)).SchemaVersion);
        }
    }

    [Fact]
    public async Task Articles_stored_before_stories_were_kept_get_one_when_asked()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("old.db");
        await using var store = await SqliteArticleStore.OpenAsync(path, Ct);
        await store.SaveAsync(
        [
            Articles.Make("w1", "Breakwater to close", Stories.Wire, "2025-06-03", "Coast Wire"),
            Articles.Make("w2", "Storms shut breakwater", Stories.Reprint, "2025-06-04", "Island Herald"),
            Articles.Make("w3", "Orchestra plans new season", Stories.Unrelated, "2025-06-04", "Island Herald"),
        ], Ct);
        await using (var c = new SqliteConnection($"Data Source={path}"))
        {
            await c.OpenAsync(Ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE articles SET story_id = NULL; DELETE FROM story_bands;"; // as a store from before migration 0010
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        Assert.Empty(await store.GetStoryAsync("w2", Ct));
        Assert.Equal(3, await store.AssignStoriesAsync(Ct));
        Assert.Equal(["w1", "w2"], (await store.GetStoryAsync("w2", Ct)).Select(a => a.Id));
        Assert.Equal(["w3"], (await store.GetStoryAsync("w3", Ct)).Select(a => a.Id));
        Assert.Equal(0, await store.AssignStoriesAsync(Ct));
    }

    [Fact]
    public async Task A_store_made_by_the_schema_of_version_12_opens_with_its_tags_story_list_and_articles_intact()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("old.db");
        var w1 = Articles.Make("w1", "Ferry fares rise", Stories.Wire, "2025-06-03", "Coast Wire") with { Tags = ["Ferries", "Fares"] };
        var w2 = Articles.Make("w2", "Fares up again", Stories.Reprint, "2025-06-05", "Island Herald");
        var w3 = Articles.Make("w3", "Orchestra plans new season", Stories.Unrelated, null, "Island Herald");
        await using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await c.OpenAsync(Ct);
            await using var tx = c.BeginTransaction();
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
            await cmd.ExecuteNonQueryAsync(Ct);
            foreach (var (version, name, sql) in SqliteMigrator.Migrations.Where(m => m.Version <= 12))
            {
                cmd.CommandText = sql + $"; INSERT INTO schema_migrations VALUES ({version}, '{name}', '2025-01-01')";
                await cmd.ExecuteNonQueryAsync(Ct);
            }

            // Rows as version 12 wrote them: the JSON in the articles row, w2 in w1's story, w3 before stories were kept.
            foreach (var (a, story) in new[] { (w1, "w1"), (w2, "w1"), (w3, (string?)null) })
            {
                cmd.CommandText = """
                    INSERT INTO articles (id, source, title, published, published_date, origin_path, content_hash, json, ingested_at, updated_at, story_id)
                    VALUES ($id, $source, $title, $published, $date, '/tmp/x', 'h', $json, 'now', 'now', $story)
                    """;
                cmd.Parameters.Clear();
                cmd.Parameters.AddWithValue("$id", a.Id);
                cmd.Parameters.AddWithValue("$source", a.Source);
                cmd.Parameters.AddWithValue("$title", a.Title);
                cmd.Parameters.AddWithValue("$published", (object?)a.Published?.ToString() ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$date", (object?)a.Published?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$json", Dateline.Core.Serialization.DatelineJson.Serialize(a));
                cmd.Parameters.AddWithValue("$story", (object?)story ?? DBNull.Value);
                await cmd.ExecuteNonQueryAsync(Ct);
            }

            await tx.CommitAsync(Ct);
        }

        await using var store = await SqliteArticleStore.OpenAsync(path, Ct);
        Assert.Equal(SqliteMigrator.Latest, (await store.GetStatsAsync(Ct)).SchemaVersion);
        Assert.Equal(1, await store.CountAsync(new ArticleFilter(Tag: "ferries"), Ct));
        Assert.Equal(["Fares", "Ferries"], (await store.GetStatsAsync(Ct)).ByTag.Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal(w2.Title, (await store.GetAsync("w2", Ct))?.Title);
        Assert.Equal(["w1", "w2", "w3"], await store.ExportAsync(ArticleFilter.All, Ct).Select(a => a.Id).Order(StringComparer.Ordinal).ToListAsync(Ct));
        var stories = (await store.ListStoriesAsync(ArticleFilter.All, null, 10, Ct)).Items;
        Assert.Equal([("w1", 2L, 2L, "2025-06-03", "2025-06-05", "w1"), ("w3", 1L, 1L, null, null, "w3")],
            stories.Select(s => (s.Id, s.Articles, s.Sources, s.First, s.Last, s.FirstArticle)));
        Assert.Equal(["Ferry fares rise", "Orchestra plans new season"], stories.Select(s => s.Title));

        // Saving again after the move: the JSON is rewritten in its new place, and the list follows.
        await store.SaveAsync([w3 with { Title = "Orchestra plans a new season", Published = Dateline.Core.Articles.ArticleDate.Parse("2025-06-07") }], Ct);
        Assert.Equal("Orchestra plans a new season", (await store.GetAsync("w3", Ct))?.Title);
        Assert.Contains(("w3", "2025-06-07"), (await store.ListStoriesAsync(ArticleFilter.All, null, 10, Ct)).Items.Select(s => (s.FirstArticle, s.Last)));
    }

    [Fact]
    public async Task An_article_too_short_for_terms_is_counted_once_in_the_document_frequencies_however_often_it_is_saved()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("df.db");
        await using var store = await SqliteArticleStore.OpenAsync(path, Ct);
        await store.SaveAsync([Articles.Make("s1", "Ferry late", "The ferry was late."), Articles.Make("s2", "Bridge shut", "The bridge shut.")], Ct);
        await store.SaveAsync([Articles.Make("s1", "Ferry late again", "The ferry was late again.")], Ct);
        await store.SaveAsync([Articles.Make("s1", "Ferry very late", "The ferry was very late.")], Ct);

        await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await c.OpenAsync(Ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT df FROM story_df WHERE term = ''"; // the row that counts articles
        Assert.Equal(2L, (long)(await cmd.ExecuteScalarAsync(Ct))!);
        cmd.CommandText = "SELECT COUNT(*) FROM story_terms";
        Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync(Ct))!); // both too short to keep terms: the case the old check missed
    }
}
