using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Dateline.Extraction.Html;

/// <summary>
/// The heuristics of main-text extraction as named data, each with its reason. Change one only together with a page
/// (fixture or dev corpus) that needs it, and re-run <c>./dateline eval extraction</c>.
/// </summary>
internal static partial class BoilerplateRules
{
    /// <summary>Elements that never hold article text.</summary>
    public static readonly FrozenSet<string> SkippedTags = new[]
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video", "audio", "map",
        "nav", "aside", "footer", "form", "button", "select", "input", "textarea", "label", "dialog", "menu",
        "figure", "figcaption", "picture", "img", "head", "link", "meta",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that start and end a text block.</summary>
    public static readonly FrozenSet<string> BlockTags = new[]
    {
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
        "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "hr", "caption", "address", "center",
        "body", "html",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// class/id tokens of page chrome: sharing, related links, comments, ads, newsletters, bylines, captions. A container
    /// carrying one is skipped inside the article (and penalised as a candidate). Matched against whole tokens and
    /// hyphen/underscore parts ("social-share" has "share").
    /// </summary>
    public static readonly FrozenSet<string> NegativeTokens = new[]
    {
        "share", "sharing", "social", "sociable", "related", "relatedlinks", "recommended", "recommendation", "recirc",
        "outbrain", "taboola", "comment", "comments", "disqus", "respond", "newsletter", "subscribe", "subscription",
        "signup", "promo", "promotion", "sponsor", "sponsored", "advert", "advertisement", "ad", "ads", "adslot",
        "adunit", "banner", "cookie", "consent", "gdpr", "paywall", "popup", "modal", "breadcrumb", "breadcrumbs",
        "tags", "tagcloud", "taglist", "byline", "author", "authors", "bio", "dateline", "timestamp", "caption",
        "credit", "sidebar", "widget", "footer", "masthead", "navbar", "nav", "menu", "toolbar", "pagination", "pager",
        "trending", "popular", "mostread", "readmore", "next", "prev", "visually", "sronly", "skip", "jump",
        "gallery", "slideshow", "carousel", "rating", "vote", "poll", "survey", "disclaimer", "copyright", "legal",
        "rollover", "tooltip", "popover", "dropdown",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>class/id tokens that mark the article body; a candidate carrying one is preferred.</summary>
    public static readonly FrozenSet<string> PositiveTokens = new[]
    {
        "article", "articlebody", "article_body", "body", "content", "entry", "main", "post", "story", "storybody",
        "blog", "prose", "richtext", "paragraph", "paragraphs", "articlebody", "postbody", "entrycontent",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Weight of a positive or negative class/id token when scoring candidates (Readability uses 25).</summary>
    public const double ClassWeight = 25;

    /// <summary>Extra weight for microdata that names the body outright.</summary>
    public const double ArticleBodyMarkupWeight = 60;

    /// <summary>Blocks shorter than this (characters) do not vote for their container.</summary>
    public const int MinVotingBlockLength = 25;

    /// <summary>Above this share of linked text a block is navigation, not prose.</summary>
    public const double MaxLinkDensity = 0.5;

    /// <summary>Short blocks (under this many characters) are dropped at a lower link density.</summary>
    public const int ShortBlockLength = 100;

    /// <summary>Link density above which a short block is dropped.</summary>
    public const double MaxShortBlockLinkDensity = 0.3;

    /// <summary>Blocks this long are prose that happens to link a lot (roundups); only near-total link text drops them.</summary>
    public const int LongBlockLength = 300;

    /// <summary>Link density above which even a long block is a list of links.</summary>
    public const double MaxLongBlockLinkDensity = 0.8;

    /// <summary>Siblings of the best container join it when they score at least this share of its score.</summary>
    public const double SiblingShare = 0.2;

    /// <summary>Page furniture lines that look like text: "Advertisement", "Continue Reading Below", "Share this".</summary>
    [GeneratedRegex(@"^(?:advertisement|advertising|sponsored|continue reading( below)?|read more|read next|see also|related( articles| stories| coverage)?:?|share( this( article| story)?)?|share on \w+|click here.*|sign in|sign up|log in|subscribe( now| today)?|follow us.*|you may also like.*|recommended( for you)?|more from .{1,40}|most (read|popular)|trending( now)?|tags?:.*|filed under:?.*|image \d+ of \d+|(photo|image|video)( credit)?:.{0,60}|\(?(ap|afp|reuters|getty images)( photo)?[^)]{0,60}\)?|published \d+ \w+ ago|updated \d+ \w+ ago|\d+ (min|minute)s? read|listen to (this|the) (article|story).*|print( this)?|email( this)?|comments?( \(\d+\))?|\d+ comments?|loading\.*|please enable javascript.*|this (video|content) is not available.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex FurnitureLine();

    /// <summary>
    /// A short line that is mostly a date or time ("22 de janeiro de 2018 às 0:13", "Updated 11:21 pm CST, Tuesday,
    /// November 19, 2019", "05/10/2018 - Publicado por: …") is a byline or timestamp, not prose; prose ends a sentence.
    /// </summary>
    [GeneratedRegex(@"(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}:\d{2}|(19|20)\d{2})", RegexOptions.CultureInvariant)]
    public static partial Regex DateOrTime();

    /// <summary>Timestamp lines are at most this long.</summary>
    public const int MaxTimestampLength = 90;

    /// <summary>Copyright and legal lines at the foot of pages.</summary>
    [GeneratedRegex(@"^(?:©|\(c\)|copyright\b).{0,200}$|all rights reserved\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex LegalLine();
}
