namespace Dateline.Ingestion.Following;

/// <summary>How a fetch ended.</summary>
public enum FetchStatus
{
    /// <summary>200: the body is in <see cref="FetchResult.Body"/>.</summary>
    Ok,

    /// <summary>304: unchanged since the validators we sent.</summary>
    NotModified,

    /// <summary>robots.txt disallows the URL; no request was made for it.</summary>
    Blocked,

    /// <summary>A permanent failure (4xx, too large, not http): trying again soon will not help.</summary>
    Failed,

    /// <summary>A temporary failure after every retry (429, 5xx, timeouts, refused connections): try again next poll.</summary>
    Unavailable,
}

/// <summary>The outcome of one polite fetch (after redirects and retries).</summary>
public sealed record FetchResult(Uri Url, FetchStatus Status)
{
    public int? StatusCode { get; init; }

    public byte[]? Body { get; init; }

    public string? MediaType { get; init; }

    public string? Charset { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public string? Error { get; init; }

    /// <summary>Requests made for this fetch, retries and redirects included (0 when robots.txt blocked it).</summary>
    public int Requests { get; init; }
}
