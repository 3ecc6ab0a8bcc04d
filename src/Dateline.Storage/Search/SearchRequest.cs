namespace Dateline.Storage.Search;

/// <summary>A search: the parsed query, filters and how many hits to return.</summary>
public sealed record SearchRequest(SearchQuery Query, ArticleFilter Filter, int Limit = 20, int Offset = 0)
{
    /// <summary>
    /// One hit per story: the best-ranked matching article of each story stands for the others (wire copies, reprints,
    /// other outlets' reports), which <see cref="SearchHit.StoryMatches"/> counts; <see cref="SearchResults.Total"/> then
    /// counts stories.
    /// </summary>
    public bool CollapseStories { get; init; }

    /// <summary>
    /// The most matches ranked: ranking costs time in proportion to the matches (BM25 or ts_rank reads every one), so a
    /// query that matches more articles than this ranks the most recently stored ones only, and says so
    /// (<see cref="SearchResults.Windowed"/>); counts stay exact. Null ranks every match.
    /// </summary>
    public int? RankWindow { get; init; } = DefaultRankWindow;

    public const int DefaultRankWindow = 10_000;

    /// <summary>The order of the hits (and of the pages an offset walks): relevance unless asked otherwise.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>
    /// Count the matches' sources and tags and list the most frequent of each, at most this many
    /// (<see cref="SearchResults.Facets"/>); 0 counts nothing. The count reads the same matches the ranking reads (the rank window, see there), in the same time
    /// budget, so facets never make a query cost more than a second pass over what was ranked.
    /// </summary>
    public int Facets { get; init; }

    /// <summary>The most values a facet may list.</summary>
    public const int MaxFacets = 50;

    /// <summary>How long the search may run before it is stopped with a <see cref="SearchBudgetException"/>.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(5);
}
