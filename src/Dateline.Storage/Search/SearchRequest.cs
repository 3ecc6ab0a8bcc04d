namespace Dateline.Storage.Search;

/// <summary>A search: the parsed query, filters and how many hits to return.</summary>
public sealed record SearchRequest(SearchQuery Query, ArticleFilter Filter, int Limit = 20, int Offset = 0);
