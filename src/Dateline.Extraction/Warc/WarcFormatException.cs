namespace Dateline.Extraction.Warc;

/// <summary>
/// The WARC or gzip framing is broken, so nothing after this point can be located: the reader reports it once, with
/// <see cref="Record"/> naming the byte offset, and stops.
/// </summary>
internal sealed class WarcFormatException(string record, string reason) : Exception(reason)
{
    /// <summary>Where, for the problem's record label, e.g. "byte 123456".</summary>
    public string Record { get; } = record;

    public string Reason { get; } = reason;
}
