using Dateline.Storage.Search;
using Npgsql;

namespace Dateline.Storage.Postgres;

/// <summary>
/// Full-text search over articles.tsv (GIN index): ranked by ts_rank (term frequencies, normalised by the log of the text's
/// length, as BM25 is) with a title match weighing four times a body match, as the BM25 column weights on SQLite; snippets by ts_headline over the indexed body. Hit sets equal SQLite's for
/// the same boolean query (stemmers differ slightly: Snowball here, Porter there); scores are on another scale, so only
/// the order they give is comparable.
/// </summary>
internal static class PostgresSearch
{
    /// <summary>ts_rank weights for D, C, B (body) and A (title).</summary>
    private const string Weights = "{0.05, 0.1, 0.25, 1.0}";


    /// <summary>ts_headline options: a 12–28 word fragment around the matches, marked with control characters.</summary>
    private static readonly string Headline = $"StartSel={SnippetMarkers.Open}, StopSel={SnippetMarkers.Close}, MaxWords=28, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=\" … \"";

    public static async Task<SearchResults> RunAsync(PostgresArticleStore store, SearchRequest request, CancellationToken cancellationToken)
    {
        // The budget and the caller (a client that disconnects) both cancel the statement on the server.
        using var budget = await QueryBudget.StartAsync(request.Budget, cancellationToken);

        var ct = budget.Token;
        var parameters = new List<(string, object?)>();
        var query = TsQueryTranslator.Translate(request.Query.Root, parameters);
        var (where, filterParams) = PostgresFilter.Build(request.Filter, "a");
        (string, object?)[] all = [.. parameters, .. filterParams, ("@limit", request.Limit), ("@offset", request.Offset), ("@headline", Headline), ("@marks", $"{SnippetMarkers.Open}{SnippetMarkers.Close}")];
        try
        {
            ct.ThrowIfCancellationRequested();
            await using var c = await store.OpenConnectionAsync(ct);
            var hits = new List<SearchHit>();
            long matches;
            await using (var count = Pg.Command(c, null, $"WITH q AS (SELECT {query} AS q) SELECT COUNT(*) FROM articles a, q WHERE a.tsv @@ q.q AND {where}", all))
            {
                matches = (long)(await count.ExecuteScalarAsync(ct))!;
            }

            // Too many matches to rank in time: the most recently stored ones. m: the matches ranked.
            var windowed = request.RankWindow is { } window && matches > window;
            var m = windowed
                ? $"""
                    m AS (SELECT x.seq, x.published_date, x.id, x.story, ts_rank('{Weights}', a.tsv, q.q, 1) AS rank
                          FROM (SELECT a.seq, a.published_date, a.id, COALESCE(a.story_id, a.id) AS story FROM articles a, q
                                WHERE a.tsv @@ q.q AND {where} ORDER BY a.seq DESC LIMIT {request.RankWindow!.Value}) x
                          JOIN articles a ON a.seq = x.seq, q)
                    """
                : $"""
                    m AS (SELECT a.seq, a.published_date, a.id, COALESCE(a.story_id, a.id) AS story, ts_rank('{Weights}', a.tsv, q.q, 1) AS rank
                          FROM articles a, q WHERE a.tsv @@ q.q AND {where})
                    """;
            // Collapsed: the best-ranked match of each story (by date, its newest) stands for the story, with the story's
            // number of matches.
            var order = request.Sort == SearchSort.Date ? "published_date DESC NULLS LAST, rank DESC, id" : "rank DESC, published_date DESC NULLS LAST, id";
            var ranked = request.CollapseStories
                ? $"""
                    {m},
                    r AS (SELECT m.*, ROW_NUMBER() OVER (PARTITION BY story ORDER BY {order}) AS n,
                                 COUNT(*) OVER (PARTITION BY story) AS k FROM m),
                    top AS (SELECT seq, story, rank, k FROM r WHERE n = 1
                            ORDER BY {order} LIMIT @limit OFFSET @offset)
                    """
                : $"""
                    {m},
                    top AS (SELECT seq, story, rank, 1 AS k FROM m
                            ORDER BY {order} LIMIT @limit OFFSET @offset)
                    """;
            await using (var cmd = Pg.Command(c, null, $"""
                WITH q AS (SELECT {query} AS q),
                {ranked}
                SELECT h.id, h.title, h.source, h.published, h.headline, h.rank, h.story, h.k,
                       substr(h.search_body, strpos(h.search_body, h.plain) + length(h.plain), 4)
                FROM (SELECT a.id, a.title, a.source, a.published, a.published_date, a.search_body, top.rank, top.story, top.k,
                             ts_headline('dateline', a.search_body, q.q, @headline) AS headline,
                             translate(ts_headline('dateline', a.search_body, q.q, @headline), @marks, '') AS plain
                      FROM top JOIN articles a ON a.seq = top.seq, q) h
                ORDER BY {string.Join(", ", order.Split(", ").Select(o => "h." + o))}
                """, all))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    // A fragment stops at its last word: the punctuation that follows it in the text ends the snippet.
                    var after = Pg.Str(r, 8) ?? string.Empty;
                    var close = after[..after.TakeWhile(ch => char.IsPunctuation(ch) || ch == '\u200B').Count()];
                    var (snippet, highlights) = SnippetMarkers.Strip(r.GetString(4) + close);
                    hits.Add(new SearchHit(r.GetString(0), Pg.Str(r, 1), Pg.Str(r, 2), Pg.Str(r, 3), snippet, highlights,
                        Math.Round(Convert.ToDouble(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture), 4))
                    {
                        StoryId = r.GetString(6),
                        StoryMatches = Pg.Int(r, 7),
                    });
                }
            }

            var total = matches;
            if (request.CollapseStories)
            {
                await using var stories = Pg.Command(c, null, $"""
                    WITH q AS (SELECT {query} AS q), {m.Replace(", ts_rank('" + Weights + "', a.tsv, q.q, 1) AS rank", string.Empty, StringComparison.Ordinal)}
                    SELECT COUNT(DISTINCT story) FROM m
                    """, all);
                total = (long)(await stories.ExecuteScalarAsync(ct))!;
            }

            var facets = request.Facets <= 0 ? null
                : matches == 0 ? SearchFacets.None
                : await FacetsAsync(c, query, where, all, windowed ? request.RankWindow : null, Math.Min(request.Facets, SearchRequest.MaxFacets),
                    windowed ? request.RankWindow!.Value : matches, ct);
            return new SearchResults(hits, total, request.Query.ToString())
            {
                Matches = matches,
                Ranked = windowed ? request.RankWindow!.Value : matches,
                Facets = facets,
            };
        }
        catch (Exception ex) when (ex is OperationCanceledException or NpgsqlException { InnerException: TimeoutException }
            && !cancellationToken.IsCancellationRequested && budget.IsCancellationRequested)
        {
            throw new SearchBudgetException(request.Budget, request.Query.Text);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.SyntaxError or "22023" or PostgresErrorCodes.ProgramLimitExceeded)
        {
            throw new QuerySyntaxException($"the search engine rejected the query: {ex.MessageText}", 0);
        }
    }

    /// <summary>
    /// The sources and tags of the ranked matches (the most recently stored <paramref name="window"/> when the query
    /// matched more): the rows the ranking read, without ts_rank, in the same budget (as SqliteSearch).
    /// </summary>
    private static async Task<SearchFacets> FacetsAsync(NpgsqlConnection c, string query, string where, (string, object?)[] parameters, int? window, int top,
        long counted, CancellationToken ct)
    {
        await using var cmd = Pg.Command(c, null, $"""
            WITH q AS (SELECT {query} AS q),
            w AS MATERIALIZED (SELECT a.id, a.source FROM articles a, q WHERE a.tsv @@ q.q AND {where}
                               {(window is { } cap ? $"ORDER BY a.seq DESC LIMIT {cap}" : string.Empty)})
            SELECT 0, name, n FROM (
                SELECT source COLLATE "C" AS name, COUNT(*) AS n FROM w WHERE source IS NOT NULL GROUP BY 1 ORDER BY n DESC, name LIMIT @top) s
            UNION ALL
            SELECT 1, name, n FROM (
                SELECT MIN(t.tag COLLATE "C") AS name, COUNT(*) AS n FROM w JOIN article_tags t ON t.article_id = w.id
                GROUP BY lower(t.tag) ORDER BY n DESC, name LIMIT @top) t
            """, [.. parameters, ("@top", top)]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var (sources, tags) = (new List<FacetCount>(), new List<FacetCount>());
        while (await r.ReadAsync(ct))
        {
            (r.GetInt32(0) == 0 ? sources : tags).Add(new FacetCount(r.GetString(1), Pg.Long(r, 2)));
        }

        return SearchFacets.Of(sources, tags, counted);
    }
}
