using Dateline.Storage.Search;

namespace Dateline.Storage.Tests;

/// <summary>Search facets (the matches' sources and tags with counts) and the date order of search hits.</summary>
public abstract partial class ArticleStoreContract
{
    /// <summary>
    /// Six ferry stories in three sources, stored in this order, and one concert that never matches. f6 says "ferry" most
    /// and shares its day with f2; f4 has no date; tags differ in case ("Transport", "transport").
    /// </summary>
    private async Task<IArticleStore> FerryStoreAsync()
    {
        var store = await fixture.CreateEmptyStoreAsync();
        await store.SaveAsync(
        [
            Articles.Make("f1", "Ferry fares rise", "The ferry company raised its fares after the dock workers' pay deal.", "2025-06-02", "Coast Wire")
                with { Tags = ["Transport", "Labour"] },
            Articles.Make("f2", "Crews strike on the island line", "Ferry crews went on strike over pay.", "2025-06-04", "Coast Wire") with { Tags = ["transport"] },
            Articles.Make("f3", "Storm stops the morning ferry", "The morning ferry stayed in port while gales blew.", "2025-06-10", "Island Herald")
                with { Tags = ["Transport", "Weather"] },
            Articles.Make("f4", "Timetable published", "A new ferry timetable was published for the summer.", null, "Island Herald"),
            Articles.Make("f5", "Harbour union elects a leader", "The union that crews the ferry elected a new leader.", "2025-05-30", "Bay Times")
                with { Tags = ["Labour"] },
            Articles.Make("f6", "Ferry ferry ferry", "The ferry festival celebrated every ferry of the ferry fleet.", "2025-06-04", "Bay Times"),
            Articles.Make("c1", "Orchestra plans new season", "The orchestra announced its programme.", "2025-06-04", "Island Herald")
                with { Tags = ["Culture"] },
        ], Ct);
        return store;
    }

    private static SearchRequest Ferries(ArticleFilter? filter = null, int facets = 10) =>
        new(SearchQuery.Parse("ferry"), filter ?? ArticleFilter.All, 20) { Facets = facets };

    private static (string, long)[] Values(IEnumerable<FacetCount> facet) => [.. facet.Select(f => (f.Value, f.Count))];

    [Fact]
    public async Task Facets_count_the_matches_sources_and_tags_most_first_ties_in_byte_order_tags_ignoring_case()
    {
        await using var store = await FerryStoreAsync();
        var found = await store.SearchAsync(Ferries(), Ct);
        var facets = Assert.IsType<SearchFacets>(found.Facets);
        Assert.Equal([("Bay Times", 2L), ("Coast Wire", 2L), ("Island Herald", 2L)], Values(facets.Sources)); // c1 does not match
        Assert.Equal([("Transport", 3L), ("Labour", 2L), ("Weather", 1L)], Values(facets.Tags));
        Assert.Equal(6, facets.Counted);

        var top = (await store.SearchAsync(Ferries(facets: 2), Ct)).Facets!;
        Assert.Equal(["Bay Times", "Coast Wire"], top.Sources.Select(f => f.Value));
        Assert.Equal(["Transport", "Labour"], top.Tags.Select(f => f.Value));

        Assert.Null((await store.SearchAsync(Ferries(facets: 0), Ct)).Facets);
        var none = (await store.SearchAsync(new SearchRequest(SearchQuery.Parse("zeppelin"), ArticleFilter.All) { Facets = 5 }, Ct)).Facets!;
        Assert.Equal((0, 0, 0L), (none.Sources.Count, none.Tags.Count, none.Counted));
    }

    [Fact]
    public async Task Facets_follow_the_filters_so_a_facet_value_passed_back_narrows_them()
    {
        await using var store = await FerryStoreAsync();
        var coast = (await store.SearchAsync(Ferries(new ArticleFilter(Source: "Coast Wire")), Ct)).Facets!;
        Assert.Equal([("Coast Wire", 2L)], Values(coast.Sources));
        Assert.Equal([("Transport", 2L), ("Labour", 1L)], Values(coast.Tags));

        var labour = await store.SearchAsync(Ferries(new ArticleFilter(Tag: "labour")), Ct);
        Assert.Equal(["f1", "f5"], labour.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal([("Bay Times", 1L), ("Coast Wire", 1L)], Values(labour.Facets!.Sources));
        Assert.Equal([("Labour", 2L), ("Transport", 1L)], Values(labour.Facets.Tags));

        var june = (await store.SearchAsync(Ferries(new ArticleFilter(From: new DateOnly(2025, 6, 3), To: new DateOnly(2025, 6, 30))), Ct)).Facets!;
        Assert.Equal([("Bay Times", 1L), ("Coast Wire", 1L), ("Island Herald", 1L)], Values(june.Sources)); // f6, f2, f3
        Assert.Equal(3, june.Counted);
    }

    [Fact]
    public async Task Facets_of_a_query_past_the_rank_window_count_only_the_ranked_matches()
    {
        await using var store = await FerryStoreAsync();
        var found = await store.SearchAsync(Ferries() with { RankWindow = 3 }, Ct);
        Assert.Equal((6L, 3L), (found.Matches, found.Ranked));
        // The three most recently stored matches: f4, f5, f6.
        Assert.Equal([("Bay Times", 2L), ("Island Herald", 1L)], Values(found.Facets!.Sources));
        Assert.Equal([("Labour", 1L)], Values(found.Facets.Tags));
        Assert.Equal(3, found.Facets.Counted);
    }

    [Fact]
    public async Task Search_by_date_lists_newest_first_best_match_first_within_a_day_undated_last_and_pages_by_offset()
    {
        await using var store = await FerryStoreAsync();
        var byDate = await store.SearchAsync(Ferries() with { Sort = SearchSort.Date }, Ct);
        Assert.Equal(["f3", "f6", "f2", "f1", "f5", "f4"], byDate.Hits.Select(h => h.Id));
        Assert.Equal(6, byDate.Total);
        var second = await store.SearchAsync(Ferries() with { Sort = SearchSort.Date, Limit = 2, Offset = 2 }, Ct);
        Assert.Equal(["f2", "f1"], second.Hits.Select(h => h.Id));

        // Relevance (the default) puts the article that says "ferry" most first, whatever its date.
        Assert.Equal("f6", (await store.SearchAsync(Ferries(), Ct)).Hits[0].Id);
        var collapsed = await store.SearchAsync(Ferries() with { Sort = SearchSort.Date, CollapseStories = true }, Ct);
        var days = collapsed.Hits.Select(h => h.Published is null ? string.Empty : h.Published[..10]).ToList();
        Assert.Equal(days.OrderDescending(StringComparer.Ordinal), days);
    }
}
