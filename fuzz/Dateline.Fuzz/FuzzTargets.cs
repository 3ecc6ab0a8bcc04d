using System.Collections.Frozen;
using Dateline.Extraction.Feeds;
using Dateline.Extraction.Html;
using Dateline.Extraction.JsonLines;
using Dateline.Extraction.PlainText;
using Dateline.Extraction.Reading;
using Dateline.Extraction.Reuters;
using Dateline.Extraction.Sniffing;
using Dateline.Extraction.TextDumps;
using Dateline.Extraction.Warc;

namespace Dateline.Fuzz;

/// <summary>
/// One entry point per input reader: the bytes go straight into the reader (not through <see cref="ArticleExtractor"/>,
/// whose guard turns a reader's exception into a reported failure), and every outcome is read. A reader must report bad
/// input as outcomes; any exception it throws (other than the documented size limit) is a bug the fuzzer reports as a
/// crash, and a run over the time limit as a hang.
/// </summary>
/// <summary>
/// The target names, in a type of their own: under AFL no instrumented code (the readers, their options, the static
/// initialiser of <see cref="FuzzTargets"/>) may run before SharpFuzz has set up its coverage map inside <c>Fuzzer.Run</c>.
/// </summary>
public static class FuzzTargetNames
{
    public static readonly string[] All = ["sniffer", "html", "textdump", "plaintext", "jsonl", "json", "feed", "warc", "gzip", "reuters", "extractor"];
}

public static class FuzzTargets
{
    private static readonly ExtractionOptions Options = ExtractionOptions.Default with { MaxDocumentTime = TimeSpan.FromSeconds(2) };

    private static readonly HtmlArticleBuilder Html = new(new DensityMainTextExtractor(), TimeProvider.System, Options.MaxDocumentTime);

    /// <summary>Target name → what it does with one input.</summary>
    public static FrozenDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>
    {
        ["sniffer"] = bytes => ContentSniffer.Sniff(bytes),
        ["html"] = bytes => Drain(new HtmlReader(Options, Html), "page.html", bytes),
        ["textdump"] = bytes => Drain(new TextDumpReader(Options), "dump.txt", bytes),
        ["plaintext"] = bytes => Drain(new PlainTextReader(Options), "article.txt", bytes),
        ["jsonl"] = bytes => Drain(new JsonLinesReader(Options, Html), "records.jsonl", bytes),
        ["json"] = bytes => Drain(new JsonLinesReader(Options, Html, InputKind.Json), "record.json", bytes),
        ["feed"] = bytes => Drain(new FeedReader(Options, new FeedArticleBuilder(Html)), "feed.xml", bytes),
        ["warc"] = bytes => Drain(new WarcReader(Options, Html), "crawl.warc", bytes),
        ["gzip"] = bytes => Drain(new WarcReader(Options, Html), "crawl.warc.gz", bytes),
        ["reuters"] = bytes => Drain(new ReutersSgmlReader(Options), "reut2-000.sgm", bytes),
        ["extractor"] = bytes => new ArticleExtractor(Options).Read(InputFile.FromBytes("input", bytes)).Count(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static void Drain(IArticleReader reader, string name, byte[] bytes)
    {
        try
        {
            foreach (var outcome in reader.Read(InputFile.FromBytes(name, bytes), CancellationToken.None))
            {
                _ = outcome.Article?.Body.Length;
            }
        }
        catch (InputTooLargeException)
        {
            // The documented refusal of an oversized document (the extractor reports it with the file's name).
        }
    }
}
