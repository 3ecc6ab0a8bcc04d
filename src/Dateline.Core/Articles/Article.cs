using System.Collections.Immutable;

namespace Dateline.Core.Articles;

/// <summary>
/// An extracted news article: the immutable hand-off from extraction to every later stage.
/// The JSON form (snake_case field names) is a public contract; see docs/ARCHITECTURE.md.
/// </summary>
public sealed record Article
{
    // The lists are never "default": JSON written before a list existed (a store made by an older version) has no
    // such field, and the source-generated reader then sets default(ImmutableArray), which throws on enumeration.
    private readonly ImmutableArray<string> _tags = [];
    private readonly ImmutableArray<string> _authors = [];
    private readonly ImmutableArray<ArticleImage> _images = [];
    private readonly ImmutableArray<string> _paragraphs = [];
    private readonly ImmutableArray<ArticleLink> _links = [];
    private readonly ImmutableArray<string> _warnings = [];

    /// <summary>Stable identity: a hash of the canonical URL when known, else of source + title + body.</summary>
    public required string Id { get; init; }

    public required ArticleOrigin Origin { get; init; }

    public string? Url { get; init; }

    /// <summary>The publication (site or paper) the article was read from, e.g. "Japan Today".</summary>
    public string? Source { get; init; }

    public string? Title { get; init; }

    public ArticleDate? Published { get; init; }

    /// <summary>Where <see cref="Published"/> came from; one of <see cref="DateSources"/>.</summary>
    public string? PublishedSource { get; init; }

    /// <summary>
    /// True when the publication date comes from a source that states it for this article (header, JSON-LD, meta,
    /// feed); false when it is inferred (URL, page text); null when there is no date.
    /// </summary>
    public bool? DateReliable { get; init; }

    public ArticleDate? Modified { get; init; }

    /// <summary>When the page was fetched (WARC-Date, feed poll time), kept apart from the article's own dates.</summary>
    public ArticleDate? Crawled { get; init; }

    public string? Section { get; init; }

    /// <summary>
    /// Subject tags the publisher gave the article, as written: feed categories, the page's keywords (JSON-LD
    /// <c>keywords</c>, <c>news_keywords</c>, <c>keywords</c> or <c>article:tag</c> meta), Reuters-21578 TOPICS.
    /// </summary>
    public ImmutableArray<string> Tags { get => _tags; init => _tags = value.IsDefault ? [] : value; }

    /// <summary>The place as printed at the head of the story, e.g. "TOKYO".</summary>
    public string? Dateline { get; init; }

    /// <summary>The agency credited for the story, normalised ("Kyodo", "Reuters", "AP").</summary>
    public string? Wire { get; init; }

    public ImmutableArray<string> Authors { get => _authors; init => _authors = value.IsDefault ? [] : value; }

    public string? Language { get; init; }

    public int? CommentCount { get; init; }

    public ImmutableArray<ArticleImage> Images { get => _images; init => _images = value.IsDefault ? [] : value; }

    public ImmutableArray<string> Paragraphs { get => _paragraphs; init => _paragraphs = value.IsDefault ? [] : value; }

    /// <summary>The paragraphs joined by a blank line. Derived, never set independently.</summary>
    public string Body => string.Join(BodySeparator, Paragraphs);

    /// <summary>The first <paramref name="maxCharacters"/> characters of <see cref="Body"/>, without building the rest of it.</summary>
    public string BodyStart(int maxCharacters)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < Paragraphs.Length && text.Length < maxCharacters; i++)
        {
            var p = Paragraphs[i];
            if (i > 0)
            {
                text.Append(BodySeparator, 0, Math.Min(BodySeparator.Length, maxCharacters - text.Length));
            }

            text.Append(p, 0, Math.Min(p.Length, Math.Max(0, maxCharacters - text.Length)));
        }

        return text.ToString();
    }

    /// <summary>Links inside the body, in order; filled only when extraction includes links (<c>--include-links</c>).</summary>
    public ImmutableArray<ArticleLink> Links { get => _links; init => _links = value.IsDefault ? [] : value; }

    /// <summary>The character encoding the input was decoded with (e.g. "utf-8", "windows-1252").</summary>
    public string? Charset { get; init; }

    /// <summary>What decided <see cref="Charset"/>: "bom", "http", "meta", "detected" or "default".</summary>
    public string? CharsetSource { get; init; }

    /// <summary>True when the input hit a size or time cap and the article may be incomplete.</summary>
    public bool Truncated { get; init; }

    public ImmutableArray<string> Warnings { get => _warnings; init => _warnings = value.IsDefault ? [] : value; }

    /// <summary>Separator between paragraphs in <see cref="Body"/>.</summary>
    public const string BodySeparator = "\n\n";
}
