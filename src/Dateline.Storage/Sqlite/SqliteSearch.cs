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
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.Budget > TimeSpan.Zero)
        {
            budget.CancelAfter(request.Budget);
        }
        else
        {
            await budget.CancelAsync();
        }

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
            var hits = new List<SearchHit>();
            var weights = $"{TitleWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}, 1.0";
            // Collapsed: the best-ranked match of each story stands for the story, with the story's number of matches.
            var sql = request.CollapseStories
                ? $"""
                    WITH m AS (
                        SELECT a.id, a.title, a.source, a.published, a.published_date, COALESCE(a.story_id, a.id) AS story,
                               snippet(articles_fts, 1, char(2), char(3), '…', {SnippetTokens}) AS snip, bm25(articles_fts, {weights}) AS rank
                        FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                        WHERE articles_fts MATCH $match AND {where}),
                    r AS (
                        SELECT m.*, ROW_NUMBER() OVER (PARTITION BY story ORDER BY rank, published_date DESC, id) AS n,
                               COUNT(*) OVER (PARTITION BY story) AS k
                        FROM m)
                    SELECT id, title, source, published, snip, rank, story, k FROM r WHERE n = 1
                    ORDER BY rank, published_date DESC, id
                    LIMIT $limit OFFSET $offset
                    """
                : $"""
                    SELECT a.id, a.title, a.source, a.published,
                           snippet(articles_fts, 1, char(2), char(3), '…', {SnippetTokens}),
                           bm25(articles_fts, {weights}) AS rank, COALESCE(a.story_id, a.id), 1
                    FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                    WHERE articles_fts MATCH $match AND {where}
                    ORDER BY rank, a.published_date DESC, a.id
                    LIMIT $limit OFFSET $offset
                    """;
            await using (var cmd = SqliteArticleStore.Command(c, null, sql, parameters))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    var (snippet, highlights) = SnippetMarkers.Strip(r.GetString(4));
                    hits.Add(new SearchHit(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                        r.IsDBNull(3) ? null : r.GetString(3), snippet, highlights, Math.Round(-r.GetDouble(5), 4))
                    {
                        StoryId = r.GetString(6),
                        StoryMatches = r.GetInt32(7),
                    });
                }
            }

            await using var count = SqliteArticleStore.Command(c, null, $"""
                SELECT {(request.CollapseStories ? "COUNT(DISTINCT COALESCE(a.story_id, a.id))" : "COUNT(*)")}
                FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                WHERE articles_fts MATCH $match AND {where}
                """, parameters);
            var total = (long)(await count.ExecuteScalarAsync(ct))!;
            return new SearchResults(hits, total, request.Query.ToString());
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
}
