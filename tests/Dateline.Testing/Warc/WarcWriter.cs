using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Dateline.Testing.Warc;

/// <summary>
/// Writes synthetic WARC files shaped like Common Crawl's CC-NEWS: a warcinfo record, then request / response /
/// metadata records per page, in any <see cref="WarcLayout"/>. Everything here is our own; no crawl data is copied.
/// Also holds the HTTP and gzip helpers the robustness tests use to build odd payloads and framings.
/// </summary>
public sealed class WarcWriter(string version = "WARC/1.1")
{
    private readonly List<byte[]> _records = [];
    private int _ids;

    /// <summary>The records written so far, uncompressed, each ending with its CRLF CRLF.</summary>
    public IReadOnlyList<byte[]> Records => _records;

    public static DateTimeOffset DefaultDate { get; } = new(2025, 6, 4, 9, 30, 0, TimeSpan.Zero);

    public WarcWriter Warcinfo() => Record("warcinfo", null, "application/warc-fields", Encoding.UTF8.GetBytes(
        "software: dateline-test-writer/1.0\r\nformat: WARC File Format 1.1\r\n"
        + "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
        + "description: synthetic CC-NEWS-style crawl for tests\r\n"), DefaultDate, ("WARC-Filename", "CC-NEWS-TEST-00000.warc.gz"));

    public WarcWriter Request(string uri, DateTimeOffset? date = null) => Record("request", uri, "application/http; msgtype=request",
        Encoding.ASCII.GetBytes($"GET {new Uri(uri).PathAndQuery} HTTP/1.1\r\nHost: {new Uri(uri).Host}\r\n"
                                + "User-Agent: dateline-test\r\nAccept: text/html\r\n\r\n"), date);

    /// <summary>A response record holding <paramref name="http"/> (see <see cref="HttpResponse"/>).</summary>
    public WarcWriter Response(string uri, byte[] http, DateTimeOffset? date = null, params (string Name, string Value)[] headers) =>
        Record("response", uri, "application/http; msgtype=response", http, date, headers);

    public WarcWriter Metadata(string uri, DateTimeOffset? date = null) => Record("metadata", uri, "application/warc-fields",
        Encoding.UTF8.GetBytes("fetchTimeMs: 212\r\ncharset-detected: UTF-8\r\nlanguages-cld2: {\"languages\":[{\"code\":\"en\"}]}\r\n"), date);

    public WarcWriter Revisit(string uri, DateTimeOffset? date = null) => Record("revisit", uri, "application/http; msgtype=response",
        Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"), date,
        ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
        ("WARC-Refers-To-Target-URI", uri), ("WARC-Payload-Digest", "sha1:UZY6ND6CCHXETFVJD2MSS7ZENMWF7KQ2"));

    public WarcWriter Resource(string uri, string contentType, byte[] content, DateTimeOffset? date = null) =>
        Record("resource", uri, contentType, content, date);

    /// <summary>A request, a response with <paramref name="html"/> and a metadata record, as CC-NEWS has per page.</summary>
    public WarcWriter Page(string uri, string html, DateTimeOffset? date = null) =>
        Request(uri, date).Response(uri, HttpResponse(Encoding.UTF8.GetBytes(html)), date).Metadata(uri, date);

    /// <summary>Any record; the block is written as given, with a correct Content-Length.</summary>
    public WarcWriter Record(string type, string? uri, string contentType, byte[] block, DateTimeOffset? date = null,
        params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder();
        head.Append(version).Append("\r\n");
        head.Append("WARC-Type: ").Append(type).Append("\r\n");
        head.Append("WARC-Date: ").Append((date ?? DefaultDate).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append("WARC-Record-ID: <urn:uuid:").Append(new Guid(++_ids, 0, 0, new byte[8])).Append(">\r\n");
        if (uri is not null)
        {
            head.Append("WARC-Target-URI: ").Append(uri).Append("\r\n");
        }

        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        head.Append("Content-Length: ").Append(block.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        return Raw([.. Encoding.UTF8.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8]);
    }

    /// <summary>Bytes taken as one record as they are: broken records, garbage.</summary>
    public WarcWriter Raw(byte[] bytes)
    {
        _records.Add(bytes);
        return this;
    }

    public WarcFile Build(WarcLayout layout)
    {
        var offsets = new List<long>();
        using var output = new MemoryStream();
        if (layout == WarcLayout.GzipWholeFile)
        {
            long position = 0;
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                foreach (var r in _records)
                {
                    offsets.Add(position);
                    gzip.Write(r);
                    position += r.Length;
                }
            }

            return new WarcFile(output.ToArray(), offsets);
        }

        foreach (var r in _records)
        {
            offsets.Add(output.Position);
            output.Write(layout == WarcLayout.GzipPerRecord ? Gzip(r) : r);
        }

        return new WarcFile(output.ToArray(), offsets);
    }

    /// <summary>An HTTP/1.1 response message: status line, Content-Type, extra headers, blank line, body as given.</summary>
    public static byte[] HttpResponse(byte[] body, string? contentType = "text/html; charset=utf-8", int status = 200,
        params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Status")}\r\n");
        head.Append("Server: test\r\nDate: Wed, 04 Jun 2025 09:30:00 GMT\r\n");
        if (contentType is not null)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body];
    }

    /// <summary>The body in HTTP/1.1 chunked coding, <paramref name="chunkSize"/> bytes per chunk.</summary>
    public static byte[] Chunked(byte[] body, int chunkSize = 700)
    {
        using var ms = new MemoryStream();
        for (var i = 0; i < body.Length; i += chunkSize)
        {
            var n = Math.Min(chunkSize, body.Length - i);
            ms.Write(Encoding.ASCII.GetBytes(n.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            ms.Write(body, i, n);
            ms.Write("\r\n"u8);
        }

        ms.Write("0\r\n\r\n"u8);
        return ms.ToArray();
    }

    /// <summary>An empty gzip member, as <c>gzip &lt; /dev/null</c> writes it (.NET writes nothing at all for no data).</summary>
    public static byte[] EmptyGzipMember => [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>One gzip member, as .NET writes it (10-byte header without optional fields).</summary>
    public static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gzip = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return ms.ToArray();
    }

    /// <summary>
    /// One gzip member with the optional header fields other writers use: FEXTRA, FNAME, FCOMMENT, FHCRC (RFC 1952).
    /// The deflate data and trailer are .NET's; the header is rebuilt around them.
    /// </summary>
    public static byte[] GzipWithHeaderFields(byte[] data, string? name = null, byte[]? extra = null, string? comment = null, bool headerCrc = false)
    {
        var plain = Gzip(data);
        var flags = (byte)((headerCrc ? 0x02 : 0) | (extra is null ? 0 : 0x04) | (name is null ? 0 : 0x08) | (comment is null ? 0 : 0x10));
        using var ms = new MemoryStream();
        ms.Write([0x1F, 0x8B, 0x08, flags, 0, 0, 0, 0, 0, 0xFF]);
        if (extra is not null)
        {
            ms.Write([(byte)extra.Length, (byte)(extra.Length >> 8)]);
            ms.Write(extra);
        }

        if (name is not null)
        {
            ms.Write([.. Encoding.Latin1.GetBytes(name), 0]);
        }

        if (comment is not null)
        {
            ms.Write([.. Encoding.Latin1.GetBytes(comment), 0]);
        }

        if (headerCrc)
        {
            // CRC16 = low half of the header's CRC-32, which is the trailer of a gzip of the header bytes.
            var crc32 = Gzip(ms.ToArray())[^8..^4];
            ms.Write(crc32.AsSpan(0, 2));
        }

        ms.Write(plain, 10, plain.Length - 10);
        return ms.ToArray();
    }

    public static byte[] Deflate(byte[] data, bool zlibHeader)
    {
        using var ms = new MemoryStream();
        using (Stream z = zlibHeader ? new ZLibStream(ms, CompressionLevel.Optimal, true) : new DeflateStream(ms, CompressionLevel.Optimal, true))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }

    public static byte[] Brotli(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var br = new BrotliStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            br.Write(data);
        }

        return ms.ToArray();
    }

    /// <summary><paramref name="bytes"/> zero bytes, gzip-compressed while streaming (about 1 KiB out per MiB in).</summary>
    public static byte[] GzipOfZeros(long bytes)
    {
        using var ms = new MemoryStream();
        using (var gzip = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var left = bytes; left > 0; left -= zeros.Length)
            {
                gzip.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
            }
        }

        return ms.ToArray();
    }
}
