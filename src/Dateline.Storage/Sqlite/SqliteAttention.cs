using Dateline.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>
/// Attention over time on SQLite: matches per period of the publication day through the FTS5 index (the MATCH and the
/// filter of <see cref="SqliteSearch"/>, without ranking or snippets), and the articles per period the filter keeps.
/// </summary>
internal static class SqliteAttention
{
    public static async Task<AttentionResults> RunAsync(SqliteArticleStore store, AttentionRequest request, CancellationToken cancellationToken)
    {
        var bucket = SqliteEvents.Bucket(request.Interval, "a.published_date");
        var (where, filterParams) = SqliteFilter.Build(request.Filter, "a");

        // One budget for every count of the request; it and the caller both interrupt the statement SQLite is running.
        using var budget = await QueryBudget.StartAsync(request.Budget, cancellationToken);

        var ct = budget.Token;
        var running = string.Join(" | ", request.Queries.Select(q => q.Text));
        SqliteConnection? c = null;
        try
        {
            c = await store.OpenConnectionAsync(ct);
            ct.ThrowIfCancellationRequested();
            await using var interrupt = ct.Register(() => SQLitePCL.raw.sqlite3_interrupt(c.Handle));
            var series = new List<AttentionSeries>(request.Queries.Count);
            foreach (var query in request.Queries)
            {
                running = query.Text;
                var match = query.NamedInErrors(() => Fts5QueryTranslator.Translate(query.Root));
                // CROSS JOIN keeps the full-text index the outer loop, as in search.
                var (periods, undated) = await CountAsync(c, $"""
                    SELECT {bucket} AS period, COUNT(*) FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid
                    WHERE articles_fts MATCH $match AND {where} GROUP BY period
                    """, [("$match", match), .. filterParams], ct);
                series.Add(new AttentionSeries(query.Text, query.ToString(), periods, undated));
            }

            running = "every article";
            var (totals, undatedTotal) = await CountAsync(c, $"SELECT {bucket} AS period, COUNT(*) FROM articles a WHERE {where} GROUP BY period", filterParams, ct);
            return new AttentionResults(request.Interval, series, totals, undatedTotal);
        }
        catch (Exception ex) when (ex is SqliteException { SqliteErrorCode: 9 } or OperationCanceledException && !cancellationToken.IsCancellationRequested
            && budget.IsCancellationRequested)
        {
            throw new SearchBudgetException(request.Budget, running);
        }
        catch (SqliteException ex) when (ex.Message.Contains("fts5", StringComparison.OrdinalIgnoreCase))
        {
            throw new QuerySyntaxException($"the search engine rejected the query '{running}': {ex.Message}", 0);
        }
        finally
        {
            if (c is not null)
            {
                await c.DisposeAsync();
            }
        }
    }

    /// <summary>Reads (period, count) rows: dated periods oldest first, and the count of the null period (no date).</summary>
    private static async Task<(List<PeriodCount> Periods, long Undated)> CountAsync(SqliteConnection c, string sql, (string, object?)[] parameters, CancellationToken ct)
    {
        await using var cmd = SqliteArticleStore.Command(c, null, sql, parameters);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var periods = new List<PeriodCount>();
        long undated = 0;
        while (await r.ReadAsync(ct))
        {
            if (r.IsDBNull(0))
            {
                undated = r.GetInt64(1);
            }
            else
            {
                periods.Add(new PeriodCount(r.GetString(0), r.GetInt64(1)));
            }
        }

        periods.Sort((x, y) => string.CompareOrdinal(x.Period, y.Period));
        return (periods, undated);
    }
}
