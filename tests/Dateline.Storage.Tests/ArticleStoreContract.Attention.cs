using Dateline.Storage.Search;

namespace Dateline.Storage.Tests;

/// <summary>Attention over time: matches per period of the publication day, the totals they are a share of, undated apart.</summary>
public abstract partial class ArticleStoreContract
{
    /// <summary>
    /// Ferries on Mon 2 June, Wed 4 June (a strike), Tue 10 June and undated; zeppelins on Sun 8 June and Tue 1 July; an
    /// orchestra on 4 June and one undated. Coast Wire carries the first two ferries, Island Herald the rest.
    /// </summary>
    private async Task<IArticleStore> AttentionStoreAsync()
    {
        var store = await fixture.CreateEmptyStoreAsync();
        await store.SaveAsync(
        [
            Articles.Make("f1", "Ferry fares rise", "The ferry company raised its fares again.", "2025-06-02", "Coast Wire"),
            Articles.Make("f2", "Ferry crews strike", "Ferry crews went on strike over pay.", "2025-06-04", "Coast Wire"),
            Articles.Make("f3", "Ferry runs late", "The morning ferry ran an hour late.", "2025-06-10", "Island Herald"),
            Articles.Make("f4", "Ferry timetable", "A new ferry timetable was published.", null, "Island Herald"),
            Articles.Make("z1", "Zeppelin hall reopens", "The museum reopened its zeppelin hall.", "2025-06-08", "Island Herald"),
            Articles.Make("z2", "Zeppelin flight over the bay", "A zeppelin flew over the bay at dawn.", "2025-07-01", "Island Herald"),
            Articles.Make("o1", "Orchestra plans new season", "The orchestra announced its programme.", "2025-06-04", "Island Herald"),
            Articles.Make("o2", "Orchestra tours abroad", "The orchestra left for a tour.", null, "Island Herald"),
        ], Ct);
        return store;
    }

    private static AttentionRequest Attention(string interval, ArticleFilter? filter = null, params string[] queries) =>
        new([.. queries.Select(SearchQuery.Parse)], filter ?? ArticleFilter.All, interval);

    private static (string, long)[] Counts(IEnumerable<PeriodCount> periods) => [.. periods.Select(p => (p.Period, p.Articles))];

    [Fact]
    public async Task Attention_counts_each_querys_matches_per_day_with_the_stores_articles_per_day_and_the_undated_apart()
    {
        await using var store = await AttentionStoreAsync();
        var result = await store.AttentionAsync(Attention("day", null, "ferry", "zeppelin"), Ct);

        Assert.Equal("day", result.Interval);
        Assert.Equal(["ferry", "zeppelin"], result.Series.Select(s => s.Query));
        Assert.Equal([("2025-06-02", 1L), ("2025-06-04", 1L), ("2025-06-10", 1L)], Counts(result.Series[0].Periods));
        Assert.Equal(1, result.Series[0].Undated); // f4 has no date: counted, not placed
        Assert.Equal(4, result.Series[0].Matches);
        Assert.Equal([("2025-06-08", 1L), ("2025-07-01", 1L)], Counts(result.Series[1].Periods));
        Assert.Equal(0, result.Series[1].Undated);
        Assert.Equal([("2025-06-02", 1L), ("2025-06-04", 2L), ("2025-06-08", 1L), ("2025-06-10", 1L), ("2025-07-01", 1L)], Counts(result.Totals));
        Assert.Equal(2, result.UndatedTotal);
        Assert.Equal(8, result.Articles);
    }

    [Fact]
    public async Task Attention_per_week_starts_weeks_on_monday_and_per_month_on_the_first_with_shares_of_the_totals()
    {
        await using var store = await AttentionStoreAsync();
        var weeks = await store.AttentionAsync(Attention("week", null, "ferry", "zeppelin"), Ct);
        Assert.Equal([("2025-06-02", 2L), ("2025-06-09", 1L)], Counts(weeks.Series[0].Periods));
        Assert.Equal([("2025-06-02", 1L), ("2025-06-30", 1L)], Counts(weeks.Series[1].Periods)); // Sunday 8 June is in the week of 2 June
        Assert.Equal([("2025-06-02", 4L), ("2025-06-09", 1L), ("2025-06-30", 1L)], Counts(weeks.Totals));

        // Every period the store holds articles in, zero where none matched: 2 of 4, 1 of 1, 0 of 1.
        Assert.Equal([("2025-06-02", 2L, 4L, 0.5), ("2025-06-09", 1L, 1L, 1.0), ("2025-06-30", 0L, 1L, 0.0)],
            weeks.Points(weeks.Series[0]).Select(p => (p.Period, p.Count, p.Total, p.Share)));

        var months = await store.AttentionAsync(Attention("month", null, "ferry", "zeppelin"), Ct);
        Assert.Equal([("2025-06-01", 3L)], Counts(months.Series[0].Periods));
        Assert.Equal([("2025-06-01", 1L), ("2025-07-01", 1L)], Counts(months.Series[1].Periods));
        Assert.Equal([("2025-06-01", 5L), ("2025-07-01", 1L)], Counts(months.Totals));
        Assert.Equal(0.6, months.Points(months.Series[0])[0].Share);
    }

    [Fact]
    public async Task Attention_weeks_run_across_a_new_year()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        await store.SaveAsync(
        [
            Articles.Make("y1", "Ferry on Monday", "A ferry sailed.", "2024-12-30"),
            Articles.Make("y2", "Ferry on Sunday", "A ferry sailed.", "2025-01-05"),
            Articles.Make("y3", "Ferry the next Monday", "A ferry sailed.", "2025-01-06"),
        ], Ct);
        var result = await store.AttentionAsync(Attention("week", null, "ferry"), Ct);
        Assert.Equal([("2024-12-30", 2L), ("2025-01-06", 1L)], Counts(result.Series[0].Periods));
        var years = await store.AttentionAsync(Attention("year", null, "ferry"), Ct);
        Assert.Equal([("2024-01-01", 1L), ("2025-01-01", 2L)], Counts(years.Series[0].Periods));
    }

    [Fact]
    public async Task Attention_uses_the_search_language_and_its_filters_apply_to_the_matches_and_the_totals_alike()
    {
        await using var store = await AttentionStoreAsync();
        var result = await store.AttentionAsync(Attention("month", null, "ferry -strike", "title:zeppelin OR orchestra", "\"zeppelin hall\""), Ct);
        Assert.Equal(["ferry AND NOT strike", "title:zeppelin OR orchestra", "\"zeppelin hall\""], result.Series.Select(s => s.Parsed));
        Assert.Equal([("2025-06-01", 2L)], Counts(result.Series[0].Periods)); // f1, f3
        Assert.Equal(1, result.Series[0].Undated); // f4
        Assert.Equal([("2025-06-01", 2L), ("2025-07-01", 1L)], Counts(result.Series[1].Periods)); // z1, o1; z2
        Assert.Equal(1, result.Series[1].Undated); // o2
        Assert.Equal([("2025-06-01", 1L)], Counts(result.Series[2].Periods));

        // A source: the share is of that source's articles.
        var coast = await store.AttentionAsync(Attention("month", new ArticleFilter(Source: "coast wire"), "ferry"), Ct);
        Assert.Equal([("2025-06-01", 2L)], Counts(coast.Series[0].Periods));
        Assert.Equal([("2025-06-01", 2L)], Counts(coast.Totals));
        Assert.Equal(0, coast.UndatedTotal);

        // A date range leaves undated articles out, as search does.
        var june = await store.AttentionAsync(Attention("day", new ArticleFilter(new DateOnly(2025, 6, 3), new DateOnly(2025, 6, 30)), "ferry"), Ct);
        Assert.Equal([("2025-06-04", 1L), ("2025-06-10", 1L)], Counts(june.Series[0].Periods));
        Assert.Equal((0L, 0L), (june.Series[0].Undated, june.UndatedTotal));
        Assert.Equal([("2025-06-04", 2L), ("2025-06-08", 1L), ("2025-06-10", 1L)], Counts(june.Totals));
    }

    [Fact]
    public async Task Attention_treats_hostile_text_as_words_refuses_a_query_of_negations_and_keeps_the_search_budget()
    {
        await using var store = await AttentionStoreAsync();
        var hostile = await store.AttentionAsync(Attention("day", new ArticleFilter(Source: "x' OR 1=1 --"), "ferry' OR '1'='1; DROP TABLE articles"), Ct);
        Assert.Empty(hostile.Series[0].Periods);
        Assert.Empty(hostile.Totals);
        var words = await store.AttentionAsync(Attention("day", null, "ferry' OR '1'='1"), Ct);
        Assert.Equal((3L, 1L), (words.Series[0].Periods.Sum(p => p.Articles), words.Series[0].Undated)); // the ferries, as "ferry" finds them
        Assert.Equal(8, await store.CountAsync(ArticleFilter.All, Ct));

        var negated = await Assert.ThrowsAsync<QuerySyntaxException>(() => store.AttentionAsync(Attention("day", null, "ferry", "-ferry"), Ct));
        Assert.StartsWith("'-ferry': a query needs at least one word that is not negated", negated.Message, StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<SearchBudgetException>(() =>
            store.AttentionAsync(Attention("day", null, "ferry", "zeppelin") with { Budget = TimeSpan.Zero }, Ct));
        Assert.Contains("took longer than 0 s and was stopped; narrow it", e.Message, StringComparison.Ordinal);
    }
}
