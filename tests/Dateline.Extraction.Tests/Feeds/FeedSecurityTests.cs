using System.Diagnostics;
using Dateline.Extraction.Feeds;
using Dateline.Extraction.Reading;
using Dateline.Testing;

namespace Dateline.Extraction.Tests.Feeds;

/// <summary>Entity expansion and external entities (issue 3, Robustness): no blow-up, no file read, no request.</summary>
public sealed class FeedSecurityTests
{
    [Fact]
    public void Billion_laughs_parses_safely_without_expanding_anything()
    {
        // Warm the language detector first: its one-time model load is not the feed's doing. Count this thread only,
        // so tests running in parallel do not count against the feed.
        Dateline.Extraction.Metadata.LanguageIdentifier.Preload();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var outcomes = FeedFixtures.Read("billion-laughs.xml");

        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var article = Assert.Single(outcomes).Article;
        Assert.NotNull(article);
        Assert.Equal("Quiet day at the port &lol9;", article.Title);
        Assert.DoesNotContain("lollol", article.Body, StringComparison.Ordinal);
        Assert.True(article.Body.Length < 200, $"body has {article.Body.Length} characters");
        Assert.True(allocated < 50_000_000, $"allocated {allocated:N0} bytes");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_external_entity_never_reads_the_file_it_names()
    {
        using var tmp = new TempFolder();
        var secret = "SECRET-" + Guid.NewGuid().ToString("N");
        var secretPath = tmp.Write("secret.txt", secret);
        var uri = new Uri(secretPath).AbsoluteUri;
        var feed = tmp.Write("xxe.xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss SYSTEM "{uri}" [
              <!ENTITY xxe SYSTEM "{uri}">
              <!ENTITY % param SYSTEM "{uri}">
              %param;
            ]>
            <rss version="2.0"><channel><title>Harbour Review &xxe;</title>
            <item><title>Notice &xxe;</title><link>https://harbour-review.test/notice</link>
            <description>Before &xxe; after.</description><author>&xxe;</author></item>
            </channel></rss>
            """);

        var outcomes = new ArticleExtractor().ReadFile(feed, TestContext.Current.CancellationToken).ToList();

        var article = Assert.Single(outcomes).Article;
        Assert.NotNull(article);
        Assert.Equal("Notice &xxe;", article.Title);
        Assert.DoesNotContain(secret, Dateline.Core.Serialization.DatelineJson.Serialize(article), StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_entity_to_etc_passwd_is_shown_as_its_name()
    {
        var article = Assert.Single(FeedFixtures.Articles("xxe-passwd.xml"));

        Assert.Equal("Notice &xxe;", article.Title);
        Assert.DoesNotContain("root:", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_settings_never_process_DTDs_or_resolve_anything()
    {
        var settings = FeedParser.ReaderSettings(1000);

        Assert.Equal(System.Xml.DtdProcessing.Ignore, settings.DtdProcessing);
        Assert.True(settings.MaxCharactersFromEntities is > 0 and <= 100_000);
    }

    [Fact]
    public void A_feed_larger_than_the_document_cap_is_refused_not_read()
    {
        var big = "<rss version=\"2.0\"><channel><title>x</title>" + string.Concat(Enumerable.Repeat("<item><title>t</title></item>", 2000)) + "</channel></rss>";
        var extractor = new ArticleExtractor(ExtractionOptions.Default with { MaxDocumentBytes = 10_000 });

        var outcome = Assert.Single(extractor.Read(InputFile.FromBytes("big.xml", System.Text.Encoding.UTF8.GetBytes(big)), TestContext.Current.CancellationToken));

        Assert.Contains("limit", outcome.Problem?.Reason, StringComparison.Ordinal);
    }
}
