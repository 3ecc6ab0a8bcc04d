namespace Dateline.Testing.Warc;

/// <summary>How <see cref="WarcWriter"/> compresses a file.</summary>
public enum WarcLayout
{
    /// <summary>An uncompressed <c>.warc</c>.</summary>
    Plain,

    /// <summary>One gzip member per record: the standard <c>.warc.gz</c> (CC-NEWS, Heritrix, warcio).</summary>
    GzipPerRecord,

    /// <summary>The whole file as one gzip member (what <c>gzip crawl.warc</c> makes).</summary>
    GzipWholeFile,
}
