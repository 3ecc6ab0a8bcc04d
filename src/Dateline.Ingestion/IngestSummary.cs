using Dateline.Core.Errors;

namespace Dateline.Ingestion;

/// <summary>What an ingest did. <see cref="Problems"/> lists every skipped file or record with its reason.</summary>
public sealed record IngestSummary
{
    public int FilesFound { get; init; }
    public int FilesRead { get; init; }
    /// <summary>Files skipped because the ledger shows them ingested before with the same size and time.</summary>
    public int FilesUnchanged { get; init; }
    /// <summary>Files another ingest process (sharing the store) read while this one waited for them.</summary>
    public int FilesByOthers { get; init; }
    public long ArticlesRead { get; init; }
    public long Inserted { get; init; }
    public long Updated { get; init; }
    /// <summary>Articles already stored with the same content (re-ingests, duplicates within the input).</summary>
    public long Duplicates { get; init; }
    public IReadOnlyList<InputProblem> Problems { get; init; } = [];

    /// <summary>
    /// The first <see cref="MaxListed"/> articles written, in the order they were stored, each with what the store did
    /// (inserted, updated, unchanged): where to look at what an ingest stored. The counts above cover every article.
    /// </summary>
    public IReadOnlyList<StoredArticle> Articles { get; init; } = [];

    /// <summary>The most articles <see cref="Articles"/> lists.</summary>
    public const int MaxListed = 100;
    /// <summary>
    /// Records that are not articles and were left out on purpose, by input format and category, most frequent first
    /// ("WARC" → "request" → 12, "non-HTML" → 4). Not problems: they do not change the exit code.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> SkippedRecords { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, long>>();
    public TimeSpan Elapsed { get; init; }
    public bool Cancelled { get; init; }

    /// <summary>Two passes over parts of one input list (files other workers held come in a later pass) as one summary.</summary>
    internal IngestSummary Add(IngestSummary later) => this with
    {
        FilesRead = FilesRead + later.FilesRead,
        FilesUnchanged = FilesUnchanged + later.FilesUnchanged,
        FilesByOthers = FilesByOthers + later.FilesByOthers,
        ArticlesRead = ArticlesRead + later.ArticlesRead,
        Inserted = Inserted + later.Inserted,
        Updated = Updated + later.Updated,
        Duplicates = Duplicates + later.Duplicates,
        Problems = [.. Problems, .. later.Problems],
        Articles = [.. Articles.Concat(later.Articles).Take(MaxListed)],
        SkippedRecords = SkippedRecords.Concat(later.SkippedRecords).GroupBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<string, long>)g.SelectMany(kv => kv.Value).GroupBy(kv => kv.Key, StringComparer.Ordinal)
                .ToDictionary(k => k.Key, k => k.Sum(x => x.Value), StringComparer.Ordinal), StringComparer.Ordinal),
        Cancelled = Cancelled || later.Cancelled,
    };
}

/// <summary>One article an ingest wrote: its id, title and what the store did with it ("inserted", "updated", "unchanged").</summary>
public sealed record StoredArticle(string Id, string? Title, string Status);
