using Dateline.Ingestion.Following;
using Dateline.Storage;
using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dateline.Ingestion.Tests;

/// <summary>A loopback server with a feed, article pages and robots.txt, and a fresh store, for one follow test.</summary>
internal sealed class FollowScenario : IAsyncDisposable
{
    public const string ETag = "\"feed-v1\"";
    public const string LastModified = "Thu, 12 Jun 2025 08:00:00 GMT";

    private readonly TempFolder _folder;

    private FollowScenario(TempFolder folder, LoopbackServer server, SqliteArticleStore store)
    {
        _folder = folder;
        Server = server;
        Store = store;
    }

    public LoopbackServer Server { get; }

    public SqliteArticleStore Store { get; }

    public string FeedUrl => Server.Url("/feed.xml");

    public static async Task<FollowScenario> StartAsync()
    {
        var server = new LoopbackServer();
        var folder = new TempFolder();
        var store = await SqliteArticleStore.OpenAsync(folder.File("follow.db"));
        var scenario = new FollowScenario(folder, server, store);
        server.Map("/robots.txt", new LoopbackServer.Reply(200, "User-agent: *\nDisallow: /private/\n", "text/plain"));
        return scenario;
    }

    public static FollowOptions Options(TimeSpan? spacing = null) => FollowOptions.Default with
    {
        HostSpacing = spacing ?? TimeSpan.FromMilliseconds(100),
        RetryBaseDelay = TimeSpan.FromMilliseconds(200),
        Timeout = TimeSpan.FromSeconds(10),
    };

    public FeedFollower Follower(PoliteFetcher fetcher, FollowOptions options, TimeProvider? clock = null) =>
        new(Store, fetcher, options, NullLogger.Instance, clock: clock);

    public static PoliteFetcher Fetcher(FollowOptions options) => new(options, NullLogger.Instance);

    /// <summary>Serves an RSS feed with the given items; honours If-None-Match / If-Modified-Since with a 304.</summary>
    public void ServeFeed(params string[] items)
    {
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Example News</title><link>{Server.BaseUrl}/</link>
            {string.Join("\n", items)}
            </channel></rss>
            """;
        Server.Map("/feed.xml", (_, request) =>
            request.Headers.TryGetValue("If-None-Match", out var inm) && inm == ETag
            || request.Headers.TryGetValue("If-Modified-Since", out var ims) && ims == LastModified
                ? new LoopbackServer.Reply(304)
                : new LoopbackServer.Reply(200, xml, "application/rss+xml; charset=utf-8")
                {
                    Headers = { ["ETag"] = ETag, ["Last-Modified"] = LastModified },
                });
    }

    public static string LinkItem(string title, string link, string? description = null) => $"""
        <item><title>{title}</title><link>{link}</link><guid>{link}</guid><pubDate>Thu, 12 Jun 2025 07:00:00 GMT</pubDate>
        {(description is null ? string.Empty : $"<description>{description}</description>")}</item>
        """;

    public static string Page(string title, string sentence) => $"""
        <!DOCTYPE html><html lang="en"><head><title>{title}</title>
        <meta property="og:site_name" content="Example News"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>{title}</h1>
        <p>{sentence} The harbour authority said the work would take most of the summer and cost less than planned.</p>
        <p>Residents living near the quay were told to expect some noise at night while the heavy lifting is done.</p>
        <p>A spokesperson said a full timetable would be published on the authority's website next week.</p>
        </article><footer>© Example News</footer></body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
