using Dateline.Core.Articles;
using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Tests.Feeds;

/// <summary>Reads the feed fixtures in Fixtures/feeds through the real front door.</summary>
internal static class FeedFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "feeds", name);

    public static List<ReadOutcome> Read(string name) =>
        new ArticleExtractor().ReadFile(PathOf(name), TestContext.Current.CancellationToken).ToList();

    public static List<Article> Articles(string name)
    {
        var outcomes = Read(name);
        Assert.All(outcomes, o => Assert.Null(o.Problem));
        return [.. outcomes.Select(o => o.Article!)];
    }
}
