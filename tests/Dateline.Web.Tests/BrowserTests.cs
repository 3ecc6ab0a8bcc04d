using System.Net.Http.Json;
using System.Text.Json;
using Dateline.Testing;
using Microsoft.Playwright;

namespace Dateline.Web.Tests;

/// <summary>The analyst's path through the pages in a real browser, the XSS bar, the ingest page; screenshots of each page.</summary>
public sealed class BrowserTests(WebAppFixture app, BrowserFixture browser) : IClassFixture<WebAppFixture>, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await browser.Require().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                problems.Add(m.Text); // CSP violations and script errors show up here
            }
        };
        page.PageError += (_, e) => problems.Add(e);
        return (context, page, problems);
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });

    [Fact]
    public async Task Search_open_the_seed_article_see_its_quotes_and_open_Ishibas_page()
    {
        var (context, page, problems) = await OpenAsync();
        await using var _ = context;
        Corpora.Require("seed");

        await page.GotoAsync("/");
        await page.Locator("#q").FillAsync("Ishiba stable ties");
        await page.Locator("#q").PressAsync("Enter");
        var result = page.Locator(".result a", new PageLocatorOptions { HasText = "Ishiba expresses hope for stable ties" });
        await result.First.WaitForAsync();
        Assert.Equal("Ishiba AND stable AND ties", await page.Locator("#parsed").InnerTextAsync());
        Assert.True(await page.Locator(".result .snippet mark").CountAsync() > 0);
        await ShotAsync(page, "1-search");

        await result.First.ClickAsync();
        await page.Locator("#body .quote").First.WaitForAsync();
        Assert.True(await page.Locator("#body .quote").CountAsync() >= 3);
        var speakers = await page.Locator("#body .quote").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.speaker || '')");
        Assert.Contains("Shigeru Ishiba", speakers);
        Assert.Contains("Yoshimasa Hayashi", speakers);
        var listed = await page.Locator(".quotes .speaker").AllInnerTextsAsync();
        Assert.Contains("Shigeru Ishiba", listed);
        Assert.Contains("Yoshimasa Hayashi", listed);
        Assert.True(await page.Locator("#body .entity[data-type='PERSON']").CountAsync() > 0);
        Assert.Equal("Japan Today", await page.Locator(".meta-panel .source").InnerTextAsync());
        Assert.Contains("from header", await page.Locator(".meta-panel .published").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "2-article");

        await page.Locator(".quotes a.speaker", new PageLocatorOptions { HasText = "Shigeru Ishiba" }).First.ClickAsync();
        await page.Locator("#actor-name").WaitForAsync();
        Assert.Equal("Shigeru Ishiba", await page.Locator("#actor-name").InnerTextAsync());
        Assert.Contains("Ishiba", await page.Locator(".aliases .alias").AllInnerTextsAsync());
        Assert.Contains("Prime Minister", await page.Locator(".roles .role td").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".timeline rect.bar").CountAsync() >= 1);
        Assert.True(await page.Locator(".quotes .quote-item").CountAsync() >= 1);
        await ShotAsync(page, "3-actor");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Pages_fit_a_phone_and_start_with_a_keyboard_reachable_skip_link()
    {
        var (context, page, problems) = await OpenAsync(390, 844);
        await using var _ = context;
        var id = (await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=ferry", Ct)).GetProperty("hits")[0].GetProperty("id").GetString()!;
        foreach (var (path, name) in new[] { ("/", "phone-search"), ("/articles/" + Uri.EscapeDataString(id), "phone-article"), ("/actors", "phone-actors") })
        {
            await page.GotoAsync(path);
            await ShotAsync(page, name);
            var wide = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40))");
            Assert.True(wide.Length == 0, path + " scrolls sideways on a phone: " + string.Join(" | ", wide));
        }

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.Equal(1, await page.Locator("main#main").CountAsync());
        Assert.Equal(1, await page.Locator("nav[aria-label='Main']").CountAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Markup_in_an_article_renders_as_inert_text()
    {
        var (context, page, problems) = await OpenAsync();
        await using var _ = context;
        var dialogs = new List<string>();
        page.Dialog += async (_, d) =>
        {
            dialogs.Add(d.Message);
            await d.DismissAsync();
        };
        var id = (await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=moorings", Ct)).GetProperty("hits")[0].GetProperty("id").GetString()!;

        await page.GotoAsync("/?q=moorings");
        await page.Locator(".result").First.WaitForAsync();
        await ShotAsync(page, "xss-search");
        await page.GotoAsync("/articles/" + Uri.EscapeDataString(id));
        await page.Locator("#body").WaitForAsync();
        await page.WaitForTimeoutAsync(300); // let anything that could run, run
        await ShotAsync(page, "xss-article");

        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("#body script, #title script, .meta-panel script").CountAsync());
        Assert.Equal(["/static/app.js"], await page.Locator("script").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('src') || 'inline')"));
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Equal(0, await page.Locator("[onerror], [onclick], [onload]").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript:' i]").CountAsync());
        Assert.Contains("<script>alert(1)</script>", await page.Locator("#body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", await page.Locator("#body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("<script>", await page.Locator("#title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("javascript:alert(1)", await page.Locator(".meta-panel").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_ingest_page_uploads_pasted_records_with_the_key_and_shows_the_result()
    {
        var (context, page, problems) = await OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/ingest");
        await page.Locator("#key").FillAsync(WebAppFixture.ApiKey);
        await page.Locator("#jsonl").FillAsync("{\"title\": \"Orchard growers report early blossom\", \"text\": \"Orchard growers in the valley reported early blossom this spring.\", \"source\": \"Valley Post\", \"published\": \"2025-04-02\"}");
        await page.Locator("#send").ClickAsync();
        await page.Locator("#status", new PageLocatorOptions { HasText = "Done" }).WaitForAsync();
        Assert.Contains("1 new", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "4-ingest");
        Assert.Equal(1, (await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=orchard", Ct)).GetProperty("total").GetInt64());

        await page.Locator("#key").FillAsync("not-the-key-0123456789");
        await page.Locator("#send").ClickAsync();
        await page.Locator("#status", new PageLocatorOptions { HasText = "Failed (401)" }).WaitForAsync();
        Assert.DoesNotContain(problems, p => !p.Contains("401", StringComparison.Ordinal));
    }
}
