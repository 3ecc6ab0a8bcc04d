namespace Dateline.Storage.Search;

/// <summary>
/// How the matches of a search divide by source and by publisher tag: the most frequent of each, most articles first
/// (ties in byte order). <see cref="Counted"/> is how many matching articles were counted: the ranked ones
/// (<see cref="SearchResults.Ranked"/>), so a query matching more than the rank window counts the most recently stored
/// matches, as it ranks them. Articles are counted, also when stories are collapsed; an article with several tags counts
/// under each, and tags compare ignoring case (shown in their first spelling in byte order).
/// </summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount> Sources, IReadOnlyList<FacetCount> Tags, long Counted)
{
    public static SearchFacets None { get; } = new([], [], 0);

    /// <summary>The facets in their order (most articles first, ties in ordinal order), whatever order the back end read them in.</summary>
    internal static SearchFacets Of(List<FacetCount> sources, List<FacetCount> tags, long counted)
    {
        static List<FacetCount> Ordered(List<FacetCount> list) =>
            [.. list.OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)];
        return new SearchFacets(Ordered(sources), Ordered(tags), counted);
    }
}

/// <summary>One value of a facet and how many of the counted matches have it.</summary>
public sealed record FacetCount(string Value, long Count);
