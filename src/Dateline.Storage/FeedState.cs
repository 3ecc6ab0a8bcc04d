using System.Collections.Immutable;

namespace Dateline.Storage;

/// <summary>
/// What a feed follower remembers about one feed: the validators for a conditional GET, when it last polled, and the
/// keys of the items it has already handled (newest first, bounded by the follower).
/// </summary>
public sealed record FeedState(string FeedUrl)
{
    public string? ETag { get; init; }

    /// <summary>The Last-Modified header as the server sent it (echoed back verbatim in If-Modified-Since).</summary>
    public string? LastModified { get; init; }

    public DateTimeOffset? PolledAt { get; init; }

    public ImmutableArray<string> SeenItems { get; init; } = [];
}
