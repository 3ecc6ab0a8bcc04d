using Dateline.Core.Errors;

namespace Dateline.Ingestion.Following;

/// <summary>What one poll of one feed did.</summary>
public sealed record FeedPollResult(string FeedUrl)
{
    /// <summary>"fetched", "not modified", "blocked by robots.txt", "unavailable" or "failed".</summary>
    public string Status { get; init; } = "failed";

    public int? HttpStatus { get; init; }

    /// <summary>Items in the feed (0 when it was not modified).</summary>
    public int Items { get; init; }

    /// <summary>Items not handled in an earlier poll.</summary>
    public int NewItems { get; init; }

    public int PagesFetched { get; init; }

    /// <summary>Article pages robots.txt kept us from fetching (their items are stored link-only).</summary>
    public int PagesBlocked { get; init; }

    /// <summary>Article pages that could not be fetched or held no text (their items are stored link-only).</summary>
    public int PagesFailed { get; init; }

    public long Inserted { get; init; }

    public long Updated { get; init; }

    public long Unchanged { get; init; }

    public IReadOnlyList<InputProblem> Problems { get; init; } = [];

    public TimeSpan Elapsed { get; init; }
}
