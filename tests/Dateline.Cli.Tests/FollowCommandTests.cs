using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary><c>dateline follow</c> and feeds in <c>dateline ingest</c>, through the real executable, against 127.0.0.1 only.</summary>
public sealed class FollowCommandTests
{
    private const string Page = """
        <!DOCTYPE html><html lang="en"><head><title>Quay repairs start</title></head><body><article>
        <h1>Quay repairs start</h1><p>Repairs to the old quay began on Monday and will take most of the summer.</p>
        <p>Residents were told to expect some noise at night while the heavy lifting is done.</p></article></body></html>
        """;

    [Fact]
    public async Task Follow_once_stores_the_feed_and_a_second_run_is_not_modified()
    {
        using var tmp = new TempFolder();
        await using var server = new LoopbackServer();
        server.Map("/robots.txt", new LoopbackServer.Reply(200, "User-agent: *\nDisallow: /private/\n", "text/plain"));
        server.Map("/feed.xml", (_, request) => request.Headers.ContainsKey("If-None-Match")
            ? new LoopbackServer.Reply(304)
            : new LoopbackServer.Reply(200, $"""
                <rss version="2.0"><channel><title>Example News</title>
                <item><title>Quay repairs start</title><link>{server.Url("/news/quay")}</link></item>
                <item><title>Members only</title><link>{server.Url("/private/x")}</link></item>
                </channel></rss>
                """, "application/rss+xml") { Headers = { ["ETag"] = "\"v1\"" } });
        server.Map("/news/quay", new LoopbackServer.Reply(200, Page));

        var first = await Cli.RunAsync(tmp.Path, "follow", server.Url("/feed.xml"), "--once");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("fetched (200)", first.Stdout, StringComparison.Ordinal);
        Assert.Empty(server.RequestsFor("/private/x"));
        var stats = JsonDocument.Parse((await Cli.RunAsync(tmp.Path, "stats", "--format", "json")).Stdout).RootElement;
        Assert.Equal(2, stats.GetProperty("articles").GetInt64());

        var second = await Cli.RunAsync(tmp.Path, "follow", server.Url("/feed.xml"), "--once");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("not modified (304)", second.Stdout, StringComparison.Ordinal);
        Assert.Single(server.RequestsFor("/news/quay"));
    }

    [Fact]
    public async Task Follow_once_exits_3_when_a_feed_cannot_be_fetched()
    {
        using var tmp = new TempFolder();
        await using var server = new LoopbackServer();

        var r = await Cli.RunAsync(tmp.Path, "follow", server.Url("/missing.xml"), "--once");

        Assert.True(r.ExitCode == 3, r.ToString());
        Assert.Contains("HTTP 404", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/feed.xml", "15m")]
    [InlineData("feed.xml", "15m")]
    [InlineData("http://127.0.0.1:9/feed.xml", "1s")]
    [InlineData("http://127.0.0.1:9/feed.xml", "soon")]
    public async Task Follow_rejects_bad_urls_and_intervals_as_usage_errors(string url, string interval)
    {
        using var tmp = new TempFolder();

        var r = await Cli.RunAsync(tmp.Path, "follow", url, "--interval", interval, "--once");

        Assert.True(r.ExitCode == 2, r.ToString());
    }

    [Fact]
    public async Task Ingest_reads_a_feed_file_including_its_link_only_items()
    {
        using var tmp = new TempFolder();
        tmp.Write("in/feed.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Example News</title>
            <item><title>Only a link</title><link>https://example-news.test/a</link><pubDate>7 Jun 23</pubDate></item>
            <item><title>Another link</title><link>https://example-news.test/b</link><pubDate>not a date</pubDate></item>
            </channel></rss>
            """);

        var r = await Cli.RunAsync(tmp.Path, "ingest", "in");

        Assert.True(r.ExitCode == 0, r.ToString());
        var stats = JsonDocument.Parse((await Cli.RunAsync(tmp.Path, "stats", "--format", "json")).Stdout).RootElement;
        Assert.Equal(2, stats.GetProperty("articles").GetInt64());
    }
}
