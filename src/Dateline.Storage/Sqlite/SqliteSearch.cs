using Dateline.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>
/// Full-text search over the FTS5 index: BM25 ranking (title weighted over body) and highlighted snippets taken from the
/// body (the title is shown beside them anyway).
/// </summary>
internal static class SqliteSearch
{
    /// <summary>BM25 column weights: a match in the title counts this many times a match in the body.</summary>
    private const double TitleWeight = 4.0;

    /// <summary>Snippet length in tokens.</summary>
    private const int SnippetTokens = 28;


    public static async Task<SearchResults> RunAsync(SqliteArticleStore store, SearchRequest request, CancellationToken cancellationToken)
    {
        // The budget and the caller (a client that disconnects) both interrupt the statement SQLite is running.
        using var budget = await QueryBudget.StartAsync(request.Budget, cancellationToken);

        var ct = budget.Token;
        var match = Fts5QueryTranslator.Translate(request.Query.Root);
        var (where, filterParams) = SqliteFilter.Build(request.Filter, "a");
        (string, object?)[] parameters = [("$match", match), .. filterParams, ("$limit", request.Limit), ("$offset", request.Offset)];
        SqliteConnection? c = null;
        try
        {
            c = await store.OpenConnectionAsync(ct);
            ct.ThrowIfCancellationRequested();
            await using var interrupt = ct.Register(() => SQLitePCL.raw.sqlite3_interrupt(c.Handle));
            var weights = $"{TitleWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}, 1.0";
            // Only the page's hits get a snippet, each in a query of its own: a snippet re-reads and re-tokenizes the
            // article, so one per match was the cost of a common word.
            // CROSS JOIN keeps the full-text index the outer loop: with a filter that matches most articles (a source),
            // the planner would otherwise walk the filter's index and probe the full-text index once per article.
            // The matches are read newest first, at most one more than the rank window: m holds all of them, or shows that
            // there are more (then the newest window are ranked, and the matches counted apart). n: the rows of m.
            var window = request.RankWindow;
            var sql = $"""
                WITH m AS MATERIALIZED (
                    SELECT a.seq, a.id, a.title, a.source, a.published, a.published_date, bm25(articles_fts, {weights}) AS rank,
                           COALESCE(a.story_id, a.id) AS story
                    FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid
                    WHERE articles_fts MATCH $match AND {where}
                    {(window is { } w ? $"ORDER BY articles_fts.rowid DESC LIMIT {w + 1}" : string.Empty)}),
                n AS (SELECT COUNT(*) AS n, MIN(seq) AS oldest FROM m)
                SELECT m.seq, m.id, m.title, m.source, m.published, m.rank, m.story, n.n FROM m, n
                {(window is { } v ? $"WHERE n.n <= {v} OR m.seq <> n.oldest" : string.Empty)}
                ORDER BY {(request.Sort == SearchSort.Date ? "m.published_date IS NULL, m.published_date DESC, m.rank, m.id" : "m.rank, m.published_date DESC, m.id")}
                {(request.CollapseStories ? string.Empty : "LIMIT $limit OFFSET $offset")}
                """;
            long? rows = null;
            var page = new List<(long Seq, SearchHit Hit)>();
            long total = 0;
            await using (var cmd = SqliteArticleStore.Command(c, null, sql, parameters))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                // Collapsed: in rank order, a story's first match is its best one (by date, its newest), so the page is the ranked list with
                // later matches of a story left out; reading the list to its end counts the stories and each one's matches.
                var perStory = new Dictionary<string, int>(StringComparer.Ordinal);
                while (await r.ReadAsync(ct))
                {
                    rows ??= r.GetInt64(7);
                    var story = r.GetString(6);
                    if (request.CollapseStories)
                    {
                        ref var n = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(perStory, story, out var seen);
                        n++;
                        if (seen || perStory.Count <= request.Offset || page.Count >= request.Limit)
                        {
                            continue;
                        }
                    }
                    page.Add((r.GetInt64(0), new SearchHit(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                        r.IsDBNull(4) ? null : r.GetString(4), string.Empty, [], Math.Round(-r.GetDouble(5), 4))
                    {
                        StoryId = story,
                    }));
                }

                if (request.CollapseStories)
                {
                    total = perStory.Count;
                    for (var i = 0; i < page.Count; i++)
                    {
                        page[i] = (page[i].Seq, page[i].Hit with { StoryMatches = perStory[page[i].Hit.StoryId!] });
                    }
                }
            }

            var windowed = window is { } cap && rows > cap;
            long matches;
            if (rows is { } all && !windowed)
            {
                matches = all;
            }
            else
            {
                // More matches than the window (or a page past the end): counted apart; without a filter by the index alone.
                await using var count = SqliteArticleStore.Command(c, null, request.Filter == ArticleFilter.All
                    ? "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH $match"
                    : $"SELECT COUNT(*) FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH $match AND {where}",
                    parameters);
                matches = (long)(await count.ExecuteScalarAsync(ct))!;
                windowed = window is { } cap2 && matches > cap2;
            }

            if (!request.CollapseStories)
            {
                total = matches;
            }

            var hits = new List<SearchHit>(page.Count);
            await using (var snip = SqliteArticleStore.Command(c, null, $"""
                SELECT snippet(articles_fts, 1, char(2), char(3), '…', {SnippetTokens}) FROM articles_fts WHERE articles_fts MATCH $match AND rowid = $seq
                """, ("$match", match), ("$seq", 0L)))
            {
                foreach (var (seq, hit) in page)
                {
                    snip.Parameters["$seq"].Value = seq;
                    var (snippet, highlights) = SnippetMarkers.Strip(await snip.ExecuteScalarAsync(ct) as string ?? string.Empty);
                    hits.Add(hit with { Snippet = snippet, Highlights = highlights });
                }
            }

            var ranked = windowed ? window!.Value : matches;
            var facets = request.Facets > 0 && matches > 0
                ? await FacetsAsync(c, match, where, filterParams, windowed ? window : null, Math.Min(request.Facets, SearchRequest.MaxFacets), ranked, ct)
                : null;
            return new SearchResults(hits, total, request.Query.ToString()) { Matches = matches, Ranked = ranked, Facets = facets ?? (request.Facets > 0 ? SearchFacets.None : null) };
        }
        catch (Exception ex) when (ex is SqliteException { SqliteErrorCode: 9 } or OperationCanceledException && !cancellationToken.IsCancellationRequested
            && budget.IsCancellationRequested)
        {
            throw new SearchBudgetException(request.Budget, request.Query.Text);
        }
        catch (SqliteException ex) when (ex.Message.Contains("fts5", StringComparison.OrdinalIgnoreCase))
        {
            throw new QuerySyntaxException($"the search engine rejected the query: {ex.Message}", 0);
        }
        finally
        {
            if (c is not null)
            {
                await c.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The sources and tags of the ranked matches (the newest <paramref name="window"/> when the query matched more):
    /// the same rows the ranking read, without BM25, so the count costs at most a second pass over them, in the same budget.
    /// </summary>
    private static async Task<SearchFacets> FacetsAsync(SqliteConnection c, string match, string where, (string, object?)[] filterParams, int? window, int top,
        long counted, CancellationToken ct)
    {
        await using var cmd = SqliteArticleStore.Command(c, null, $"""
            WITH w AS MATERIALIZED (
                SELECT a.id, a.source FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid
                WHERE articles_fts MATCH $match AND {where}
                {(window is { } cap ? $"ORDER BY articles_fts.rowid DESC LIMIT {cap}" : string.Empty)})
            SELECT 0, name, n FROM (
                SELECT source AS name, COUNT(*) AS n FROM w WHERE source IS NOT NULL GROUP BY source ORDER BY n DESC, name LIMIT $top)
            UNION ALL
            SELECT 1, name, n FROM (
                SELECT MIN(t.tag COLLATE BINARY) AS name, COUNT(*) AS n FROM w JOIN article_tags t ON t.article_id = w.id
                GROUP BY t.tag ORDER BY n DESC, name COLLATE BINARY LIMIT $top)
            """, [("$match", match), .. filterParams, ("$top", top)]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var (sources, tags) = (new List<FacetCount>(), new List<FacetCount>());
        while (await r.ReadAsync(ct))
        {
            (r.GetInt32(0) == 0 ? sources : tags).Add(new FacetCount(r.GetString(1), r.GetInt64(2)));
        }

        return SearchFacets.Of(sources, tags, counted);
    }
}
