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

    [Fact]
    public async Task A_reprint_sent_later_is_listed_as_another_version_of_the_story_in_the_api_and_on_the_page()
    {
        const string Wire = "The lock keepers of the Marren canal said on Thursday that the eastern lock would close for eight weeks of repairs, "
            + "after ice damaged both of its wooden gates during the cold spell in February.\n\n"
            + "Barges bound for the river port will wait at the western basin while the gates are rebuilt, the keepers said in a notice "
            + "posted at the lock house, and pleasure boats will not pass at all.";
        const string Reprint = "Barge skippers face delays on the Marren canal. " + Wire;
        await PostAsync("/api/ingest", JsonContent.Create(new
        {
            documents = new[] { new { title = "Marren lock to close for repairs", text = Wire, published = "2025-03-06", source = "Canal Wire" } },
        }));
        await PostAsync("/api/ingest", JsonContent.Create(new
        {
            documents = new[] { new { title = "Ice-damaged gates shut Marren lock", text = Reprint, published = "2025-03-07", source = "Waterways Weekly" } },
        }));
        var hits = (await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=Marren", Ct)).GetProperty("hits").EnumerateArray()
            .ToDictionary(h => h.GetProperty("title").GetString()!, h => h.GetProperty("id").GetString()!);
        var (wireId, reprintId) = (hits["Marren lock to close for repairs"], hits["Ice-damaged gates shut Marren lock"]);

        var article = await app.Client.GetFromJsonAsync<JsonElement>("/api/articles/" + reprintId, Ct);
        var version = Assert.Single(article.GetProperty("story").EnumerateArray());
        Assert.Equal((wireId, "Canal Wire"), (version.GetProperty("id").GetString(), version.GetProperty("source").GetString()));

        var collapsed = await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=Marren&collapse=true", Ct);
        Assert.Equal(1, collapsed.GetProperty("total").GetInt32());
        Assert.Equal(2, Assert.Single(collapsed.GetProperty("hits").EnumerateArray()).GetProperty("story_matches").GetInt32());
        var results = await app.Client.GetStringAsync("/?q=Marren&stories=1", Ct);
        Assert.Contains("+1 more article on this story", System.Net.WebUtility.HtmlDecode(results), StringComparison.Ordinal);
        Assert.Contains("1 story for", results, StringComparison.Ordinal);

        var page = await app.Client.GetStringAsync("/articles/" + wireId, Ct);
        Assert.Contains("Other articles on this story (1)", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/articles/{Uri.EscapeDataString(reprintId)}\"", page, StringComparison.Ordinal);
    }
}
