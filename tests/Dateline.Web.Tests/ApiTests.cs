using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Web.Tests;

/// <summary>The JSON API over real HTTP: reads, paging, problem details and the headers every response carries.</summary>
public sealed class ApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await app.Client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode}\n{body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Search_results_export_as_csv_and_json_lines_with_the_same_query_and_an_unknown_format_is_refused()
    {
        var json = await GetJsonAsync("/api/search?q=ferry%20OR%20zeppelin&limit=1");
        var total = json.GetProperty("total").GetInt64();
        Assert.True(total >= 2);

        using var csv = await app.Client.GetAsync("/api/search?q=ferry%20OR%20zeppelin&format=csv&limit=1", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimEnd('\n').Split('\n');
        Assert.Equal("rank,id,title,source,published,score,story_id,story_matches", lines[0]);
        Assert.Equal(total, lines.Length - 1); // every hit, not the page the limit asks for
        Assert.StartsWith("1," + json.GetProperty("hits")[0].GetProperty("id").GetString() + ",", lines[1], StringComparison.Ordinal);

        using var jsonl = await app.Client.GetAsync("/api/search?q=ferry%20OR%20zeppelin&format=jsonl", Ct);
        var rows = (await jsonl.Content.ReadAsStringAsync(Ct)).TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Enumerable.Range(1, (int)total), rows.Select(r => r.GetProperty("rank").GetInt32()));

        var refused = await GetJsonAsync("/api/search?q=ferry&format=xml", HttpStatusCode.BadRequest);
        Assert.Contains("csv", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_events_page_says_its_filters_in_the_heading_and_takes_an_actor_by_name_as_the_home_page_does()
    {
        Corpora.Require("seed");
        var byCode = await app.Client.GetStringAsync("/events?actor=jpn&code=036&from=2025-06-01", Ct);
        Assert.Contains("<h1 id=\"events-h1\">Events · involving JPN · code 036 · from 2025-06-01</h1>", byCode, StringComparison.Ordinal);

        var byName = await app.Client.GetStringAsync("/events?actor=Shigeru%20Ishiba", Ct);
        Assert.Contains("<h1 id=\"events-h1\">Events of Shigeru Ishiba</h1>", byName, StringComparison.Ordinal);
        Assert.Contains("class=\"event-item\"", byName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-07-24T11:42:00+02:00", "2025-07-24")]
    [InlineData("2025-07-24", "2025-07-24")]
    [InlineData("July 2025", "July 2025")]
    [InlineData(null, null)]
    public void Lists_show_a_published_moment_as_its_day(string? published, string? shown) => Assert.Equal(shown, Pages.SearchPage.Day(published));

    [Fact]
    public async Task A_dyad_page_error_names_the_field_and_shows_what_was_typed()
    {
        using var response = await app.Client.GetAsync("/dyads/JP%2FN/KOR", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("The first actor code &#x27;JP/N&#x27; is not a code", html, StringComparison.Ordinal);
        Assert.DoesNotContain("%2F", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_with_the_store_and_its_article_count()
    {
        var health = await GetJsonAsync("/api/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Contains("desk.db", health.GetProperty("store").GetString(), StringComparison.Ordinal);
        Assert.True(health.GetProperty("articles").GetInt64() >= 5);
    }

    [Fact]
    public async Task Articles_page_with_cursors_until_every_article_is_seen_once()
    {
        var total = (await GetJsonAsync("/api/stats")).GetProperty("articles").GetInt64();
        var ids = new List<string>();
        var path = "/api/articles?limit=2";
        for (var pages = 0; pages < 50; pages++)
        {
            var page = await GetJsonAsync(path);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            ids.AddRange(items.Select(i => i.GetProperty("id").GetString()!));
            if (page.GetProperty("next").GetString() is not { } next)
            {
                break;
            }

            path = "/api/articles?limit=2&cursor=" + Uri.EscapeDataString(next);
        }

        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Articles_and_search_filter_by_tag()
    {
        var page = await GetJsonAsync("/api/articles?tag=ferries");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Harbour authority approves new ferry terminal", item.GetProperty("title").GetString());
        var article = await GetJsonAsync("/api/articles/" + item.GetProperty("id").GetString());
        Assert.Equal(["Ferries", "Portsmouth"], article.GetProperty("article").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Empty((await GetJsonAsync("/api/search?q=strike&tag=ferries")).GetProperty("hits").EnumerateArray());
        Assert.Single((await GetJsonAsync("/api/search?q=terminal&tag=PORTSMOUTH")).GetProperty("hits").EnumerateArray());
    }

    [Fact]
    public async Task Articles_filter_by_source_and_dates()
    {
        var page = await GetJsonAsync("/api/articles?source=northern%20ledger&from=2025-05-20&to=2025-05-31");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Rail operator trials quieter brakes", item.GetProperty("title").GetString());
        Assert.Equal("2025-05-23", item.GetProperty("published").GetString());
    }

    [Fact]
    public async Task An_article_comes_with_its_layers_and_a_missing_one_is_a_404_problem()
    {
        var id = (await GetJsonAsync("/api/search?q=zeppelin")).GetProperty("hits")[0].GetProperty("id").GetString()!;
        var article = await GetJsonAsync("/api/articles/" + id);
        Assert.Equal("Museum reopens its zeppelin hall", article.GetProperty("article").GetProperty("title").GetString());
        Assert.StartsWith("tokens.", article.GetProperty("pipeline").GetString(), StringComparison.Ordinal);
        Assert.True(article.GetProperty("annotations").GetProperty("sentences").GetArrayLength() >= 2);

        using var missing = await app.Client.GetAsync("/api/articles/no-such-id", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Search_echoes_the_parsed_query_and_highlights_ranges_in_the_snippet()
    {
        var r = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("ferry terminal -glassworks"));
        Assert.Equal("ferry terminal -glassworks", r.GetProperty("query").GetString());
        Assert.Equal("ferry AND terminal AND NOT glassworks", r.GetProperty("parsed").GetString());
        var hit = Assert.Single(r.GetProperty("hits").EnumerateArray());
        var snippet = hit.GetProperty("snippet").GetString()!;
        var marked = hit.GetProperty("highlights").EnumerateArray().Select(h => snippet[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()].ToLowerInvariant()).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, m => Assert.Contains(m, new[] { "ferry", "terminal" }));
    }

    [Fact]
    public async Task A_hostile_query_is_folded_or_refused_with_its_reason()
    {
        // Issue 16, defect 1: "the" x 1,000 (a 4 KB URL) once kept a core busy for minutes.
        var folded = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("ferry", 1_000))));
        Assert.Equal("ferry", folded.GetProperty("parsed").GetString());
        Assert.NotEmpty(folded.GetProperty("hits").EnumerateArray());

        var many = string.Join(' ', Enumerable.Range(0, 40).Select(i => "word" + i));
        var refused = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(many), HttpStatusCode.BadRequest);
        Assert.Contains("40 different words and phrases; at most 32", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_pages_are_never_silently_capped()
    {
        var seen = new List<string>();
        var first = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("harbour OR museum OR rail OR glassworks") + "&limit=2");
        var total = first.GetProperty("total").GetInt64();
        Assert.Equal(5, total);
        var page = first;
        while (true)
        {
            seen.AddRange(page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!));
            if (page.GetProperty("next").GetString() is not { } next)
            {
                break;
            }

            page = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("harbour OR museum OR rail OR glassworks") + "&limit=2&cursor=" + Uri.EscapeDataString(next));
        }

        Assert.Equal(5, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("/api/search?q=(summit", "Invalid query")]
    [InlineData("/api/search?q=-only", "Invalid query")]
    [InlineData("/api/articles?from=June", "Bad request")]
    [InlineData("/api/articles?limit=5000", "Bad request")]
    [InlineData("/api/articles?cursor=bm9wZQ", "Invalid cursor")]
    [InlineData("/api/actors?cursor=WyJhcnRpY2xlcyIsIngiLCJ5Il0", "Invalid cursor")]
    public async Task Bad_input_is_a_400_problem_that_says_what_is_wrong_and_shows_no_internals(string path, string title)
    {
        using var response = await app.Client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal); // no stack trace
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_query_parameter_that_is_missing_is_a_problem_too()
    {
        using var response = await app.Client.GetAsync("/api/search", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Actors_are_listed_read_by_id_and_their_quotes_found()
    {
        var actors = await GetJsonAsync("/api/actors?q=Brandt");
        var brandt = Assert.Single(actors.GetProperty("items").EnumerateArray());
        var id = brandt.GetProperty("id").GetString()!;
        var actor = await GetJsonAsync("/api/actors/" + Uri.EscapeDataString(id));
        Assert.Equal(brandt.GetProperty("name").GetString(), actor.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal("2025-05-02", actor.GetProperty("timeline")[0].GetProperty("date").GetString());

        var quotes = await GetJsonAsync("/api/quotes?actor=" + Uri.EscapeDataString(id));
        var quote = Assert.Single(quotes.GetProperty("items").EnumerateArray());
        Assert.Contains("forty years", quote.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(id, quote.GetProperty("speaker_entity_id").GetString());
        Assert.Single((await GetJsonAsync("/api/quotes?speaker=brandt")).GetProperty("items").EnumerateArray());

        await GetJsonAsync("/api/actors/" + Uri.EscapeDataString("PERSON:XXX:nobody"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_seed_article_has_quotes_by_Ishiba_linked_to_his_actor()
    {
        Corpora.Require("seed");
        var hit = (await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("title:Ishiba stable ties"))).GetProperty("hits")[0];
        var article = await GetJsonAsync("/api/articles/" + hit.GetProperty("id").GetString());
        var links = article.GetProperty("actor_entities");
        var speakers = article.GetProperty("annotations").GetProperty("quotes").EnumerateArray()
            .Select(q => q.GetProperty("speaker")).Where(s => s.ValueKind == JsonValueKind.Object && s.GetProperty("actor").ValueKind == JsonValueKind.String)
            .Select(s => links.TryGetProperty(s.GetProperty("actor").GetString()!, out var e) ? e.GetString() : null).ToList();
        Assert.Contains("PERSON:JPN:shigeru ishiba", speakers);
    }

    [Fact]
    public async Task Stats_report_sources_and_schema()
    {
        var stats = await GetJsonAsync("/api/stats");
        Assert.True(stats.GetProperty("schema_version").GetInt32() >= 6);
        Assert.Contains(stats.GetProperty("by_source").EnumerateArray(), s => s.GetProperty("key").GetString() == "Coastal Courier" && s.GetProperty("value").GetInt64() == 2);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/health")]
    [InlineData("/api/articles/no-such-id")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await app.Client.GetAsync(path, Ct);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }
}
