using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dateline.Core.Articles;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.Feeds;

/// <summary>Turns one RSS <c>item</c> or Atom <c>entry</c> element into a <see cref="FeedItem"/>.</summary>
internal static partial class FeedItemReader
{
    private static readonly XNamespace Dc = FeedNamespaces.DublinCore;
    private static readonly XNamespace Content = FeedNamespaces.Content;
    private static readonly XNamespace Media = FeedNamespaces.Media;
    private static readonly XNamespace AtomNs = FeedNamespaces.Atom;

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    /// <summary>"jane@example.test (Jane Doe)" → "Jane Doe".</summary>
    [GeneratedRegex(@"^\s*\S+@\S+\s*\((?<name>[^)]+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailWithName();

    public static FeedItem Rss(XElement item, int index, int line, string? baseUrl, DateTimeOffset now)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        var guidElement = Rss(item, "guid").FirstOrDefault();
        var guid = NullIfEmpty(guidElement?.Value);
        var link = NullIfEmpty(Rss(item, "link").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0))
                   ?? item.Elements(AtomNs + "link").Where(IsAlternate).Select(e => e.Attribute("href")?.Value).FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));
        if (link is null && guid is not null && guidElement?.Attribute("isPermaLink")?.Value != "false" && IsAbsoluteHttp(guid))
        {
            link = guid;
        }

        var description = Rss(item, "description").FirstOrDefault()?.Value;
        var content = item.Element(Content + "encoded")?.Value;
        var published = Date(Rss(item, "pubDate").FirstOrDefault()?.Value ?? item.Element(Dc + "date")?.Value, "pubDate", now, warnings);
        var authors = Rss(item, "author").Select(e => Author(e.Value))
            .Concat(item.Elements(Dc + "creator").SelectMany(e => SplitNames(e.Value)));
        return new FeedItem
        {
            Index = index,
            Line = line,
            Title = CleanTitle(Rss(item, "title").FirstOrDefault()?.Value),
            Link = Resolve(link, baseUrl),
            Guid = guid,
            Published = published,
            Authors = Distinct(authors),
            Summary = NullIfBlank(description),
            SummaryIsHtml = LooksLikeHtml(description),
            Content = NullIfBlank(content),
            ContentIsHtml = true,
            Source = NullIfEmpty(Rss(item, "source").FirstOrDefault()?.Value),
            Categories = Distinct(Rss(item, "category").Concat(item.Elements(Dc + "subject")).Select(e => e.Value.Trim())),
            Image = Image(item, baseUrl),
            Warnings = warnings.ToImmutable(),
        };
    }

    public static FeedItem Atom(XElement entry, XNamespace atom, int index, int line, string? baseUrl, DateTimeOffset now)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        var guid = NullIfEmpty(entry.Element(atom + "id")?.Value);
        var links = entry.Elements(atom + "link").ToList();
        var link = links.Where(IsAlternate).OrderBy(l => l.Attribute("type")?.Value is null or "text/html" ? 0 : 1)
            .Select(l => l.Attribute("href")?.Value).FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));
        var contentElement = entry.Element(atom + "content");
        if (contentElement?.Attribute("src")?.Value is { Length: > 0 } src)
        {
            link ??= src;
            contentElement = null; // out-of-line content: only a link
        }

        link ??= guid is not null && IsAbsoluteHttp(guid) ? guid : null;
        var (summary, summaryHtml) = AtomText(entry.Element(atom + "summary"));
        var (content, contentHtml) = AtomText(contentElement);
        var publishedText = (entry.Element(atom + "published") ?? entry.Element(atom + "issued") ?? entry.Element(atom + "created"))?.Value;
        var updatedText = (entry.Element(atom + "updated") ?? entry.Element(atom + "modified"))?.Value;
        var published = Date(publishedText, "published", now, warnings);
        var updated = Date(updatedText, "updated", now, warnings);
        return new FeedItem
        {
            Index = index,
            Line = line,
            Title = CleanTitle(AtomText(entry.Element(atom + "title")).Text),
            Link = Resolve(link, baseUrl),
            Guid = guid,
            // Atom requires only <updated>; without <published> it is the entry's date as the feed states it.
            Published = published ?? updated,
            Updated = updated,
            Authors = Distinct(entry.Elements(atom + "author").Select(a => a.Element(atom + "name")?.Value ?? string.Empty)
                .Concat(entry.Elements(Dc + "creator").SelectMany(e => SplitNames(e.Value)))),
            Summary = summary,
            SummaryIsHtml = summaryHtml,
            Content = content,
            ContentIsHtml = contentHtml,
            Categories = Distinct(entry.Elements(atom + "category").Select(c => c.Attribute("term")?.Value ?? c.Attribute("label")?.Value ?? string.Empty)),
            Image = Image(entry, baseUrl) ?? links.Where(l => l.Attribute("rel")?.Value == "enclosure" && IsImageType(l.Attribute("type")?.Value))
                .Select(l => new ArticleImage(Resolve(l.Attribute("href")?.Value, baseUrl), null, null, null)).FirstOrDefault(),
            Warnings = warnings.ToImmutable(),
        };
    }

    /// <summary>Atom text constructs: type text (default), html, xhtml (an inline div); Atom 0.3 mode escaped/xml.</summary>
    private static (string? Text, bool IsHtml) AtomText(XElement? e)
    {
        if (e is null)
        {
            return (null, false);
        }

        var type = (e.Attribute("type")?.Value ?? "text").Trim().ToLowerInvariant();
        var mode = e.Attribute("mode")?.Value;
        if (type is "xhtml" or "application/xhtml+xml" || mode == "xml" || (e.HasElements && type != "text"))
        {
            var div = e.Elements().FirstOrDefault();
            var inner = div is not null && div.Name.LocalName == "div" && e.Elements().Count() == 1
                ? string.Concat(div.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))
                : string.Concat(e.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
            return (NullIfBlank(inner), true);
        }

        var html = type is "html" or "text/html" || mode == "escaped";
        return (NullIfBlank(e.Value), html || (type != "text" && LooksLikeHtml(e.Value)));
    }

    private static ArticleDate? Date(string? text, string field, DateTimeOffset now, ImmutableArray<string>.Builder warnings)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var date = FeedDates.Parse(text, now, out var warning);
        if (warning is not null)
        {
            warnings.Add(date is null ? $"{field}: {warning}; ignored" : $"{field}: {warning}");
        }

        return date;
    }

    private static ArticleImage? Image(XElement item, string? baseUrl)
    {
        var media = item.Elements(Media + "content").Concat(item.Elements(Media + "group").Elements(Media + "content"))
            .FirstOrDefault(m => m.Attribute("medium")?.Value == "image" || IsImageType(m.Attribute("type")?.Value));
        if (media?.Attribute("url")?.Value is { Length: > 0 } url)
        {
            return new ArticleImage(Resolve(url, baseUrl), null, NullIfEmpty(CleanTitle(media.Element(Media + "description")?.Value)),
                NullIfEmpty(media.Element(Media + "credit")?.Value));
        }

        var enclosure = item.Elements("enclosure").FirstOrDefault(e => IsImageType(e.Attribute("type")?.Value));
        var thumb = item.Elements(Media + "thumbnail").FirstOrDefault();
        var src = enclosure?.Attribute("url")?.Value ?? thumb?.Attribute("url")?.Value;
        return string.IsNullOrWhiteSpace(src) ? null : new ArticleImage(Resolve(src, baseUrl), null, null, null);
    }

    private static IEnumerable<XElement> Rss(XElement parent, string name) =>
        parent.Elements().Where(e => e.Name.LocalName == name && FeedNamespaces.IsRss(e.Name.NamespaceName));

    private static bool IsAlternate(XElement link) => link.Attribute("rel")?.Value is null or "alternate";

    private static bool IsImageType(string? type) => type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true;

    internal static bool LooksLikeHtml(string? text) => text is not null && Tag().IsMatch(text);

    /// <summary>Titles are text, but feeds often put escaped HTML or entities in them: strip tags, decode, collapse.</summary>
    internal static string? CleanTitle(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Contains('<', StringComparison.Ordinal) ? Tag().Replace(raw, " ") : raw;
        text = Whitespace.Collapse(text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text);
        return text.Length == 0 ? null : text;
    }

    private static string Author(string raw)
    {
        var m = EmailWithName().Match(raw);
        return m.Success ? m.Groups["name"].Value : raw.Contains('@', StringComparison.Ordinal) && !raw.Contains(' ', StringComparison.Ordinal) ? string.Empty : raw;
    }

    private static string[] SplitNames(string raw) =>
        raw.Split([",", ";", " and ", " & "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ImmutableArray<string> Distinct(IEnumerable<string> values) =>
        [.. values.Select(v => CleanTitle(v) ?? string.Empty).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    internal static bool IsAbsoluteHttp(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    /// <summary>An absolute URL for <paramref name="href"/>, resolved against <paramref name="baseUrl"/> when relative.</summary>
    internal static string? Resolve(string? href, string? baseUrl)
    {
        var h = href?.Trim();
        if (string.IsNullOrEmpty(h))
        {
            return null;
        }

        if (IsAbsoluteHttp(h))
        {
            return h;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, h, out var resolved)
            ? resolved.ToString()
            : h;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
