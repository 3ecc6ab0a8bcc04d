using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Dateline.Extraction.Warc;

/// <summary>
/// Decompresses a gzip file member by member, so the file offset where each member starts is known: a standard
/// <c>.warc.gz</c> holds one member per record, and that offset is the record's address in the file.
/// </summary>
/// <remarks>
/// System.IO.Compression cannot say where a member's compressed data ends (DeflateStream reads ahead and keeps the
/// rest; the rewind came only after .NET 10). So each member is inflated with a raw <see cref="DeflateStream"/> fed in
/// small chunks, and when it ends, its 8-byte trailer — the CRC-32 and length of the member's output, which we compute
/// as we go — is searched for in the last chunks fed. That 64-bit match finds the exact end and checks the data.
/// </remarks>
internal sealed class GzipMemberStream : Stream
{
    /// <summary>A file name, comment or extra field longer than this is not a real gzip header.</summary>
    private const int MaxHeaderFieldBytes = 64 * 1024;

    private const byte FlagHeaderCrc = 0x02, FlagExtra = 0x04, FlagName = 0x08, FlagComment = 0x10, FlagReserved = 0xE0;

    private readonly RawInput _raw;
    private readonly DeflateFeed _feed;
    private readonly Crc32 _crc = new();
    private readonly Queue<(long Decompressed, long File)> _memberStarts = new();
    private DeflateStream? _inflater;
    private long _memberStart;
    private long _memberOutput;
    private long _produced;
    private bool _done;

    public GzipMemberStream(Stream file)
    {
        _raw = new RawInput(file);
        _feed = new DeflateFeed(_raw);
    }

    /// <summary>Members started so far.</summary>
    public int Members { get; private set; }

    /// <summary>
    /// The file offset of the member whose output starts exactly at <paramref name="decompressedOffset"/>, if one does.
    /// Call with increasing offsets; earlier members are forgotten.
    /// </summary>
    public bool TryGetMemberAt(long decompressedOffset, out long fileOffset)
    {
        fileOffset = -1;
        while (_memberStarts.TryPeek(out var m) && m.Decompressed <= decompressedOffset)
        {
            _memberStarts.Dequeue();
            if (m.Decompressed == decompressedOffset)
            {
                fileOffset = m.File; // an empty member before it starts at the same point; the last one holds the data
            }
        }

        return fileOffset >= 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (!_done && !buffer.IsEmpty)
        {
            if (_inflater is null && !BeginMember())
            {
                _done = true;
                break;
            }

            int n;
            try
            {
                n = _inflater!.Read(buffer);
            }
            catch (InvalidDataException ex)
            {
                throw new WarcFormatException($"byte {_memberStart}", $"corrupt gzip data in the member at byte {_memberStart}: {ex.Message}");
            }

            if (n > 0)
            {
                _crc.Append(buffer[..n]);
                _memberOutput += n;
                _produced += n;
                return n;
            }

            EndMember();
        }

        return 0;
    }

    /// <summary>Parses the member header at the current position; false at a clean end of file.</summary>
    private bool BeginMember()
    {
        var at = _raw.Position;
        _raw.KeepFrom = at;
        var head = _raw.Peek(at, 10);
        if (head.IsEmpty)
        {
            return false;
        }

        if (head.Length < 2 || head[0] != 0x1F || head[1] != 0x8B)
        {
            var garbage = Members == 0 ? "the file does not start with gzip data" : "data after the last complete gzip member is not gzip (trailing garbage)";
            throw new WarcFormatException($"byte {at}", garbage);
        }

        if (head.Length < 10)
        {
            throw Cut(at);
        }

        if (head[2] != 8)
        {
            throw new WarcFormatException($"byte {at}", $"gzip member uses compression method {head[2]}, not deflate");
        }

        var flags = head[3];
        if ((flags & FlagReserved) != 0)
        {
            throw new WarcFormatException($"byte {at}", "corrupt gzip member header (reserved flag bits set)");
        }

        var pos = at + 10;
        if ((flags & FlagExtra) != 0)
        {
            var len = _raw.Peek(pos, 2);
            if (len.Length < 2)
            {
                throw Cut(at);
            }

            pos += 2 + BinaryPrimitives.ReadUInt16LittleEndian(len);
        }

        if ((flags & FlagName) != 0)
        {
            pos = SkipZeroTerminated(at, pos);
        }

        if ((flags & FlagComment) != 0)
        {
            pos = SkipZeroTerminated(at, pos);
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            pos += 2;
        }

        if (_raw.Peek(pos, 1).IsEmpty)
        {
            throw Cut(at);
        }

        _raw.Seek(pos);
        _memberStart = at;
        _memberOutput = 0;
        _crc.Reset();
        _feed.Start(pos);
        _inflater = new DeflateStream(_feed, CompressionMode.Decompress, leaveOpen: true);
        _memberStarts.Enqueue((_produced, at));
        Members++;
        return true;
    }

    private long SkipZeroTerminated(long member, long pos)
    {
        var field = _raw.Peek(pos, MaxHeaderFieldBytes);
        var zero = field.IndexOf((byte)0);
        if (zero >= 0)
        {
            return pos + zero + 1;
        }

        throw field.Length < MaxHeaderFieldBytes ? Cut(member) : new WarcFormatException($"byte {member}", "corrupt gzip member header (unterminated name or comment)");
    }

    /// <summary>Finds the trailer after the inflater's last byte and moves to the next member.</summary>
    private void EndMember()
    {
        _inflater!.Dispose();
        _inflater = null;
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_memberOutput));
        var from = _feed.SearchFrom;
        var fed = _raw.Position;
        var window = _raw.Peek(from, (int)(fed - from) + trailer.Length + 2);
        var found = FindTrailer(window, trailer);
        if (found < 0)
        {
            throw _feed.HitEnd || _raw.ReachedEnd && window.Length < fed - from + trailer.Length
                ? Cut(_memberStart)
                : new WarcFormatException($"byte {_memberStart}", $"corrupt gzip data in the member at byte {_memberStart} (checksum or length mismatch)");
        }

        _raw.Seek(from + found + trailer.Length);
    }

    /// <summary>
    /// The trailer's position in the window. Where the pattern occurs more than once (an empty member's trailer is
    /// eight zero bytes, and its deflate data ends in a zero), the match followed by the next member or the end of the
    /// file wins; otherwise the first.
    /// </summary>
    private int FindTrailer(ReadOnlySpan<byte> window, ReadOnlySpan<byte> trailer)
    {
        var first = -1;
        for (var start = 0; start <= window.Length - trailer.Length;)
        {
            var at = window[start..].IndexOf(trailer);
            if (at < 0)
            {
                break;
            }

            at += start;
            var after = window[(at + trailer.Length)..];
            if (after.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || (after.IsEmpty && _raw.ReachedEnd))
            {
                return at;
            }

            first = first < 0 ? at : first;
            start = at + 1;
        }

        return first;
    }

    private static WarcFormatException Cut(long member) =>
        new($"byte {member}", $"the file ends inside the gzip member that starts at byte {member} (cut off?)");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _produced;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inflater?.Dispose();
        }

        base.Dispose(disposing);
    }
}
