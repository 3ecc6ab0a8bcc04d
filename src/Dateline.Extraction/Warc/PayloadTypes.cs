using System.Collections.Frozen;
using System.Text;

namespace Dateline.Extraction.Warc;

/// <summary>Which payloads are HTML documents (and so may be articles), by declared type and by their first bytes.</summary>
internal static class PayloadTypes
{
    /// <summary>Media types of HTML documents.</summary>
    private static readonly FrozenSet<string> Html =
        new[] { "text/html", "application/xhtml+xml" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Types servers send when they do not know (or are misconfigured: .html served as text/plain). For these the bytes
    /// decide. Any other declared type (images, scripts, feeds, JSON) is believed: it is not an article page.
    /// </summary>
    private static readonly FrozenSet<string> Unreliable = new[]
    {
        "", "text/plain", "application/octet-stream", "binary/octet-stream", "unknown/unknown", "application/unknown",
        "application/x-unknown-content-type", "*/*",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Markers of an HTML document near its start. A bare '&lt;' is not enough: SVG, RSS and other XML start with one too.
    /// </summary>
    private static readonly string[] HtmlMarkers = ["<!doctype html", "<html", "<head", "<body", "<title", "<meta "];

    /// <summary>How far into a payload the HTML markers are looked for (past comments, XML declarations, whitespace).</summary>
    private const int SniffBytes = 1024;

    /// <summary>The media type and charset parameter of a Content-Type value.</summary>
    public static (string MediaType, string? Charset) ParseContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return (string.Empty, null);
        }

        // A repeated header arrives joined with ", "; the first value is the one servers meant.
        var parts = contentType.Split(',')[0].Split(';', StringSplitOptions.TrimEntries);
        string? charset = null;
        foreach (var p in parts.Skip(1))
        {
            if (p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                charset = p["charset=".Length..].Trim('"', '\'', ' ');
                charset = charset.Length == 0 ? null : charset;
            }
        }

        return (parts[0].ToLowerInvariant(), charset);
    }

    /// <summary>True for declared HTML, or for an unreliable or missing type whose bytes (or the crawler's own
    /// identification, WARC-Identified-Payload-Type) say HTML.</summary>
    public static bool IsHtml(string mediaType, string? identifiedType, ReadOnlySpan<byte> body)
    {
        if (Html.Contains(mediaType))
        {
            return true;
        }

        if (!Unreliable.Contains(mediaType))
        {
            return false;
        }

        return identifiedType is { } id && Html.Contains(ParseContentType(id).MediaType) || LooksLikeHtml(body);
    }

    /// <summary>The first bytes (after a BOM and whitespace) start with '&lt;' and contain an HTML marker.</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        body = body.TrimStart(" \t\r\n\f"u8);
        if (body.IsEmpty || body[0] != (byte)'<')
        {
            return false;
        }

        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, SniffBytes)]);
        return HtmlMarkers.Any(m => head.Contains(m, StringComparison.OrdinalIgnoreCase));
    }
}
