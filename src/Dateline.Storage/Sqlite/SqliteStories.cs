using System.Globalization;
using Dateline.Core.Articles;
using Dateline.Core.Serialization;
using Dateline.Storage.Stories;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>Stories in SQLite: an article joins the story of the stored article its text overlaps most (see <see cref="StoryShingles"/>).</summary>
internal static class SqliteStories
{
    /// <summary>Gives <paramref name="article"/> (already written in <paramref name="tx"/>) its band keys and story id; returns the story id.</summary>
    public static async Task<string> AssignAsync(SqliteConnection c, SqliteTransaction tx, Article article, CancellationToken ct)
    {
        await using (var clear = SqliteArticleStore.Command(c, tx, "DELETE FROM story_bands WHERE article_id = $id", ("$id", article.Id)))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }

        string? current;
        long seq;
        await using (var find = SqliteArticleStore.Command(c, tx, "SELECT story_id, seq FROM articles WHERE id = $id", ("$id", article.Id)))
        await using (var row = await find.ExecuteReaderAsync(ct))
        {
            if (!await row.ReadAsync(ct))
            {
                return article.Id;
            }

            current = row.IsDBNull(0) ? null : row.GetString(0);
            seq = row.GetInt64(1);
        }

        var shingles = StoryShingles.Of(article.BodyStart(StoryShingles.MaxCharacters));
        var keys = StoryShingles.BandKeys(shingles);
        var terms = await SaveTermsAsync(c, tx, article, seq, ct);
        var story = current is not null && current != article.Id
            ? current
            : await FindStoryAsync(c, tx, article, shingles, keys, ct) ?? await FindReportsAsync(c, tx, article, terms, ct) ?? current ?? article.Id;
        foreach (var key in keys)
        {
            await using var band = SqliteArticleStore.Command(c, tx, "INSERT OR IGNORE INTO story_bands (band_key, seq, article_id) VALUES ($k, $seq, $id)",
                ("$k", key), ("$seq", seq), ("$id", article.Id));
            await band.ExecuteNonQueryAsync(ct);
        }

        await using var set = SqliteArticleStore.Command(c, tx, "UPDATE articles SET story_id = $s WHERE id = $id", ("$s", story), ("$id", article.Id));
        await set.ExecuteNonQueryAsync(ct);
        return story;
    }

    /// <summary>Assigns a story to every article that has none (stored before stories were kept), in (published, id) order; returns how many.</summary>
    public static async Task<int> BackfillAsync(SqliteArticleStore store, CancellationToken ct)
    {
        var ids = new List<string>();
        await using (var c = await store.OpenConnectionAsync(ct))
        await using (var cmd = SqliteArticleStore.Command(c, null, "SELECT id FROM articles WHERE story_id IS NULL ORDER BY published_date, id"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                ids.Add(r.GetString(0));
            }
        }

        foreach (var chunk in ids.Chunk(256))
        {
            await using var c = await store.OpenConnectionAsync(ct);
            await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
            foreach (var id in chunk)
            {
                if (await LoadAsync(c, tx, id, ct) is { } article)
                {
                    await AssignAsync(c, tx, article, ct);
                }
            }

            await tx.CommitAsync(ct);
        }

        return ids.Count;
    }

    private static async Task<string?> FindStoryAsync(SqliteConnection c, SqliteTransaction tx, Article article, HashSet<ulong> shingles,
        long[] keys, CancellationToken ct)
    {
        if (keys.Length == 0)
        {
            return null;
        }

        // Per band key, its few most recently stored articles; candidates share at least two keys (one shared key is
        // what unrelated texts produce by chance now and then), most shared first.
        var parameters = new List<(string, object?)> { ("$id", article.Id) };
        var parts = new List<string>();
        for (var i = 0; i < keys.Length; i++)
        {
            var name = "$k" + i.ToString(CultureInfo.InvariantCulture);
            parts.Add($"SELECT * FROM (SELECT article_id FROM story_bands WHERE band_key = {name} ORDER BY seq DESC LIMIT {StoryCandidates.PerBand})");
            parameters.Add((name, keys[i]));
        }

        var candidates = new List<(string Id, string? Story)>();
        await using (var cmd = SqliteArticleStore.Command(c, tx, $"""
            SELECT a.id, a.story_id FROM ({string.Join(" UNION ALL ", parts)}) b JOIN articles a ON a.id = b.article_id
            WHERE b.article_id <> $id
            GROUP BY a.id HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC, a.seq DESC LIMIT {StoryCandidates.MaxCandidates}
            """, [.. parameters]))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                candidates.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)));
            }
        }

        return await StoryLinking.CopyOfAsync(new Reader(c, tx), article, shingles, candidates, ct);
    }

    /// <summary>
    /// Counts the article's words into the document frequencies (once per article) and stores its heaviest TF-IDF terms;
    /// returns them (empty for an article too short to compare).
    /// </summary>
    private static async Task<Dictionary<string, double>> SaveTermsAsync(SqliteConnection c, SqliteTransaction tx, Article article, long seq,
        CancellationToken ct)
    {
        var counts = StoryTerms.Count(article.Title, article.BodyStart(StoryShingles.MaxCharacters));
        bool seen;
        await using (var had = SqliteArticleStore.Command(c, tx, "SELECT EXISTS (SELECT 1 FROM story_terms WHERE article_id = $id)", ("$id", article.Id)))
        {
            seen = Convert.ToInt64(await had.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 1;
        }

        var termsJson = System.Text.Json.JsonSerializer.Serialize(counts.Keys.ToArray(), StoryJson.Default.StringArray);
        if (!seen)
        {
            await using var bump = SqliteArticleStore.Command(c, tx, """
                INSERT INTO story_df (term, df) SELECT value, 1 FROM json_each($terms) WHERE true
                ON CONFLICT (term) DO UPDATE SET df = df + 1
                """, ("$terms", termsJson));
            await bump.ExecuteNonQueryAsync(ct);
            await using var total = SqliteArticleStore.Command(c, tx,
                "INSERT INTO story_df (term, df) VALUES ('', 1) ON CONFLICT (term) DO UPDATE SET df = df + 1");
            await total.ExecuteNonQueryAsync(ct);
        }

        var df = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var read = SqliteArticleStore.Command(c, tx,
            "SELECT term, df FROM story_df WHERE term IN (SELECT value FROM json_each($terms)) OR term = ''", ("$terms", termsJson)))
        await using (var r = await read.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                df[r.GetString(0)] = r.GetInt64(1);
            }
        }

        await using (var clear = SqliteArticleStore.Command(c, tx, "DELETE FROM story_terms WHERE article_id = $id", ("$id", article.Id)))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }

        if (counts.Count < StoryTerms.MinTerms)
        {
            return [];
        }

        var top = StoryTerms.Top(StoryTerms.Weigh(counts, t => df.GetValueOrDefault(t), df.GetValueOrDefault(string.Empty)));
        foreach (var (term, weight) in top)
        {
            await using var add = SqliteArticleStore.Command(c, tx,
                "INSERT OR REPLACE INTO story_terms (term, seq, article_id, weight) VALUES ($t, $seq, $id, $w)", ("$t", term), ("$seq", seq), ("$id", article.Id), ("$w", weight));
            await add.ExecuteNonQueryAsync(ct);
        }

        return top.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>The story of another outlet's report of the same event: the closest recent article by TF-IDF cosine, when close enough.</summary>
    private static async Task<string?> FindReportsAsync(SqliteConnection c, SqliteTransaction tx, Article article, Dictionary<string, double> terms,
        CancellationToken ct)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        // Candidates: the most recent articles holding one of this article's twenty heaviest terms, sharing two or more.
        var parameters = new List<(string, object?)> { ("$id", article.Id) };
        var parts = new List<string>();
        foreach (var (term, i) in terms.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(20).Select((kv, i) => (kv.Key, i)))
        {
            var name = "$t" + i.ToString(CultureInfo.InvariantCulture);
            parts.Add($"SELECT * FROM (SELECT article_id FROM story_terms WHERE term = {name} ORDER BY seq DESC LIMIT 40)");
            parameters.Add((name, term));
        }

        var candidates = new List<(string Id, string? Story, string? Date)>();
        await using (var cmd = SqliteArticleStore.Command(c, tx, $"""
            SELECT a.id, a.story_id, a.published_date FROM ({string.Join(" UNION ALL ", parts)}) t JOIN articles a ON a.id = t.article_id
            WHERE t.article_id <> $id
            GROUP BY a.id HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC, a.seq DESC LIMIT 15
            """, [.. parameters]))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                candidates.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
            }
        }

        return await StoryLinking.ReportOfAsync(new Reader(c, tx), article, terms, candidates, ct);
    }

    /// <summary>What story linking reads, in the saving transaction.</summary>
    private sealed class Reader(SqliteConnection c, SqliteTransaction tx) : IStoryReader
    {
        public Task<Article?> LoadAsync(string id, CancellationToken ct) => SqliteStories.LoadAsync(c, tx, id, ct);

        public async Task<Dictionary<string, double>> TermsAsync(string id, CancellationToken ct)
        {
            var terms = new Dictionary<string, double>(StringComparer.Ordinal);
            await using var read = SqliteArticleStore.Command(c, tx, "SELECT term, weight FROM story_terms WHERE article_id = $id", ("$id", id));
            await using var r = await read.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                terms[r.GetString(0)] = r.GetDouble(1);
            }

            return terms;
        }

        public async Task<List<string>> RecentMembersAsync(string story, string except, CancellationToken ct)
        {
            var members = new List<string>();
            await using var cmd = SqliteArticleStore.Command(c, tx, $"SELECT id FROM articles WHERE story_id = $s AND id <> $id ORDER BY seq DESC LIMIT {StoryCandidates.StoryMembers}",
                ("$s", story), ("$id", except));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                members.Add(r.GetString(0));
            }

            return members;
        }
    }

    private static async Task<Article?> LoadAsync(SqliteConnection c, SqliteTransaction tx, string id, CancellationToken ct)
    {
        await using var cmd = SqliteArticleStore.Command(c, tx, "SELECT json FROM articles WHERE id = $id", ("$id", id));
        return await cmd.ExecuteScalarAsync(ct) is string json ? DatelineJson.Deserialize(json) : null;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class StoryJson : System.Text.Json.Serialization.JsonSerializerContext;
