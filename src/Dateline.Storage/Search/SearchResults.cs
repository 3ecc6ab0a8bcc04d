namespace Dateline.Storage.Search;

/// <summary>
/// Hits in rank order, the total (matching articles; stories among the ranked matches when collapsed), and the query as
/// the engine understood it. <see cref="Matches"/> counts every matching article; <see cref="Ranked"/> how many of them
/// were ranked: fewer when a query matched more than <see cref="SearchRequest.RankWindow"/> (the most recently stored
/// ones were ranked, see there).
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, long Total, string Query)
{
    public long Matches { get; init; }

    public long Ranked { get; init; }

    /// <summary>Only the most recently stored matches were ranked.</summary>
    public bool Windowed => Ranked < Matches;

    /// <summary>The matches by source and tag when the request asked for facets (<see cref="SearchRequest.Facets"/>), else null.</summary>
    public SearchFacets? Facets { get; init; }

    /// <summary>How far paging can go: the ranked matches, or the stories among them (never more than were ranked).</summary>
    public long Reachable => Math.Min(Total, Ranked);
}

/// <summary>
/// One hit. <see cref="Snippet"/> is plain text; <see cref="Highlights"/> are [start, end) UTF-16 ranges in it that
/// matched, so every front end can mark them up in its own way (and never has to trust markup in the text).
/// </summary>
public sealed record SearchHit(string Id, string? Title, string? Source, string? Published, string Snippet,
    IReadOnlyList<HighlightRange> Highlights, double Score)
{
    /// <summary>The article's story (its own id when it stands alone).</summary>
    public string? StoryId { get; init; }

    /// <summary>Matching articles of the story this hit stands for (1 unless stories were collapsed).</summary>
    public int StoryMatches { get; init; } = 1;
}

public readonly record struct HighlightRange(int Start, int End);
