using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dateline.Core.Articles;
using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.AspNetCore.Builder;

namespace Dateline.Web.Tests;

/// <summary>
/// A store whose articles have known dates: ferries on Mon 2 and Wed 4 June (a strike) and Tue 24 June (Island Herald)
/// and one undated; zeppelins on Thu 5 and Wed 25 June; an orchestra on Tue 10 June. No article in the week of 16 June.
/// Saved as they are (no analysis), served on a loopback port.
/// </summary>
public sealed class AttentionStoreFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    private static Article Make(string id, string title, string body, string? published, string source = "Harbour Times") => new()
    {
        Id = id,
        Origin = new ArticleOrigin("/tmp/" + id + ".txt"),
        Source = source,
        Title = title,
        Published = published is null ? null : ArticleDate.Parse(published),
        Paragraphs = [body],
    };

    public async ValueTask InitializeAsync()
    {
        var path = _folder.File("attention.db");
        await using (var store = await SqliteArticleStore.OpenAsync(path))
        {
            await store.SaveAsync(
            [
                Make("f1", "Ferry fares rise", "The ferry company raised its fares again.", "2025-06-02"),
                Make("f2", "Ferry crews strike", "Ferry crews went on strike over pay.", "2025-06-04"),
                Make("z1", "Zeppelin hall reopens", "The museum reopened its zeppelin hall.", "2025-06-05"),
                Make("o1", "Orchestra plans new season", "The orchestra announced its programme.", "2025-06-10"),
                Make("f3", "Ferry runs late", "The morning ferry ran an hour late.", "2025-06-24", "Island Herald"),
                Make("z2", "Zeppelin flight over the bay", "A zeppelin flew over the bay at dawn.", "2025-06-25"),
                Make("f4", "Ferry timetable", "A new ferry timetable was published.", null),
            ], CancellationToken.None);
        }

        (_app, var address) = await WebAppFixture.StartAsync(new WebOptions { DbPath = path });
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }
}

/// <summary>Attention over time over real HTTP: <c>/api/attention</c> and the <c>/attention</c> page (issue 16).</summary>
[Trait("issue", "16")]
public sealed partial class AttentionTests(AttentionStoreFixture app) : IClassFixture<AttentionStoreFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await app.Client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode}\n{body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static (string, long, long, double)[] Periods(JsonElement query) =>
        [.. query.GetProperty("periods").EnumerateArray().Select(p => (p.GetProperty("period").GetString()!, p.GetProperty("count").GetInt64(),
            p.GetProperty("total").GetInt64(), p.GetProperty("share").GetDouble()))];

    [Fact]
    public async Task Attention_api_counts_two_queries_per_week_with_the_totals_their_shares_and_the_undated_apart()
    {
        var json = await GetJsonAsync("/api/attention?q=ferry&q=zeppelin&interval=week");
        Assert.Equal("week", json.GetProperty("interval").GetString());
        Assert.Equal(7, json.GetProperty("articles").GetInt64());
        Assert.Equal(1, json.GetProperty("undated").GetInt64());
        Assert.Equal([("2025-06-02", 3L), ("2025-06-09", 1L), ("2025-06-23", 2L)],
            json.GetProperty("totals").EnumerateArray().Select(t => (t.GetProperty("period").GetString(), t.GetProperty("articles").GetInt64())));

        var (ferry, zeppelin) = (json.GetProperty("queries")[0], json.GetProperty("queries")[1]);
        Assert.Equal(("ferry", 4L, 1L), (ferry.GetProperty("query").GetString(), ferry.GetProperty("matches").GetInt64(), ferry.GetProperty("undated").GetInt64()));
        // Every week with articles, a zero where none matched; the week of 16 June holds none: left out, a gap.
        Assert.Equal([("2025-06-02", 2L, 3L, 0.666667), ("2025-06-09", 0L, 1L, 0.0), ("2025-06-23", 1L, 2L, 0.5)], Periods(ferry));
        Assert.Equal([("2025-06-02", 1L, 3L, 0.333333), ("2025-06-09", 0L, 1L, 0.0), ("2025-06-23", 1L, 2L, 0.5)], Periods(zeppelin));
        Assert.Equal(0, zeppelin.GetProperty("undated").GetInt64());
    }

    [Fact]
    public async Task Attention_api_applies_the_search_language_and_filters_to_matches_and_totals_alike()
    {
        var json = await GetJsonAsync("/api/attention?q=ferry%20-strike&interval=month&source=harbour%20times&from=2025-06-01");
        Assert.Equal("2025-06-01", json.GetProperty("from").GetString());
        var ferry = Assert.Single(json.GetProperty("queries").EnumerateArray());
        Assert.Equal("ferry AND NOT strike", ferry.GetProperty("parsed").GetString());
        Assert.Equal([("2025-06-01", 1L, 5L, 0.2)], Periods(ferry)); // f1 of Harbour Times' five dated June articles
        Assert.Equal(0, json.GetProperty("undated").GetInt64()); // a date range leaves the undated out
    }

    [Fact]
    public async Task Attention_queries_keep_the_order_asked_also_when_the_other_order_was_asked_first()
    {
        // The output cache sorts repeated values in place when it makes its key; the order sets each query's colour.
        var first = await GetJsonAsync("/api/attention?q=zeppelin&q=ferry");
        var second = await GetJsonAsync("/api/attention?q=ferry&q=zeppelin");
        var third = await GetJsonAsync("/api/attention?q=zeppelin&q=ferry");
        Assert.Equal(["zeppelin", "ferry"], first.GetProperty("queries").EnumerateArray().Select(q => q.GetProperty("query").GetString()));
        Assert.Equal(["ferry", "zeppelin"], second.GetProperty("queries").EnumerateArray().Select(q => q.GetProperty("query").GetString()));
        Assert.Equal(["zeppelin", "ferry"], third.GetProperty("queries").EnumerateArray().Select(q => q.GetProperty("query").GetString()));
    }

    [Theory]
    [InlineData("/api/attention", "q", "Bad request")]
    [InlineData("/api/attention?q=%20&q=", "q", "Bad request")]
    [InlineData("/api/attention?q=ferry&q=(zeppelin", "q", "Invalid query")]
    [InlineData("/api/attention?q=ferry&q=-zeppelin", "q", "Invalid query")]
    [InlineData("/api/attention?q=a&q=b&q=c&q=d&q=e&q=f&q=g&q=h&q=i", "q", "Bad request")]
    [InlineData("/api/attention?q=ferry&interval=fortnight", "interval", "Bad request")]
    [InlineData("/api/attention?q=ferry&from=June", "from", "Bad request")]
    public async Task Attention_api_refuses_bad_input_with_a_problem_naming_the_field(string path, string field, string title)
    {
        using var response = await app.Client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((title, field), (problem.GetProperty("title").GetString(), problem.GetProperty("field").GetString()));
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attention_api_keeps_the_search_term_limit()
    {
        var many = string.Join(' ', Enumerable.Range(0, 40).Select(i => "w" + i));
        var problem = await GetJsonAsync("/api/attention?q=ferry&q=" + Uri.EscapeDataString(many), HttpStatusCode.BadRequest);
        Assert.Contains("(query 2 of 2)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("40 different words and phrases; at most 32", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attention_page_draws_a_line_per_query_broken_where_no_article_is_stored_with_a_legend_and_a_table()
    {
        var html = await app.Client.GetStringAsync("/attention?q=ferry&q=zeppelin&interval=week", Ct);

        // Four weeks from 2 to 23 June; the week of 16 June has no article: each line breaks there.
        Assert.Equal(4, Regex.Count(html, "<g class=\"period\""));
        var ferry = Series().Matches(html).Single(m => m.Groups["query"].Value == "ferry").Groups["body"].Value;
        Assert.Equal(1, Regex.Count(ferry, "<polyline")); // 2 and 9 June
        Assert.Equal(3, Regex.Count(ferry, "<circle")); // and 23 June alone
        Assert.Equal(["s0", "s1"], Series().Matches(html).Select(m => m.Groups["class"].Value));
        Assert.Equal(["s0", "s1"], Regex.Matches(html, "<li class=\"legend-item\" data-series=\"(s[0-9])\">").Select(m => m.Groups[1].Value));
        Assert.Contains("<q>ferry</q> · 4 articles", html, StringComparison.Ordinal);

        // The table: every week with articles, each count a link to the search for it in that week.
        Assert.Equal(3, Regex.Count(html, "<th scope=\"row\">2025-06-"));
        Assert.Contains("href=\"/?q=ferry&amp;from=2025-06-02&amp;to=2025-06-08\" class=\"period-search\">2 · 66.7 %</a>", html, StringComparison.Ordinal);
        Assert.Contains("1 of the articles carry no date", html, StringComparison.Ordinal);

        var shares = await app.Client.GetStringAsync("/attention?q=ferry&q=zeppelin&interval=week&view=share", Ct);
        Assert.Contains("% of articles</text>", shares, StringComparison.Ordinal);
        Assert.Contains("id=\"view-share\" name=\"view\" type=\"radio\" value=\"share\" checked=\"checked\"", shares, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attention_page_encodes_what_was_typed_and_says_what_is_wrong()
    {
        using var response = await app.Client.GetAsync("/attention?q=%3Cscript%3Ealert(1)%3C/script%3E&q=%22ferry", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("a phrase&#x27;s closing quote is missing", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);

        var ok = await app.Client.GetStringAsync("/attention?q=%3Cb%3Eferry%3C/b%3E", Ct);
        Assert.Contains("<q>&lt;b&gt;ferry&lt;/b&gt;</q>", ok, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>ferry", ok, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attention_is_linked_from_a_search_with_its_query_and_filters()
    {
        var html = await app.Client.GetStringAsync("/?q=ferry&source=Harbour%20Times&stories=1", Ct);
        Assert.Contains("href=\"/attention?q=ferry&amp;source=Harbour%20Times\" id=\"attention-link\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<g class=\"series (?<class>s[0-9])\" data-query=\"(?<query>[^\"]*)\">(?<body>.*?)</g>", RegexOptions.Singleline)]
    private static partial Regex Series();
}
