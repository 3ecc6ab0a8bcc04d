namespace Dateline.Ingestion;

/// <summary>How an ingest runs.</summary>
public sealed record IngestOptions
{
    /// <summary>Files read at the same time. Writes always go through one writer.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Articles per write transaction.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Re-read files the ledger says were already ingested unchanged.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// The understanding pipeline run on every article before it is stored (entities, actors, dates, quotes); null to
    /// store articles only. Runs on the reader threads, so it scales with <see cref="Parallelism"/>.
    /// </summary>
    public Dateline.Core.Pipelines.Pipeline? Pipeline { get; init; }

    /// <summary>
    /// Memory the readers may hold in documents being read, analysed or waiting to be written (estimated per input from
    /// its size and kind); big documents wait for room instead of running side by side. See <see cref="DefaultMaxMemoryBytes"/>.
    /// </summary>
    public long MaxMemoryBytes { get; init; } = DefaultMaxMemoryBytes;

    /// <summary>A sixteenth of the memory this process may use, between 256 MiB and 1 GiB.</summary>
    public static long DefaultMaxMemoryBytes { get; } =
        Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 16, 256L << 20, 1L << 30);

    /// <summary>Characters of an article's body the pipeline analyses (the whole text is stored); see <see cref="Analysis.ArticleAnalysis.DefaultMaxCharacters"/>.</summary>
    public int MaxAnalysisCharacters { get; init; } = Analysis.ArticleAnalysis.DefaultMaxCharacters;

    /// <summary>
    /// Who this ingest is in the store's queue (host, process id and a random part): several processes given the same
    /// inputs claim each file before reading it, so each file is read by one of them (see IArticleStore.ClaimFileAsync).
    /// </summary>
    public string Worker { get; init; } = DefaultWorker();

    /// <summary>
    /// How long a claim lasts without renewal. The running process renews its claims every third of it; a process that
    /// was killed loses its files to the others when it runs out.
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromSeconds(30);

    public static string DefaultWorker() =>
        $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
