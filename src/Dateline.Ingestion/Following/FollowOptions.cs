namespace Dateline.Ingestion.Following;

/// <summary>How <c>follow</c> polls feeds and fetches pages: politeness, limits and retries, each with its reason.</summary>
public sealed record FollowOptions
{
    /// <summary>Says who we are and where to read about it, so site owners can tell us apart and reach us.</summary>
    public string UserAgent { get; init; } = "Dateline/0.1 (+https://github.com/dateline; news research)";

    /// <summary>The token matched against robots.txt <c>User-agent</c> lines.</summary>
    public string RobotsToken { get; init; } = "Dateline";

    /// <summary>Time between polls of the same feeds (without <c>--once</c>).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Least time between the end of one request to a host and the start of the next.</summary>
    public TimeSpan HostSpacing { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A robots.txt Crawl-delay above this is capped (one page a minute is already very slow).</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>One request, from sending to the last byte of the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body read (after decompression); a bigger one fails that fetch only.</summary>
    public long MaxResponseBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Tries per request on 429, 5xx, timeouts and connection failures (the first try included).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>First back-off; it doubles with each retry unless the server's Retry-After says otherwise.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for: the fetch is reported unavailable and tried next poll.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);

    public int MaxRedirects { get; init; } = 5;

    /// <summary>Article pages fetched per feed per poll; the rest wait for the next poll (bounded work per cycle).</summary>
    public int MaxPagesPerPoll { get; init; } = 100;

    /// <summary>Item keys remembered per feed; far more than any feed lists at once.</summary>
    public int MaxSeenItems { get; init; } = 5000;

    /// <summary>How long a fetched robots.txt is trusted; a failed fetch (5xx, unreachable) is retried sooner.</summary>
    public TimeSpan RobotsLifetime { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan RobotsFailureLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The understanding pipeline run on each new article before it is stored (entities, actors, dates, quotes, events),
    /// as ingest runs it; null stores the articles only (<c>follow --no-annotate</c>).
    /// </summary>
    public Dateline.Core.Pipelines.Pipeline? Pipeline { get; init; }

    /// <summary>Characters of an article's body the pipeline analyses (the whole text is stored); see <see cref="Analysis.ArticleAnalysis.DefaultMaxCharacters"/>.</summary>
    public int MaxAnalysisCharacters { get; init; } = Analysis.ArticleAnalysis.DefaultMaxCharacters;

    /// <summary>Fill in the language of articles that neither the feed nor the page declares, as ingest does.</summary>
    public bool DetectLanguage { get; init; } = true;

    public static FollowOptions Default { get; } = new();
}
