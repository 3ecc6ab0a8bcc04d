using System.Text;
using Dateline.Extraction.Reading;
using Dateline.Extraction.Warc;
using Dateline.Testing.Warc;

namespace Dateline.Extraction.Tests.Warc;

/// <summary>--from/--to, --host and --language, as the library applies them (the CLI only parses into a WarcFilter).</summary>
[Trait("issue", "3")]
public sealed class WarcFilterTests
{
    private static readonly DateTimeOffset June3 = new(2025, 6, 3, 23, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June4 = new(2025, 6, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June5 = new(2025, 6, 5, 12, 0, 0, TimeSpan.Zero);

    private static byte[] Crawl() => new WarcWriter().Warcinfo()
        .Page("https://www.example.co.uk/a", SyntheticNews.Page(1), June3)
        .Page("https://news.example.co.uk/b", SyntheticNews.Page(2, lang: "en-GB"), June4)
        .Page("https://notexample.co.uk/c", SyntheticNews.Page(3, lang: "de"), June5)
        .Page("https://example.co.uk/d", SyntheticNews.Page(4, lang: "fr"), June5)
        .Build(WarcLayout.GzipPerRecord).Bytes;

    private static (List<string> Urls, Dictionary<string, int> Skips) Read(WarcFilter filter)
    {
        var outcomes = WarcRead.All(Crawl(), new ExtractionOptions { Warc = filter });
        Assert.Empty(outcomes.Problems());
        return (outcomes.Articles().Select(a => new Uri(a.Url!).AbsolutePath).ToList(), outcomes.Skips());
    }

    [Fact]
    public void No_filter_keeps_everything() => Assert.Equal(["/a", "/b", "/c", "/d"], Read(WarcFilter.None).Urls);

    [Fact]
    public void From_and_to_are_inclusive_crawl_days_in_utc()
    {
        var (urls, skips) = Read(new WarcFilter { From = new DateOnly(2025, 6, 4), To = new DateOnly(2025, 6, 4) });
        Assert.Equal(["/b"], urls);
        Assert.Equal(3, skips["outside --from/--to"]);
        Assert.Equal(["/c", "/d"], Read(new WarcFilter { From = new DateOnly(2025, 6, 5) }).Urls);
        Assert.Equal(["/a"], Read(new WarcFilter { To = new DateOnly(2025, 6, 3) }).Urls);
    }

    [Fact]
    public void Host_matches_the_host_and_its_subdomains_but_not_a_longer_name()
    {
        var (urls, skips) = Read(new WarcFilter { Hosts = ["example.co.uk"] });
        Assert.Equal(["/a", "/b", "/d"], urls);
        Assert.Equal(1, skips["other host"]);
        Assert.Equal(["/b"], Read(new WarcFilter { Hosts = ["News.Example.CO.UK."] }).Urls);
        Assert.Equal(["/b", "/c"], Read(new WarcFilter { Hosts = ["https://news.example.co.uk/", "*.notexample.co.uk"] }).Urls);
    }

    [Fact]
    public void Language_matches_the_primary_subtag_and_leaves_out_other_languages()
    {
        var (urls, skips) = Read(new WarcFilter { Languages = ["en"] });
        Assert.Equal(["/a", "/b"], urls);
        Assert.Equal(2, skips["other language"]);
        Assert.Equal(["/a", "/b"], Read(new WarcFilter { Languages = ["en_GB"] }).Urls); // articles keep the primary subtag only
        Assert.True(new WarcFilter { Languages = ["en"] }.MatchesLanguage("en-GB"));
        Assert.False(new WarcFilter { Languages = ["en-US"] }.MatchesLanguage("en-GB"));
        Assert.Equal(["/c", "/d"], Read(new WarcFilter { Languages = ["de", "FR"] }).Urls);
    }

    [Fact]
    public void Filters_combine()
    {
        var filter = new WarcFilter { From = new DateOnly(2025, 6, 4), Hosts = ["example.co.uk"], Languages = ["en", "fr"] };
        Assert.Equal(["/b", "/d"], Read(filter).Urls);
    }

    [Fact]
    public void An_article_without_a_declared_language_is_filtered_by_its_detected_language()
    {
        var html = SyntheticNews.Page(1).Replace("<html lang=\"en\">", "<html>", StringComparison.Ordinal);
        var w = new WarcWriter().Response(SyntheticNews.Url(1), WarcWriter.HttpResponse(Encoding.UTF8.GetBytes(html)));
        var english = WarcRead.All(w.Build(WarcLayout.Plain).Bytes, new ExtractionOptions { Warc = new WarcFilter { Languages = ["en"] } });
        Assert.Equal("en", Assert.Single(english.Articles()).Language);
        var german = WarcRead.All(w.Build(WarcLayout.Plain).Bytes, new ExtractionOptions { Warc = new WarcFilter { Languages = ["de"] } });
        Assert.Empty(german.Articles());
        Assert.Equal(1, german.Skips()["other language"]);
    }
}
