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

    private const char Open = '\u0002';
    private const char Close = '\u0003';

    public static async Task<SearchResults> RunAsync(SqliteArticleStore store, SearchRequest request, CancellationToken ct)
    {
        var match = Fts5QueryTranslator.Translate(request.Query.Root);
        var (where, filterParams) = SqliteFilter.Build(request.Filter, "a");
        (string, object?)[] parameters = [("$match", match), .. filterParams, ("$limit", request.Limit), ("$offset", request.Offset)];
        await using var c = await store.OpenConnectionAsync(ct);
        try
        {
            var hits = new List<SearchHit>();
            await using (var cmd = SqliteArticleStore.Command(c, null, $"""
                SELECT a.id, a.title, a.source, a.published,
                       snippet(articles_fts, 1, char(2), char(3), '…', {SnippetTokens}),
                       bm25(articles_fts, {TitleWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}, 1.0) AS rank
                FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                WHERE articles_fts MATCH $match AND {where}
                ORDER BY rank, a.published_date DESC, a.id
                LIMIT $limit OFFSET $offset
                """, parameters))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    var (snippet, highlights) = Highlights(r.GetString(4));
                    hits.Add(new SearchHit(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                        r.IsDBNull(3) ? null : r.GetString(3), snippet, highlights, Math.Round(-r.GetDouble(5), 4)));
                }
            }

            await using var count = SqliteArticleStore.Command(c, null, $"""
                SELECT COUNT(*) FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                WHERE articles_fts MATCH $match AND {where}
                """, parameters);
            var total = (long)(await count.ExecuteScalarAsync(ct))!;
            return new SearchResults(hits, total, request.Query.ToString());
        }
        catch (SqliteException ex) when (ex.Message.Contains("fts5", StringComparison.OrdinalIgnoreCase))
        {
            throw new QuerySyntaxException($"the search engine rejected the query: {ex.Message}", 0);
        }
    }

    /// <summary>Strips the snippet's match markers into ranges, then undoes CJK segmentation.</summary>
    private static (string, List<HighlightRange>) Highlights(string marked)
    {
        var sb = new System.Text.StringBuilder(marked.Length);
        var ranges = new List<HighlightRange>();
        var start = -1;
        foreach (var ch in marked)
        {
            if (ch == Open)
            {
                start = sb.Length;
            }
            else if (ch == Close && start >= 0)
            {
                ranges.Add(new HighlightRange(start, sb.Length));
                start = -1;
            }
            else
            {
                sb.Append(ch);
            }
        }

        var text = CjkSegmenter.Unsegment(sb.ToString(), ranges);
        return (text, ranges);
    }
}
