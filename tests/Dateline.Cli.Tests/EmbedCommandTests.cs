using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary>
/// `embed`, `ingest --embed`, `search --mode semantic|hybrid` and `similar` through the real executable, the real model
/// and a real SQLite file, on written fixtures (Dateline.Testing/Fixtures/topics.jsonl: four topics, three articles each).
/// </summary>
[Trait("issue", "16")]
public sealed class EmbedCommandTests
{
    private static string Topics => Path.Combine(AppContext.BaseDirectory, "Fixtures", "topics.jsonl");

    private static JsonElement Json(Cli.Result r)
    {
        Assert.True(r.ExitCode == 0, r.ToString());
        return JsonDocument.Parse(r.Stdout).RootElement.Clone();
    }

    [Fact]
    public async Task Embed_is_resumable_and_idempotent_and_semantic_search_then_finds_a_topic_by_meaning()
    {
        using var tmp = new TempFolder();
        var db = tmp.File("t.db");
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "ingest", Topics, "--db", db, "--no-annotate")).ExitCode);

        var before = await Cli.RunAsync(tmp.Path, "search", "--db", db, "--mode", "semantic", "a fire in the hills");
        Assert.True(before.ExitCode == 1, before.ToString());
        Assert.Contains("dateline embed", before.Stderr, StringComparison.Ordinal);

        // A run stopped after five articles keeps them; the next one does the rest; a third has nothing to do.
        var first = Json(await Cli.RunAsync(tmp.Path, "embed", "--db", db, "--limit", "5", "--batch", "2", "--format", "json"));
        Assert.Equal((5, 7), (first.GetProperty("embedded").GetInt32(), first.GetProperty("remaining").GetInt32()));
        var second = Json(await Cli.RunAsync(tmp.Path, "embed", "--db", db, "--format", "json"));
        Assert.Equal((7, 0), (second.GetProperty("embedded").GetInt32(), second.GetProperty("remaining").GetInt32()));
        var third = Json(await Cli.RunAsync(tmp.Path, "embed", "--db", db, "--format", "json"));
        Assert.Equal((0, 0), (third.GetProperty("embedded").GetInt32(), third.GetProperty("remaining").GetInt32()));
        Assert.Equal("embeddings.minilm-l6-v2.v1", third.GetProperty("model").GetString());

        var found = Json(await Cli.RunAsync(tmp.Path, "search", "--db", db, "--mode", "semantic", "--limit", "3", "--format", "json",
            "interest charged on loans goes up"));
        Assert.Equal("semantic", found.GetProperty("mode").GetString());
        Assert.All(found.GetProperty("results").EnumerateArray(), h => Assert.Contains("/rates-", Url(db, h.GetProperty("id").GetString()!), StringComparison.Ordinal));

        // Free text is embedded as written: a stray quote or parenthesis is no query-language error.
        var odd = await Cli.RunAsync(tmp.Path, "search", "--db", db, "--mode", "semantic", "--limit", "1", "who won the derby? (football \"");
        Assert.True(odd.ExitCode == 0, odd.ToString());
    }

    [Fact]
    public async Task Ingest_with_embed_stores_vectors_and_similar_lists_the_other_articles_on_the_topic()
    {
        using var tmp = new TempFolder();
        var db = tmp.File("t.db");
        var ingest = await Cli.RunAsync(tmp.Path, "ingest", Topics, "--db", db, "--no-annotate", "--embed");
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("Embedded 12 articles", ingest.Stdout, StringComparison.Ordinal);

        var id = IdOf(db, "match-2");
        var similar = Json(await Cli.RunAsync(tmp.Path, "similar", id, "--db", db, "--limit", "2", "--format", "json"));
        var hits = similar.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Contains("/match-", Url(db, h.GetProperty("id").GetString()!), StringComparison.Ordinal));
        Assert.DoesNotContain(hits, h => h.GetProperty("id").GetString() == id);

        var unknown = await Cli.RunAsync(tmp.Path, "similar", "no-such-article", "--db", db);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no article with id", unknown.Stderr, StringComparison.Ordinal);

        var hybrid = Json(await Cli.RunAsync(tmp.Path, "search", "--db", db, "--mode", "hybrid", "--limit", "3", "--format", "json", "goalkeepers"));
        Assert.All(hybrid.GetProperty("results").EnumerateArray(), h => Assert.Contains("/match-", Url(db, h.GetProperty("id").GetString()!), StringComparison.Ordinal));

        var refused = await Cli.RunAsync(tmp.Path, "search", "--db", db, "--mode", "semantic", "--collapse", "fire");
        Assert.Equal(2, refused.ExitCode);
    }

    private static string Url(string db, string id)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT url FROM articles WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return (string)cmd.ExecuteScalar()!;
    }

    private static string IdOf(string db, string slug)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id FROM articles WHERE url LIKE $u";
        cmd.Parameters.AddWithValue("$u", "%/" + slug);
        return (string)cmd.ExecuteScalar()!;
    }
}
