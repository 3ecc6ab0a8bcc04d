using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Dateline.Core.Articles;
using Dateline.Extraction.Html.Dom;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.Html;

/// <summary>
/// Reads title, dates, authors, site name, section, language, canonical URL and lead image from a page,
/// preferring JSON-LD, then OpenGraph/meta tags, then the page's visible markup, then the URL.
/// </summary>
internal static class HtmlMetadataReader
{
    public static HtmlMetadata Read(HtmlDocument doc, string? url, DateTimeOffset now)
    {
        var page = PageIndex.Build(doc);
        var metas = page.Meta;
        string? Meta(HtmlDocument _, string name) => metas.GetValueOrDefault(name);
        var warnings = new List<string>();
        var ld = FindArticleJsonLd(page, warnings);
        var canonical = NullIfEmpty(page.Canonical) ?? Meta(doc, "og:url") ?? url;
        var siteName = Meta(doc, "og:site_name") ?? LdString(ld, "publisher", "name") ?? Meta(doc, "application-name");

        var title = LdString(ld, "headline") ?? Meta(doc, "og:title") ?? Meta(doc, "twitter:title");
        title ??= StripSiteName(doc.Title, siteName) ?? page.FirstH1?.TextContent;
        title = title is null ? null : Whitespace.Collapse(title);
        if (title is not null && siteName is not null)
        {
            title = StripSiteName(title, siteName);
        }

        var (published, publishedSource) = FindPublished(page, ld, canonical, now, warnings);
        var modified = ParseDate(LdString(ld, "dateModified")) ?? FirstMetaDate(metas, MetadataRules.ModifiedMeta);

        var authors = LdAuthors(ld);
        if (authors.Count == 0)
        {
            authors = [.. MetadataRules.AuthorMeta.Select(n => Meta(doc, n)).OfType<string>()
                .Where(a => !a.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                .SelectMany(a => a.Split([",", " and ", ";"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        }

        var section = LdString(ld, "articleSection") ?? Meta(doc, "article:section");
        var tags = ld is { } l && l.TryGetProperty("keywords", out var k) ? Metadata.ArticleTags.Normalize(Metadata.ArticleTags.FromJson(k)) : [];
        if (tags.IsEmpty && (Meta(doc, "news_keywords") ?? Meta(doc, "keywords") ?? Meta(doc, "article:tag")) is { } listed)
        {
            tags = Metadata.ArticleTags.Normalize(Metadata.ArticleTags.Split(listed));
        }

        var language = doc.Language ?? LdString(ld, "inLanguage") ?? Meta(doc, "og:locale");

        return new HtmlMetadata
        {
            Title = NullIfEmpty(title),
            SiteName = NullIfEmpty(siteName),
            CanonicalUrl = NullIfEmpty(canonical),
            Published = published,
            PublishedSource = publishedSource,
            Modified = modified,
            Authors = [.. authors.Select(Whitespace.Collapse).Select(StripBy).Where(IsPersonLike)
                .Where(a => !string.Equals(a, siteName, StringComparison.OrdinalIgnoreCase)
                            && !string.Equals(a, LdString(ld, "publisher", "name"), StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)],
            Section = NullIfEmpty(section),
            Tags = tags,
            Language = NormalizeLanguage(language),
            LeadImage = LeadImage(page, ld),
            ArticleBody = LdString(ld, "articleBody"),
            Warnings = [.. warnings],
        };
    }

    private static (ArticleDate?, string?) FindPublished(PageIndex page, JsonElement? ld, string? canonical,
        DateTimeOffset now, List<string> warnings)
    {
        var candidates = new List<(ArticleDate? Date, string Source)>
        {
            (ParseDate(LdString(ld, "datePublished")), DateSources.JsonLd),
            (FirstMetaDate(page.Meta, MetadataRules.PublishedMeta), DateSources.Meta),
            (ParseDate(Attr(page.DatePublished, "content") ?? Attr(page.DatePublished, "datetime")), DateSources.Meta),
            (ParseDate(Attr(page.TimeInArticle ?? page.TimePubdate ?? page.AnyTime, "datetime")), DateSources.Text),
            (UrlDate(canonical), DateSources.Url),
        };
        foreach (var (date, source) in candidates)
        {
            if (date is not { } d)
            {
                continue;
            }

            if (d.Date > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)))
            {
                warnings.Add($"ignored a {source} publication date in the future: {d}");
                continue;
            }

            return (d, source);
        }

        return (null, null);
    }

    private static ArticleDate? FirstMetaDate(Dictionary<string, string> metas, IEnumerable<string> names) =>
        names.Select(n => ParseDate(metas.GetValueOrDefault(n))).FirstOrDefault(d => d is not null);

    /// <summary>Accepts ISO 8601 dates and date-times; a bare year or year-month is not a date.</summary>
    internal static ArticleDate? ParseDate(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        var t = s.Trim();
        if (ArticleDate.TryParse(t, out var d))
        {
            return d;
        }

        if (t.Length >= 10 && ArticleDate.TryParse(t[..10], out d))
        {
            return d;
        }

        return DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto) && t.Length >= 8
            ? ArticleDate.FromInstant(dto)
            : null;
    }

    private static ArticleDate? UrlDate(string? url)
    {
        if (url is null || MetadataRules.UrlDate().Match(url) is not { Success: true } m)
        {
            return null;
        }

        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return day <= DateTime.DaysInMonth(y, mo) ? ArticleDate.FromDate(new DateOnly(y, mo, day)) : null;
    }

    private static JsonElement? FindArticleJsonLd(PageIndex page, List<string> warnings)
    {
        foreach (var script in page.JsonLd)
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions
                {
                    AllowTrailingCommas = true,
                    CommentHandling = JsonCommentHandling.Skip,
                    MaxDepth = 64,
                });
                if (FindArticle(json.RootElement) is { } found)
                {
                    return found.Clone();
                }
            }
            catch (JsonException ex)
            {
                warnings.Add($"unreadable JSON-LD block ignored: {ex.Message}");
            }
        }

        return null;
    }

    private static JsonElement? FindArticle(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    if (FindArticle(item) is { } f)
                    {
                        return f;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (e.TryGetProperty("@type", out var type) && Types(type).Any(MetadataRules.ArticleTypes.Contains))
                {
                    return e;
                }

                return e.TryGetProperty("@graph", out var graph) ? FindArticle(graph) : null;
            default:
                return null;
        }
    }

    private static IEnumerable<string> Types(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => [type.GetString()!],
        JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!),
        _ => [],
    };

    /// <summary>A string at a property path; arrays yield their first string, objects their "name"/"@value".</summary>
    private static string? LdString(JsonElement? ld, params string[] path)
    {
        if (ld is not { } e)
        {
            return null;
        }

        foreach (var p in path)
        {
            if (e.ValueKind == JsonValueKind.Array)
            {
                e = e.EnumerateArray().FirstOrDefault();
            }

            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
            {
                return null;
            }
        }

        return AsString(e);
    }

    private static string? AsString(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => NullIfEmpty(e.GetString()),
        JsonValueKind.Array => e.EnumerateArray().Select(AsString).FirstOrDefault(s => s is not null),
        JsonValueKind.Object => e.TryGetProperty("name", out var n) ? AsString(n) : e.TryGetProperty("@value", out var v) ? AsString(v) : null,
        _ => null,
    };

    private static List<string> LdAuthors(JsonElement? ld)
    {
        if (ld is not { } e || !e.TryGetProperty("author", out var a))
        {
            return [];
        }

        var items = a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [a];
        return [.. items.Where(i => i.ValueKind != JsonValueKind.Object || !Types(i.TryGetProperty("@type", out var t) ? t : default)
                .Contains("Organization", StringComparer.OrdinalIgnoreCase))
            .Select(AsString).OfType<string>()];
    }

    private static ArticleImage? LeadImage(PageIndex page, JsonElement? ld)
    {
        var metas = page.Meta;
        var figure = page.FigureWithImage;
        string? caption = null, credit = null, alt = null, src = null;
        if (figure is not null)
        {
            var img = figure.FirstDescendant("img")!;
            src = Attr(img, "src") ?? Attr(img, "data-src");
            alt = NullIfEmpty(Attr(img, "alt"));
            if (figure.FirstDescendant("figcaption") is { } cap)
            {
                var creditEl = cap.Descendants().FirstOrDefault(e => e.LocalName == "small"
                    || (e.GetAttribute("class") ?? string.Empty).Contains("credit", StringComparison.OrdinalIgnoreCase));
                credit = creditEl is null ? null : NullIfEmpty(Whitespace.Collapse(creditEl.TextContent).Trim('(', ')', ' '));
                var full = Whitespace.Collapse(cap.TextContent);
                if (creditEl is not null)
                {
                    full = Whitespace.Collapse(full.Replace(Whitespace.Collapse(creditEl.TextContent), string.Empty, StringComparison.Ordinal));
                }

                caption = NullIfEmpty(full);
                if (credit is null && caption is { } printed)
                {
                    (caption, credit) = Metadata.CaptionCredit.Split(printed);
                }
            }
        }

        src ??= metas.GetValueOrDefault("og:image") ?? LdString(ld, "image", "url") ?? LdString(ld, "image");
        alt ??= metas.GetValueOrDefault("og:image:alt");
        return src is null && caption is null ? null : new ArticleImage(src, alt, caption, credit);
    }

    private static string? Attr(HtmlElement? e, string name) => NullIfEmpty(e?.GetAttribute(name));

    private static string? StripSiteName(string? title, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var parts = MetadataRules.TitleSeparator().Split(title.Trim());
        if (parts.Length < 2)
        {
            return title.Trim();
        }

        if (siteName is not null)
        {
            var kept = parts.Where(p => !p.Trim().Equals(siteName.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
            if (kept.Length < parts.Length && kept.Length > 0)
            {
                return string.Join(" - ", kept);
            }
        }

        // Without a known site name, drop a short last segment ("… | The Daily Ledger").
        return parts[^1].Split(' ').Length <= 4 && parts[0].Split(' ').Length >= 3 ? string.Join(" - ", parts[..^1]) : title.Trim();
    }

    private static string StripBy(string author) =>
        author.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? author[3..].Trim() : author;

    private static bool IsPersonLike(string author) =>
        author.Length is > 1 and < 80 && !MetadataRules.NotAuthors.Contains(author) && !author.Contains('@', StringComparison.Ordinal);

    private static string? NormalizeLanguage(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang))
        {
            return null;
        }

        var primary = lang.Trim().Replace('_', '-').Split('-')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
