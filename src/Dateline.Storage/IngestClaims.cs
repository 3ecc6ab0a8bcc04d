namespace Dateline.Storage;

/// <summary>What <see cref="IArticleStore.ClaimFileAsync"/> found.</summary>
public enum ClaimOutcome
{
    /// <summary>The file is this worker's to read until its lease runs out (renewed while it works).</summary>
    Claimed,

    /// <summary>The ledger holds the file, unchanged since (size and time): there is nothing to do.</summary>
    Done,

    /// <summary>Another worker holds a lease on the file that has not run out: it is reading it now.</summary>
    HeldByOther,
}

/// <summary>The outcome of a claim, and who holds the file when another worker does.</summary>
public sealed record ClaimResult(ClaimOutcome Outcome, string? Holder = null);

/// <summary>A lease a worker holds (or held, when <see cref="Expired"/>) on an input file.</summary>
public sealed record WorkerClaim(string Path, string Worker, DateTimeOffset ClaimedAt, DateTimeOffset ExpiresAt, bool Expired, int Takeovers);

/// <summary>The shared ingest queue: live and expired claims, and the ledger's files per worker that finished them.</summary>
public sealed record QueueStatus(IReadOnlyList<WorkerClaim> Claims, IReadOnlyList<KeyValuePair<string, long>> DoneByWorker)
{
    public long Done => DoneByWorker.Sum(d => d.Value);
}
