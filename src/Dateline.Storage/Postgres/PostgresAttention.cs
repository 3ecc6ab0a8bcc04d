using Dateline.Storage.Search;
using Npgsql;

namespace Dateline.Storage.Postgres;

/// <summary>
/// Attention over time on PostgreSQL: matches per period of the publication day through articles.tsv (the tsquery and
/// the filter of <see cref="PostgresSearch"/>, without ranking or headlines), and the articles per period the filter keeps.
/// </summary>
internal static class PostgresAttention
{
    public static async Task<AttentionResults> RunAsync(PostgresArticleStore store, AttentionRequest request, CancellationToken cancellationToken)
    {
        var bucket = PostgresEvents.Bucket(request.Interval, "a.published_date");
        var (where, filterParams) = PostgresFilter.Build(request.Filter, "a");

        // One budget for every count of the request; it and the caller both cancel the statement on the server.
        using var budget = await QueryBudget.StartAsync(request.Budget, cancellationToken);

        var ct = budget.Token;
        var running = string.Join(" | ", request.Queries.Select(q => q.Text));
        try
        {
            ct.ThrowIfCancellationRequested();
            await using var c = await store.OpenConnectionAsync(ct);
            var series = new List<AttentionSeries>(request.Queries.Count);
            foreach (var query in request.Queries)
            {
                running = query.Text;
                var parameters = new List<(string, object?)>();
                var tsquery = query.NamedInErrors(() => TsQueryTranslator.Translate(query.Root, parameters));
                var (periods, undated) = await CountAsync(c, $"""
                    WITH q AS (SELECT {tsquery} AS q)
                    SELECT {bucket} AS period, COUNT(*) FROM articles a, q WHERE a.tsv @@ q.q AND {where} GROUP BY 1
                    """, [.. parameters, .. filterParams], ct);
                series.Add(new AttentionSeries(query.Text, query.ToString(), periods, undated));
            }

            running = "every article";
            var (totals, undatedTotal) = await CountAsync(c, $"SELECT {bucket} AS period, COUNT(*) FROM articles a WHERE {where} GROUP BY 1", filterParams, ct);
            return new AttentionResults(request.Interval, series, totals, undatedTotal);
        }
        catch (Exception ex) when (ex is OperationCanceledException or NpgsqlException { InnerException: TimeoutException }
            && !cancellationToken.IsCancellationRequested && budget.IsCancellationRequested)
        {
            throw new SearchBudgetException(request.Budget, running);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.SyntaxError or "22023" or PostgresErrorCodes.ProgramLimitExceeded)
        {
            throw new QuerySyntaxException($"the search engine rejected the query '{running}': {ex.MessageText}", 0);
        }
    }

    /// <summary>Reads (period, count) rows: dated periods oldest first, and the count of the null period (no date).</summary>
    private static async Task<(List<PeriodCount> Periods, long Undated)> CountAsync(NpgsqlConnection c, string sql, (string, object?)[] parameters, CancellationToken ct)
    {
        await using var cmd = Pg.Command(c, null, sql, parameters);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var periods = new List<PeriodCount>();
        long undated = 0;
        while (await r.ReadAsync(ct))
        {
            if (r.IsDBNull(0))
            {
                undated = Pg.Long(r, 1);
            }
            else
            {
                periods.Add(new PeriodCount(r.GetString(0), Pg.Long(r, 1)));
            }
        }

        periods.Sort((x, y) => string.CompareOrdinal(x.Period, y.Period));
        return (periods, undated);
    }
}
