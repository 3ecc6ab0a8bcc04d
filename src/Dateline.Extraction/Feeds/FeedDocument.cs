using System.Collections.Immutable;

namespace Dateline.Extraction.Feeds;

/// <summary>A parsed feed: channel metadata, the items read, and the error that stopped reading, if any.</summary>
public sealed record FeedDocument
{
    /// <summary>"rss-2.0", "rss-0.91", "rss-1.0", "rss-0.90", "atom-1.0" or "atom-0.3"; null when not a feed.</summary>
    public string? Format { get; init; }

    public string? Title { get; init; }

    public string? Link { get; init; }

    public string? Language { get; init; }

    public ImmutableArray<FeedItem> Items { get; init; } = [];

    public string? Charset { get; init; }

    /// <summary>"bom", "http", "meta" (the XML declaration) or "default".</summary>
    public string? CharsetSource { get; init; }

    /// <summary>Feed-wide notes (charset trouble, repaired entities), copied to every article.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>Why reading stopped early or never started (not a feed, malformed XML, with line and position).</summary>
    public string? Problem { get; init; }

    /// <summary>Where <see cref="Problem"/> is, e.g. "line 40, position 7".</summary>
    public string? ProblemLocation { get; init; }
}
