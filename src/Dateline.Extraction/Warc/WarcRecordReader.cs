using System.Globalization;
using System.Text;

namespace Dateline.Extraction.Warc;

/// <summary>
/// Reads WARC records one at a time from a plain WARC file or any gzip layout, in bounded memory: one header block
/// (<see cref="MaxHeaderBytes"/>) and one content block (the record cap) at a time.
/// </summary>
/// <remarks>
/// <para>Record offsets: in a plain WARC, the record's byte offset in the file. In a <c>.warc.gz</c> with one gzip
/// member per record (the standard layout, and CC-NEWS's), the file offset of the record's gzip member: seek there and
/// gunzip one member to re-read it. In a whole-file gzip (records do not start at member boundaries), there is no file
/// offset to seek to, so the offset is the record's position in the decompressed stream, and problem labels say so.</para>
/// <para>Broken framing (no WARC header where one should start, a missing Content-Length, a cut or corrupt file)
/// throws <see cref="WarcFormatException"/>: nothing after it can be located, so the caller reports it once and stops.</para>
/// </remarks>
internal sealed class WarcRecordReader : IDisposable
{
    /// <summary>Real WARC headers are well under 2 KiB; a "header" longer than this means we are not in a header.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Records at or below this size share one reusable buffer; a bigger one gets its own, dropped after use.</summary>
    private const int ReusableContentBytes = 4 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly GzipMemberStream? _gzip;
    private readonly long _maxContentBytes;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _bufferPos;
    private int _bufferLen;
    private long _bufferStart;
    private byte[] _content = [];
    private readonly MemoryStream _line = new();

    public WarcRecordReader(Stream file, bool gzip, long maxContentBytes)
    {
        _gzip = gzip ? new GzipMemberStream(file) : null;
        _stream = _gzip ?? file;
        _maxContentBytes = maxContentBytes;
    }

    private long Position => _bufferStart + _bufferPos;

    /// <summary>The next record, or null at the end of the input.</summary>
    public WarcRecord? Next()
    {
        if (!SkipSeparators())
        {
            return null;
        }

        var start = Position;
        var (offset, label) = Locate(start);
        try
        {
            return ReadRecord(offset, label);
        }
        catch (WarcFormatException ex) when (ex.Record != label)
        {
            throw new WarcFormatException(label, ex.Reason); // the gzip layer failed inside this record
        }
    }

    private (long Offset, string Label) Locate(long start)
    {
        if (_gzip is null)
        {
            return (start, $"byte {start}");
        }

        return _gzip.TryGetMemberAt(start, out var member)
            ? (member, $"byte {member}")
            : (start, $"byte {start} of the decompressed stream");
    }

    private WarcRecord ReadRecord(long offset, string label)
    {
        var version = ReadLine(label) ?? throw Cut(label, "the file ends inside the record header");
        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new WarcFormatException(label, $"expected a WARC record header ('WARC/1.x'), found '{Printable(version)}' (trailing garbage or a broken record before it?)");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var headerBytes = version.Length;
        string? last = null;
        while (true)
        {
            var line = ReadLine(label) ?? throw Cut(label, "the file ends inside the record header");
            headerBytes += line.Length + 2;
            if (headerBytes > MaxHeaderBytes)
            {
                throw new WarcFormatException(label, $"the record header is longer than {MaxHeaderBytes / 1024} KiB (no blank line ends it)");
            }

            if (line.Length == 0)
            {
                break;
            }

            if (line[0] is ' ' or '\t' && last is not null)
            {
                headers[last] += " " + line.Trim(); // a folded continuation line
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                last = line[..colon].Trim();
                headers.TryAdd(last, line[(colon + 1)..].Trim());
            }
        }

        if (!headers.TryGetValue("Content-Length", out var lengthText)
            || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new WarcFormatException(label, "the record has no valid Content-Length, so the next record cannot be found");
        }

        if (length > _maxContentBytes)
        {
            Skip(length, label);
            return new WarcRecord(offset, label, version, headers, length, ReadOnlyMemory<byte>.Empty, tooLarge: true);
        }

        var content = length <= ReusableContentBytes
            ? (_content.Length >= length ? _content : _content = new byte[Math.Max(length, Math.Min(_content.Length * 2L, ReusableContentBytes))])
            : new byte[length];
        ReadExactly(content.AsSpan(0, (int)length), label);
        return new WarcRecord(offset, label, version, headers, length, content.AsMemory(0, (int)length), tooLarge: false);
    }

    /// <summary>Skips the blank lines between records; false at the end of the input.</summary>
    private bool SkipSeparators()
    {
        while (true)
        {
            if (_bufferPos == _bufferLen && !Fill())
            {
                return false;
            }

            var b = _buffer[_bufferPos];
            if (b is not ((byte)'\r' or (byte)'\n'))
            {
                return true;
            }

            _bufferPos++;
        }
    }

    /// <summary>One line without its CR LF (or bare LF), decoded as UTF-8; null if the input ends first.</summary>
    private string? ReadLine(string label)
    {
        _line.SetLength(0);
        while (true)
        {
            if (_bufferPos == _bufferLen && !Fill())
            {
                return null;
            }

            var span = _buffer.AsSpan(_bufferPos, _bufferLen - _bufferPos);
            var lf = span.IndexOf((byte)'\n');
            var take = lf < 0 ? span : span[..lf];
            if (_line.Length + take.Length > MaxHeaderBytes)
            {
                throw new WarcFormatException(label, $"a record header line is longer than {MaxHeaderBytes / 1024} KiB (not a WARC header)");
            }

            _line.Write(take);
            _bufferPos += take.Length;
            if (lf >= 0)
            {
                _bufferPos++;
                var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
                return Encoding.UTF8.GetString(bytes.EndsWith((byte)'\r') ? bytes[..^1] : bytes);
            }
        }
    }

    private void ReadExactly(Span<byte> destination, string label)
    {
        var total = destination.Length;
        while (!destination.IsEmpty)
        {
            if (_bufferPos == _bufferLen)
            {
                if (destination.Length >= _buffer.Length)
                {
                    // Large reads go straight to the destination; the buffer stays empty at the new position.
                    var direct = _stream.Read(destination);
                    if (direct <= 0)
                    {
                        throw Cut(label, $"the file ends inside the record ({total - destination.Length:N0} of {total:N0} content bytes present)");
                    }

                    destination = destination[direct..];
                    _bufferStart += _bufferLen + direct;
                    _bufferPos = _bufferLen = 0;
                    continue;
                }

                if (!Fill())
                {
                    throw Cut(label, $"the file ends inside the record ({total - destination.Length:N0} of {total:N0} content bytes present)");
                }
            }

            var n = Math.Min(destination.Length, _bufferLen - _bufferPos);
            _buffer.AsSpan(_bufferPos, n).CopyTo(destination);
            _bufferPos += n;
            destination = destination[n..];
        }
    }

    private void Skip(long count, string label)
    {
        var total = count;
        while (count > 0)
        {
            if (_bufferPos == _bufferLen && !Fill())
            {
                throw Cut(label, $"the file ends inside the record ({total - count:N0} of {total:N0} content bytes present)");
            }

            var n = (int)Math.Min(count, _bufferLen - _bufferPos);
            _bufferPos += n;
            count -= n;
        }
    }

    private bool Fill()
    {
        _bufferStart += _bufferLen;
        _bufferPos = _bufferLen = 0;
        var n = _stream.Read(_buffer);
        _bufferLen = Math.Max(0, n);
        return n > 0;
    }

    private static WarcFormatException Cut(string label, string what) => new(label, what + " (cut off?)");

    private static string Printable(string s)
    {
        var head = s.Length > 40 ? s[..40] + "…" : s;
        return string.Concat(head.Select(c => char.IsControl(c) || c == '\uFFFD' ? '?' : c));
    }

    public void Dispose() => _gzip?.Dispose();
}
