using System.Collections.Immutable;
using Dateline.Core.Articles;

namespace Dateline.Extraction.Html;

/// <summary>What a page says about itself in JSON-LD, OpenGraph, meta tags and its URL.</summary>
public sealed record HtmlMetadata
{
    public string? Title { get; init; }
    public string? SiteName { get; init; }
    public string? CanonicalUrl { get; init; }
    public ArticleDate? Published { get; init; }
    public string? PublishedSource { get; init; }
    public ArticleDate? Modified { get; init; }
    public ImmutableArray<string> Authors { get; init; } = [];
    public string? Section { get; init; }
    public ImmutableArray<string> Tags { get; init; } = [];
    public string? Language { get; init; }
    public ArticleImage? LeadImage { get; init; }

    /// <summary>The JSON-LD <c>articleBody</c>, as the page gives it (plain text or HTML); the last resort for the body.</summary>
    public string? ArticleBody { get; init; }
    public ImmutableArray<string> Warnings { get; init; } = [];
}
