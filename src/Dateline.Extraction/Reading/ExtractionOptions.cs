using Dateline.Extraction.Warc;

namespace Dateline.Extraction.Reading;

/// <summary>Limits and switches that behave the same in the library, the CLI and the API.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Largest single-document input (a text dump or an HTML page) read whole. Bigger files are skipped.</summary>
    public long MaxDocumentBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Largest single record in a multi-record input (one JSON line).</summary>
    public int MaxRecordBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Longest time spent parsing one page; a page that hits it is kept, marked truncated.</summary>
    public TimeSpan MaxDocumentTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest WARC record content read into memory; bigger records are reported and skipped, the file goes on.</summary>
    public long MaxWarcRecordBytes { get; init; } = WarcReader.DefaultMaxRecordBytes;

    /// <summary>Which WARC records become articles (crawl date, host, language).</summary>
    public WarcFilter Warc { get; init; } = WarcFilter.None;

    /// <summary>Main-text trade-offs and extras (--favor, --include-comments, --include-tables, --include-links).</summary>
    public Html.MainTextOptions MainText { get; init; } = Html.MainTextOptions.Default;

    /// <summary>Detect the language of articles that do not declare one (Lingua, loaded on first use).</summary>
    public bool DetectLanguage { get; init; } = true;

    public static ExtractionOptions Default { get; } = new();
}
