using System.Collections.Immutable;
using Dateline.Core.Articles;

namespace Dateline.Extraction.Feeds;

/// <summary>One RSS <c>item</c> or Atom <c>entry</c>, as the feed states it (text still raw: HTML or plain).</summary>
public sealed record FeedItem
{
    /// <summary>Position in the feed, from 0. Used as the origin offset (feeds have no stable byte offsets per item).</summary>
    public int Index { get; init; }

    /// <summary>Line of the item's start tag in the decoded feed text, for messages.</summary>
    public int Line { get; init; }

    public string? Title { get; init; }

    /// <summary>The article's URL, absolute when the feed or its base URL allowed resolving it.</summary>
    public string? Link { get; init; }

    /// <summary>RSS <c>guid</c> or Atom <c>id</c>.</summary>
    public string? Guid { get; init; }

    public ArticleDate? Published { get; init; }

    public ArticleDate? Updated { get; init; }

    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>The teaser: RSS <c>description</c>, Atom <c>summary</c>.</summary>
    public string? Summary { get; init; }

    public bool SummaryIsHtml { get; init; }

    /// <summary>The full text: <c>content:encoded</c>, Atom <c>content</c>.</summary>
    public string? Content { get; init; }

    public bool ContentIsHtml { get; init; }

    /// <summary>RSS <c>source</c>: the publication an aggregator took the item from.</summary>
    public string? Source { get; init; }

    public ImmutableArray<string> Categories { get; init; } = [];

    public ArticleImage? Image { get; init; }

    /// <summary>What was dropped or doubtful in this item (an unreadable date), never fatal.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>A stable key for "seen before": the guid, else the link, else the title.</summary>
    public string Key => Guid ?? Link ?? Title ?? $"#{Index}";
}
