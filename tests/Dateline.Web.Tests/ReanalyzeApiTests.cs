using System.Net.Http.Json;
using System.Text.Json;

namespace Dateline.Web.Tests;

/// <summary>Actor overrides sent through the API reach articles stored before them once a key holder asks for a reanalysis.</summary>
public sealed class ReanalyzeApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> PostAsync(string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-Api-Key", WebAppFixture.ApiKey);
        using var response = await app.Client.SendAsync(request, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    [Fact]
    public async Task Overrides_then_reanalyze_recode_stored_articles_and_a_second_run_has_nothing_to_do()
    {
        await PostAsync("/api/ingest", JsonContent.Create(new
        {
            documents = new[]
            {
                new { title = "Harbour dues rise", text = "Harbour master Ellen Brandt said on Monday that dues would rise in July.", published = "2025-06-02", source = "Coastal Courier" },
            },
        }));
        var before = await app.Client.GetFromJsonAsync<JsonElement>("/api/actors?q=Brandt", Ct);
        Assert.DoesNotContain(before.GetProperty("items").EnumerateArray(), a => a.GetProperty("code").GetString() == "GBRGOV");

        await PostAsync("/api/actors/overrides", JsonContent.Create(new
        {
            lines = new[] { "name\taliases\ttype\tcode\tcountry\trole", "Ellen Brandt\tBrandt\tPERSON\tGBRGOV\tGBR\tHarbour Master" },
        }));
        var articles = (await app.Client.GetFromJsonAsync<JsonElement>("/api/stats", Ct)).GetProperty("articles").GetInt32();
        var run = await PostAsync("/api/reanalyze", new StringContent(string.Empty));

        Assert.Equal((articles, articles), (run.GetProperty("pending").GetInt32(), run.GetProperty("analyzed").GetInt32()));
        var after = await app.Client.GetFromJsonAsync<JsonElement>("/api/actors?q=Brandt", Ct);
        var brandt = Assert.Single(after.GetProperty("items").EnumerateArray(), a => a.GetProperty("name").GetString() == "Ellen Brandt");
        Assert.Equal(("GBRGOV", "GBR"), (brandt.GetProperty("code").GetString(), brandt.GetProperty("country").GetString()));

        var again = await PostAsync("/api/reanalyze", new StringContent(string.Empty));
        Assert.Equal((0, 0), (again.GetProperty("pending").GetInt32(), again.GetProperty("analyzed").GetInt32()));
        Assert.Equal(run.GetProperty("analysis").GetString(), again.GetProperty("analysis").GetString());
    }
}
