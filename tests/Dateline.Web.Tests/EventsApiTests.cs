using System.Net;
using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Web.Tests;

/// <summary>/api/events (paging, filters, exports), /api/events/{id} and /api/dyads over real HTTP and the seed's events.</summary>
public sealed class EventsApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await app.Client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode}\n{body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<(string ContentType, string[] Lines)> GetLinesAsync(string path)
    {
        using var response = await app.Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return (response.Content.Headers.ContentType?.MediaType ?? string.Empty, body.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Paging_walks_every_event_exactly_once_and_matches_the_uncapped_export()
    {
        var listed = new List<(long Id, string? Date)>();
        // Pages of one event: the fixture store holds the seed's two events (and whatever else the fixtures code).
        var path = "/api/events?all=true&limit=1";
        for (var pages = 0; pages < 500; pages++)
        {
            var page = await GetJsonAsync(path);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.Single(items);
            listed.AddRange(items.Select(i => (i.GetProperty("id").GetInt64(), i.GetProperty("date").GetString())));
            if (page.GetProperty("next").GetString() is not { } next)
            {
                break;
            }

            path = "/api/events?all=true&limit=1&cursor=" + Uri.EscapeDataString(next);
        }

        var (type, csv) = await GetLinesAsync("/api/events?all=true&format=csv");
        Assert.Equal("text/csv", type);
        Assert.StartsWith("id,date,source_code,", csv[0], StringComparison.Ordinal);
        var exported = csv.Skip(1).Select(l => l.Split(',')).Select(c => (long.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture), c[1].Length == 0 ? null : c[1])).ToList();
        Assert.True(listed.Count > 1, "the fixture store should hold more events than one page");
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(exported, listed);
        // Newest first: each event is older than the one before, or of the same date with a lower id; undated events last.
        Assert.All(listed.Zip(listed.Skip(1)), p => Assert.True(
            p.Second.Date is null
                ? p.First.Date is not null || p.First.Id > p.Second.Id
                : p.First.Date is not null && (string.CompareOrdinal(p.First.Date, p.Second.Date) > 0 || (p.First.Date == p.Second.Date && p.First.Id > p.Second.Id)),
            $"{p.First} listed before {p.Second}"));

        // Counted events only by default: never more than with all=true.
        var counted = (await GetLinesAsync("/api/events?format=plover")).Lines;
        Assert.InRange(counted.Length, 1, listed.Count);
        Assert.All(counted, l => JsonDocument.Parse(l).RootElement.GetProperty("event_type").GetString());
    }

    [Fact]
    public async Task The_events_page_lists_each_reporting_article_once_with_its_number_of_sentences()
    {
        // Issue 16, defect 2: "Reported by 3 articles" listed one Japan Today article three times.
        Corpora.Require("seed");
        using var response = await app.Client.GetAsync("/events?source_actor=JPNGOV&target_actor=KORGOV&code=036&from=2025-06-04&to=2025-06-04", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var title = "Ishiba expresses hope for stable ties with S Korea under Lee";
        var item = html[html.IndexOf("wants to hold summit talks", StringComparison.Ordinal)..];
        item = item[..item.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Contains("Reported by <a", item, StringComparison.Ordinal);
        Assert.DoesNotContain("Reported by 1 articles", item, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(item, System.Text.RegularExpressions.Regex.Escape(title)));
        Assert.Matches(@"\(([^)]*, )?[2-9] sentences\)", item);
    }

    [Fact]
    public async Task The_seeds_intent_to_meet_is_listed_by_filter_and_read_by_id_with_its_evidence()
    {
        Corpora.Require("seed");
        var found = (await GetJsonAsync("/api/events?source_actor=JPNGOV&target_actor=KORGOV&code=036&from=2025-06-04&to=2025-06-04"))
            .GetProperty("items").EnumerateArray().ToList();
        var seed = Assert.Single(found, e => e.GetProperty("evidence").GetString()!.Contains("wants to hold summit talks", StringComparison.Ordinal));
        Assert.Equal(("AGREE", "CONSULT"), (seed.GetProperty("plover").GetString(), seed.GetProperty("plover_act").GetString()));

        var one = await GetJsonAsync("/api/events/" + seed.GetProperty("id").GetInt64());
        Assert.Equal(("JPNGOV", "KORGOV", "036", "2025-06-04"), (one.GetProperty("source_code").GetString(), one.GetProperty("target_code").GetString(),
            one.GetProperty("cameo").GetString(), one.GetProperty("date").GetString()));
        // The article states this intention in several sentences: one event (same day, actors, code and story), one
        // report per sentence, each pointing into the seed's body.
        var reports = one.GetProperty("reports").EnumerateArray().ToList();
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal("Ishiba expresses hope for stable ties with S Korea under Lee", r.GetProperty("title").GetString()));
        Assert.Equal(1, one.GetProperty("report_count").GetInt32()); // articles, not sentences
        var article = await GetJsonAsync("/api/articles/" + reports[0].GetProperty("article_id").GetString());
        var body = article.GetProperty("article").GetProperty("body").GetString()!;
        string Span(JsonElement span) => body[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()];
        Assert.Contains(reports, r => Span(r.GetProperty("evidence")).Contains("wants to hold summit talks", StringComparison.Ordinal));
        Assert.All(reports, r => Assert.InRange(r.GetProperty("trigger").GetProperty("start").GetInt32(),
            r.GetProperty("evidence").GetProperty("start").GetInt32(), r.GetProperty("evidence").GetProperty("end").GetInt32()));

        await GetJsonAsync("/api/events/999999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_dyad_has_the_seeds_period_with_its_denominator()
    {
        Corpora.Require("seed");
        var dyad = await GetJsonAsync("/api/dyads/jpn/KOR?interval=month");
        Assert.Equal(("JPN", "KOR", "month"), (dyad.GetProperty("a").GetString(), dyad.GetProperty("b").GetString(), dyad.GetProperty("interval").GetString()));
        var june = Assert.Single(dyad.GetProperty("points").EnumerateArray(), p => p.GetProperty("period").GetString() == "2025-06-01");
        var events = june.GetProperty("events").GetInt32();
        var articles = june.GetProperty("articles").GetInt64();
        Assert.True(events >= 1 && june.GetProperty("verbal_cooperation").GetInt32() >= 1, june.ToString());
        Assert.True(articles >= 1, "the denominator counts the period's articles");
        Assert.Equal(Math.Round(100.0 * events / articles, 3), june.GetProperty("events_per_hundred_articles").GetDouble(), 3);
        Assert.Equal(events, june.GetProperty("a_to_b").GetInt32() + june.GetProperty("b_to_a").GetInt32());

        var day = await GetJsonAsync("/api/dyads/JPN/KOR?interval=day&from=2025-06-04&to=2025-06-04");
        Assert.Equal("2025-06-04", Assert.Single(day.GetProperty("points").EnumerateArray()).GetProperty("period").GetString());
    }

    [Fact]
    public async Task Gdelt_rows_have_61_tab_separated_columns()
    {
        var (type, rows) = await GetLinesAsync("/api/events?all=true&format=gdelt");
        Assert.Equal("text/tab-separated-values", type);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(61, r.Split('\t').Length));
    }

    [Theory]
    [InlineData("/api/events?format=xml", "Bad request")]
    [InlineData("/api/events?actor=JPN%3Bdrop", "Bad request")]
    [InlineData("/api/events?from=June", "Bad request")]
    [InlineData("/api/events?cursor=bm90LWEtY3Vyc29y", "Invalid cursor")]
    [InlineData("/api/events?limit=0", "Bad request")]
    [InlineData("/api/dyads/JPN/KOR?interval=fortnight", "Bad request")]
    [InlineData("/api/dyads/JPN/K%20R", "Bad request")]
    public async Task Bad_event_requests_are_400_problems(string path, string title)
    {
        var problem = await GetJsonAsync(path, HttpStatusCode.BadRequest);
        Assert.Equal(title, problem.GetProperty("title").GetString());
    }
}
