using System.Globalization;
using Dateline.Core.Articles;
using Dateline.Core.Serialization;
using Dateline.Storage.Stories;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>Stories in SQLite: an article joins the story of the stored article its text overlaps most (see <see cref="StoryShingles"/>).</summary>
internal static class SqliteStories
{
    /// <summary>
    /// Gives <paramref name="article"/> (already written in <paramref name="tx"/>) its band keys and story id, and brings the
    /// story summaries up to date (<paramref name="inserted"/>: the article is new to the store); returns the story id.
    /// </summary>
    public static async Task<string> AssignAsync(SqliteConnection c, SqliteTransaction tx, Article article, bool inserted, CancellationToken ct)
    {
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

        await using (var clear = SqliteArticleStore.Command(c, tx, "DELETE FROM story_bands WHERE seq = $seq", ("$seq", seq)))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }

        var shingles = StoryShingles.Of(article.BodyStart(StoryShingles.MaxCharacters));
        var keys = StoryShingles.BandKeys(shingles);
        var terms = await SaveTermsAsync(c, tx, article, seq, counted: current is not null, ct);
        var story = current is not null && current != article.Id
            ? current
            : await FindStoryAsync(c, tx, article, seq, shingles, keys, ct) ?? await FindReportsAsync(c, tx, article, seq, terms, ct) ?? current ?? article.Id;
        if (keys.Length > 0)
        {
            await using var band = SqliteArticleStore.Command(c, tx, """
                INSERT OR IGNORE INTO story_bands (band_key, seq) SELECT value, $seq FROM json_each($keys)
                """, ("$keys", "[" + string.Join(',', keys.Select(k => k.ToString(CultureInfo.InvariantCulture))) + "]"), ("$seq", seq));
            await band.ExecuteNonQueryAsync(ct);
        }

        await using (var set = SqliteArticleStore.Command(c, tx, "UPDATE articles SET story_id = $s WHERE id = $id", ("$s", story), ("$id", article.Id)))
        {
            await set.ExecuteNonQueryAsync(ct);
        }

        if (inserted)
        {
            await AddToSummaryAsync(c, tx, story, article.Id, ct);
        }
        else
        {
            // An update may have changed the article's date or source, and a backfilled article leaves the story of its own
            // id: both stories are counted again from their members (rare, and bounded by the story's size).
            await RefreshSummaryAsync(c, tx, story, ct);
            if ((current ?? article.Id) != story)
            {
                await RefreshSummaryAsync(c, tx, current ?? article.Id, ct);
            }
        }

        return story;
    }

    /// <summary>Counts a new article into its story's summary without reading the story's other members (one index probe for its source).</summary>
    private static async Task AddToSummaryAsync(SqliteConnection c, SqliteTransaction tx, string story, string id, CancellationToken ct)
    {
        // In an upsert's SET, bare column names are the row's values before the update; excluded.* is the new article.
        await using var add = SqliteArticleStore.Command(c, tx, """
            INSERT INTO story_summaries (story_id, n, sources, first_date, last_date, first_key, first_id)
            SELECT $s, 1, source IS NOT NULL, published_date, published_date, COALESCE(published_date, '9999'), id FROM articles WHERE id = $id
            ON CONFLICT (story_id) DO UPDATE SET
                n = n + 1,
                sources = sources + (excluded.sources
                    AND NOT EXISTS (SELECT 1 FROM articles m WHERE m.story_id = $s AND m.source = (SELECT source FROM articles WHERE id = $id) AND m.id <> $id)
                    AND NOT EXISTS (SELECT 1 FROM articles m WHERE m.id = $s AND m.story_id IS NULL AND m.source = (SELECT source FROM articles WHERE id = $id))),
                first_date = CASE WHEN excluded.first_date IS NOT NULL AND (first_date IS NULL OR excluded.first_date < first_date)
                                  THEN excluded.first_date ELSE first_date END,
                last_date = CASE WHEN excluded.last_date IS NOT NULL AND (last_date IS NULL OR excluded.last_date > last_date)
                                 THEN excluded.last_date ELSE last_date END,
                first_key = CASE WHEN (excluded.first_key, excluded.first_id) < (first_key, first_id) THEN excluded.first_key ELSE first_key END,
                first_id = CASE WHEN (excluded.first_key, excluded.first_id) < (first_key, first_id) THEN excluded.first_id ELSE first_id END
            """, ("$s", story), ("$id", id));
        await add.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Counts a story's summary again from its members (none left: no summary).</summary>
    private static async Task RefreshSummaryAsync(SqliteConnection c, SqliteTransaction tx, string story, CancellationToken ct)
    {
        await using (var clear = SqliteArticleStore.Command(c, tx, "DELETE FROM story_summaries WHERE story_id = $s", ("$s", story)))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }

        await using var count = SqliteArticleStore.Command(c, tx, """
            WITH m AS (SELECT id, source, published_date FROM articles WHERE story_id = $s
                       UNION ALL SELECT id, source, published_date FROM articles WHERE id = $s AND story_id IS NULL),
                 f AS (SELECT id, COALESCE(published_date, '9999') AS k FROM m ORDER BY k, id LIMIT 1)
            INSERT INTO story_summaries (story_id, n, sources, first_date, last_date, first_key, first_id)
            SELECT $s, COUNT(*), COUNT(DISTINCT m.source), MIN(m.published_date), MAX(m.published_date), f.k, f.id FROM m, f GROUP BY f.k, f.id
            """, ("$s", story));
        await count.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Moves every article of <paramref name="articleId"/>'s story into <paramref name="otherId"/>'s (see IArticleStore.JoinStoriesAsync).</summary>
    public static async Task<int> JoinAsync(SqliteArticleStore store, string articleId, string otherId, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
        async Task<string?> StoryOf(string id)
        {
            await using var find = SqliteArticleStore.Command(c, tx, "SELECT COALESCE(story_id, id) FROM articles WHERE id = $id", ("$id", id));
            return await find.ExecuteScalarAsync(ct) as string;
        }

        var from = await StoryOf(articleId);
        var into = await StoryOf(otherId);
        if (from is null || into is null || from == into)
        {
            return 0;
        }

        int moved;
        await using (var move = SqliteArticleStore.Command(c, tx,
            "UPDATE articles SET story_id = $into WHERE story_id = $from OR (id = $from AND story_id IS NULL)", ("$into", into), ("$from", from)))
        {
            moved = await move.ExecuteNonQueryAsync(ct);
        }

        // The events the joined story's articles report, known by their story key under the joined story too.
        var keys = new List<(string Key, long Event)>();
        await using (var events = SqliteArticleStore.Command(c, tx, """
            SELECT DISTINCT e.id, e.date, e.source_code, e.target_code, e.cameo FROM events e
            JOIN event_reports r ON r.event_id = e.id JOIN articles a ON a.id = r.article_id WHERE a.story_id = $into
            """, ("$into", into)))
        await using (var r = await events.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                keys.Add((Events.EventKeys.StoryKey(r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.IsDBNull(3) ? string.Empty : r.GetString(3),
                    r.GetString(4), into), r.GetInt64(0)));
            }
        }

        await using (var add = SqliteArticleStore.Command(c, tx, "INSERT OR IGNORE INTO event_keys (key, event_id) VALUES ($key, $id)", ("$key", string.Empty), ("$id", 0L)))
        {
            foreach (var (key, id) in keys)
            {
                add.Parameters["$key"].Value = key;
                add.Parameters["$id"].Value = id;
                await add.ExecuteNonQueryAsync(ct);
            }
        }

        await RefreshSummaryAsync(c, tx, from, ct);
        await RefreshSummaryAsync(c, tx, into, ct);
        await tx.CommitAsync(ct);
        return moved;
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
                    await AssignAsync(c, tx, article, inserted: false, ct);
                }
            }

            await tx.CommitAsync(ct);
        }

        return ids.Count;
    }

    private static async Task<string?> FindStoryAsync(SqliteConnection c, SqliteTransaction tx, Article article, long seq, HashSet<ulong> shingles,
        long[] keys, CancellationToken ct)
    {
        if (keys.Length == 0)
        {
            return null;
        }

        // Per band key, its few most recently stored articles; candidates share at least two keys (one shared key is
        // what unrelated texts produce by chance now and then), most shared first. Counted on the keys' own rows (seq is
        // articles.seq), and only the few chosen are looked up in articles.
        var parameters = new List<(string, object?)> { ("$seq", seq) };
        var parts = new List<string>();
        for (var i = 0; i < keys.Length; i++)
        {
            var name = "$k" + i.ToString(CultureInfo.InvariantCulture);
            parts.Add($"SELECT * FROM (SELECT seq FROM story_bands WHERE band_key = {name} ORDER BY seq DESC LIMIT {StoryCandidates.PerBand})");
            parameters.Add((name, keys[i]));
        }

        var candidates = new List<(string Id, string? Story)>();
        await using (var cmd = SqliteArticleStore.Command(c, tx, $"""
            SELECT a.id, a.story_id FROM (
                SELECT seq, COUNT(*) AS shared FROM ({string.Join(" UNION ALL ", parts)}) WHERE seq <> $seq
                GROUP BY seq HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC, seq DESC LIMIT {StoryCandidates.MaxCandidates}) b
            JOIN articles a ON a.seq = b.seq
            ORDER BY b.shared DESC, b.seq DESC
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
    /// Counts the article's words into the document frequencies (once per article: <paramref name="counted"/> when it was
    /// assigned a story before) and stores its heaviest TF-IDF terms;
    /// returns them (empty for an article too short to compare).
    /// </summary>
    private static async Task<Dictionary<string, double>> SaveTermsAsync(SqliteConnection c, SqliteTransaction tx, Article article, long seq,
        bool counted, CancellationToken ct)
    {
        var counts = StoryTerms.Count(article.Title, article.BodyStart(StoryShingles.MaxCharacters));
        // Counted once: an article that already had a story (saved before) or kept terms is not counted again — an
        // article too short for terms keeps none, so its terms alone could not tell.
        var seen = counted;
        if (!seen)
        {
            await using var had = SqliteArticleStore.Command(c, tx, "SELECT EXISTS (SELECT 1 FROM story_terms WHERE seq = $seq)", ("$seq", seq));
            seen = Convert.ToInt64(await had.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 1;
        }

        var termsJson = System.Text.Json.JsonSerializer.Serialize(counts.Keys.Append(string.Empty).ToArray(), StoryJson.Default.StringArray);
        var df = new Dictionary<string, long>(StringComparer.Ordinal);
        // A new article counts its words (and, with the empty term, itself) and reads the counts back in one statement.
        await using (var read = seen
            ? SqliteArticleStore.Command(c, tx, "SELECT term, df FROM story_df WHERE term IN (SELECT value FROM json_each($terms))", ("$terms", termsJson))
            : SqliteArticleStore.Command(c, tx, """
                INSERT INTO story_df (term, df) SELECT value, 1 FROM json_each($terms) WHERE true
                ON CONFLICT (term) DO UPDATE SET df = df + 1
                RETURNING term, df
                """, ("$terms", termsJson)))
        await using (var r = await read.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                df[r.GetString(0)] = r.GetInt64(1);
            }
        }

        await using (var clear = SqliteArticleStore.Command(c, tx, "DELETE FROM story_terms WHERE seq = $seq", ("$seq", seq)))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }

        if (counts.Count < StoryTerms.MinTerms)
        {
            return [];
        }

        var top = StoryTerms.Top(StoryTerms.Weigh(counts, t => df.GetValueOrDefault(t), df.GetValueOrDefault(string.Empty)));
        // One statement prepared once and run per term (weights bound as doubles, not through text).
        await using (var add = SqliteArticleStore.Command(c, tx, "INSERT OR REPLACE INTO story_terms (term, seq, weight) VALUES ($t, $seq, $w)",
            ("$t", string.Empty), ("$seq", seq), ("$w", 0.0)))
        {
            foreach (var (term, weight) in top)
            {
                add.Parameters["$t"].Value = term;
                add.Parameters["$w"].Value = weight;
                await add.ExecuteNonQueryAsync(ct);
            }
        }

        return top.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>The story of another outlet's report of the same event: the closest recent article by TF-IDF cosine, when close enough.</summary>
    private static async Task<string?> FindReportsAsync(SqliteConnection c, SqliteTransaction tx, Article article, long seq,
        Dictionary<string, double> terms, CancellationToken ct)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        // Candidates: the most recent articles holding one of this article's twenty heaviest terms, sharing two or more.
        var parameters = new List<(string, object?)> { ("$seq", seq) };
        var parts = new List<string>();
        foreach (var (term, i) in terms.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(20).Select((kv, i) => (kv.Key, i)))
        {
            var name = "$t" + i.ToString(CultureInfo.InvariantCulture);
            parts.Add($"SELECT * FROM (SELECT seq FROM story_terms WHERE term = {name} ORDER BY seq DESC LIMIT 40)");
            parameters.Add((name, term));
        }

        var candidates = new List<(string Id, string? Story, string? Date)>();
        await using (var cmd = SqliteArticleStore.Command(c, tx, $"""
            SELECT a.id, a.story_id, a.published_date FROM (
                SELECT seq, COUNT(*) AS shared FROM ({string.Join(" UNION ALL ", parts)}) WHERE seq <> $seq
                GROUP BY seq HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC, seq DESC LIMIT 15) t
            JOIN articles a ON a.seq = t.seq
            ORDER BY t.shared DESC, t.seq DESC
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
            await using var read = SqliteArticleStore.Command(c, tx, "SELECT t.term, t.weight FROM articles a JOIN story_terms t ON t.seq = a.seq WHERE a.id = $id", ("$id", id));
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
        await using var cmd = SqliteArticleStore.Command(c, tx, "SELECT j.json FROM articles a JOIN article_json j ON j.seq = a.seq WHERE a.id = $id", ("$id", id));
        return await cmd.ExecuteScalarAsync(ct) is string json ? DatelineJson.Deserialize(json) : null;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class StoryJson : System.Text.Json.Serialization.JsonSerializerContext;
