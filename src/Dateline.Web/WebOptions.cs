namespace Dateline.Web;

/// <summary>How `dateline serve` runs: the store, where to listen, the write key and the request limits.</summary>
public sealed record WebOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The store: a SQLite file path or a postgres:// URL (see ArticleStores).</summary>
    public required string DbPath { get; init; }

    /// <summary>Where to listen; ';'-separated. Port 0 picks a free port (tests).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>True when the user chose <see cref="Urls"/>; only then may they name a non-loopback address.</summary>
    public bool UrlsChosenByUser { get; init; }

    /// <summary>The key that unlocks writes (ingest, actor overrides); null disables every write.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Largest request body on ordinary endpoints.</summary>
    public long MaxBodyBytes { get; init; } = 1L << 20;

    /// <summary>Largest request body on the ingest endpoints (documents and uploaded files).</summary>
    public long MaxIngestBytes { get; init; } = 32L << 20;

    /// <summary>Write requests allowed per client address per minute (rejected with 429 beyond).</summary>
    public int WritesPerMinute { get; init; } = 30;

    /// <summary>Log every request (at Debug) and more detail.</summary>
    public bool Verbose { get; init; }

    /// <summary>Logs as JSON lines instead of text.</summary>
    public bool LogJson { get; init; }

    /// <summary>Serve reads from the output cache (keyed by URL and the store's change version); off renders every request.</summary>
    public bool CacheReads { get; init; } = true;

    /// <summary>The most matches a search ranks (the most recently stored ones) unless it asks for all (<c>exhaustive</c>).</summary>
    public int RankWindow { get; init; } = Dateline.Storage.Search.SearchRequest.DefaultRankWindow;

    /// <summary>
    /// The model that embeds semantic and hybrid queries and the articles asked about in "similar articles" (the one
    /// `dateline embed` stored the vectors with); null: those answer 409 and only keyword search is offered.
    /// </summary>
    public Dateline.Core.Embeddings.ITextEmbedder? Embedder { get; init; }
}
