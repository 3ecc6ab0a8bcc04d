namespace Dateline.Core.Articles;

/// <summary>Values of <see cref="Article.PublishedSource"/>: where the publication date was found.</summary>
public static class DateSources
{
    /// <summary>The crawler dump's own header line (<c>date 2025-06-04  Source</c>).</summary>
    public const string Header = "header";
    public const string JsonLd = "json-ld";
    public const string Meta = "meta";
    public const string Url = "url";
    public const string Feed = "feed";
    public const string Text = "text";

    /// <summary>A date field of the record in a news archive format (the <c>&lt;DATE&gt;</c> of a Reuters-21578 story).</summary>
    public const string Record = "record";
}
