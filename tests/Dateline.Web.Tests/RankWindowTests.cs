using System.Net;
using System.Text.Json;
using Dateline.Core.Articles;
using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.AspNetCore.Builder;

namespace Dateline.Web.Tests;

/// <summary>A server whose rank window is smaller than a query's matches: the page and the API say what was ranked, and offer all.</summary>
public sealed class RankWindowTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using (var store = await SqliteArticleStore.OpenAsync(_folder.File("window.db"), Ct))
        {
            // One save each, oldest first: "Harbour harbour harbour" (the best match) is stored first, so a window of 2 misses it.
            string[][] texts = [["Harbour harbour harbour", "The harbour and the harbour again."], ["Harbour works", "The harbour wall is repaired."],
                ["Quay news", "A harbour pilot retired."]];
            for (var i = 0; i < texts.Length; i++)
            {
                await store.SaveAsync([new Article
                {
                    Id = "h" + i, Origin = new ArticleOrigin("test" + i), Title = texts[i][0], Source = "Test Wire", Paragraphs = [texts[i][1]],
                    Published = ArticleDate.Parse("2025-06-0" + (i + 1)),
                }], Ct);
            }
        }

        (_app, var address) = await WebAppFixture.StartAsync(new WebOptions { DbPath = _folder.File("window.db"), RankWindow = 2 });
        _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task The_api_counts_every_match_ranks_the_window_and_ranks_all_when_asked()
    {
        using var windowed = JsonDocument.Parse(await _client.GetStringAsync("/api/search?q=harbour", Ct));
        var root = windowed.RootElement;
        Assert.Equal((3, 3, 2), (root.GetProperty("total").GetInt32(), root.GetProperty("matches").GetInt32(), root.GetProperty("ranked").GetInt32()));
        Assert.Equal(["h1", "h2"], root.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));

        using var all = JsonDocument.Parse(await _client.GetStringAsync("/api/search?q=harbour&exhaustive=true", Ct));
        Assert.Equal(3, all.RootElement.GetProperty("ranked").GetInt32());
        Assert.Equal("h0", all.RootElement.GetProperty("hits")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_search_page_says_which_matches_were_ranked_and_links_to_ranking_all()
    {
        var page = await _client.GetStringAsync("/?q=harbour", Ct);
        Assert.Contains("3 articles match; the 2 most recently stored were ranked.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/?q=harbour&amp;exhaustive=1\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Harbour harbour harbour<", page, StringComparison.Ordinal);

        var all = await _client.GetAsync("/?q=harbour&exhaustive=1", Ct);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var body = await all.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("id=\"ranked\"", body, StringComparison.Ordinal);
        Assert.Contains(">Harbour harbour harbour<", body, StringComparison.Ordinal);
    }
}
