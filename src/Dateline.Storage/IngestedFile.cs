namespace Dateline.Storage;

/// <summary>A file's fingerprint in the ingest ledger: a changed size or modification time means "read it again".</summary>
public sealed record IngestedFile(string Path, long Size, DateTimeOffset Modified, int Articles = 0)
{
    /// <summary>The ingest process that read it (host, process id and a random part), for the queue's status.</summary>
    public string? Worker { get; init; }
}
