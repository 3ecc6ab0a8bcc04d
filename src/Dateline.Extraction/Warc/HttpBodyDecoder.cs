using System.Buffers;
using System.IO.Compression;
using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Warc;

/// <summary>
/// Undoes the HTTP transfer and content codings of a stored response body: de-chunks it (also when the header was
/// dropped), then decodes gzip, deflate and brotli with an output cap, so a small body that inflates to gigabytes is
/// stopped after the cap. A body that is labelled as compressed but is not stays as it is, with a warning.
/// </summary>
internal static class HttpBodyDecoder
{
    public sealed record Decoded(byte[] Body, bool Partial);

    /// <summary>Throws <see cref="PayloadException"/> for an unsupported coding or an output over <paramref name="maxBytes"/>.</summary>
    public static Decoded Decode(ReadOnlySpan<byte> body, string? transferEncoding, string? contentEncoding, long maxBytes,
        List<string> warnings)
    {
        var partial = false;
        byte[] bytes;
        if (transferEncoding?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (ChunkedBody.TryDecode(body, out var dechunked, out var cut))
            {
                (bytes, partial) = (dechunked, cut);
            }
            else
            {
                bytes = body.ToArray(); // the crawler stored it de-chunked and kept the header: nothing to undo
            }
        }
        else if (ChunkedBody.LooksChunked(body) && ChunkedBody.TryDecode(body, out var stillChunked, out _))
        {
            bytes = stillChunked;
            warnings.Add("the body was still chunked although the response has no Transfer-Encoding header; de-chunked");
        }
        else
        {
            bytes = body.ToArray();
        }

        if (contentEncoding is null)
        {
            return new Decoded(bytes, partial);
        }

        var codings = contentEncoding.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = codings.Length - 1; i >= 0; i--)
        {
            var coding = codings[i].ToLowerInvariant();
            if (coding is "identity" or "none")
            {
                continue;
            }

            if (PayloadTypes.LooksLikeHtml(bytes))
            {
                warnings.Add($"Content-Encoding says '{coding}', but the body is already plain HTML; read as is");
                break;
            }

            Stream? decoder = coding switch
            {
                "gzip" or "x-gzip" when bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) =>
                    new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
                "gzip" or "x-gzip" => null,
                "deflate" when IsZlibHeader(bytes) => new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress),
                "deflate" => new DeflateStream(new MemoryStream(bytes), CompressionMode.Decompress),
                "br" => new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress),
                _ => throw new PayloadException($"unsupported Content-Encoding '{coding}'"),
            };
            if (decoder is null)
            {
                warnings.Add($"Content-Encoding says '{coding}', but the body is not {coding} data; read as is");
                break;
            }

            using (decoder)
            {
                if (!TryInflate(decoder, coding, maxBytes, warnings, ref bytes, ref partial))
                {
                    break;
                }
            }
        }

        return new Decoded(bytes, partial);
    }

    /// <summary>zlib's two-byte header: method 8 (deflate) and a check value divisible by 31 (RFC 1950).</summary>
    private static bool IsZlibHeader(byte[] b) => b.Length >= 2 && (b[0] & 0x0F) == 8 && ((b[0] << 8) | b[1]) % 31 == 0;

    private static bool TryInflate(Stream decoder, string coding, long maxBytes, List<string> warnings, ref byte[] bytes, ref bool partial)
    {
        using var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int n;
            while ((n = decoder.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + n > maxBytes)
                {
                    throw new PayloadException($"the body decodes (Content-Encoding: {coding}) to more than the {Sizes.Format(maxBytes)} "
                                               + "limit for one document; skipped (a decompression bomb?)");
                }

                output.Write(buffer, 0, n);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException)
        {
            if (output.Length == 0)
            {
                warnings.Add($"Content-Encoding says '{coding}', but the body does not decode ({ex.Message}); read as is");
                return false;
            }

            warnings.Add($"the {coding} body is damaged after {output.Length:N0} decoded bytes; kept what decoded");
            partial = true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        bytes = output.ToArray();
        return true;
    }
}
