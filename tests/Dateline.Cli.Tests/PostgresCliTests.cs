using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary>
/// The CLI on a real PostgreSQL server (see TestPostgres): the same inputs give the same articles, stories and events
/// as on SQLite, re-ingesting changes nothing, and store URLs are checked before anything is opened.
/// </summary>
public sealed class PostgresCliTests
{
    [Fact]
    public async Task Ingest_into_postgres_stores_what_sqlite_stores()
    {
        var url = TestPostgres.NewDatabaseUrl("dateline_cli");
        using var tmp = new TempFolder();
        try
        {
            string[] inputs = [Path.Combine(RepoPaths.Root, "samples"), Corpora.SeedFolder];
            var sqlite = tmp.File("same.db");
            Assert.Equal(0, (await Cli.RunAsync(tmp.Path, ["--db", sqlite, "ingest", .. inputs])).ExitCode);
            var first = await Cli.RunAsync(tmp.Path, ["--db", url, "ingest", .. inputs]);
            Assert.True(first.ExitCode == 0, first.ToString());

            // The same numbers of everything, the same articles, the same events with the same evidence and reports.
            var (pgStats, liteStats) = (await StatsAsync(tmp, url), await StatsAsync(tmp, sqlite));
            foreach (var key in new[] { "articles", "files", "stories", "annotated", "actors", "events", "first_published", "last_published" })
            {
                Assert.Equal(liteStats.GetProperty(key).ToString(), pgStats.GetProperty(key).ToString());
            }

            Assert.True(pgStats.GetProperty("articles").GetInt32() >= 30);
            Assert.Equal(await LinesAsync(tmp, sqlite, "export"), await LinesAsync(tmp, url, "export"));
            Assert.Equal(await EventsAsync(tmp, sqlite), await EventsAsync(tmp, url));

            // Search finds the seed article; the hit set of a boolean query is the same.
            Assert.Equal(await HitsAsync(tmp, sqlite, "Ishiba OR Lee"), await HitsAsync(tmp, url, "Ishiba OR Lee"));
            var seed = (await LinesAsync(tmp, url, "export")).Select(l => JsonDocument.Parse(l).RootElement)
                .Single(a => a.GetProperty("origin").GetProperty("path").GetString()!.EndsWith(Path.GetFileName(Corpora.SeedArticle), StringComparison.Ordinal))
                .GetProperty("id").GetString();
            Assert.Contains(seed, await HitsAsync(tmp, url, "\"shuttle diplomacy\" Ishiba"));

            // Again: nothing new, nothing updated.
            var again = await Cli.RunAsync(tmp.Path, ["--db", url, "ingest", "--force", .. inputs]);
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Equal(pgStats.GetProperty("articles").GetInt32(), (await StatsAsync(tmp, url)).GetProperty("articles").GetInt32());
            Assert.Equal(await EventsAsync(tmp, sqlite), await EventsAsync(tmp, url));
        }
        finally
        {
            await TestPostgres.DropAsync(url);
        }
    }

    [Theory]
    [InlineData("mysql://root@localhost/news")]
    [InlineData("http://example.org/dateline.db")]
    public async Task A_store_url_of_an_unknown_scheme_is_a_usage_error_not_a_file(string db)
    {
        using var tmp = new TempFolder();
        var r = await Cli.RunAsync(tmp.Path, "--db", db, "stats");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("postgres://", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp.Path));
    }

    [Fact]
    public async Task A_postgres_server_that_does_not_answer_is_a_clear_error_without_the_password()
    {
        using var tmp = new TempFolder();
        // Port 9 on loopback: nothing listens there.
        var r = await Cli.RunAsync(tmp.Path, "--db", "postgres://someone:s3cret@127.0.0.1:9/news", "stats");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("postgres://someone@127.0.0.1:9/news", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", r.Stderr, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> StatsAsync(TempFolder tmp, string db)
    {
        var r = await Cli.RunAsync(tmp.Path, "--db", db, "stats", "--format", "json");
        Assert.True(r.ExitCode == 0, r.ToString());
        return JsonDocument.Parse(r.Stdout).RootElement.Clone();
    }

    private static async Task<List<string>> LinesAsync(TempFolder tmp, string db, params string[] command)
    {
        var r = await Cli.RunAsync(tmp.Path, ["--db", db, .. command]);
        Assert.True(r.ExitCode == 0, r.ToString());
        return [.. r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every event (the store's own row id left out: it depends on write order) with the articles that report it.</summary>
    private static async Task<List<string>> EventsAsync(TempFolder tmp, string db) =>
        [.. (await LinesAsync(tmp, db, "events", "--all", "--format", "plover")).Select(line =>
        {
            var e = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!;
            e.Remove("id");
            return JsonSerializer.Serialize(e.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value));
        }).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> HitsAsync(TempFolder tmp, string db, string query)
    {
        var r = await Cli.RunAsync(tmp.Path, "--db", db, "search", query, "--format", "json", "--limit", "100");
        Assert.True(r.ExitCode == 0, r.ToString());
        return [.. JsonDocument.Parse(r.Stdout).RootElement.GetProperty("results").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];
    }
}
