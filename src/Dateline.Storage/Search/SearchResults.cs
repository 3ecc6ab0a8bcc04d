namespace Dateline.Storage.Search;

/// <summary>Hits in rank order, the total number of matches, and the query as the engine understood it.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, long Total, string Query);

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
