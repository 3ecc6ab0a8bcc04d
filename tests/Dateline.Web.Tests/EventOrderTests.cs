using System.Globalization;
using System.Net;
using System.Text.Json;
using Dateline.Core.Articles;
using Dateline.Core.Documents;
using Dateline.Storage;
using Dateline.Storage.Events;
using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.AspNetCore.Builder;

namespace Dateline.Web.Tests;

/// <summary>
/// /api/events and /events newest first over real HTTP, on a store made for it: several events on one date, undated
/// events, and events recorded in an order unlike the list's, so id order and date order differ.
/// </summary>
public sealed class EventOrderTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The evidence of each event in the order the list must give: newest date first, then id (the later recorded); undated last.</summary>
    private static readonly string[] NewestFirst =
        ["Japan met Korea (june10).", "Japan met Korea (june4-c).", "Japan met Korea (june4-b).", "Japan met Korea (june4-a).", "Japan met Korea (may20).",
            "Japan met Korea (undated-b).", "Japan met Korea (undated-a)."];

    public async ValueTask InitializeAsync()
    {
        await using (var store = await SqliteArticleStore.OpenAsync(_folder.File("events.db"), Ct))
        {
            string?[] dates = ["2025-05-20", null, "2025-06-04", "2025-06-10"];
            for (var i = 0; i < dates.Length; i++)
            {
                await store.SaveAsync([new Article
                {
                    Id = "e" + i, Origin = new ArticleOrigin("test" + i), Title = "Meeting " + i, Source = "Test Wire", Paragraphs = ["Japan met Korea."],
                    Published = dates[i] is { } d ? ArticleDate.Parse(d) : null,
                }], Ct);
            }

            // Recorded oldest date first but undated in the middle, so ids follow neither the dates nor the list.
            await store.RecordEventsAsync([Batch("e0", "2025-05-20", "may20")], Ct);
            await store.RecordEventsAsync([Batch("e1", null, "undated-a", "undated-b")], Ct);
            await store.RecordEventsAsync([Batch("e2", "2025-06-04", "june4-a", "june4-b", "june4-c")], Ct);
            await store.RecordEventsAsync([Batch("e3", "2025-06-10", "june10")], Ct);
        }

        (_app, var address) = await WebAppFixture.StartAsync(new WebOptions { DbPath = _folder.File("events.db") });
        _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>One article's events, each with its own code so none merge; the evidence names the event.</summary>
    private static ArticleEvents Batch(string article, string? date, params string[] names) =>
        new(article, date, [.. names.Select((name, i) =>
        {
            var evidence = $"Japan met Korea ({name}).";
            var e = new EventMention(new EventParticipant("JPN", new TextSpan(0, 5), null), new EventParticipant("KOR", new TextSpan(10, 15), null),
                "04" + i.ToString(CultureInfo.InvariantCulture), "CONSULT", "CONSULT", null, 1, 1.0, date, null, false, EventMention.Actual,
                new TextSpan(0, evidence.Length), new TextSpan(6, 9), "test:1", 0.8);
            return new ReportedEvent(e, "Japan", "Korea", evidence);
        })]);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode}\n{body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(200)]
    public async Task Pages_walk_every_event_newest_first_once_ties_and_undated_included_as_the_exports_list_them(int limit)
    {
        var evidence = new List<string>();
        var ids = new List<long>();
        string? cursor = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await GetJsonAsync($"/api/events?limit={limit}" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, limit);
            evidence.AddRange(items.Select(i => i.GetProperty("evidence").GetString()!));
            ids.AddRange(items.Select(i => i.GetProperty("id").GetInt64()));
            if ((cursor = page.GetProperty("next").GetString()) is null)
            {
                break;
            }
        }

        Assert.Equal(NewestFirst, evidence);
        Assert.NotEqual(ids.OrderDescending(), ids); // the undated events were recorded before 4 June's: not id order

        // Every export lists the same events in the same order.
        var csv = (await _client.GetStringAsync("/api/events?format=csv", Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1);
        Assert.Equal(ids, csv.Select(l => long.Parse(l[..l.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture)));
        var plover = (await _client.GetStringAsync("/api/events?format=plover", Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(NewestFirst, plover.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("evidence").GetString()));
    }

    [Fact]
    public async Task A_cursor_of_the_old_id_order_or_edited_is_refused_and_a_filtered_list_keeps_the_order()
    {
        var old = StoreCursor.Encode("events", "3");
        Assert.Equal("Invalid cursor", (await GetJsonAsync("/api/events?cursor=" + old, HttpStatusCode.BadRequest)).GetProperty("title").GetString());
        var bad = StoreCursor.Encode("events", "2025-06-04", "x");
        Assert.Equal("Invalid cursor", (await GetJsonAsync("/api/events?cursor=" + bad, HttpStatusCode.BadRequest)).GetProperty("title").GetString());

        var june = await GetJsonAsync("/api/events?from=2025-06-01&to=2025-06-30&limit=2");
        Assert.Equal(NewestFirst[..2], june.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("evidence").GetString()));
        var rest = await GetJsonAsync("/api/events?from=2025-06-01&to=2025-06-30&limit=2&cursor=" + Uri.EscapeDataString(june.GetProperty("next").GetString()!));
        Assert.Equal(NewestFirst[2..4], rest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("evidence").GetString()));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task The_events_page_lists_newest_first_and_says_undated_events_come_last()
    {
        var html = await _client.GetStringAsync("/events", Ct);
        Assert.Contains("newest first (undated events last)", html, StringComparison.Ordinal);
        var at = NewestFirst.Select(e => html.IndexOf(e, StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i > 0));
        Assert.Equal(at.Order(), at);
    }
}
