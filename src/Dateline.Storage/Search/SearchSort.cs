namespace Dateline.Storage.Search;

/// <summary>The order of search hits.</summary>
public enum SearchSort
{
    /// <summary>Best match first (BM25 on SQLite, ts_rank on PostgreSQL); ties newest first, then by id.</summary>
    Relevance,

    /// <summary>Newest publication date first, undated articles last; the best match first within a day, then by id.</summary>
    Date,
}
