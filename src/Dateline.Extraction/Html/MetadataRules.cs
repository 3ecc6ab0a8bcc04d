using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Dateline.Extraction.Html;

/// <summary>Where metadata is looked for, in order of trust, each with the reason it is trusted.</summary>
internal static partial class MetadataRules
{
    /// <summary>schema.org types whose JSON-LD describes the article itself (not the site or a breadcrumb).</summary>
    public static readonly FrozenSet<string> ArticleTypes = new[]
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Meta names/properties carrying the publication time, most specific first.</summary>
    public static readonly string[] PublishedMeta =
    [
        "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate",
        "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date", "date",
    ];

    public static readonly string[] ModifiedMeta = ["article:modified_time", "og:updated_time", "dateModified", "dcterms.modified"];

    public static readonly string[] AuthorMeta = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator"];

    /// <summary>Strings that are never a person's name even when a page puts them in an author field.</summary>
    public static readonly FrozenSet<string> NotAuthors = new[]
    {
        "staff", "staff writer", "editor", "editors", "admin", "administrator", "newsroom", "web desk", "news desk",
        "email the author", "contact the author", "follow", "reuters", "ap", "afp", "kyodo", "associated press",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Dates in article URLs: /2025/06/12/, /2025-06-12/, /20250612/.</summary>
    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-](?<m>0?[1-9]|1[0-2])[/-](?<d>0?[1-9]|[12]\d|3[01])(?:/|-|$)|/(?<y>(?:19|20)\d{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01])/",
        RegexOptions.CultureInvariant)]
    public static partial Regex UrlDate();

    /// <summary>Title suffixes/prefixes naming the site: "Headline | Site", "Headline - Site", "Site: Headline".</summary>
    [GeneratedRegex(@"\s+[|\-–—:·•]\s+", RegexOptions.CultureInvariant)]
    public static partial Regex TitleSeparator();
}
