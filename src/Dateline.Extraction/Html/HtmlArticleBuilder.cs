using System.Collections.Immutable;
using Dateline.Core.Articles;
using Dateline.Extraction.Html.Dom;
using Dateline.Extraction.Identity;
using Dateline.Extraction.Metadata;
using Dateline.Extraction.Reading;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.Html;

/// <summary>Builds an <see cref="Article"/> from an HTML page: metadata, main text, dateline and identity.</summary>
public sealed class HtmlArticleBuilder(IMainTextExtractor mainText, TimeProvider clock)
{
    /// <summary>A kicker ("Cybersecurity") and a standfirst may stand above the dateline paragraph; more is body.</summary>
    private const int MaxParagraphsBeforeDateline = 2;

    /// <summary>Blocks above the dateline longer than this are story text, so the dateline is not split off.</summary>
    private const int MaxStandfirstWords = 60;

    /// <summary>
    /// Values the caller already knows (from a feed, a JSON record or a WARC header) and that win. <c>HttpCharset</c>
    /// is the charset of the HTTP Content-Type; it outranks the page's &lt;meta&gt; but not a byte-order mark.
    /// </summary>
    public sealed record Known(string? Url = null, string? Title = null, ArticleDate? Published = null,
        string? PublishedSource = null, string? Source = null, string? HttpCharset = null, DateTimeOffset? Crawled = null);

    public static HtmlArticleBuilder Default { get; } = new(new DensityMainTextExtractor(), TimeProvider.System);

    private readonly TimeSpan? _timeBudget = ExtractionOptions.Default.MaxDocumentTime;

    public HtmlArticleBuilder(IMainTextExtractor mainText, TimeProvider clock, TimeSpan? timeBudget)
        : this(mainText, clock) => _timeBudget = timeBudget;

    /// <summary>Builds from raw bytes: decodes them (BOM, HTTP charset in <paramref name="known"/>, meta, detection).</summary>
    public Article? Build(ReadOnlySpan<byte> html, ArticleOrigin origin, Known known, List<string> problems)
    {
        var decoded = CharsetDecoder.Decode(html, known.HttpCharset);
        var article = Build(decoded.Text, origin, known, problems);
        return article is null ? null : article with
        {
            Charset = decoded.Charset,
            CharsetSource = decoded.Source,
            Warnings = decoded.Warning is null ? article.Warnings : article.Warnings.Insert(0, decoded.Warning),
        };
    }

    /// <summary>Builds from raw bytes held in memory (WARC payloads).</summary>
    public Article? Build(ReadOnlyMemory<byte> html, ArticleOrigin origin, Known known, List<string> problems) =>
        Build(html.Span, origin, known, problems);

    /// <summary>Builds from text that is already decoded (a JSON record, a feed item).</summary>
    public Article? Build(string html, ArticleOrigin origin, Known known, List<string> problems)
    {
        var doc = LightHtmlParser.Parse(html, _timeBudget);
        var article = Build(doc, origin, known, problems);
        return article is null || !doc.Truncated ? article : article with
        {
            Truncated = true,
            Warnings = article.Warnings.Add("the page was nested too deeply or took too long; text below the cut may be missing"),
        };
    }

    private Article? Build(HtmlDocument doc, ArticleOrigin origin, Known known, List<string> problems)
    {
        // No publication date may lie after the crawl (or, without one, after now).
        var now = clock.GetUtcNow();
        var meta = HtmlMetadataReader.Read(doc, known.Url, known.Crawled is { } crawled && crawled < now ? crawled : now);
        var title = known.Title ?? meta.Title;
        var extracted = mainText.Extract(doc, known.Url ?? meta.CanonicalUrl);
        var paragraphs = extracted.Paragraphs.ToList();
        while (paragraphs.Count > 0 && (string.Equals(paragraphs[0], title, StringComparison.OrdinalIgnoreCase)
                                        || paragraphs[0].StartsWith("By ", StringComparison.Ordinal) && paragraphs[0].Length < 80))
        {
            paragraphs.RemoveAt(0);
        }

        string? creditWire = null;
        while (paragraphs.Count > 0 && CreditLines.Classify(paragraphs[^1]) is { } credit)
        {
            creditWire ??= credit.Wire;
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        // The page's own statement of its body, when the extractor (fallback included) found almost nothing.
        var mainTextWarning = extracted.Warning;
        var found = paragraphs.Sum(p => p.Length);
        if (found < MainTextFallback.MinMainText && JsonLdParagraphs(meta.ArticleBody) is { } ld && ld.Sum(p => p.Length) > found)
        {
            mainTextWarning = $"main text: the page's text held {found} characters; took the JSON-LD articleBody ({ld.Sum(p => p.Length)} characters)";
            paragraphs = ld;
        }

        if (paragraphs.Count == 0)
        {
            problems.Add("no article text found in the page");
            return null;
        }

        string? dateline = null, wire = null;
        for (var i = 0; i < Math.Min(paragraphs.Count, MaxParagraphsBeforeDateline + 1); i++)
        {
            if (DatelineSplitter.SplitInline(paragraphs[i]) is not { } inline)
            {
                continue;
            }

            // The story starts at its dateline: short blocks above it are a kicker or standfirst, not body text.
            if (paragraphs.Take(i).All(p => p.Split(' ').Length <= MaxStandfirstWords))
            {
                (dateline, wire, paragraphs[i]) = (inline.Place, inline.Wire, inline.Rest);
                paragraphs.RemoveRange(0, i);
            }

            break;
        }

        var url = known.Url ?? meta.CanonicalUrl;
        ImmutableArray<string> body = [.. paragraphs];
        var source = known.Source ?? meta.SiteName;
        return new Article
        {
            Id = ArticleIdentity.Compute(ArticleIdentity.NormalizeUrl(meta.CanonicalUrl) ?? url, source, title,
                string.Join(Article.BodySeparator, body)),
            Origin = origin,
            Url = url,
            Source = source,
            Title = title,
            Published = known.Published ?? meta.Published,
            PublishedSource = known.Published is not null ? known.PublishedSource : meta.PublishedSource,
            DateReliable = (known.Published ?? meta.Published) is null
                ? null
                : (known.Published is not null ? known.PublishedSource : meta.PublishedSource) is not (DateSources.Url or DateSources.Text),
            Modified = meta.Modified,
            Section = meta.Section,
            Tags = meta.Tags,
            Dateline = dateline,
            Wire = wire ?? creditWire,
            Authors = meta.Authors,
            Language = meta.Language ?? LanguageIdentifier.Detect(title, body),
            Images = meta.LeadImage is { } img ? [img] : [],
            Links = [.. extracted.Links.Select(l => Uri.TryCreate(url, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, l.Url, out var abs)
                ? l with { Url = abs.ToString() } : l)],
            Paragraphs = body,
            Warnings = mainTextWarning is null ? meta.Warnings : meta.Warnings.Add(mainTextWarning),
        };
    }

    /// <summary>A JSON-LD articleBody as paragraphs: HTML is cut into blocks like a page, plain text at its line breaks.</summary>
    private static List<string>? JsonLdParagraphs(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var paragraphs = body.Contains('<', StringComparison.Ordinal)
            ? BlockCollector.Collect(LightHtmlParser.Parse(body).Root).Select(b => b.Text).ToList()
            : body.Split('\n').Select(Whitespace.Collapse).Where(p => p.Length > 0).ToList();
        return paragraphs.Count == 0 ? null : paragraphs;
    }
}
