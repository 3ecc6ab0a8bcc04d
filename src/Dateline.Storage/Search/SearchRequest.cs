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

    /// <summary>How long the search may run before it is stopped with a <see cref="SearchBudgetException"/>.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(5);
}
