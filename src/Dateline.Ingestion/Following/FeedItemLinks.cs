namespace Dateline.Ingestion.Following;

/// <summary>Which item links are worth a request, and which responses are pages to extract.</summary>
internal static class FeedItemLinks
{
    public static bool IsFetchable(string? link) =>
        link is not null && Uri.TryCreate(link, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    /// <summary>HTML, XHTML, or a server that did not say (sniffed by the HTML parser).</summary>
    public static bool IsHtml(string? mediaType) =>
        mediaType is null or "text/html" or "application/xhtml+xml";
}
