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
}
