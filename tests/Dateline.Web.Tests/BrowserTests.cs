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

        // Events are marked on their trigger words with a visible label, and listed with their evidence and actor links.
        var intents = await page.Locator("#body a.event[data-cameo~='036']").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.label || '')");
        Assert.Contains(intents, l => l.Contains("JPNGOV → KORGOV · 036 express intent to meet or negotiate (CONSULT)", StringComparison.Ordinal));
        // Codes do not break the prose: a tooltip, written after the words while the event has focus or when asked for.
        const string AfterContent = "els => els.map(e => getComputedStyle(e, '::after').content)";
        var marks = page.Locator("#body a.event[data-cameo~='036']");
        Assert.All(await marks.EvaluateAllAsync<string[]>(AfterContent), c => Assert.Equal("none", c));
        Assert.Contains("JPNGOV → KORGOV · 036", await marks.First.GetAttributeAsync("title") ?? string.Empty, StringComparison.Ordinal);
        await marks.First.FocusAsync();
        Assert.Contains("036", (await marks.First.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content")), StringComparison.Ordinal);
        await page.Locator("#toggle-codes").CheckAsync();
        Assert.Contains(await marks.EvaluateAllAsync<string[]>(AfterContent), c => c.Contains("JPNGOV → KORGOV · 036", StringComparison.Ordinal));
        await page.Locator("#toggle-codes").UncheckAsync();

        // Each layer can be switched off; its words stay, its marks go.
        const string Background = "e => getComputedStyle(e).backgroundColor";
        var person = page.Locator("#body .entity[data-type='PERSON']").First;
        var marked = await person.EvaluateAsync<string>(Background);
        await page.Locator("#toggle-people").UncheckAsync();
        Assert.NotEqual(marked, await person.EvaluateAsync<string>(Background));
        await page.Locator("#toggle-events").UncheckAsync();
        Assert.Equal("rgba(0, 0, 0, 0)", await marks.First.EvaluateAsync<string>(Background));
        await page.Locator("#toggle-people").CheckAsync();
        await page.Locator("#toggle-events").CheckAsync();
        Assert.Equal(marked, await person.EvaluateAsync<string>(Background));
        Assert.Contains("events (", await page.Locator("#layer-toggles").InnerTextAsync(), StringComparison.Ordinal); // the legend counts each layer
        var listed036 = page.Locator(".events .event-item[data-cameo='036']", new PageLocatorOptions { HasText = "wants to hold summit talks" });
        Assert.Equal(1, await listed036.CountAsync());
        Assert.Equal("Shigeru Ishiba", await listed036.Locator(".source a.actor-link").InnerTextAsync());
        Assert.Equal("hold summit talks", await listed036.Locator(".evidence mark").InnerTextAsync()); // the trigger inside its evidence sentence
        await ShotAsync(page, "2-article");

        await page.Locator(".quotes a.speaker", new PageLocatorOptions { HasText = "Shigeru Ishiba" }).First.ClickAsync();
        await page.Locator("#actor-name").WaitForAsync();
        Assert.Equal("Shigeru Ishiba", await page.Locator("#actor-name").InnerTextAsync());
        Assert.Contains("Ishiba", await page.Locator(".aliases .alias").AllInnerTextsAsync());
        Assert.Contains("Prime Minister", await page.Locator(".roles .role td").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".timeline rect.bar").CountAsync() >= 1);
        Assert.True(await page.Locator(".quotes .quote-item").CountAsync() >= 1);
        var asSource = page.Locator(".actor-events #as-source + .event-list .event-item[data-cameo='036']", new PageLocatorOptions { HasText = "wants to hold summit talks" });
        Assert.Equal(1, await asSource.CountAsync());
        Assert.True(await page.Locator(".timeline rect.bar.events").CountAsync() >= 1);
        Assert.Contains("2025-06", await page.Locator(".timeline rect.bar.events[data-count]:not([data-count='0'])").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.month)"));
        await ShotAsync(page, "3-actor");

        // The dyad page: pick two actors, then one period of the chart shows its events with their evidence sentences.
        await page.Locator("nav[aria-label='Main'] a", new PageLocatorOptions { HasText = "Dyads" }).ClickAsync();
        await page.Locator("#a").FillAsync("jpn");
        await page.Locator("#b").FillAsync("KOR");
        await page.Locator("#compare").ClickAsync();
        await page.Locator("#dyad-title").WaitForAsync();
        Assert.EndsWith("/dyads/JPN/KOR", page.Url, StringComparison.Ordinal);
        var june = page.Locator(".dyad-chart a.period[data-period='2025-06-01']");
        Assert.True(await june.Locator("rect.q1").CountAsync() == 1, "June has verbal cooperation");
        Assert.Contains("events per 100 articles", await june.Locator("title").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await june.FocusAsync();
        Assert.Equal("2025-06-01", await page.EvaluateAsync<string>("() => document.activeElement.dataset.period")); // keyboard reachable
        await ShotAsync(page, "5-dyad");
        await june.ClickAsync();
        var evidence = page.Locator("#events .evidence", new PageLocatorOptions { HasText = "wants to hold summit talks" });
        await evidence.First.WaitForAsync();
        Assert.Contains("period=2025-06-01", page.Url, StringComparison.Ordinal);
        Assert.Contains("2025-06-01", await page.Locator("#period-h").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator(".dyad-table a.period-link[aria-current='true']").GetAttributeAsync("aria-current"));
        await ShotAsync(page, "6-dyad-period");

        await page.Locator("nav[aria-label='Main'] a", new PageLocatorOptions { HasText = "Events" }).ClickAsync();
        await page.Locator("#source_actor").FillAsync("JPNGOV");
        await page.Locator("#code").FillAsync("036");
        await page.Locator("#filter").ClickAsync();
        await page.Locator(".event-item .evidence", new PageLocatorOptions { HasText = "wants to hold summit talks" }).WaitForAsync();
        await ShotAsync(page, "7-events");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_dyad_chart_fills_its_column_with_separate_axes_and_undated_events_are_counted_not_lost()
    {
        Corpora.Require("seed");
        // A report with no date between the seed's actors (as every BBC text is): the charts cannot place it, the pages say so.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest")
        {
            Content = JsonContent.Create(new
            {
                documents = new[] { new { title = "Undated ministers' meeting", source = "Undated Wire",
                text = "Japanese Prime Minister Shigeru Ishiba met South Korean President Lee Jae-myung in Seoul.\n\nJapan praised South Korea for its help." } }
            }),
        })
        {
            request.Headers.Add("X-Api-Key", WebAppFixture.ApiKey);
            using var response = await app.Client.SendAsync(request, Ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        var (context, page, problems) = await OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/dyads/JPN/KOR");
        await page.Locator(".dyad-chart svg").WaitForAsync();
        var widths = await page.EvaluateAsync<double[]>("() => { const f = document.querySelector('.dyad-chart'); return [f.querySelector('svg').getBoundingClientRect().width, f.parentElement.getBoundingClientRect().width]; }");
        Assert.True(widths[0] >= 0.8 * widths[1], $"chart {widths[0]} px in a {widths[1]} px column");

        // Counts and Goldstein have their own axes: the Goldstein panel (and its zero) lies below every count gridline.
        var gap = await page.EvaluateAsync<double>("() => { const c = [...document.querySelectorAll('.dyad-chart .counts-panel line.grid')].map(l => +l.getAttribute('y1')); "
            + "return +document.querySelector('.dyad-chart .goldstein-panel line.zero').getAttribute('y1') - Math.max(...c); }");
        Assert.True(gap > 0, $"Goldstein zero {gap} units below the count axis");
        Assert.Matches("^[1-9][0-9]* more events? between these actors", await page.Locator("#undated").InnerTextAsync());
        await ShotAsync(page, "5b-dyad-wide");

        var actors = await app.Client.GetFromJsonAsync<JsonElement>("/api/actors?q=Japan", Ct);
        var japan = actors.GetProperty("items").EnumerateArray().First(a => a.GetProperty("code").GetString() == "JPN").GetProperty("id").GetString()!;
        await page.GotoAsync("/actors/" + Uri.EscapeDataString(japan));
        var undated = page.Locator("#undated");
        Assert.Matches("^[1-9][0-9]* articles? and [1-9][0-9]* events? have no date", await undated.InnerTextAsync());
        Assert.Equal(2, await undated.Locator("a").CountAsync()); // where to read them
        var timeline = await page.EvaluateAsync<double[]>("() => { const f = document.querySelector('figure.timeline'); return [f.querySelector('svg').getBoundingClientRect().width, f.parentElement.getBoundingClientRect().width]; }");
        Assert.True(timeline[0] >= 0.8 * timeline[1], $"timeline {timeline[0]} px in a {timeline[1]} px column");
        await ShotAsync(page, "3b-actor-undated");

        // A date range narrows the actor's events and articles to it, and says so.
        static int Count(string heading) => int.Parse(System.Text.RegularExpressions.Regex.Match(heading, @"\((\d+)\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var allEvents = Count(await page.Locator("#events-h").InnerTextAsync());
        var allArticles = await page.Locator(".actor-articles .meta").AllInnerTextsAsync();
        Assert.Contains(allArticles, m => !m.Contains("2025-06-", StringComparison.Ordinal)); // some outside the range, or the test proves nothing
        await page.Locator("#from").FillAsync("2025-06-01");
        await page.Locator("#to").FillAsync("2025-06-30");
        await page.Locator("#apply-range").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("from=2025-06-01&to=2025-06-30"));
        Assert.StartsWith("From 2025-06-01 to 2025-06-30", await page.Locator("#range").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(Count(await page.Locator("#events-h").InnerTextAsync()) <= allEvents);
        var june = await page.Locator(".actor-articles .meta").AllInnerTextsAsync();
        Assert.NotEmpty(june);
        Assert.All(june, m => Assert.Matches("2025-06-[0-3][0-9]$", m));

        await page.GotoAsync("/dyads/JPN/KOR?from=2025-06-01");
        Assert.Equal("2025-06-01", await page.Locator(".dyad-form #from").InputValueAsync());
        Assert.Empty(problems);

        // A range that ends before it starts is a 400 that says so (the browser logs the status, nothing else).
        await page.GotoAsync("/actors/" + Uri.EscapeDataString(japan) + "?from=2025-07-01&to=2025-06-01");
        Assert.Contains("is after", await page.Locator("#problem").InnerTextAsync(), StringComparison.Ordinal);
        Assert.All(problems, p => Assert.Contains("400", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_fit_a_phone_and_start_with_a_keyboard_reachable_skip_link()
    {
        var (context, page, problems) = await OpenAsync(390, 844);
        await using var _ = context;
        var id = (await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=ferry", Ct)).GetProperty("hits")[0].GetProperty("id").GetString()!;
        foreach (var (path, name) in new[] { ("/", "phone-search"), ("/articles/" + Uri.EscapeDataString(id), "phone-article"), ("/actors", "phone-actors"),
                     ("/events?actor=JPN", "phone-events"), ("/dyads/JPN/KOR?period=2025-06-01", "phone-dyad") })
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
        Assert.Equal("<script>alert(2)</script>, \" onmouseover=\"alert(3)", await page.Locator("dd.tags").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[onmouseover]").CountAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_tag_on_the_article_page_lists_the_articles_that_carry_it()
    {
        var (context, page, problems) = await OpenAsync();
        await using var _ = context;
        var id = (await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=terminal", Ct)).GetProperty("hits")[0].GetProperty("id").GetString()!;

        await page.GotoAsync("/articles/" + Uri.EscapeDataString(id));
        await page.Locator("dd.tags a", new() { HasText = "Ferries" }).ClickAsync();
        await page.Locator(".result").First.WaitForAsync();

        Assert.Equal("Ferries", await page.Locator("#tag").InputValueAsync());
        Assert.Contains("tagged \u201CFerries\u201D", await page.Locator("h2.summary").InnerTextAsync(), StringComparison.Ordinal);
        var titles = await page.Locator(".result h2").AllInnerTextsAsync();
        Assert.Contains("Harbour authority approves new ferry terminal", titles);
        Assert.DoesNotContain("Glassworks union calls off strike after pay offer", titles);
        Assert.Empty(problems);
    }

    [Fact]
    [Trait("issue", "16")]
    public async Task Clicking_a_search_facet_narrows_the_results_to_it_and_show_all_widens_them_again()
    {
        var (context, page, problems) = await OpenAsync();
        await using var _ = context;
        var dialogs = new List<string>();
        page.Dialog += async (_, d) =>
        {
            dialogs.Add(d.Message);
            await d.DismissAsync();
        };

        await page.GotoAsync("/");
        await page.Locator("#q").FillAsync("harbour OR zeppelin");
        await page.Locator("#q").PressAsync("Enter");
        await page.Locator("#facets").WaitForAsync();
        var before = await page.Locator(".result h2").AllInnerTextsAsync();
        Assert.Contains("Museum reopens its zeppelin hall", before);
        Assert.Contains("Harbour authority approves new ferry terminal", before);
        // Every source of the hits is a facet, with its count; the markup in a source or tag stays text.
        var sources = await page.Locator("#facet-source .facet-link").AllInnerTextsAsync();
        Assert.Contains("Northern Ledger", sources);
        Assert.Contains("Test <b>Wire</b>", sources);
        Assert.Contains("<script>alert(2)</script>", await page.Locator("#facet-tag .facet-link").AllInnerTextsAsync());
        await ShotAsync(page, "facets-1-search");

        await page.Locator("#facet-source .facet-link[data-value='Northern Ledger']").ClickAsync();
        await page.Locator(".facet-current").WaitForAsync();
        Assert.Equal(["Museum reopens its zeppelin hall"], await page.Locator(".result h2").AllInnerTextsAsync());
        Assert.Equal("Northern Ledger", await page.Locator("#source").InputValueAsync());
        Assert.Equal("harbour OR zeppelin", await page.Locator("#q").InputValueAsync());
        Assert.Equal(["Northern Ledger"], await page.Locator("#facet-source .facet-link").AllInnerTextsAsync());
        await ShotAsync(page, "facets-2-narrowed");

        await page.Locator("#facet-source .facet-remove").ClickAsync();
        await page.Locator("#facet-tag .facet-link[data-value='Ferries']").ClickAsync();
        await page.Locator("#facet-tag .facet-current").WaitForAsync();
        Assert.Equal(["Harbour authority approves new ferry terminal"], await page.Locator(".result h2").AllInnerTextsAsync());
        Assert.Equal("Ferries", await page.Locator("#tag").InputValueAsync());

        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("[onmouseover]").CountAsync());
        Assert.Empty(problems);
    }

    [Fact]
    [Trait("issue", "16")]
    public async Task The_attention_chart_of_a_search_with_two_queries_draws_two_series_with_a_legend_across_its_column()
    {
        var (context, page, problems) = await OpenAsync();
        await using var _ = context;

        // From a search to its attention, then a second query beside it.
        await page.GotoAsync("/?q=ferry");
        await page.Locator("#attention-link").ClickAsync();
        await page.Locator("#attention-chart svg").WaitForAsync();
        Assert.Equal("ferry", await page.Locator("#q0").InputValueAsync());
        await page.Locator("label", new PageLocatorOptions { HasText = "Query 2" }).ClickAsync(); // the label names its field
        await page.Keyboard.TypeAsync("zeppelin");
        await page.Locator("#compare").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q=zeppelin", StringComparison.Ordinal));
        await page.Locator("#attention-chart svg").WaitForAsync();

        // Two series, each drawn (a line or, for a lone period, a point), in two different colours, named in the legend.
        Assert.Equal(["ferry", "zeppelin"], await page.Locator("#attention-chart g.series").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.query)"));
        var colours = await page.Locator("#attention-chart g.series").EvaluateAllAsync<string[]>(
            "els => els.map(e => { const m = e.querySelector('polyline, circle'); return m ? getComputedStyle(m).getPropertyValue(m.tagName === 'polyline' ? 'stroke' : 'fill') : ''; })");
        Assert.All(colours, c => Assert.False(string.IsNullOrEmpty(c) || c == "none", "a series is not drawn"));
        Assert.Equal(2, colours.Distinct().Count());
        var legend = await page.Locator("#attention-legend li").AllInnerTextsAsync();
        Assert.Equal(2, legend.Count);
        Assert.Matches("^“?ferry”? · [1-9][0-9]* articles?$", legend[0]);
        Assert.Matches("^“?zeppelin”? · [1-9][0-9]* articles?$", legend[1]);
        var swatches = await page.Locator("#attention-legend .swatch").EvaluateAllAsync<string[]>("els => els.map(e => getComputedStyle(e).backgroundColor)");
        Assert.Equal(colours, swatches); // each legend entry in its line's colour

        var widths = await page.EvaluateAsync<double[]>("() => { const f = document.querySelector('#attention-chart'); return [f.querySelector('svg').getBoundingClientRect().width, f.parentElement.getBoundingClientRect().width]; }");
        Assert.True(widths[0] >= 0.8 * widths[1], $"chart {widths[0]} px in a {widths[1]} px column");
        Assert.True(await page.Locator("#attention-table tbody tr").CountAsync() >= 2);
        await ShotAsync(page, "10-attention");

        // The share view: the same lines, on a percentage axis.
        await page.Locator("#view-toggle").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("view=share", StringComparison.Ordinal));
        Assert.Contains("% of articles", await page.Locator("#attention-chart .axis-title").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("#attention-chart g.series").CountAsync());
        await ShotAsync(page, "10b-attention-share");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_stories_and_store_pages_list_the_most_reported_first_and_what_the_store_holds()
    {
        var (context, page, problems) = await OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await page.Locator("nav[aria-label='Main'] a", new PageLocatorOptions { HasText = "Stories" }).ClickAsync();
        await page.Locator("#stories-h1").WaitForAsync();
        var counts = await page.Locator("ol.stories li.story").EvaluateAllAsync<int[]>("els => els.map(e => +e.dataset.articles)");
        Assert.NotEmpty(counts);
        Assert.Equal(counts.OrderByDescending(c => c), counts); // the most reported first
        var first = page.Locator("ol.stories li.story a").First;
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        await page.Locator("#title").WaitForAsync();
        Assert.Equal(title, await page.Locator("#title").InnerTextAsync());

        await page.GotoAsync("/stats");
        var stats = await app.Client.GetFromJsonAsync<JsonElement>("/api/stats", Ct);
        Assert.Equal(stats.GetProperty("articles").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#stat-articles").InnerTextAsync());
        Assert.Equal(stats.GetProperty("events").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#stat-events").InnerTextAsync());
        Assert.True(await page.Locator("table#sources tbody tr").CountAsync() >= 1);
        await ShotAsync(page, "9-stats");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_docs_table_keeps_its_columns_readable_and_an_unknown_address_is_a_page_with_navigation()
    {
        var (context, page, problems) = await OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/docs");
        var widths = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('table.operations tbody tr:first-child td')].map(td => td.getBoundingClientRect().width)");
        Assert.Equal(3, widths.Length);
        Assert.All(widths, w => Assert.True(w >= 80, $"a column {w} px wide"));
        var described = await page.Locator("table.operations .description").AllInnerTextsAsync();
        Assert.DoesNotContain(described, d => d.Contains('`', StringComparison.Ordinal)); // backticks became code
        Assert.True(await page.Locator("table.operations .description code").CountAsync() > 0);
        await ShotAsync(page, "8-docs");

        var response = await page.GotoAsync("/no/such/page");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Not found", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("nav[aria-label='Main'] a").CountAsync() >= 5);
        Assert.DoesNotContain(problems, p => !p.Contains("404", StringComparison.Ordinal));
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
        var orchard = (await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=orchard", Ct)).GetProperty("hits")[0].GetProperty("id").GetString();
        // Where to look next: the newest articles, the events, and the article just stored (by its id).
        Assert.Equal(["/", "/events", "/articles/" + orchard], await page.Locator("#status a").EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href'))"));
        Assert.Equal("Orchard growers report early blossom", await page.Locator("#stored a").InnerTextAsync());
        Assert.Contains("(inserted)", await page.Locator("#stored li").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "4-ingest");
        Assert.Equal(1, (await app.Client.GetFromJsonAsync<JsonElement>("/api/search?q=orchard", Ct)).GetProperty("total").GetInt64());

        await page.Locator("#key").FillAsync("not-the-key-0123456789");
        await page.Locator("#send").ClickAsync();
        await page.Locator("#status", new PageLocatorOptions { HasText = "The API key is missing or wrong" }).WaitForAsync();
        Assert.DoesNotContain(problems, p => !p.Contains("401", StringComparison.Ordinal));
    }
}
