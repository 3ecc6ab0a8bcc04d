namespace Dateline.Storage.Search;

/// <summary>
/// A search by <see cref="Mode"/>: <see cref="Text"/> as written is what a semantic search embeds; <see cref="Keyword"/>
/// is the parsed keyword search that a keyword or hybrid search runs (null for a semantic one, whose text need not be
/// valid query language). A page of <see cref="Limit"/> hits after <see cref="Offset"/>, among the articles
/// <see cref="Filter"/> keeps.
/// </summary>
public sealed record SemanticRequest(SearchMode Mode, string Text, ArticleFilter Filter, int Limit = 20, int Offset = 0)
{
    public SearchRequest? Keyword { get; init; }
}
