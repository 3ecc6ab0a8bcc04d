using System.Collections.Frozen;

namespace Dateline.Extraction.Feeds;

/// <summary>The feed reader's heuristics and tables, each with the reason it exists.</summary>
internal static class FeedRules
{
    /// <summary>
    /// A <c>description</c>/<c>summary</c> with at least this many words is the article itself, not a teaser. News
    /// teasers in the real feeds we read run to 90 words at most (Moscow Times 86, Japan Today 50); blogs that publish
    /// whole posts in <c>description</c> run far above. <c>content:encoded</c> and Atom <c>content</c> always count.
    /// </summary>
    public const int MinFullContentWords = 150;

    /// <summary>Feed dates more than this far after "now" are typos or placeholder dates, never publication dates.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);

    /// <summary>Warning on an article built from a feed item that carries only a link (and maybe a teaser).</summary>
    public const string LinkOnlyWarning = "link-only feed item";

    /// <summary>
    /// Named zones seen in RFC 822 dates. RFC 822 defines UT/GMT/Z and the US zones (so CST is US Central, not China);
    /// the rest are the abbreviations news feeds print in practice. Ambiguous ones (IST: India, Ireland or Israel) are
    /// left out on purpose: an unknown zone keeps the calendar date only, which is never wrong.
    /// </summary>
    public static readonly FrozenDictionary<string, TimeSpan> ZoneOffsets = new Dictionary<string, TimeSpan>
    {
        ["UT"] = TimeSpan.Zero,
        ["UTC"] = TimeSpan.Zero,
        ["GMT"] = TimeSpan.Zero,
        ["Z"] = TimeSpan.Zero,
        ["EST"] = TimeSpan.FromHours(-5),
        ["EDT"] = TimeSpan.FromHours(-4),
        ["CST"] = TimeSpan.FromHours(-6),
        ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7),
        ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8),
        ["PDT"] = TimeSpan.FromHours(-7),
        ["AKST"] = TimeSpan.FromHours(-9),
        ["AKDT"] = TimeSpan.FromHours(-8),
        ["HST"] = TimeSpan.FromHours(-10),
        ["WET"] = TimeSpan.Zero,
        ["WEST"] = TimeSpan.FromHours(1),
        ["BST"] = TimeSpan.FromHours(1),
        ["CET"] = TimeSpan.FromHours(1),
        ["CEST"] = TimeSpan.FromHours(2),
        ["EET"] = TimeSpan.FromHours(2),
        ["EEST"] = TimeSpan.FromHours(3),
        ["MSK"] = TimeSpan.FromHours(3),
        ["HKT"] = TimeSpan.FromHours(8),
        ["SGT"] = TimeSpan.FromHours(8),
        ["AWST"] = TimeSpan.FromHours(8),
        ["JST"] = TimeSpan.FromHours(9),
        ["KST"] = TimeSpan.FromHours(9),
        ["ACST"] = new TimeSpan(9, 30, 0),
        ["AEST"] = TimeSpan.FromHours(10),
        ["AEDT"] = TimeSpan.FromHours(11),
        ["NZST"] = TimeSpan.FromHours(12),
        ["NZDT"] = TimeSpan.FromHours(13),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Namespaces for prefixes that feeds use without declaring them (an XML error that would lose the feed). The
    /// well-known ones get their real namespace so their fields are still read; any other gets a placeholder.
    /// </summary>
    public static readonly FrozenDictionary<string, string> WellKnownPrefixes = new Dictionary<string, string>
    {
        ["dc"] = FeedNamespaces.DublinCore,
        ["content"] = FeedNamespaces.Content,
        ["media"] = FeedNamespaces.Media,
        ["atom"] = FeedNamespaces.Atom,
        ["atom10"] = FeedNamespaces.Atom,
        ["rdf"] = FeedNamespaces.Rdf,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
