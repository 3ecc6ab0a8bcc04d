namespace Dateline.Extraction.Warc;

/// <summary>
/// A gzip member's compressed data as the inflater's input: small chunks of the file, remembering where the last two
/// began, so <see cref="GzipMemberStream"/> knows where to look for the member's trailer once the inflater is done.
/// </summary>
internal sealed class DeflateFeed(RawInput raw) : Stream
{
    /// <summary>Largest chunk handed to the inflater; the trailer search looks at most two chunks back.</summary>
    private const int MaxFeedBytes = 16 * 1024;

    private long _dataStart;
    private long _previousChunk;
    private long _lastChunk;

    /// <summary>Where the member's compressed data may have ended, at the earliest.</summary>
    public long SearchFrom => Math.Max(_dataStart, _previousChunk);

    /// <summary>The file ran out while the inflater still wanted input.</summary>
    public bool HitEnd { get; private set; }

    public void Start(long dataStart)
    {
        _dataStart = _previousChunk = _lastChunk = dataStart;
        HitEnd = false;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        _previousChunk = _lastChunk;
        _lastChunk = raw.Position;
        raw.KeepFrom = SearchFrom;
        var n = raw.Read(buffer[..Math.Min(buffer.Length, MaxFeedBytes)]);
        HitEnd |= n == 0;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
