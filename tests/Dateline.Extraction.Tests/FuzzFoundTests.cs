using System.Text;
using Dateline.Extraction.Reading;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.Tests;

/// <summary>Inputs the fuzzer found that threw inside a reader (the inputs themselves are kept in fuzz/corpus/*/crashes-*).</summary>
public sealed class FuzzFoundTests
{
    [Fact]
    public void Normalising_text_never_throws_on_invalid_code_points()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate (metadata is UTF-8).
        var high = (char)0xD800;
        var low = (char)0xDC00;
        Assert.Equal("a\uFFFDb", TextDecoder.NormalizeNewlines($"a{high}b"));
        Assert.Equal("a\uFFFDb", TextDecoder.NormalizeNewlines($"a{low}b"));
        Assert.Equal("a\uFFFD", TextDecoder.NormalizeNewlines($"a{high}"));
        Assert.Equal("x\uFFFDy\uFFFF", TextDecoder.NormalizeNewlines("x\uFFFEy\uFFFF")); // U+FFFE is rejected, U+FFFF is not
        Assert.Equal("smile \uD83D\uDE00", TextDecoder.NormalizeNewlines("smile \uD83D\uDE00")); // a valid pair stays
        Assert.Equal("caf\u00E9\nbar", TextDecoder.NormalizeNewlines("cafe\u0301\r\nbar"));      // still NFC with \n line ends
    }

    [Fact]
    public void A_reuters_record_with_a_repeated_attribute_keeps_the_first_value()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sgml", "reuters-sample.sgm");
        var sgml = File.ReadAllText(path, Encoding.Latin1);
        var first = sgml.IndexOf("NEWID=", StringComparison.Ordinal);
        Assert.True(first > 0);
        var repeated = sgml.Insert(first, "NEWID=\"999999\" ");

        var plain = new ArticleExtractor().Read(InputFile.FromBytes("a.sgm", Encoding.Latin1.GetBytes(sgml)), TestContext.Current.CancellationToken).ToList();
        var doubled = new ArticleExtractor().Read(InputFile.FromBytes("a.sgm", Encoding.Latin1.GetBytes(repeated)), TestContext.Current.CancellationToken).ToList();

        Assert.Equal(plain.Count, doubled.Count);
        Assert.All(doubled, o => Assert.True(o.Problem is null || plain.Any(p => p.Problem is not null), o.Problem?.Reason));
        Assert.Equal(plain[0].Article!.Title, doubled[0].Article!.Title);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_text_dump_header_with_a_long_run_of_spaces_is_read_in_one_pass(int tail)
    {
        // The fuzzer's sniffer inputs (fuzz/corpus/sniffer/found-*): "date 2025-06-04  Pacific" and some 28,000 spaces
        // took seconds, the header pattern backtracking over the run once per character of the source; with 200,000
        // spaces it would take hours.
        var spaces = new string(' ', 200_000);
        var line = "date 2025-06-04  Pacific" + spaces + (tail == 1 ? "Times" : "");
        Assert.True(Extraction.TextDumps.TextDumpParser.HasHeader(line));
        var dump = Extraction.TextDumps.TextDumpParser.Parse(line + "\nFirst paragraph of the story.\n");
        Assert.Equal(new DateOnly(2025, 6, 4), dump.Date);
        Assert.Equal(tail == 1 ? "Pacific" + spaces + "Times" : "Pacific", dump.Source);
        Assert.Equal(InputKind.TextDump, Extraction.Sniffing.ContentSniffer.Sniff(Encoding.UTF8.GetBytes(line)));
    }

    [Theory]
    [InlineData("<rss&a;b><channel><item><title>T</title><dc:creator>Ann</dc:creator></item></channel></rss>")] // a reference inside the root's name
    [InlineData("&bogus; &x; <rss><channel><item><title>T</title><dc:creator>Ann</dc:creator></item></channel></rss>")] // references before the root
    public void Repairing_a_feed_declares_missing_prefixes_at_the_root_even_when_references_moved_it(string xml)
    {
        // The fuzzer's inputs (fuzz/corpus/feed/crashes-*) threw ArgumentOutOfRangeException inserting the declarations at
        // a root position the repaired references had moved.
        var repaired = Extraction.Feeds.FeedXmlRepair.Repair(xml);
        Assert.Contains("dc", repaired.Prefixes);
        Assert.Contains("<rss xmlns:dc=", repaired.Text, StringComparison.Ordinal); // right after the root's name, not inside it
        var reader = new ArticleExtractor().Read(InputFile.FromBytes("feed.xml", Encoding.UTF8.GetBytes(xml)), TestContext.Current.CancellationToken).ToList();
        Assert.NotNull(reader); // read or reported, never thrown
    }
}
