using System.Security.Cryptography;
using System.Text;

namespace Dateline.Extraction.Identity;

/// <summary>
/// An article's stable id: from its canonical URL when known (so re-crawls and re-ingests collapse), else from
/// its normalised source, title and body (so the same text ingested twice is recognised).
/// </summary>
public static class ArticleIdentity
{
    /// <summary>Query parameters that track campaigns or clicks and never change the article.</summary>
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "ref_src", "smid", "sr_share",
    };

    public static string Compute(string? url, string? source, string? title, string body)
    {
        var canonical = NormalizeUrl(url);
        var key = canonical is not null
            ? "url\n" + canonical
            : "text\n" + Normalize(source) + "\n" + Normalize(title) + "\n" + Normalize(body);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>Lower-cased scheme and host, no default port, fragment or tracking parameters; null if not http(s).</summary>
    public static string? NormalizeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=')[0])));
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : uri.AbsolutePath;
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port;
        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{port}{path}{(query.Length > 0 ? "?" + query : string.Empty)}";
    }

    private static bool IsTracking(string name) => name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);

    private static string Normalize(string? s) =>
        s is null ? string.Empty : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
