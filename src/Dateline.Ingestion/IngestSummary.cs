using Dateline.Core.Errors;

namespace Dateline.Ingestion;

/// <summary>What an ingest did. <see cref="Problems"/> lists every skipped file or record with its reason.</summary>
public sealed record IngestSummary
{
    public int FilesFound { get; init; }
    public int FilesRead { get; init; }
    /// <summary>Files skipped because the ledger shows them ingested before with the same size and time.</summary>
    public int FilesUnchanged { get; init; }
    public long ArticlesRead { get; init; }
    public long Inserted { get; init; }
    public long Updated { get; init; }
    /// <summary>Articles already stored with the same content (re-ingests, duplicates within the input).</summary>
    public long Duplicates { get; init; }
    public IReadOnlyList<InputProblem> Problems { get; init; } = [];
    /// <summary>
    /// Records that are not articles and were left out on purpose, by input format and category, most frequent first
    /// ("WARC" → "request" → 12, "non-HTML" → 4). Not problems: they do not change the exit code.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> SkippedRecords { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, long>>();
    public TimeSpan Elapsed { get; init; }
    public bool Cancelled { get; init; }
}
