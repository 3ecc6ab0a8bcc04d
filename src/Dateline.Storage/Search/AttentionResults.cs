namespace Dateline.Storage.Search;

/// <summary>How many articles fall in one period (<see cref="Periods"/>: named by its first day).</summary>
public sealed record PeriodCount(string Period, long Articles);

/// <summary>
/// One query's matching articles per period, oldest first (only periods with a match), and how many matching articles
/// carry no date, which no period can hold.
/// </summary>
/// <param name="Query">The query as typed.</param>
/// <param name="Parsed">The query as understood, as search echoes it.</param>
public sealed record AttentionSeries(string Query, string Parsed, IReadOnlyList<PeriodCount> Periods, long Undated)
{
    /// <summary>Every matching article, dated or not.</summary>
    public long Matches => Periods.Sum(p => p.Articles) + Undated;
}

/// <summary>One period of a query: its matching articles, the articles the store holds then, and the share they make.</summary>
public sealed record AttentionPoint(string Period, long Count, long Total)
{
    /// <summary>Count / total (0…1, six decimals); 0 when the store holds no article in the period.</summary>
    public double Share => Total == 0 ? 0 : Math.Round((double)Count / Total, 6);
}

/// <summary>
/// The counts of an <see cref="AttentionRequest"/>: one series per query, in the request's order, and the totals — every
/// article matching the filter per period (oldest first), and how many of them carry no date.
/// </summary>
public sealed record AttentionResults(string Interval, IReadOnlyList<AttentionSeries> Series, IReadOnlyList<PeriodCount> Totals, long UndatedTotal)
{
    /// <summary>Every article matching the filter, dated or not.</summary>
    public long Articles => Totals.Sum(p => p.Articles) + UndatedTotal;

    /// <summary>
    /// The series over every period in which the store holds articles (a zero where none matched); periods without any
    /// article are left out, so a chart shows them as gaps rather than as zeros.
    /// </summary>
    public IReadOnlyList<AttentionPoint> Points(AttentionSeries series)
    {
        var counts = series.Periods.ToDictionary(p => p.Period, p => p.Articles, StringComparer.Ordinal);
        return [.. Totals.Select(t => new AttentionPoint(t.Period, counts.GetValueOrDefault(t.Period), t.Articles))];
    }
}
