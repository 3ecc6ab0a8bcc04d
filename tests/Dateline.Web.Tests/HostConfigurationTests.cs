using System.Net;
using System.Net.Http.Json;
using Dateline.Testing;
using Dateline.Web.Hosting;

namespace Dateline.Web.Tests;

/// <summary>How the host behaves with other options: no key, a tight rate limit, where it may listen.</summary>
public sealed class HostConfigurationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_configured_key_writes_are_disabled_with_403()
    {
        using var tmp = new TempFolder();
        var (app, address) = await WebAppFixture.StartAsync(new WebOptions { DbPath = tmp.File("nokey.db") });
        await using (app)
        {
            using var client = new HttpClient { BaseAddress = address };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = JsonContent.Create(new { documents = new[] { new { text = "x" } } }) };
            request.Headers.Add("X-Api-Key", "anything-at-all-0123");
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("--api-key", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Contains("disabled", await client.GetStringAsync("/ingest", Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Writes_beyond_the_rate_limit_get_429_with_retry_after()
    {
        using var tmp = new TempFolder();
        var (app, address) = await WebAppFixture.StartAsync(new WebOptions { DbPath = tmp.File("limit.db"), ApiKey = WebAppFixture.ApiKey, WritesPerMinute = 2 });
        await using (app)
        {
            using var client = new HttpClient { BaseAddress = address };
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actors/overrides") { Content = JsonContent.Create(new { lines = new[] { "name", "Someone " + i } }) };
                request.Headers.Add("X-Api-Key", WebAppFixture.ApiKey);
                using var response = await client.SendAsync(request, Ct);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health", Ct)).StatusCode); // reads are not limited
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", false, true)]
    [InlineData("http://localhost:5080", false, true)]
    [InlineData("http://[::1]:5080", false, true)]
    [InlineData("http://0.0.0.0:5080", false, false)]
    [InlineData("http://*:5080", false, false)]
    [InlineData("http://192.0.2.10:5080", false, false)]
    [InlineData("http://127.0.0.1:5080;http://0.0.0.0:5081", false, false)]
    [InlineData("http://0.0.0.0:5080", true, true)]
    public void Only_loopback_unless_the_user_chose_the_urls(string urls, bool chosen, bool allowed)
    {
        var options = new WebOptions { DbPath = "unused.db", Urls = urls, UrlsChosenByUser = chosen };
        if (allowed)
        {
            Assert.NotEmpty(ListenAddresses.Validate(options));
        }
        else
        {
            Assert.Contains("not a loopback address", Assert.Throws<WebConfigurationException>(() => ListenAddresses.Validate(options)).Message, StringComparison.Ordinal);
        }
    }
}
