using Dateline.Extraction.Feeds;
using Dateline.Ingestion.Following;
using Dateline.Storage;
using Dateline.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dateline.Ingestion.Tests;

/// <summary>`follow` against a real HTTP server on 127.0.0.1 that serves a feed, article pages and robots.txt.</summary>
public sealed class FeedFollowerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mis_decoded_text_in_a_followed_feed_is_repaired_as_in_files()
    {
        await using var s = await FollowScenario.StartAsync();
        // The teaser as a publisher's broken pipeline sends it: UTF-8 that was read as Windows-1252 ("union’s" → "unionâ€™s").
        s.ServeFeed(FollowScenario.LinkItem("Members only", s.Server.Url("/private/members"), "The union\u00E2\u20AC\u2122s leader said."));
        var options = FollowScenario.Options();
        using var fetcher = FollowScenario.Fetcher(options);

        await s.Follower(fetcher, options).PollAsync(s.FeedUrl, Ct);

        var stored = Assert.Single(await s.Store.ExportAsync(ArticleFilter.All, Ct).ToListAsync(Ct));
        Assert.Equal(["The union\u2019s leader said."], stored.Paragraphs);
        Assert.Contains(stored.Warnings, w => w.StartsWith("repaired 1 mis-decoded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task First_poll_stores_the_pages_and_the_second_is_a_conditional_GET_answered_304()
    {
        await using var s = await FollowScenario.StartAsync();
        s.ServeFeed(
            FollowScenario.LinkItem("Quay repairs start", s.Server.Url("/news/quay")),
            FollowScenario.LinkItem("Ferry fares rise", s.Server.Url("/news/fares"), "Fares rise in July."),
            FollowScenario.LinkItem("Members only", s.Server.Url("/private/members"), "A teaser for members."));
        s.Server.Map("/news/quay", new LoopbackServer.Reply(200, FollowScenario.Page("Quay repairs start", "Repairs to the quay began on Monday.")));
        s.Server.Map("/news/fares", new LoopbackServer.Reply(200, FollowScenario.Page("Ferry fares rise", "Ferry fares will rise by five percent.")));
        s.Server.Map("/private/members", new LoopbackServer.Reply(200, FollowScenario.Page("Members only", "This must never be fetched.")));
        var options = FollowScenario.Options();
        using var fetcher = FollowScenario.Fetcher(options);
        var follower = s.Follower(fetcher, options);

        var first = await follower.PollAsync(s.FeedUrl, Ct);

        Assert.Equal("fetched", first.Status);
        Assert.Equal(3, first.Items);
        Assert.Equal(2, first.PagesFetched);
        Assert.Equal(1, first.PagesBlocked);
        Assert.Equal(3, first.Inserted);
        Assert.Empty(first.Problems);
        Assert.Empty(s.Server.RequestsFor("/private/members"));
        Assert.All(s.Server.Requests, r => Assert.StartsWith("Dateline/0.1 (+https://github.com/dateline; news research)", r.Headers["User-Agent"], StringComparison.Ordinal));
        var articles = await s.Store.ExportAsync(ArticleFilter.All, Ct).ToListAsync(Ct);
        var quay = Assert.Single(articles, a => a.Title == "Quay repairs start");
        Assert.Equal(s.Server.Url("/news/quay"), quay.Url);
        Assert.StartsWith("Repairs to the quay began on Monday.", quay.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("Example News", quay.Source);
        Assert.Equal("2025-06-12T07:00:00Z", quay.Published.ToString());
        Assert.NotNull(quay.Crawled);
        Assert.DoesNotContain(FeedArticleBuilder.LinkOnlyWarning, quay.Warnings);
        var members = Assert.Single(articles, a => a.Title == "Members only");
        Assert.Contains(FeedArticleBuilder.LinkOnlyWarning, members.Warnings);
        Assert.Equal(["A teaser for members."], members.Paragraphs);
        Assert.DoesNotContain("never be fetched", members.Body, StringComparison.Ordinal);

        var second = await follower.PollAsync(s.FeedUrl, Ct);

        Assert.Equal("not modified", second.Status);
        Assert.Equal(304, second.HttpStatus);
        var feedRequests = s.Server.RequestsFor("/feed.xml");
        Assert.Equal(2, feedRequests.Count);
        Assert.False(feedRequests[0].Headers.ContainsKey("If-None-Match"));
        Assert.Equal(FollowScenario.ETag, feedRequests[1].Headers["If-None-Match"]);
        Assert.Equal(FollowScenario.LastModified, feedRequests[1].Headers["If-Modified-Since"]);
        Assert.Single(s.Server.RequestsFor("/news/quay"));
        Assert.Single(s.Server.RequestsFor("/robots.txt"));
        Assert.Equal(3, await s.Store.CountAsync(ArticleFilter.All, Ct));
    }

    [Fact]
    public async Task Run_starts_rounds_one_interval_apart_start_to_start_until_cancelled()
    {
        // The follower's clock is a fake one that moves only when the test moves it, so the schedule is checked exactly
        // and a loaded machine cannot make the test fail; the HTTP traffic stays real.
        await using var s = await FollowScenario.StartAsync();
        var clock = new SignallingClock(new DateTimeOffset(2025, 6, 12, 8, 0, 0, TimeSpan.Zero));
        s.ServeFeed(FollowScenario.LinkItem("One", s.Server.Url("/news/one")));
        // The first round spends 100 ms of clock time fetching the page, so its wait must shrink to 200 ms.
        s.Server.Map("/news/one", (_, _) =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            return new LoopbackServer.Reply(200, FollowScenario.Page("One", "The first story."));
        });
        var options = FollowScenario.Options() with { Interval = TimeSpan.FromMilliseconds(300) };
        using var fetcher = FollowScenario.Fetcher(options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var rounds = new List<IReadOnlyList<FeedPollResult>>();
        using var roundDone = new SemaphoreSlim(0);
        var run = s.Follower(fetcher, options, clock).RunAsync([s.FeedUrl], r =>
        {
            lock (rounds)
            {
                rounds.Add(r);
            }

            roundDone.Release();
        }, stop.Token);

        Assert.True(await roundDone.WaitAsync(TimeSpan.FromSeconds(20), Ct), "the first round never ended");
        // The clock moves only once the follower is waiting: a wait it computed before a move would be due late.
        Assert.True(await clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(20), Ct), "the follower never waited after the first round");
        await AssertNoRoundWithin(TimeSpan.FromMilliseconds(199));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await roundDone.WaitAsync(TimeSpan.FromSeconds(20), Ct), "the second round did not start 300 ms after the first");
        Assert.True(await clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(20), Ct), "the follower never waited after the second round");
        await AssertNoRoundWithin(TimeSpan.FromMilliseconds(299));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await roundDone.WaitAsync(TimeSpan.FromSeconds(20), Ct), "the third round did not start 300 ms after the second");
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(["fetched", "not modified", "not modified"], rounds.Select(r => Assert.Single(r).Status));
        Assert.Equal(3, s.Server.RequestsFor("/feed.xml").Count);

        async Task AssertNoRoundWithin(TimeSpan clockTime)
        {
            var before = s.Server.RequestsFor("/feed.xml").Count;
            clock.Advance(clockTime);
            // Real time for an early round to show itself, were the follower to start one.
            Assert.False(await roundDone.WaitAsync(TimeSpan.FromMilliseconds(250), Ct), "a round started before its interval was up");
            Assert.Equal(before, s.Server.RequestsFor("/feed.xml").Count);
        }
    }

    [Fact]
    public async Task A_page_that_answers_503_then_200_is_retried_after_Retry_After()
    {
        await using var s = await FollowScenario.StartAsync();
        s.ServeFeed(FollowScenario.LinkItem("Busy server", s.Server.Url("/news/busy")));
        s.Server.Map("/news/busy", (n, _) => n == 1
            ? new LoopbackServer.Reply(503, "try later", "text/plain") { Headers = { ["Retry-After"] = "1" } }
            : new LoopbackServer.Reply(200, FollowScenario.Page("Busy server", "The page came on the second try.")));
        var options = FollowScenario.Options();
        using var fetcher = FollowScenario.Fetcher(options);

        var result = await s.Follower(fetcher, options).PollAsync(s.FeedUrl, Ct);

        Assert.Equal(1, result.PagesFetched);
        Assert.Empty(result.Problems);
        var tries = s.Server.RequestsFor("/news/busy");
        Assert.Equal(2, tries.Count);
        Assert.True(tries[1].At - tries[0].At >= TimeSpan.FromSeconds(0.9), $"retried after {tries[1].At - tries[0].At}");
        var article = Assert.Single(await s.Store.ExportAsync(ArticleFilter.All, Ct).ToListAsync(Ct));
        Assert.StartsWith("The page came on the second try.", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_at_least_the_configured_time_apart()
    {
        await using var s = await FollowScenario.StartAsync();
        s.ServeFeed([.. Enumerable.Range(1, 4).Select(i => FollowScenario.LinkItem($"Story {i}", s.Server.Url($"/news/{i}")))]);
        foreach (var i in Enumerable.Range(1, 4))
        {
            s.Server.Map($"/news/{i}", new LoopbackServer.Reply(200, FollowScenario.Page($"Story {i}", $"Story number {i} begins here.")));
        }

        var options = FollowScenario.Options(spacing: TimeSpan.FromSeconds(1));
        using var fetcher = FollowScenario.Fetcher(options);

        var result = await s.Follower(fetcher, options).PollAsync(s.FeedUrl, Ct);

        Assert.Equal(4, result.PagesFetched);
        var times = s.Server.Requests.Select(r => r.At).Order().ToList();
        Assert.Equal(6, times.Count); // robots.txt, the feed, four pages
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, g => Assert.True(g >= TimeSpan.FromSeconds(0.9), $"gaps: {string.Join(", ", gaps.Select(x => x.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}"));
    }

    [Fact]
    public async Task Only_items_not_seen_before_are_fetched_when_the_feed_changes()
    {
        await using var s = await FollowScenario.StartAsync();
        var one = FollowScenario.LinkItem("One", s.Server.Url("/news/one"));
        s.ServeFeed(one);
        s.Server.Map("/news/one", new LoopbackServer.Reply(200, FollowScenario.Page("One", "The first story.")));
        s.Server.Map("/news/two", new LoopbackServer.Reply(200, FollowScenario.Page("Two", "The second story.")));
        var options = FollowScenario.Options();
        using var fetcher = FollowScenario.Fetcher(options);
        var follower = s.Follower(fetcher, options);
        await follower.PollAsync(s.FeedUrl, Ct);

        // The new version of the feed has a different body but (as some servers do) sends no validators at all.
        s.Server.Map("/feed.xml", new LoopbackServer.Reply(200, $"""
            <rss version="2.0"><channel><title>Example News</title>{FollowScenario.LinkItem("Two", s.Server.Url("/news/two"))}{one}</channel></rss>
            """, "application/rss+xml"));
        var second = await follower.PollAsync(s.FeedUrl, Ct);

        Assert.Equal(2, second.Items);
        Assert.Equal(1, second.NewItems);
        Assert.Equal(1, second.PagesFetched);
        Assert.Single(s.Server.RequestsFor("/news/one"));
        Assert.Single(s.Server.RequestsFor("/news/two"));
        Assert.Equal(2, await s.Store.CountAsync(ArticleFilter.All, Ct));
    }

    [Fact]
    public async Task A_page_that_stays_unavailable_is_kept_link_only_and_the_feed_is_fetched_whole_next_time()
    {
        await using var s = await FollowScenario.StartAsync();
        s.ServeFeed(FollowScenario.LinkItem("Down", s.Server.Url("/news/down"), "The teaser survives."));
        s.Server.Map("/news/down", new LoopbackServer.Reply(500, "boom", "text/plain"));
        var options = FollowScenario.Options() with { MaxAttempts = 2 };
        using var fetcher = FollowScenario.Fetcher(options);
        var follower = s.Follower(fetcher, options);

        var first = await follower.PollAsync(s.FeedUrl, Ct);

        Assert.Equal(2, s.Server.RequestsFor("/news/down").Count);
        var problem = Assert.Single(first.Problems);
        Assert.Contains("HTTP 500", problem.Reason, StringComparison.Ordinal);
        var article = Assert.Single(await s.Store.ExportAsync(ArticleFilter.All, Ct).ToListAsync(Ct));
        Assert.Equal(["The teaser survives."], article.Paragraphs);
        Assert.Contains(FeedArticleBuilder.LinkOnlyWarning, article.Warnings);
        var state = await s.Store.GetFeedStateAsync(s.FeedUrl, Ct);
        Assert.Null(state!.ETag);

        s.Server.Map("/news/down", new LoopbackServer.Reply(200, FollowScenario.Page("Down", "Back up again.")));
        var second = await follower.PollAsync(s.FeedUrl, Ct);

        Assert.Equal("fetched", second.Status);
        Assert.Equal(1, second.PagesFetched);
        Assert.False(s.Server.RequestsFor("/feed.xml")[1].Headers.ContainsKey("If-None-Match"));
        var stored = Assert.Single(await s.Store.ExportAsync(ArticleFilter.All, Ct).ToListAsync(Ct));
        Assert.StartsWith("Back up again.", stored.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal(FollowScenario.ETag, (await s.Store.GetFeedStateAsync(s.FeedUrl, Ct))!.ETag);
    }

    [Fact]
    public async Task A_host_whose_robots_txt_fails_is_not_crawled_until_it_answers()
    {
        await using var s = await FollowScenario.StartAsync();
        s.Server.Map("/robots.txt", new LoopbackServer.Reply(503, "down", "text/plain"));
        s.ServeFeed(FollowScenario.LinkItem("Story", s.Server.Url("/news/story")));
        s.Server.Map("/news/story", new LoopbackServer.Reply(200, FollowScenario.Page("Story", "The story text.")));
        var options = FollowScenario.Options() with { MaxAttempts = 2 };
        using var fetcher = FollowScenario.Fetcher(options);

        var result = await s.Follower(fetcher, options).PollAsync(s.FeedUrl, Ct);

        Assert.Equal("unavailable", result.Status);
        Assert.Contains("robots.txt unavailable", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
        Assert.Equal(2, s.Server.RequestsFor("/robots.txt").Count);
        Assert.Empty(s.Server.RequestsFor("/feed.xml"));
        Assert.Empty(s.Server.RequestsFor("/news/story"));
    }

    [Fact]
    public async Task Responses_above_the_size_cap_and_slow_responses_fail_only_their_item()
    {
        await using var s = await FollowScenario.StartAsync();
        s.ServeFeed(
            FollowScenario.LinkItem("Huge", s.Server.Url("/news/huge")),
            FollowScenario.LinkItem("Slow", s.Server.Url("/news/slow")),
            FollowScenario.LinkItem("Fine", s.Server.Url("/news/fine")));
        s.Server.Map("/news/huge", new LoopbackServer.Reply(200, FollowScenario.Page("Huge", new string('x', 300_000))));
        s.Server.Map("/news/slow", new LoopbackServer.Reply(200, FollowScenario.Page("Slow", "Too late.")) { Delay = TimeSpan.FromSeconds(5) });
        s.Server.Map("/news/fine", new LoopbackServer.Reply(200, FollowScenario.Page("Fine", "This one arrives.")));
        var options = FollowScenario.Options() with { MaxResponseBytes = 100_000, Timeout = TimeSpan.FromMilliseconds(700), MaxAttempts = 1 };
        using var fetcher = FollowScenario.Fetcher(options);

        var result = await s.Follower(fetcher, options).PollAsync(s.FeedUrl, Ct);

        Assert.Equal(1, result.PagesFetched);
        Assert.Equal(2, result.PagesFailed);
        Assert.Contains(result.Problems, p => p.Reason.Contains("limit", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Reason.Contains("no complete response", StringComparison.Ordinal));
        Assert.Equal(3, await s.Store.CountAsync(ArticleFilter.All, Ct));
    }

    [Fact]
    public async Task A_feed_item_with_its_own_text_is_stored_without_fetching_its_link()
    {
        await using var s = await FollowScenario.StartAsync();
        var text = string.Join(' ', Enumerable.Repeat("The council met on Tuesday and agreed the budget for the new sea wall.", 20));
        s.ServeFeed($"""
            <item><title>Full text</title><link>{s.Server.Url("/news/full")}</link><guid>full-1</guid>
            <description>&lt;p&gt;{text}&lt;/p&gt;</description></item>
            """);
        var options = FollowScenario.Options();
        using var fetcher = FollowScenario.Fetcher(options);

        var result = await s.Follower(fetcher, options).PollAsync(s.FeedUrl, Ct);

        Assert.Equal(1, result.Inserted);
        Assert.Empty(s.Server.RequestsFor("/news/full"));
        var article = Assert.Single(await s.Store.ExportAsync(ArticleFilter.All, Ct).ToListAsync(Ct));
        Assert.Equal(new Core.Articles.ArticleOrigin(s.FeedUrl, 0), article.Origin);
        Assert.DoesNotContain(FeedArticleBuilder.LinkOnlyWarning, article.Warnings);
    }

    [Fact]
    public async Task Followed_articles_are_annotated_and_get_a_language_as_ingested_ones_do()
    {
        await using var s = await FollowScenario.StartAsync();
        // Neither the feed nor the item says which language this is; the item carries its whole text.
        const string lead = "Japanese Prime Minister Shigeru Ishiba said on Wednesday that Japan would work closely with South Korea.";
        const string quote = "\"We share the same challenges,\" Ishiba told reporters in Tokyo.";
        var filler = string.Join(' ', Enumerable.Repeat("The two governments have held talks on trade, security and the ageing of their populations for many years.", 10));
        s.ServeFeed($"""
            <item><title>Ishiba pledges cooperation</title><link>{s.Server.Url("/news/ishiba")}</link><guid>ishiba-1</guid>
            <pubDate>Wed, 04 Jun 2025 09:00:00 GMT</pubDate>
            <description>&lt;p&gt;{lead}&lt;/p&gt;&lt;p&gt;{quote}&lt;/p&gt;&lt;p&gt;{filler}&lt;/p&gt;</description></item>
            """);
        var options = FollowScenario.Options() with { Pipeline = Nlp.NlpPipelines.Default() };
        using var fetcher = FollowScenario.Fetcher(options);

        var result = await s.Follower(fetcher, options).PollAsync(s.FeedUrl, Ct);

        Assert.Equal(1, result.Inserted);
        Assert.Empty(result.Problems);
        var article = Assert.Single(await s.Store.ExportAsync(ArticleFilter.All, Ct).ToListAsync(Ct));
        Assert.Equal("en", article.Language);
        var annotations = await s.Store.GetAnnotationsAsync(article.Id, Ct);
        Assert.NotNull(annotations);
        Assert.Contains(await s.Store.FindEntitiesAsync("Shigeru Ishiba", 10, Ct), e => e.Code == "JPNGOV");
        var quotes = await s.Store.ListQuotesAsync(new QuoteFilter(), null, 10, Ct);
        Assert.Contains(quotes.Items, q => q.Text.Contains("same challenges", StringComparison.Ordinal) && q.SpeakerName == "Shigeru Ishiba");
    }

    [Fact]
    public async Task Without_a_pipeline_followed_articles_are_stored_unannotated()
    {
        await using var s = await FollowScenario.StartAsync();
        var text = string.Join(' ', Enumerable.Repeat("Japanese Prime Minister Shigeru Ishiba met the president in Seoul.", 20));
        s.ServeFeed($"""
            <item><title>Talks</title><link>{s.Server.Url("/news/talks")}</link><guid>talks-1</guid>
            <description>&lt;p&gt;{text}&lt;/p&gt;</description></item>
            """);
        var options = FollowScenario.Options();
        using var fetcher = FollowScenario.Fetcher(options);

        await s.Follower(fetcher, options).PollAsync(s.FeedUrl, Ct);

        var article = Assert.Single(await s.Store.ExportAsync(ArticleFilter.All, Ct).ToListAsync(Ct));
        Assert.Null(await s.Store.GetAnnotationsAsync(article.Id, Ct));
        Assert.Empty(await s.Store.FindEntitiesAsync("Shigeru Ishiba", 10, Ct));
    }

    [Fact]
    public async Task An_external_entity_in_a_fetched_feed_makes_no_request()
    {
        await using var s = await FollowScenario.StartAsync();
        s.Server.Map("/secret", new LoopbackServer.Reply(200, "SECRET-FROM-SERVER", "text/plain"));
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "{s.Server.Url("/secret")}" [ <!ENTITY xxe SYSTEM "{s.Server.Url("/secret")}"> ]>
            <rss version="2.0"><channel><title>T &xxe;</title>
            <item><title>Hello &xxe;</title><link>https://example-news.test/x</link><description>Teaser &xxe;</description></item>
            </channel></rss>
            """;

        var feed = FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), s.FeedUrl);

        await Task.Delay(200, Ct);
        Assert.Empty(s.Server.RequestsFor("/secret"));
        var item = Assert.Single(feed.Items);
        Assert.Equal("Hello &xxe;", item.Title);
        Assert.DoesNotContain("SECRET", item.Summary, StringComparison.Ordinal);
    }

    /// <summary>A fake clock that tells the test when a timer (the follower's wait) is created.</summary>
    private sealed class SignallingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public SemaphoreSlim TimerCreated { get; } = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerCreated.Release();
            return timer;
        }
    }
}
