namespace Dateline.Storage;

/// <summary>A file's fingerprint in the ingest ledger: a changed size or modification time means "read it again".</summary>
public sealed record IngestedFile(string Path, long Size, DateTimeOffset Modified, int Articles = 0);
