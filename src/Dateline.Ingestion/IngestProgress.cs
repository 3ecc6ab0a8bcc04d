namespace Dateline.Ingestion;

/// <summary>A progress snapshot: files finished of files found, articles written, problems so far.</summary>
public sealed record IngestProgress(int FilesDone, int FilesTotal, long ArticlesRead, long ArticlesWritten, int Problems);
