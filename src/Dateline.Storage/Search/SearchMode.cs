namespace Dateline.Storage.Search;

/// <summary>How a search finds its hits.</summary>
public enum SearchMode
{
    /// <summary>Words, phrases and operators of the query language (<see cref="SearchQuery"/>), ranked by BM25 or ts_rank.</summary>
    Keyword,

    /// <summary>Closeness in meaning: the query's embedding against every article's title and lead (<see cref="SemanticSearch"/>).</summary>
    Semantic,

    /// <summary>Both lists fused by reciprocal rank (Cormack, Clarke and Büttcher 2009): an article ranked well by either comes up.</summary>
    Hybrid,
}
