using System.Net;
using Dateline.Core.Articles;
using Dateline.Extraction.Html;
using Dateline.Extraction.Identity;
using Dateline.Extraction.Reading;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.Feeds;

/// <summary>
/// Makes articles from feed items: an item with its full text is an article; an item that only links is recorded with
/// its metadata (and its teaser as one paragraph) plus the warning <see cref="LinkOnlyWarning"/>.
/// </summary>
public sealed class FeedArticleBuilder(HtmlArticleBuilder html)
{
    /// <summary>The warning on an article that holds only an item's metadata, not the article's text.</summary>
    public const string LinkOnlyWarning = FeedRules.LinkOnlyWarning;

    public static FeedArticleBuilder Default { get; } = new(HtmlArticleBuilder.Default);

    /// <summary>
    /// True when the item carries the article's text: <c>content:encoded</c> or Atom <c>content</c>; a description of
    /// at least <see cref="FeedRules.MinFullContentWords"/> words; or any description when there is no link to follow.
    /// </summary>
    public static bool HasFullContent(FeedItem item) =>
        item.Content is not null
        || (item.Summary is not null && (item.Link is null || WordCount(PlainText(item.Summary, item.SummaryIsHtml)) >= FeedRules.MinFullContentWords));

    /// <summary>The item as an article (full text, or link-only), or a problem when it has nothing to keep.</summary>
    public ReadOutcome Build(FeedDocument feed, FeedItem item, string path)
    {
        var record = $"item {item.Index} (line {item.Line})";
        if (item.Link is null && item.Title is null && item.Summary is null && item.Content is null)
        {
            return ReadOutcome.Failed(path, record, "feed item has no link, title or text");
        }

        if (HasFullContent(item) && FullText(feed, item, path) is { } article)
        {
            return ReadOutcome.Ok(article);
        }

        return ReadOutcome.Ok(LinkOnly(feed, item, new ArticleOrigin(path, item.Index)));
    }

    /// <summary>The item's metadata as an article: teaser (if any) as a single paragraph, warning "link-only feed item".</summary>
    public static Article LinkOnly(FeedDocument feed, FeedItem item, ArticleOrigin origin, string? note = null)
    {
        var summary = item.Summary is null ? null : Whitespace.Collapse(PlainText(item.Summary, item.SummaryIsHtml));
        string[] paragraphs = string.IsNullOrEmpty(summary) ? [] : [summary];
        var source = item.Source ?? feed.Title;
        return Complete(new Article
        {
            Id = ArticleIdentity.Compute(item.Link, source, item.Title, string.Join(Article.BodySeparator, paragraphs)),
            Origin = origin,
            Url = item.Link,
            Source = source,
            Title = item.Title,
            Published = item.Published,
            PublishedSource = item.Published is null ? null : DateSources.Feed,
            DateReliable = item.Published is null ? null : true,
            Paragraphs = [.. paragraphs],
            Warnings = [LinkOnlyWarning, .. note is null ? Array.Empty<string>() : [note]],
        }, feed, item);
    }

    /// <summary>Fills what the page (or the item's own HTML) left empty from the feed: authors, image, language, dates.</summary>
    public static Article Complete(Article article, FeedDocument feed, FeedItem item) => article with
    {
        Authors = article.Authors.IsDefaultOrEmpty ? item.Authors : article.Authors,
        Tags = article.Tags.IsDefaultOrEmpty ? Metadata.ArticleTags.Normalize(item.Categories) : article.Tags,
        Images = article.Images.IsDefaultOrEmpty && item.Image is { } image ? [image] : article.Images,
        Language = article.Language ?? Language(feed.Language),
        Modified = article.Modified ?? (item.Updated != item.Published ? item.Updated : null),
        Charset = article.Charset ?? feed.Charset,
        CharsetSource = article.CharsetSource ?? feed.CharsetSource,
        Warnings = [.. feed.Warnings, .. item.Warnings, .. article.Warnings.Except(feed.Warnings).Except(item.Warnings)],
    };

    /// <summary>What the builder is told about an item's article, for its HTML (or a fetched page) to fill in the rest.</summary>
    public static HtmlArticleBuilder.Known Known(FeedDocument feed, FeedItem item) =>
        new(item.Link, item.Title, item.Published, item.Published is null ? null : DateSources.Feed, item.Source ?? feed.Title);

    private Article? FullText(FeedDocument feed, FeedItem item, string path)
    {
        var origin = new ArticleOrigin(path, item.Index);
        var (text, isHtml) = item.Content is not null ? (item.Content, item.ContentIsHtml) : (item.Summary!, item.SummaryIsHtml);
        if (isHtml)
        {
            var problems = new List<string>();
            return html.Build("<html><body>" + text + "</body></html>", origin, Known(feed, item), problems) is { } built
                ? Complete(built, feed, item)
                : null;
        }

        var paragraphs = TextParagraphs.Split(WebUtility.HtmlDecode(text));
        if (paragraphs.Count == 0)
        {
            return null;
        }

        var known = Known(feed, item);
        return Complete(new Article
        {
            Id = ArticleIdentity.Compute(item.Link, known.Source, item.Title, string.Join(Article.BodySeparator, paragraphs)),
            Origin = origin,
            Url = item.Link,
            Source = known.Source,
            Title = item.Title,
            Published = item.Published,
            PublishedSource = known.PublishedSource,
            DateReliable = item.Published is null ? null : true,
            Paragraphs = [.. paragraphs],
        }, feed, item);
    }

    private static string PlainText(string text, bool isHtml)
    {
        if (!isHtml)
        {
            return WebUtility.HtmlDecode(text);
        }

        var doc = Html.Dom.LightHtmlParser.Parse(text);
        return string.Join(' ', Html.BlockCollector.Collect(doc.Root).Select(b => b.Text));
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string? Language(string? lang)
    {
        var primary = lang?.Trim().Replace('_', '-').Split('-')[0].ToLowerInvariant();
        return primary is { Length: 2 or 3 } && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }
}
