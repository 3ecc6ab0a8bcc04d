using System.Globalization;
using Dateline.Core.Articles;
using Dateline.Core.Serialization;
using Dateline.Storage.Stories;
using Npgsql;

namespace Dateline.Storage.Postgres;

/// <summary>
/// Stories in PostgreSQL, by the same method and constants as on SQLite (see SqliteStories): band keys find copies,
/// TF-IDF terms find other outlets' reports.
/// </summary>
internal static class PostgresStories
{
    /// <summary>Gives <paramref name="article"/> (already written in <paramref name="tx"/> as row <paramref name="seq"/>) its band keys and story id.</summary>
    public static async Task<string> AssignAsync(NpgsqlConnection c, NpgsqlTransaction tx, Article article, long seq, CancellationToken ct)
    {
        await Pg.ExecAsync(c, tx, ct, "DELETE FROM story_bands WHERE article_id = @id", ("@id", article.Id));
        string? current;
        await using (var find = Pg.Command(c, tx, "SELECT story_id FROM articles WHERE id = @id", ("@id", article.Id)))
        {
            current = await find.ExecuteScalarAsync(ct) as string;
        }

        var shingles = StoryShingles.Of(article.BodyStart(StoryShingles.MaxCharacters));
        var keys = StoryShingles.BandKeys(shingles);
        var terms = await SaveTermsAsync(c, tx, article, seq, counted: current is not null, ct);
        var story = current is not null && current != article.Id
            ? current
            : await FindStoryAsync(c, tx, article, shingles, keys, ct) ?? await FindReportsAsync(c, tx, article, terms, ct) ?? current ?? article.Id;
        if (keys.Length > 0)
        {
            await Pg.ExecAsync(c, tx, ct, """
                INSERT INTO story_bands (band_key, seq, article_id) SELECT k, @seq, @id FROM unnest(@keys) AS k ON CONFLICT DO NOTHING
                """, ("@keys", keys), ("@seq", seq), ("@id", article.Id));
        }

        await Pg.ExecAsync(c, tx, ct, "UPDATE articles SET story_id = @s WHERE id = @id", ("@s", story), ("@id", article.Id));
        return story;
    }

    /// <summary>Moves every article of <paramref name="articleId"/>'s story into <paramref name="otherId"/>'s (see IArticleStore.JoinStoriesAsync).</summary>
    public static async Task<int> JoinAsync(NpgsqlConnection c, NpgsqlTransaction tx, string articleId, string otherId, CancellationToken ct)
    {
        async Task<string?> StoryOf(string id)
        {
            await using var find = Pg.Command(c, tx, "SELECT COALESCE(story_id, id) FROM articles WHERE id = @id", ("@id", id));
            return await find.ExecuteScalarAsync(ct) as string;
        }

        var from = await StoryOf(articleId);
        var into = await StoryOf(otherId);
        if (from is null || into is null || from == into)
        {
            return 0;
        }

        var moved = await Pg.ExecAsync(c, tx, ct, "UPDATE articles SET story_id = @into WHERE story_id = @from OR (id = @from AND story_id IS NULL)",
            ("@into", into), ("@from", from));
        var keys = new List<string>();
        var ids = new List<long>();
        await using (var events = Pg.Command(c, tx, """
            SELECT DISTINCT e.id, e.date, e.source_code, e.target_code, e.cameo FROM events e
            JOIN event_reports r ON r.event_id = e.id JOIN articles a ON a.id = r.article_id WHERE a.story_id = @into
            """, ("@into", into)))
        await using (var r = await events.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                ids.Add(r.GetInt64(0));
                keys.Add(Events.EventKeys.StoryKey(r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.IsDBNull(3) ? string.Empty : r.GetString(3),
                    r.GetString(4), into));
            }
        }

        if (keys.Count > 0)
        {
            await Pg.ExecAsync(c, tx, ct, "INSERT INTO event_keys (key, event_id) SELECT k, i FROM unnest(@keys, @ids) AS u(k, i) ON CONFLICT DO NOTHING",
                ("@keys", keys.ToArray()), ("@ids", ids.ToArray()));
        }

        return moved;
    }

    /// <summary>Assigns a story to every article that has none, in (published, id) order; returns how many.</summary>
    public static async Task<int> BackfillAsync(PostgresArticleStore store, CancellationToken ct)
    {
        var ids = new List<string>();
        await using (var c = await store.OpenConnectionAsync(ct))
        await using (var cmd = Pg.Command(c, null, "SELECT id FROM articles WHERE story_id IS NULL ORDER BY published_date NULLS FIRST, id"))
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
            await using var tx = await c.BeginTransactionAsync(ct);
            foreach (var id in chunk)
            {
                long seq;
                await using (var find = Pg.Command(c, tx, "SELECT seq FROM articles WHERE id = @id FOR UPDATE", ("@id", id)))
                {
                    if (await find.ExecuteScalarAsync(ct) is not long s)
                    {
                        continue;
                    }

                    seq = s;
                }

                if (await LoadAsync(c, tx, id, ct) is { } article)
                {
                    await AssignAsync(c, tx, article, seq, ct);
                }
            }

            await tx.CommitAsync(ct);
        }

        return ids.Count;
    }

    private static async Task<string?> FindStoryAsync(NpgsqlConnection c, NpgsqlTransaction tx, Article article, HashSet<ulong> shingles,
        long[] keys, CancellationToken ct)
    {
        if (keys.Length == 0)
        {
            return null;
        }

        // Per band key, its few most recently stored articles; candidates share at least two keys, most shared first.
        var candidates = new List<(string Id, string? Story)>();
        await using (var cmd = Pg.Command(c, tx, $"""
            SELECT a.id, a.story_id FROM unnest(@keys) AS k(key)
                CROSS JOIN LATERAL (SELECT article_id FROM story_bands WHERE band_key = k.key ORDER BY seq DESC LIMIT {StoryCandidates.PerBand}) b
                JOIN articles a ON a.id = b.article_id
            WHERE b.article_id <> @id
            GROUP BY a.seq, a.id, a.story_id HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC, a.seq DESC LIMIT {StoryCandidates.MaxCandidates}
            """, ("@keys", keys), ("@id", article.Id)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                candidates.Add((r.GetString(0), Pg.Str(r, 1)));
            }
        }

        return await StoryLinking.CopyOfAsync(new Reader(c, tx), article, shingles, candidates, ct);
    }

    private static async Task<Dictionary<string, double>> SaveTermsAsync(NpgsqlConnection c, NpgsqlTransaction tx, Article article, long seq,
        bool counted, CancellationToken ct)
    {
        var counts = StoryTerms.Count(article.Title, article.BodyStart(StoryShingles.MaxCharacters));
        // Counted once: an article that already had a story (saved before) or kept terms is not counted again — an
        // article too short for terms keeps none, so its terms alone could not tell.
        var seen = counted;
        if (!seen)
        {
            await using var had = Pg.Command(c, tx, "SELECT EXISTS (SELECT 1 FROM story_terms WHERE article_id = @id)", ("@id", article.Id));
            seen = (bool)(await had.ExecuteScalarAsync(ct))!;
        }

        // The article's words and the empty term (which counts articles), in term order. A new article counts itself in
        // and reads the frequencies back in one statement; saves are serial (the story lock), so no two writers wait on
        // these rows at once.
        string[] termArray = [.. counts.Keys.Append(string.Empty).Order(StringComparer.Ordinal)];
        var df = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var read = seen
            ? Pg.Command(c, tx, "SELECT term, df FROM story_df WHERE term = ANY(@terms)", ("@terms", termArray))
            : Pg.Command(c, tx, """
                INSERT INTO story_df (term, df) SELECT t, 1 FROM unnest(@terms) AS t ORDER BY t
                ON CONFLICT (term) DO UPDATE SET df = story_df.df + 1
                RETURNING term, df
                """, ("@terms", termArray)))
        await using (var r = await read.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                df[r.GetString(0)] = r.GetInt64(1);
            }
        }

        await Pg.ExecAsync(c, tx, ct, "DELETE FROM story_terms WHERE article_id = @id", ("@id", article.Id));
        if (counts.Count < StoryTerms.MinTerms)
        {
            return [];
        }

        var top = StoryTerms.Top(StoryTerms.Weigh(counts, t => df.GetValueOrDefault(t), df.GetValueOrDefault(string.Empty)));
        await Pg.ExecAsync(c, tx, ct, """
            INSERT INTO story_terms (term, seq, article_id, weight) SELECT t, @seq, @id, w FROM unnest(@terms, @weights) AS x(t, w)
            ON CONFLICT (term, seq) DO UPDATE SET article_id = excluded.article_id, weight = excluded.weight
            """, ("@terms", top.Select(kv => kv.Key).ToArray()), ("@weights", top.Select(kv => kv.Value).ToArray()), ("@seq", seq), ("@id", article.Id));
        return top.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    private static async Task<string?> FindReportsAsync(NpgsqlConnection c, NpgsqlTransaction tx, Article article, Dictionary<string, double> terms,
        CancellationToken ct)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        // Candidates: the most recent articles holding one of this article's twenty heaviest terms, sharing two or more.
        var heaviest = terms.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(20).Select(kv => kv.Key).ToArray();
        var candidates = new List<(string Id, string? Story, string? Date)>();
        await using (var cmd = Pg.Command(c, tx, """
            SELECT a.id, a.story_id, a.published_date FROM unnest(@terms) AS k(term)
                CROSS JOIN LATERAL (SELECT article_id FROM story_terms WHERE term = k.term ORDER BY seq DESC LIMIT 40) t
                JOIN articles a ON a.id = t.article_id
            WHERE t.article_id <> @id
            GROUP BY a.seq, a.id, a.story_id, a.published_date HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC, a.seq DESC LIMIT 15
            """, ("@terms", heaviest), ("@id", article.Id)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                candidates.Add((r.GetString(0), Pg.Str(r, 1), Pg.Str(r, 2)));
            }
        }

        return await StoryLinking.ReportOfAsync(new Reader(c, tx), article, terms, candidates, ct);
    }

    /// <summary>What story linking reads, in the saving transaction.</summary>
    private sealed class Reader(NpgsqlConnection c, NpgsqlTransaction tx) : IStoryReader
    {
        public Task<Article?> LoadAsync(string id, CancellationToken ct) => PostgresStories.LoadAsync(c, tx, id, ct);

        public async Task<Dictionary<string, double>> TermsAsync(string id, CancellationToken ct)
        {
            var terms = new Dictionary<string, double>(StringComparer.Ordinal);
            await using var read = Pg.Command(c, tx, "SELECT term, weight FROM story_terms WHERE article_id = @id", ("@id", id));
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
            await using var cmd = Pg.Command(c, tx, $"SELECT id FROM articles WHERE story_id = @s AND id <> @id ORDER BY seq DESC LIMIT {StoryCandidates.StoryMembers}",
                ("@s", story), ("@id", except));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                members.Add(r.GetString(0));
            }

            return members;
        }
    }

    private static async Task<Article?> LoadAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, CancellationToken ct)
    {
        await using var cmd = Pg.Command(c, tx, "SELECT json FROM articles WHERE id = @id", ("@id", id));
        return await cmd.ExecuteScalarAsync(ct) is string json ? DatelineJson.Deserialize(json) : null;
    }
}
