namespace Dateline.Extraction.Reading;

/// <summary>
/// A record that is not an article and was left out on purpose (a WARC request, an image response, a record outside
/// the filter): counted per format and category in the ingest summary, never reported as a problem.
/// </summary>
public sealed record SkippedRecord(string Format, string Category);
