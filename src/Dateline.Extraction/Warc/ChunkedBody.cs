namespace Dateline.Extraction.Warc;

/// <summary>HTTP/1.1 chunked transfer coding: <c>size-in-hex[;ext] CRLF data CRLF … 0 CRLF [trailers] CRLF</c>.</summary>
internal static class ChunkedBody
{
    /// <summary>A chunk-size line longer than this (hex digits plus extensions) is not a chunk-size line.</summary>
    private const int MaxSizeLineBytes = 256;

    /// <summary>More hex digits than this would be a chunk over 4 GiB: not a real chunk size.</summary>
    private const int MaxSizeDigits = 8;

    /// <summary>
    /// Some crawlers store the body still chunked but drop the Transfer-Encoding header. A body is taken to be chunked
    /// only if it starts with a chunk-size line and the whole body then parses as chunks; an HTML page cannot start with
    /// a hex number on a line of its own, so a false positive needs a page that is itself a complete chunk stream,
    /// down to the closing zero-size chunk.
    /// </summary>
    public static bool LooksChunked(ReadOnlySpan<byte> body) =>
        TryDecode(body, out var decoded, out var partial) && !partial && decoded.Length > 0;

    /// <summary>De-chunks <paramref name="body"/>; false when it is not chunked. A body that ends inside a chunk gives
    /// what is there, with <paramref name="partial"/> set.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> body, out byte[] decoded, out bool partial)
    {
        decoded = [];
        partial = false;
        using var output = new MemoryStream(body.Length);
        var pos = 0;
        var chunks = 0;
        while (true)
        {
            if (!TryReadSize(body, ref pos, out var size))
            {
                return false;
            }

            if (size == 0)
            {
                break; // trailers, if any, are not content
            }

            var available = Math.Min(size, body.Length - pos);
            output.Write(body.Slice(pos, (int)available));
            pos += (int)available;
            chunks++;
            if (available < size)
            {
                partial = true; // the record was cut inside a chunk
                break;
            }

            if (pos == body.Length)
            {
                partial = true; // ends after a chunk, before the last-chunk marker
                break;
            }

            if (body[pos..].StartsWith("\r\n"u8))
            {
                pos += 2;
            }
            else if (body[pos] == (byte)'\n')
            {
                pos++;
            }
            else
            {
                return false; // chunk data must be followed by CRLF
            }

            if (pos == body.Length)
            {
                partial = true;
                break;
            }
        }

        decoded = output.ToArray();
        return chunks > 0 || decoded.Length == 0;
    }

    private static bool TryReadSize(ReadOnlySpan<byte> body, ref int pos, out long size)
    {
        size = 0;
        var rest = body[pos..];
        var lf = rest[..Math.Min(rest.Length, MaxSizeLineBytes)].IndexOf((byte)'\n');
        if (lf <= 0)
        {
            return false;
        }

        var line = rest[..lf];
        if (line.EndsWith((byte)'\r'))
        {
            line = line[..^1];
        }

        var digits = 0;
        while (digits < line.Length && digits <= MaxSizeDigits && char.IsAsciiHexDigit((char)line[digits]))
        {
            var c = (char)line[digits];
            size = size * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            digits++;
        }

        if (digits == 0 || digits > MaxSizeDigits)
        {
            return false;
        }

        var after = line[digits..].TrimStart((byte)' ');
        if (!after.IsEmpty && after[0] != (byte)';')
        {
            return false;
        }

        pos += lf + 1;
        return true;
    }
}
