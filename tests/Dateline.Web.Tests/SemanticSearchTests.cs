using System.Net;
using System.Text.Json;
using Dateline.Extraction.Reading;
using Dateline.Ingestion;
using Dateline.Ingestion.Embedding;
using Dateline.Nlp.Onnx;
using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dateline.Web.Tests;

/// <summary>
/// Meaning-based search, hybrid search and similar articles over real HTTP with the real MiniLM model, on a store of
/// twelve invented articles on four topics (Dateline.Testing/Fixtures/topics.jsonl), embedded by the real job.
/// </summary>
public sealed class SemanticSearchTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly MiniLmEmbedder _embedder = new(threads: 1);
    private WebApplication? _app;
    private HttpClient _client = null!;
    private readonly Dictionary<string, string> _ids = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using (var store = await SqliteArticleStore.OpenAsync(_folder.File("topics.db"), Ct))
        {
            var runner = new IngestRunner(new ArticleExtractor(), store, new IngestOptions(), NullLogger.Instance);
            var ingested = await runner.RunAsync([Path.Combine(AppContext.BaseDirectory, "Fixtures", "topics.jsonl")], null, Ct);
            Assert.Empty(ingested.Problems);
            var embedded = await new EmbeddingJob(store, _embedder, NullLogger.Instance).RunAsync(5, null, null, Ct);
            Assert.Equal((12L, 0L), (embedded.Embedded, embedded.Remaining));
            await foreach (var a in store.ExportAsync(Storage.ArticleFilter.All, Ct))
            {
                _ids[a.Url!.Split('/')[^1]] = a.Id;
            }
        }

        (_app, var address) = await WebAppFixture.StartAsync(new WebOptions { DbPath = _folder.File("topics.db"), Embedder = _embedder });
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

        _embedder.Dispose();
        _folder.Dispose();
    }

    private string Topic(string id) => _ids.Single(kv => kv.Value == id).Key.Split('-')[0];

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await _client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_semantic_query_finds_the_articles_on_its_topic_without_sharing_their_words()
    {
        const string q = "industrial action by boat workers halts crossings";
        var keyword = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(0, keyword.GetProperty("total").GetInt64());

        var semantic = await GetJsonAsync("/api/search?mode=semantic&limit=3&q=" + Uri.EscapeDataString(q));
        Assert.Equal("semantic", semantic.GetProperty("mode").GetString());
        Assert.Equal(12, semantic.GetProperty("total").GetInt64());
        var hits = semantic.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(["ferry", "ferry", "ferry"], hits.Select(h => Topic(h.GetProperty("id").GetString()!)));
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(hits, h => Assert.Empty(h.GetProperty("highlights").EnumerateArray()));

        // Paging walks the same order: the second page starts where the first ended.
        var page2 = await GetJsonAsync("/api/search?mode=semantic&limit=3&cursor=" + semantic.GetProperty("next").GetString() + "&q=" + Uri.EscapeDataString(q));
        Assert.DoesNotContain(page2.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()), hits.Select(h => h.GetProperty("id").GetString()).Contains);
    }

    [Fact]
    public async Task Hybrid_search_fuses_a_keyword_hit_with_articles_close_in_meaning()
    {
        // "seafarers" is a word of two ferry articles; the third says "crews" and "islanders", and meaning brings it up.
        var keyword = await GetJsonAsync("/api/search?q=seafarers");
        Assert.Equal(new[] { _ids["ferry-1"], _ids["ferry-2"] }.Order(), keyword.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).Order());
        var hybrid = await GetJsonAsync("/api/search?mode=hybrid&limit=3&q=seafarers");
        var ids = hybrid.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
        Assert.Equal(new[] { _ids["ferry-1"], _ids["ferry-2"], _ids["ferry-3"] }.Order(), ids.Order());
        Assert.Equal("hybrid", hybrid.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Similar_articles_are_the_others_on_the_topic_and_filters_narrow_them()
    {
        var similar = await GetJsonAsync($"/api/articles/{_ids["rates-1"]}/similar?limit=2");
        var ids = similar.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
        Assert.Equal(new[] { _ids["rates-2"], _ids["rates-3"] }.Order(), ids.Order());
        Assert.DoesNotContain(_ids["rates-1"], ids);

        var coast = await GetJsonAsync($"/api/articles/{_ids["rates-1"]}/similar?limit=1&source=Coast%20Wire");
        Assert.Equal(_ids["rates-3"], coast.GetProperty("hits")[0].GetProperty("id").GetString());

        using var missing = await _client.GetAsync("/api/articles/no-such-id/similar", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var badLimit = await _client.GetAsync($"/api/articles/{_ids["rates-1"]}/similar?limit=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [Fact]
    public async Task The_article_page_lists_similar_articles_and_the_search_page_offers_the_modes()
    {
        var page = await _client.GetStringAsync($"/articles/{_ids["fire-1"]}", Ct);
        var section = page[page.IndexOf("id=\"similar\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Contains($"/articles/{_ids["fire-2"]}", section, StringComparison.Ordinal);
        Assert.Contains($"/articles/{_ids["fire-3"]}", section, StringComparison.Ordinal);
        Assert.DoesNotContain($"/articles/{_ids["fire-1"]}\"", section, StringComparison.Ordinal);

        var search = await _client.GetStringAsync("/?mode=semantic&q=" + Uri.EscapeDataString("homes destroyed by flames"), Ct);
        Assert.Contains("<option value=\"semantic\" selected", search, StringComparison.Ordinal);
        var first = search.IndexOf("class=\"result\"", StringComparison.Ordinal);
        Assert.True(first > 0);
        Assert.Contains(search[first..].Split("/articles/")[1][..16], new[] { _ids["fire-1"], _ids["fire-2"], _ids["fire-3"] }.Select(id => id[..16]));
    }

    [Fact]
    public async Task Keyword_only_options_and_unknown_modes_are_refused_and_a_store_without_vectors_says_what_to_run()
    {
        using var collapse = await _client.GetAsync("/api/search?mode=semantic&collapse=true&q=fire", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, collapse.StatusCode);
        using var csv = await _client.GetAsync("/api/search?mode=hybrid&format=csv&q=fire", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        using var mode = await _client.GetAsync("/api/search?mode=vector&q=fire", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, mode.StatusCode);

        await using (var empty = await SqliteArticleStore.OpenAsync(_folder.File("plain.db"), Ct))
        {
            var runner = new IngestRunner(new ArticleExtractor(), empty, new IngestOptions(), NullLogger.Instance);
            await runner.RunAsync([Path.Combine(AppContext.BaseDirectory, "Fixtures", "topics.jsonl")], null, Ct);
        }

        var (app, address) = await WebAppFixture.StartAsync(new WebOptions { DbPath = _folder.File("plain.db"), Embedder = _embedder });
        try
        {
            using var client = new HttpClient { BaseAddress = address };
            using var response = await client.GetAsync("/api/search?mode=semantic&q=fire", Ct);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("dateline embed", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync(Ct);
            await app.DisposeAsync();
        }
    }
}
