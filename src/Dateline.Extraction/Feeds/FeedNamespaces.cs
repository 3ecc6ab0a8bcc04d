namespace Dateline.Extraction.Feeds;

/// <summary>The XML namespaces the feed reader understands.</summary>
internal static class FeedNamespaces
{
    public const string Atom = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string Media = "http://search.yahoo.com/mrss/";

    public static bool IsAtom(string ns) => ns is Atom or Atom03;

    /// <summary>RSS core elements: no namespace (0.9x, 2.0) or the RSS 1.0 / 0.90 RDF namespaces.</summary>
    public static bool IsRss(string ns) => ns.Length == 0 || ns is Rss10 or Rss090;
}
