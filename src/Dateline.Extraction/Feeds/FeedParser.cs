using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

namespace Dateline.Extraction.Feeds;

/// <summary>
/// Parses RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 from bytes, tolerant of what real feeds get wrong.
/// <para>
/// <b>Why our own parser rather than CodeHollow.FeedReader 2.1.1.</b> FeedReader decodes the bytes as UTF-8 and calls
/// <c>XDocument.Parse</c>, whose reader settings we cannot set: it parses DTDs (entity expansion is capped only by
/// XDocument's 10-million-character default), and an HTML entity such as <c>&amp;nbsp;</c> in a feed without a DTD is
/// an "undeclared entity" error that loses the whole feed. Here the safety is in two settings anyone can check:
/// </para>
/// <list type="bullet">
/// <item><c>DtdProcessing.Ignore</c>: the DOCTYPE, with any entity declarations, is skipped, so no entity is ever
/// declared and none can be expanded (billion laughs), and no external DTD or entity is ever fetched (XXE);</item>
/// <item><c>XmlResolver = null</c> and <c>MaxCharactersFromEntities</c> as a second line, should the first ever change.</item>
/// </list>
/// Entity references are made safe before the reader sees them (<see cref="FeedXmlRepair"/>): HTML entities become
/// characters, anything else stays literal text. A malformed document keeps every item read before the error.
/// </summary>
public static class FeedParser
{
    /// <summary>Characters of entity expansion allowed; only matters if DTD processing were ever turned on.</summary>
    private const long MaxCharactersFromEntities = 10_000;

    /// <summary>Largest decoded feed, in characters.</summary>
    public const long DefaultMaxCharacters = 64L * 1024 * 1024;

    internal static XmlReaderSettings ReaderSettings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = MaxCharactersFromEntities,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = true,
        CloseInput = true,
    };

    /// <param name="bytes">The feed as served or saved.</param>
    /// <param name="baseUrl">Where the feed came from (resolves relative links); null for a file.</param>
    /// <param name="httpCharset">The charset of the HTTP Content-Type, when fetched.</param>
    /// <param name="now">For rejecting future dates; default: the system clock.</param>
    public static FeedDocument Parse(ReadOnlySpan<byte> bytes, string? baseUrl = null, string? httpCharset = null,
        DateTimeOffset? now = null, long maxCharacters = DefaultMaxCharacters)
    {
        var decoded = FeedCharset.Decode(bytes, httpCharset);
        var repaired = FeedXmlRepair.Repair(decoded.Text);
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (decoded.Warning is not null)
        {
            warnings.Add(decoded.Warning);
        }

        if (repaired.Characters > 0)
        {
            warnings.Add($"{repaired.Characters} character(s) not allowed in XML were removed");
        }

        if (repaired.Prefixes.Count > 0)
        {
            warnings.Add($"undeclared namespace prefix(es) {string.Join(", ", repaired.Prefixes)} were declared");
        }

        var doc = new FeedDocument { Charset = decoded.Charset, CharsetSource = decoded.Source };
        var state = new ReadState(baseUrl, now ?? DateTimeOffset.UtcNow);
        using var reader = XmlReader.Create(new StringReader(repaired.Text), ReaderSettings(maxCharacters));
        try
        {
            Read(reader, state);
        }
        catch (XmlException ex)
        {
            state.Problem = $"malformed XML: {ex.Message}" + (state.Items.Count > 0 ? $" ({state.Items.Count} item(s) before it were read)" : string.Empty);
            state.Location = ex.LineNumber > 0 ? $"line {ex.LineNumber}, position {ex.LinePosition}" : null;
        }

        return doc with
        {
            Format = state.Format,
            Title = state.Title,
            Link = state.Link,
            Language = state.Language,
            Items = state.Items.ToImmutable(),
            Warnings = warnings.ToImmutable(),
            Problem = state.Problem,
            ProblemLocation = state.Location,
        };
    }

    private static void Read(XmlReader reader, ReadState state)
    {
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            state.Problem = "not an RSS or Atom feed: no root element";
            return;
        }

        var root = reader.LocalName;
        var rootNs = reader.NamespaceURI;
        state.Format = root switch
        {
            "rss" => "rss-" + (reader.GetAttribute("version") is { Length: > 0 } v ? v.Trim() : "2.0"),
            "RDF" => null, // decided by the namespace of its items
            "feed" => rootNs == FeedNamespaces.Atom03 ? "atom-0.3" : "atom-1.0",
            _ => null,
        };
        if (root is not ("rss" or "RDF" or "feed"))
        {
            state.Problem = $"not an RSS or Atom feed: the root element is <{reader.Name}>";
            return;
        }

        var atom = root == "feed";
        state.Language = atom ? reader.GetAttribute("xml:lang") : null;
        var metaDepth = atom ? 1 : 2;
        var depth1 = string.Empty;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            var name = reader.LocalName;
            var ns = reader.NamespaceURI;
            if (reader.Depth == 1)
            {
                depth1 = name;
            }

            if ((atom && name == "entry" && ns == rootNs) || (!atom && name == "item" && FeedNamespaces.IsRss(ns)))
            {
                var line = (reader as IXmlLineInfo)?.LineNumber ?? 0;
                state.Format ??= ns switch { FeedNamespaces.Rss090 => "rss-0.90", _ => "rss-1.0" };
                var element = (XElement)XNode.ReadFrom(reader);
                var index = state.Items.Count;
                var baseUrl = state.ResolveBase();
                state.Items.Add(atom
                    ? FeedItemReader.Atom(element, rootNs, index, line, baseUrl, state.Now)
                    : FeedItemReader.Rss(element, index, line, baseUrl, state.Now));
                continue;
            }

            var isMeta = reader.Depth == metaDepth && (atom || depth1 == "channel")
                         && (atom ? ns == rootNs : FeedNamespaces.IsRss(ns) || ns == FeedNamespaces.DublinCore);
            if (isMeta && name is "title" or "link" or "language")
            {
                var element = (XElement)XNode.ReadFrom(reader);
                state.Meta(name, element, atom);
                continue;
            }

            reader.Read();
        }
    }

    private sealed class ReadState(string? baseUrl, DateTimeOffset now)
    {
        public DateTimeOffset Now { get; } = now;
        public string? Format { get; set; }
        public string? Title { get; private set; }
        public string? Link { get; private set; }
        public string? Language { get; set; }
        public string? Problem { get; set; }
        public string? Location { get; set; }
        public ImmutableArray<FeedItem>.Builder Items { get; } = ImmutableArray.CreateBuilder<FeedItem>();

        /// <summary>The channel's own link when absolute, else the URL the feed came from.</summary>
        public string? ResolveBase() => FeedItemReader.IsAbsoluteHttp(Link) ? Link : baseUrl;

        public void Meta(string name, XElement e, bool atom)
        {
            switch (name)
            {
                case "title":
                    Title ??= FeedItemReader.CleanTitle(e.Value);
                    break;
                case "link" when atom:
                    if (e.Attribute("rel")?.Value is null or "alternate" && e.Attribute("href")?.Value is { Length: > 0 } href)
                    {
                        Link ??= FeedItemReader.Resolve(href, baseUrl);
                    }

                    break;
                case "link":
                    Link ??= FeedItemReader.Resolve(e.Value.Trim(), baseUrl);
                    break;
                default:
                    Language ??= e.Value.Trim() is { Length: > 0 } lang ? lang : null;
                    break;
            }
        }
    }
}
