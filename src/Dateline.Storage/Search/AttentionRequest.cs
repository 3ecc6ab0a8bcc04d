namespace Dateline.Storage.Search;

/// <summary>
/// Attention over time: for each query, how many articles match it per period of their publication day, and how many
/// articles (matching the filter, whatever the queries) the store holds per period — the denominator of a share.
/// Each query is bounded as a search is (<see cref="SearchQuery.MaxTerms"/>), and the whole request by one
/// <see cref="Budget"/>.
/// </summary>
public sealed record AttentionRequest(IReadOnlyList<SearchQuery> Queries, ArticleFilter Filter, string Interval = "week")
{
    /// <summary>At most this many queries are compared at once (one colour each on a chart).</summary>
    public const int MaxQueries = 8;

    /// <summary>How long all the counts together may take before they are stopped with a <see cref="SearchBudgetException"/>.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(5);
}
