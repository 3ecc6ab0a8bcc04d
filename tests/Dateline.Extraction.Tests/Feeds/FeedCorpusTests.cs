using System.Text.RegularExpressions;
using Dateline.Extraction.Reading;
using Dateline.Testing;

namespace Dateline.Extraction.Tests.Feeds;

/// <summary>The 17 real feeds in ../shared/corpora/raw/rss: every one reads without a problem, dates where present.</summary>
public sealed partial class FeedCorpusTests
{
    [GeneratedRegex(@"<(item|entry)[\s>]")]
    private static partial Regex ItemTag();

    [GeneratedRegex(@"<(pubDate|dc:date|published|updated)>")]
    private static partial Regex DateTag();

    public static TheoryData<string> Feeds() =>
    [
        "AtomSpecialCharacters.xml", "AtomTheVerge.xml", "Rss091FullSample.xml", "Rss092FullSample.xml",
        "Rss10FeedWebResourceSample.xml", "Rss20BreakingNews.xml", "Rss20CTVNews.xml", "Rss20DailyMail.xml",
        "Rss20FeedWebResourceSample.xml", "Rss20ISO88591Intranet30.xml", "Rss20IndianExpress.xml", "Rss20JapanTimes.xml",
        "Rss20JapanToday.xml", "Rss20MoscowTimes.xml", "Rss20NYTimes.xml", "Rss20Reuters.xml", "Rss20TheMirror.xml",
    ];

    [Theory]
    [MemberData(nameof(Feeds))]
    public void Every_item_of_a_real_feed_becomes_an_article_with_its_date(string name)
    {
        var path = Path.Combine(Corpora.Require(Path.Combine("corpora", "raw", "rss")), name);
        var raw = File.ReadAllText(path, System.Text.Encoding.Latin1);
        var itemTags = ItemTag().Count(raw);

        var outcomes = new ArticleExtractor().ReadFile(path, TestContext.Current.CancellationToken).ToList();

        Assert.All(outcomes, o => Assert.Null(o.Problem));
        Assert.Equal(itemTags, outcomes.Count);
        foreach (var article in outcomes.Select(o => o.Article!))
        {
            Assert.Equal(path, article.Origin.Path);
            Assert.True(article.Url is not null || article.Paragraphs.Length > 0, $"{name} item {article.Origin.Offset} has neither URL nor text");
            Assert.DoesNotContain(article.Warnings, w => w.Contains("ignored", StringComparison.Ordinal));
        }

        // Items that carry a date element all get a parsed date (the count of date elements includes channel-level ones).
        var itemDates = Regex.Matches(raw, @"<(item|entry)[\s>].*?</(item|entry)>", RegexOptions.Singleline)
            .Count(m => DateTag().IsMatch(m.Value));
        Assert.Equal(itemDates, outcomes.Count(o => o.Article!.Published is not null));
    }

    [Fact]
    public void The_real_feeds_together_yield_hundreds_of_items_and_the_empty_one_is_really_empty()
    {
        var folder = Corpora.Require(Path.Combine("corpora", "raw", "rss"));
        var extractor = new ArticleExtractor();
        var counts = Directory.GetFiles(folder, "*.xml").ToDictionary(f => Path.GetFileName(f), f => extractor.ReadFile(f, TestContext.Current.CancellationToken).Count());

        Assert.Equal(17, counts.Count);
        Assert.True(counts.Values.Sum() > 500, $"{counts.Values.Sum()} items");
        // Rss20DailyMail.xml is a channel with no <item> at all: nothing to yield, and nothing wrong.
        Assert.Equal(0, counts["Rss20DailyMail.xml"]);
        Assert.All(counts.Where(c => c.Key != "Rss20DailyMail.xml"), c => Assert.True(c.Value > 0, c.Key));
    }
}
