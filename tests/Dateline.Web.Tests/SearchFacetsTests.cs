using System.Net;
using System.Text.Json;
using Dateline.Core.Articles;
using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.AspNetCore.Builder;

namespace Dateline.Web.Tests;

/// <summary>
/// Search facets and the date order over real HTTP, the API and the search page, on a store made for it: five kelp
/// stories in three sources, one undated, tags differing in case, and a ferry story that never matches.
/// </summary>
public sealed class SearchFacetsTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using (var store = await SqliteArticleStore.OpenAsync(_folder.File("kelp.db"), Ct))
        {
            static Article Make(string id, string title, string body, string? published, string source, params string[] tags) => new()
            {
                Id = id,
                Origin = new ArticleOrigin("test-" + id),
                Title = title,
                Source = source,
                Paragraphs = [body],
                Tags = [.. tags],
                Published = published is null ? null : ArticleDate.Parse(published),
            };
            await store.SaveAsync(
            [
                Make("k1", "Kelp farm expands", "The kelp farm doubled its lines in the bay.", "2025-06-02", "Coast Wire", "Farming", "Sea"),
                Make("k2", "Prices fall at the harbour market", "Kelp prices fell for a third week.", "2025-06-09", "Coast Wire", "farming"),
                Make("k3", "Kelp kelp kelp", "The kelp festival served kelp in every dish.", "2025-06-05", "Island Herald", "Culture"),
                Make("k4", "A study of the shore", "Researchers counted kelp along the shore.", null, "Island Herald"),
                Make("k5", "Harvest by boat", "Divers brought in the kelp harvest by boat.", "2025-05-30", "Bay Times", "Sea"),
                Make("x1", "Ferry timetable", "A new ferry timetable was published.", "2025-06-03", "Bay Times", "Transport"),
            ], Ct);
        }

        (_app, var address) = await WebAppFixture.StartAsync(new WebOptions { DbPath = _folder.File("kelp.db") });
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

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode}\n{body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static (string, long)[] Facet(JsonElement search, string name) =>
        [.. search.GetProperty("facets").GetProperty(name).EnumerateArray().Select(f => (f.GetProperty("value").GetString()!, f.GetProperty("count").GetInt64()))];

    private static string[] Ids(JsonElement search) => [.. search.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!)];

    [Fact]
    public async Task The_api_counts_sources_and_tags_of_the_matches_and_a_value_passed_back_narrows_the_search()
    {
        var all = await GetJsonAsync("/api/search?q=kelp");
        Assert.Equal("relevance", all.GetProperty("sort").GetString());
        Assert.Equal([("Coast Wire", 2L), ("Island Herald", 2L), ("Bay Times", 1L)], Facet(all, "sources")); // x1 does not match
        Assert.Equal([("Farming", 2L), ("Sea", 2L), ("Culture", 1L)], Facet(all, "tags"));
        Assert.Equal(5, all.GetProperty("facets").GetProperty("counted").GetInt64());

        var herald = await GetJsonAsync("/api/search?q=kelp&source=" + Uri.EscapeDataString("Island Herald"));
        Assert.Equal(["k3", "k4"], Ids(herald).Order(StringComparer.Ordinal));
        Assert.Equal([("Island Herald", 2L)], Facet(herald, "sources"));
        Assert.Equal([("Culture", 1L)], Facet(herald, "tags"));

        var farming = await GetJsonAsync("/api/search?q=kelp&tag=FARMING");
        Assert.Equal(["k1", "k2"], Ids(farming).Order(StringComparer.Ordinal));
        Assert.Equal([("Farming", 2L), ("Sea", 1L)], Facet(farming, "tags"));

        var june = await GetJsonAsync("/api/search?q=kelp&from=2025-06-01&to=2025-06-30");
        Assert.Equal([("Coast Wire", 2L), ("Island Herald", 1L)], Facet(june, "sources"));

        Assert.Equal([("Coast Wire", 2L)], Facet(await GetJsonAsync("/api/search?q=kelp&facets=1"), "sources"));
        Assert.Equal(JsonValueKind.Null, (await GetJsonAsync("/api/search?q=kelp&facets=0")).GetProperty("facets").ValueKind);
    }

    [Fact]
    public async Task Sort_by_date_lists_newest_first_undated_last_pages_in_that_order_and_exports_it()
    {
        string[] newest = ["k2", "k3", "k1", "k5", "k4"];
        var byDate = await GetJsonAsync("/api/search?q=kelp&sort=date");
        Assert.Equal("date", byDate.GetProperty("sort").GetString());
        Assert.Equal(newest, Ids(byDate));
        Assert.Equal("k3", Ids(await GetJsonAsync("/api/search?q=kelp"))[0]); // by relevance the festival comes first

        var walked = new List<string>();
        var path = "/api/search?q=kelp&sort=date&limit=2";
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await GetJsonAsync(path);
            walked.AddRange(Ids(page));
            if (page.GetProperty("next").GetString() is not { } next)
            {
                break;
            }

            path = "/api/search?q=kelp&sort=date&limit=2&cursor=" + Uri.EscapeDataString(next);

            // A cursor of the date order means nothing in the relevance order: refused, not silently misplaced.
            var other = await GetJsonAsync("/api/search?q=kelp&limit=2&cursor=" + Uri.EscapeDataString(next), HttpStatusCode.BadRequest);
            Assert.Equal("Invalid cursor", other.GetProperty("title").GetString());
        }

        Assert.Equal(newest, walked);
        var csv = (await _client.GetStringAsync("/api/search?q=kelp&sort=date&format=csv", Ct)).TrimEnd('\n').Split('\n').Skip(1);
        Assert.Equal(newest, csv.Select(l => l.Split(',')[1]));
    }

    [Theory]
    [InlineData("/api/search?q=kelp&sort=newest", "sort")]
    [InlineData("/api/search?q=kelp&facets=51", "facets")]
    [InlineData("/api/search?q=kelp&facets=-1", "facets")]
    public async Task A_bad_sort_or_facet_count_is_a_problem_naming_its_field(string path, string field)
    {
        var problem = await GetJsonAsync(path, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_search_page_links_each_facet_to_the_search_with_that_filter_and_keeps_the_order()
    {
        var page = await _client.GetStringAsync("/?q=kelp&sort=date", Ct);
        Assert.Contains("<option value=\"date\" selected=\"\">", page, StringComparison.Ordinal);
        Assert.Contains("newest first (undated last)", page, StringComparison.Ordinal);
        var link = "/?q=kelp&amp;sort=date&amp;source=Coast%20Wire";
        Assert.Contains($"href=\"{link}\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/?q=kelp&amp;sort=date&amp;tag=Farming\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Transport", page, StringComparison.Ordinal); // the ferry story's tag: not a match

        var narrowed = await _client.GetStringAsync(WebUtility.HtmlDecode(link), Ct);
        Assert.Contains("2 results for", narrowed, StringComparison.Ordinal);
        Assert.Contains("Only Coast Wire", narrowed, StringComparison.Ordinal);
        Assert.Contains("href=\"/?q=kelp&amp;sort=date\"", narrowed, StringComparison.Ordinal); // show all: the filter removed
        Assert.True(narrowed.IndexOf("Prices fall at the harbour market", StringComparison.Ordinal) < narrowed.IndexOf("Kelp farm expands", StringComparison.Ordinal),
            "newest first");
    }
}
