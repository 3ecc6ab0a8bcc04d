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
    public async Task A_store_from_before_tags_had_a_table_gets_them_from_its_articles_json()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("old.db");
        await using (var store = await SqliteArticleStore.OpenAsync(path, Ct))
        {
            await store.SaveAsync([Articles.Make("t1", "Ferry fares rise", Stories.Wire) with { Tags = ["Ferries", "Fares"] }], Ct);
        }

        await using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await c.OpenAsync(Ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP TABLE article_tags; DELETE FROM schema_migrations WHERE version = 13;"; // as a store from before 0013
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        await using var reopened = await SqliteArticleStore.OpenAsync(path, Ct);
        Assert.Equal(1, await reopened.CountAsync(new ArticleFilter(Tag: "ferries"), Ct));
        Assert.Equal(["Fares", "Ferries"], (await reopened.GetStatsAsync(Ct)).ByTag.Select(t => t.Key).Order(StringComparer.Ordinal));
    }
}
