using Dateline.Ingestion.Following;

namespace Dateline.Ingestion.Tests;

public sealed class RobotsTxtTests
{
    private const string Token = "Dateline";

    [Theory]
    [InlineData("/news/a", true)]
    [InlineData("/private/a", false)]
    [InlineData("/private/public/a", true)]
    [InlineData("/search?q=x", false)]
    [InlineData("/files/report.pdf", false)]
    [InlineData("/files/report.pdf?x=1", true)]
    [InlineData("/robots.txt", true)]
    public void The_longest_matching_rule_decides_and_Allow_wins_ties(string path, bool allowed)
    {
        var robots = RobotsTxt.Parse("""
            # comment
            User-agent: *
            Disallow: /private/
            Allow: /private/public/
            Disallow: /search
            Disallow: /*.pdf$
            Disallow: /robots.txt
            """);

        Assert.Equal(allowed, robots.IsAllowed(path, Token));
    }

    [Fact]
    public void A_group_naming_us_replaces_the_star_group()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /

            User-agent: OtherBot
            User-agent: dateline
            Disallow: /drafts
            Crawl-delay: 5
            """);

        Assert.True(robots.IsAllowed("/news", Token));
        Assert.False(robots.IsAllowed("/drafts/1", Token));
        Assert.Equal(TimeSpan.FromSeconds(5), robots.CrawlDelay(Token));
        Assert.False(robots.IsAllowed("/news", "SomeoneElse"));
        Assert.Null(robots.CrawlDelay("SomeoneElse"));
    }

    [Fact]
    public void An_empty_Disallow_allows_everything_and_no_file_allows_everything()
    {
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow:\n").IsAllowed("/anything", Token));
        Assert.True(RobotsTxt.AllowAll.IsAllowed("/anything", Token));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed("/anything", Token));
    }

    [Fact]
    public void Wildcards_never_take_exponential_time()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*a*b$\n");
        var path = "/" + new string('a', 5000);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(robots.IsAllowed(path, Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), clock.Elapsed.ToString());
    }
}
