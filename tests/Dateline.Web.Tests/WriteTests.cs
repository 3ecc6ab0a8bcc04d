using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dateline.Web.Tests;

/// <summary>Writes need the key; without it nothing changes. With it, an ingest shows up in search.</summary>
public sealed class WriteTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Post(string path, HttpContent content, Action<HttpRequestHeaders>? auth = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        auth?.Invoke(request.Headers);
        return request;
    }

    private static JsonContent Documents(params object[] documents) => JsonContent.Create(new { documents });

    /// <summary>JSON with a Content-Length, so the server can refuse it by its declared size.</summary>
    private static StringContent Sized(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Files(string name, string content) =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "files", name } };

    private static JsonContent Overrides() => JsonContent.Create(new { lines = new[] { "name\taliases\ttype\tcode\tcountry\trole", "Ellen Brandt\tBrandt\tPERSON\tGBRGOV\tGBR\tHarbour Master" } });

    private async Task<long> CountAsync() =>
        (await app.Client.GetFromJsonAsync<JsonElement>("/api/stats", Ct)).GetProperty("articles").GetInt64();

    public static TheoryData<string, string> Unauthorised => new()
    {
        { "none", "" },
        { "wrong X-Api-Key", "x:wrong-key-0123456789" },
        { "wrong bearer", "b:wrong-key-0123456789" },
        { "key prefix", "x:" + WebAppFixture.ApiKey[..^1] },
        { "key with extra", "x:" + WebAppFixture.ApiKey + "0" },
    };

    [Theory]
    [MemberData(nameof(Unauthorised))]
    public async Task Every_write_without_the_key_is_401_and_changes_nothing(string why, string credential)
    {
        void Auth(HttpRequestHeaders h)
        {
            if (credential.StartsWith("x:", StringComparison.Ordinal))
            {
                h.Add("X-Api-Key", credential[2..]);
            }
            else if (credential.StartsWith("b:", StringComparison.Ordinal))
            {
                h.Authorization = new AuthenticationHeaderValue("Bearer", credential[2..]);
            }
        }

        var before = await CountAsync();
        var overridesBefore = await app.Client.GetStringAsync("/api/actors/overrides", Ct);
        foreach (var request in new[]
        {
            Post("/api/ingest", Documents(new { title = "Unauthorised write " + why, text = "Kestrel pelicans nest on the quay." }), Auth),
            Post("/api/ingest/files", Files("x.jsonl", "{\"title\": \"Unauthorised upload\", \"text\": \"Kestrel pelicans again.\"}\n"), Auth),
            Post("/api/actors/overrides", Overrides(), Auth),
            Post("/api/reanalyze?all=true", new StringContent(string.Empty), Auth),
        })
        {
            using (request)
            using (var response = await app.Client.SendAsync(request, Ct))
            {
                Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"{why}: {request.RequestUri} answered {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal(before, await CountAsync());
        Assert.Equal(0, (await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=pelicans", Ct)).GetProperty("total").GetInt64());
        Assert.Equal(overridesBefore, await app.Client.GetStringAsync("/api/actors/overrides", Ct));
    }

    [Fact]
    public async Task An_ingest_with_the_key_runs_the_pipeline_and_shows_up_in_search()
    {
        var before = await CountAsync();
        using var request = Post("/api/ingest", Documents(
            new { title = "Lighthouse keepers elect a new chair", text = "The lighthouse keepers' guild elected Marta Quist as chair on Monday.\n\n\"We will keep every lamp lit,\" said Marta Quist.", published = "2025-06-01", source = "Coastal Courier" },
            new { title = "Empty", text = "   " }), h => h.Add("X-Api-Key", WebAppFixture.ApiKey));
        using var response = await app.Client.SendAsync(request, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.Equal((2, 1L), (body.GetProperty("inputs").GetInt32(), body.GetProperty("inserted").GetInt64()));
        Assert.Contains("api:document-2", Assert.Single(body.GetProperty("problems").EnumerateArray()).GetProperty("input").GetString(), StringComparison.Ordinal);

        Assert.Equal(before + 1, await CountAsync());
        var hits = await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=lighthouse", Ct);
        var id = Assert.Single(hits.GetProperty("hits").EnumerateArray()).GetProperty("id").GetString();
        var article = await app.Client.GetFromJsonAsync<JsonElement>("/api/articles/" + id, Ct);
        Assert.True(article.GetProperty("annotations").GetProperty("quotes").GetArrayLength() >= 1); // the same pipeline as `dateline ingest`
    }

    [Fact]
    public async Task Cached_reads_are_served_until_any_writer_commits_even_another_process()
    {
        const string Path = "/api/search?q=quokka";
        using var first = await app.Client.GetAsync(Path, Ct);
        using var second = await app.Client.GetAsync(Path, Ct);
        Assert.NotNull(second.Headers.Age); // the output cache answered
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, (await app.Client.GetFromJsonAsync<JsonElement>(Path, Ct)).GetProperty("total").GetInt64());

        // A writer the server does not know about (as `dateline ingest` in another process would be): its own store on the file.
        await using (var other = await Storage.Sqlite.SqliteArticleStore.OpenAsync(app.DbPath, Ct))
        {
            var article = new Core.Articles.Article
            {
                Id = "quokka-0001",
                Origin = new Core.Articles.ArticleOrigin("other-process.txt"),
                Title = "Quokka census",
                Paragraphs = ["Rangers counted every quokka on the island."],
                Source = "Island Post",
            };
            Assert.Equal([Storage.SaveStatus.Inserted], await other.SaveAsync([article], Ct));
        }

        using var after = await app.Client.GetAsync(Path, Ct);
        Assert.Null(after.Headers.Age); // a new version: rendered again
        Assert.Equal(1, (await after.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Uploaded_files_are_sniffed_like_ingest_inputs_and_bearer_works()
    {
        using var request = Post("/api/ingest/files", Files("notes.txt", "Beekeepers report a record honey harvest\n\nBeekeepers across the valley reported a record honey harvest this summer."),
            h => h.Authorization = new AuthenticationHeaderValue("Bearer", WebAppFixture.ApiKey));
        using var response = await app.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hits = await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("title:beekeepers"), Ct);
        Assert.Equal(1, hits.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Url_lists_are_refused_because_the_api_fetches_nothing()
    {
        using var request = Post("/api/ingest", JsonContent.Create(new { urls = new[] { "http://169.254.169.254/latest/meta-data" } }), h => h.Add("X-Api-Key", WebAppFixture.ApiKey));
        using var response = await app.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Actor_overrides_with_the_key_are_stored_and_bad_lines_are_a_400()
    {
        using (var request = Post("/api/actors/overrides", Overrides(), h => h.Add("X-Api-Key", WebAppFixture.ApiKey)))
        using (var response = await app.Client.SendAsync(request, Ct))
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(response.IsSuccessStatusCode, body.ToString());
            Assert.Equal(1, body.GetProperty("received").GetInt32());
        }

        var stored = Assert.Single((await app.Client.GetFromJsonAsync<JsonElement>("/api/actors/overrides", Ct)).EnumerateArray());
        Assert.Equal(("Ellen Brandt", "GBRGOV"), (stored.GetProperty("name").GetString(), stored.GetProperty("code").GetString()));

        using (var request = Post("/api/actors/overrides", JsonContent.Create(new { lines = new[] { "aliases\ttype", "x\tPERSON" } }), h => h.Add("X-Api-Key", WebAppFixture.ApiKey)))
        using (var response = await app.Client.SendAsync(request, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("'name' column", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_with_413()
    {
        // "Expect: 100-continue": the server answers 413 from the declared length before the body is sent. Without it the
        // server may answer and close while the client is still writing megabytes, and the client sees a broken pipe
        // instead of the 413 (a race that failed CI once).
        var big = new string('a', (4 << 20) + 1024);
        using var request = Post("/api/ingest", Sized(new { documents = new[] { new { title = "Big", text = big } } }), h => h.Add("X-Api-Key", WebAppFixture.ApiKey));
        request.Headers.ExpectContinue = true;
        using var response = await app.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        // Ordinary endpoints take much less than ingest does (1 MiB).
        using var overrides = Post("/api/actors/overrides", Sized(new { lines = new[] { "name", new string('n', 2 << 20) } }), h => h.Add("X-Api-Key", WebAppFixture.ApiKey));
        overrides.Headers.ExpectContinue = true;
        using var refused = await app.Client.SendAsync(overrides, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }
}
