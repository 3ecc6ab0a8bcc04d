using System.Globalization;

namespace Dateline.Extraction.Warc;

/// <summary>
/// One WARC record: its headers and content block. <see cref="Content"/> is only valid until the next record is read
/// (the reader reuses its buffer), and is empty when the record was over the size cap (<see cref="TooLarge"/>).
/// </summary>
internal sealed class WarcRecord(long offset, string label, string version, Dictionary<string, string> headers,
    long contentLength, ReadOnlyMemory<byte> content, bool tooLarge)
{
    /// <summary>The record's address: see <see cref="WarcRecordReader"/> for what the number means per file layout.</summary>
    public long Offset { get; } = offset;

    /// <summary>For problems: "byte 123456" (or "byte N of the decompressed stream" in a whole-file gzip).</summary>
    public string Label { get; } = label;

    /// <summary>"WARC/1.0", "WARC/1.1", …</summary>
    public string Version { get; } = version;

    public long ContentLength { get; } = contentLength;

    public ReadOnlyMemory<byte> Content { get; } = content;

    public bool TooLarge { get; } = tooLarge;

    /// <summary>WARC-Type in lower case ("response", "request", …), or "unknown".</summary>
    public string Type => Header("WARC-Type")?.ToLowerInvariant() ?? "unknown";

    /// <summary>WARC-Target-URI, without the angle brackets some WARC 1.0 writers put around it.</summary>
    public string? TargetUri => Header("WARC-Target-URI") is { } uri ? uri.Trim('<', '>', ' ') : null;

    /// <summary>WARC-Date: ISO 8601 in UTC (WARC 1.1 adds fractions of a second); old converted ARC files write
    /// 14 digits (yyyyMMddHHmmss).</summary>
    public DateTimeOffset? Date
    {
        get
        {
            var d = Header("WARC-Date");
            const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
            return d is null ? null
                : d.Length == 14 && DateTimeOffset.TryParseExact(d, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, utc, out var digits) ? digits
                : DateTimeOffset.TryParse(d, CultureInfo.InvariantCulture, utc, out var iso) ? iso
                : null;
        }
    }

    public string? Header(string name) => headers.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
}
