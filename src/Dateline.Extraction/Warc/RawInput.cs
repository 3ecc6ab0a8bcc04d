namespace Dateline.Extraction.Warc;

/// <summary>
/// A forward-only file reader that knows the file offset of every byte and keeps a small window of recent bytes
/// readable again (<see cref="KeepFrom"/>), so the gzip layer can look back for a member's trailer.
/// </summary>
internal sealed class RawInput(Stream stream)
{
    /// <summary>Read size; the window grows past this only when a caller keeps more bytes (a few KiB in practice).</summary>
    private const int BufferBytes = 64 * 1024;

    private byte[] _buffer = new byte[BufferBytes];
    private long _start;
    private int _count;

    /// <summary>File offset of the next byte <see cref="Read"/> returns.</summary>
    public long Position { get; private set; }

    /// <summary>Bytes at and after this offset stay available to <see cref="Peek"/> and <see cref="Seek"/>.</summary>
    public long KeepFrom { get; set; }

    /// <summary>True once the underlying stream has reported its end.</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>Up to <paramref name="count"/> bytes starting at file offset <paramref name="offset"/>; fewer at the end of the file.</summary>
    public ReadOnlySpan<byte> Peek(long offset, int count)
    {
        Fill(offset + count);
        var from = (int)(offset - _start);
        return from >= _count ? [] : _buffer.AsSpan(from, Math.Min(count, _count - from));
    }

    public int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        if (Position >= _start + _count)
        {
            Fill(Position + destination.Length);
        }

        var from = (int)(Position - _start);
        var n = Math.Min(destination.Length, _count - from);
        if (n <= 0)
        {
            return 0;
        }

        _buffer.AsSpan(from, n).CopyTo(destination);
        Position += n;
        return n;
    }

    /// <summary>Moves to <paramref name="offset"/>, which must not lie before <see cref="KeepFrom"/>.</summary>
    public void Seek(long offset)
    {
        if (offset < _start)
        {
            throw new InvalidOperationException($"offset {offset} is no longer buffered (window starts at {_start})");
        }

        Position = offset;
    }

    private void Fill(long end)
    {
        while (!ReachedEnd && _start + _count < end)
        {
            var keep = Math.Max(_start, Math.Min(KeepFrom, Position));
            var drop = (int)Math.Min(keep - _start, _count);
            if (drop > 0)
            {
                Buffer.BlockCopy(_buffer, drop, _buffer, 0, _count - drop);
                _start += drop;
                _count -= drop;
            }

            var needed = end - _start;
            if (_count == _buffer.Length || needed > _buffer.Length)
            {
                Array.Resize(ref _buffer, (int)Math.Max(_buffer.Length * 2L, Math.Min(needed, int.MaxValue / 2)));
            }

            var n = stream.Read(_buffer, _count, _buffer.Length - _count);
            if (n <= 0)
            {
                ReachedEnd = true;
                break;
            }

            _count += n;
        }
    }
}
