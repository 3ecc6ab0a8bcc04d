namespace Dateline.Extraction.Warc;

/// <summary>
/// Categories of WARC records that are left out on purpose and counted (next to the record types themselves:
/// "request", "metadata", "warcinfo", "revisit", "conversion", "continuation", which never hold a page to read).
/// </summary>
internal static class WarcSkips
{
    /// <summary>DNS lookups the crawler archived (<c>dns:</c> target URIs): no page.</summary>
    public const string Dns = "dns";

    /// <summary>Images, scripts, style sheets, feeds, PDFs…: only HTML pages can be articles.</summary>
    public const string NotHtml = "non-HTML";

    /// <summary>No payload (HEAD requests, 204, 304).</summary>
    public const string Empty = "empty";

    /// <summary>HTML in which no article text was found (index pages, empty shells): normal in a crawl, not an error.</summary>
    public const string NoText = "no article text";

    /// <summary>WARC-Date outside <c>--from/--to</c> (or no WARC-Date while they are set).</summary>
    public const string OutsideDates = "outside --from/--to";

    /// <summary>Target host not among <c>--host</c>.</summary>
    public const string OtherHost = "other host";

    /// <summary>Article language not among <c>--language</c>.</summary>
    public const string OtherLanguage = "other language";

    /// <summary>Redirects, errors and interim responses: "HTTP 3xx", "HTTP 4xx"… — the page is not in the record.</summary>
    public static string Status(int status) => $"HTTP {status / 100}xx";
}
