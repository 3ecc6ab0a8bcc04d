using Dateline.Core.Documents;
using Dateline.Core.Serialization;
using Dateline.Storage.Events;
using Dateline.Storage.Search;

namespace Dateline.Storage.Tests;

/// <summary>The behaviour every store back end must have. Each test gets a fresh, empty store.</summary>
public abstract partial class ArticleStoreContract(IStoreFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IArticleStore> StoreWithCorpusAsync()
    {
        var store = await fixture.CreateEmptyStoreAsync();
        await store.SaveAsync(Articles.Corpus(), Ct);
        return store;
    }

    [Fact]
    public async Task Round_trips_an_article_exactly()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var a = Articles.Corpus()[0];
        await store.SaveAsync([a], Ct);
        var loaded = await store.GetAsync(a.Id, Ct);
        Assert.NotNull(loaded);
        Assert.Equal(DatelineJson.Serialize(a), DatelineJson.Serialize(loaded));
        Assert.Null(await store.GetAsync("missing", Ct));
    }

    [Fact]
    public async Task Saving_again_is_unchanged_and_changed_content_is_an_update()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var a = Articles.Corpus()[0];
        Assert.Equal([SaveStatus.Inserted], await store.SaveAsync([a], Ct));
        Assert.Equal([SaveStatus.Unchanged], await store.SaveAsync([a with { Origin = new("/elsewhere/copy.txt") }], Ct));
        var edited = a with { Paragraphs = [.. a.Paragraphs, "An added paragraph about zeppelins."] };
        Assert.Equal([SaveStatus.Updated], await store.SaveAsync([edited], Ct));
        Assert.Equal(1, await store.CountAsync(ArticleFilter.All, Ct));
        var hits = await store.SearchAsync(new SearchRequest(SearchQuery.Parse("zeppelins"), ArticleFilter.All), Ct);
        Assert.Equal("a1", Assert.Single(hits.Hits).Id);
    }

    [Fact]
    public async Task A_search_past_its_budget_stops_with_a_clear_error()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        await store.SaveAsync([Articles.Corpus()[0]], Ct);
        var e = await Assert.ThrowsAsync<SearchBudgetException>(() =>
            store.SearchAsync(new SearchRequest(SearchQuery.Parse("zeppelins"), ArticleFilter.All) { Budget = TimeSpan.Zero }, Ct));
        Assert.Contains("took longer than 0 s and was stopped; narrow it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicates_inside_one_batch_are_stored_once()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var a = Articles.Corpus()[1];
        Assert.Equal([SaveStatus.Inserted, SaveStatus.Unchanged], await store.SaveAsync([a, a], Ct));
        Assert.Equal(1, await store.CountAsync(ArticleFilter.All, Ct));
    }

    [Fact]
    public async Task Phrase_search_finds_the_phrase_and_highlights_it()
    {
        await using var store = await StoreWithCorpusAsync();
        var r = await store.SearchAsync(new SearchRequest(SearchQuery.Parse("\"shuttle diplomacy\""), ArticleFilter.All), Ct);
        var hit = Assert.Single(r.Hits); // a3 has both words, but not as a phrase
        Assert.Equal("a1", hit.Id);
        Assert.Equal(1, r.Total);
        Assert.Contains("shuttle diplomacy", hit.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.All(hit.Highlights, h => Assert.Matches("^(shuttle diplomacy|shuttle|diplomacy)$", hit.Snippet[h.Start..h.End].ToLowerInvariant()));
        Assert.NotEmpty(hit.Highlights);
    }

    [Theory]
    [InlineData("shuttle diplomacy", new[] { "a1", "a3" })]          // implicit AND, stemmed (diplomacy ~ diplomacy)
    [InlineData("shuttle OR protest", new[] { "a1", "a2", "a3" })]
    [InlineData("shuttle -geneva", new[] { "a1" })]
    [InlineData("shuttle NOT geneva", new[] { "a1" })]
    [InlineData("(protest OR fisheries) AND NOT drills", new[] { "a5" })]
    [InlineData("diplom*", new[] { "a1", "a3" })]
    [InlineData("title:diplomats", new[] { "a3" })]
    [InlineData("meet", new[] { "a3" })]                                // porter stemming: met/meet? "meet" matches title "meet"
    [InlineData("首脳", new[] { "a4" })]
    [InlineData("東京", new[] { "a4" })]
    [InlineData("NEAR(a b)", new string[0])]                            // FTS5 syntax is just words here
    public async Task Boolean_queries_match_the_expected_articles(string query, string[] ids)
    {
        await using var store = await StoreWithCorpusAsync();
        var r = await store.SearchAsync(new SearchRequest(SearchQuery.Parse(query), ArticleFilter.All), Ct);
        Assert.Equal(ids.Order(), r.Hits.Select(h => h.Id).Order());
        Assert.Equal(ids.Length, r.Total);
    }

    [Fact]
    public async Task Title_matches_rank_above_body_matches()
    {
        await using var store = await StoreWithCorpusAsync();
        var r = await store.SearchAsync(new SearchRequest(SearchQuery.Parse("diplomats OR diplomacy"), ArticleFilter.All), Ct);
        Assert.Equal("a3", r.Hits[0].Id);
        Assert.True(r.Hits[0].Score >= r.Hits[^1].Score);
    }

    [Fact]
    public async Task Cjk_snippets_come_back_without_segmentation_gaps()
    {
        await using var store = await StoreWithCorpusAsync();
        var hit = (await store.SearchAsync(new SearchRequest(SearchQuery.Parse("\"首脳\""), ArticleFilter.All), Ct)).Hits.Single();
        Assert.Contains("日本と韓国の首脳が東京で会談した。", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains(hit.Highlights, h => hit.Snippet[h.Start..h.End] == "首脳");
    }

    [Fact]
    public async Task Filters_by_date_range_and_source()
    {
        await using var store = await StoreWithCorpusAsync();
        var june = new ArticleFilter(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30));
        Assert.Equal(3, await store.CountAsync(june, Ct));
        var r = await store.SearchAsync(new SearchRequest(SearchQuery.Parse("shuttle"), june), Ct);
        Assert.Equal(["a1"], r.Hits.Select(h => h.Id));
        Assert.Equal(1, await store.CountAsync(new ArticleFilter(Source: "reuters"), Ct));
        Assert.Equal(0, await store.CountAsync(new ArticleFilter(Source: "Reuters'; DROP TABLE articles; --"), Ct));
        Assert.Equal(5, await store.CountAsync(ArticleFilter.All, Ct));
    }

    [Fact]
    public async Task Limit_and_offset_page_through_hits_with_the_full_total()
    {
        await using var store = await StoreWithCorpusAsync();
        var q = SearchQuery.Parse("shuttle OR protest OR fisheries");
        var first = await store.SearchAsync(new SearchRequest(q, ArticleFilter.All, Limit: 2), Ct);
        var second = await store.SearchAsync(new SearchRequest(q, ArticleFilter.All, Limit: 2, Offset: 2), Ct);
        Assert.Equal(4, first.Total);
        Assert.Equal(2, first.Hits.Count);
        Assert.Equal(2, second.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)));
    }

    [Fact]
    public async Task A_query_matching_more_than_the_rank_window_ranks_the_most_recently_stored_matches_and_counts_them_all()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        // Saved one by one, oldest first: the weakest matches (one mention of "harbour") are stored last.
        var articles = new[]
        {
            Articles.Make("h1", "Harbour harbour harbour", "The harbour, the harbour and the harbour again.", "2025-06-01"),
            Articles.Make("h2", "Harbour works", "The harbour wall is repaired.", "2025-06-02"),
            Articles.Make("h3", "Quay news", "A harbour pilot retired.", "2025-06-03"),
            Articles.Make("h4", "Market day", "Stalls near the harbour.", "2025-06-04", "Other Wire"),
        };
        foreach (var a in articles)
        {
            await store.SaveAsync([a], Ct);
        }

        var q = SearchQuery.Parse("harbour");
        var windowed = await store.SearchAsync(new SearchRequest(q, ArticleFilter.All, Limit: 10) { RankWindow = 2 }, Ct);
        Assert.Equal((4L, 4L, 2L, true, 2L), (windowed.Total, windowed.Matches, windowed.Ranked, windowed.Windowed, windowed.Reachable));
        Assert.Equal(["h3", "h4"], windowed.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.All(windowed.Hits, h => Assert.Contains("harbour", h.Snippet, StringComparison.OrdinalIgnoreCase));

        var all = await store.SearchAsync(new SearchRequest(q, ArticleFilter.All, Limit: 10) { RankWindow = null }, Ct);
        Assert.Equal((4L, 4L, false), (all.Total, all.Ranked, all.Windowed));
        Assert.Equal("h1", all.Hits[0].Id);

        // The window counts matches after the filter: two of Test Wire's three fit, and they are its newest.
        var filtered = await store.SearchAsync(new SearchRequest(q, new ArticleFilter(Source: "Test Wire"), Limit: 10) { RankWindow = 2 }, Ct);
        Assert.Equal((2L, 3L, true), (filtered.Hits.Count, filtered.Matches, filtered.Windowed));
        Assert.Equal(["h2", "h3"], filtered.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        var fits = await store.SearchAsync(new SearchRequest(q, new ArticleFilter(Source: "Other Wire"), Limit: 10) { RankWindow = 2 }, Ct);
        Assert.Equal((1L, 1L, false), (fits.Total, fits.Ranked, fits.Windowed));

        var collapsed = await store.SearchAsync(new SearchRequest(q, ArticleFilter.All, Limit: 10) { RankWindow = 2, CollapseStories = true }, Ct);
        Assert.Equal((4L, 2L, true), (collapsed.Matches, collapsed.Ranked, collapsed.Windowed));
        Assert.Equal(["h3", "h4"], collapsed.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal(collapsed.Hits.Count, collapsed.Total);
    }

    [Fact]
    public async Task Export_streams_every_matching_article_in_date_order()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var many = Enumerable.Range(0, 1200).Select(i => Articles.Make($"m{i:D4}", $"Story {i}", $"Body number {i}.",
            $"2025-{1 + (i % 12):D2}-{1 + (i % 28):D2}")).ToList();
        await store.SaveAsync(many, Ct);
        var exported = new List<string>();
        string? previous = null;
        await foreach (var a in store.ExportAsync(ArticleFilter.All, Ct))
        {
            var key = a.Published!.Value.ToString() + a.Id;
            Assert.True(previous is null || string.CompareOrdinal(previous, key) <= 0, $"{previous} before {key}");
            previous = key;
            exported.Add(a.Id);
        }

        Assert.Equal(1200, exported.Count);
        Assert.Equal(1200, exported.Distinct().Count());
    }

    [Fact]
    public async Task Stats_count_articles_sources_wires_and_dates()
    {
        await using var store = await StoreWithCorpusAsync();
        var s = await store.GetStatsAsync(Ct);
        Assert.Equal(5, s.Articles);
        Assert.Equal(new DateOnly(2025, 5, 20), s.FirstPublished);
        Assert.Equal(new DateOnly(2025, 6, 10), s.LastPublished);
        Assert.Equal(5, s.BySource.Count);
        Assert.Equal(new KeyValuePair<string, long>("Kyodo", 5), Assert.Single(s.ByWire));
        Assert.True(s.SchemaVersion >= 1);
    }

    [Fact]
    public async Task Ingest_ledger_remembers_files_by_path_size_and_time()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var t = new DateTimeOffset(2025, 6, 4, 1, 2, 3, TimeSpan.Zero);
        var f = new IngestedFile("/data/a.txt", 100, t, 1);
        Assert.False(await store.IsFileIngestedAsync(f, Ct));
        await store.MarkFilesIngestedAsync([f], Ct);
        Assert.True(await store.IsFileIngestedAsync(f, Ct));
        Assert.False(await store.IsFileIngestedAsync(f with { Size = 101 }, Ct));
        Assert.False(await store.IsFileIngestedAsync(f with { Modified = t.AddSeconds(1) }, Ct));
        await store.MarkFilesIngestedAsync([f with { Size = 101 }], Ct);
        Assert.True(await store.IsFileIngestedAsync(f with { Size = 101 }, Ct));
        Assert.Equal(1, (await store.GetStatsAsync(Ct)).Files);
    }

    [Fact]
    public async Task A_query_of_only_negations_is_a_syntax_error()
    {
        await using var store = await StoreWithCorpusAsync();
        await Assert.ThrowsAsync<QuerySyntaxException>(() => store.SearchAsync(new SearchRequest(SearchQuery.Parse("-shuttle"), ArticleFilter.All), Ct));
    }

    [Fact]
    public async Task Stores_an_article_without_paragraphs()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var linkOnly = Articles.Make("l1", "A feed item that only links", "", url: "https://example.test/l1") with
        {
            Paragraphs = [],
            Warnings = ["link-only feed item"],
        };

        Assert.Equal([SaveStatus.Inserted], await store.SaveAsync([linkOnly], Ct));
        var loaded = await store.GetAsync("l1", Ct);
        Assert.NotNull(loaded);
        Assert.Empty(loaded.Paragraphs);
        Assert.Equal(string.Empty, loaded.Body);
        var hits = await store.SearchAsync(new SearchRequest(SearchQuery.Parse("links"), ArticleFilter.All), Ct);
        Assert.Equal("l1", Assert.Single(hits.Hits).Id);
        Assert.Single(await store.ExportAsync(ArticleFilter.All, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Feed_state_is_absent_until_saved_then_round_trips_and_is_replaced()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        const string url = "http://127.0.0.1:8080/feed.xml";
        Assert.Null(await store.GetFeedStateAsync(url, Ct));

        var polled = new DateTimeOffset(2025, 6, 12, 9, 30, 0, TimeSpan.FromHours(9));
        var state = new FeedState(url)
        {
            ETag = "\"abc-123\"",
            LastModified = "Thu, 12 Jun 2025 00:30:00 GMT",
            PolledAt = polled,
            SeenItems = ["guid-2", "https://example.test/1"],
        };
        await store.SaveFeedStateAsync(state, Ct);
        var loaded = await store.GetFeedStateAsync(url, Ct);
        Assert.NotNull(loaded);
        Assert.Equal(state.ETag, loaded.ETag);
        Assert.Equal(state.LastModified, loaded.LastModified);
        Assert.Equal(polled, loaded.PolledAt);
        Assert.Equal(state.SeenItems, loaded.SeenItems);

        await store.SaveFeedStateAsync(new FeedState(url) { ETag = null, SeenItems = ["guid-3"] }, Ct);
        var replaced = await store.GetFeedStateAsync(url, Ct);
        Assert.Null(replaced!.ETag);
        Assert.Null(replaced.LastModified);
        Assert.Equal(["guid-3"], replaced.SeenItems);
        Assert.Null(await store.GetFeedStateAsync(url + "?other", Ct));
    }

    [Fact]
    public async Task Annotations_are_stored_replaced_and_read_back()
    {
        await using var store = await StoreWithCorpusAsync();
        Assert.Null(await store.GetAnnotationsAsync("a1", Ct));
        await store.SaveAnnotationsAsync([new ArticleAnnotations("a1", "p.v1", "{\"id\":\"a1\",\"entities\":[]}")], Ct);
        await store.SaveAnnotationsAsync([new ArticleAnnotations("a1", "p.v2", "{\"id\":\"a1\",\"entities\":[1]}")], Ct);
        var back = await store.GetAnnotationsAsync("a1", Ct);
        Assert.Equal(("p.v2", "{\"id\":\"a1\",\"entities\":[1]}"), (back!.Pipeline, back.Json));
    }

    [Fact]
    public async Task Entities_gather_aliases_and_role_date_ranges_across_articles()
    {
        await using var store = await StoreWithCorpusAsync();
        EntityObservation Seen(string article, string date, string? country, string role, params string[] aliases) =>
            new(article, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "PERSON", "Lee Jae Myung",
                country is null ? null : country + "GOV", country, role, aliases);
        await store.RecordEntitiesAsync([Seen("a1", "2025-06-04", "KOR", "President", "Lee")], Ct);
        await store.RecordEntitiesAsync([Seen("a2", "2025-07-28", null, "President", "President Lee")], Ct);
        await store.RecordEntitiesAsync([Seen("a3", "2025-05-01", "KOR", "Presidential candidate")], Ct);
        await store.RecordEntitiesAsync([Seen("a1", "2025-06-04", "KOR", "President", "Lee")], Ct); // same article again: no change

        var lee = Assert.Single(await store.FindEntitiesAsync("Lee", 10, Ct));
        Assert.Equal(("KOR", 3L), (lee.Country, lee.Articles));
        Assert.Equal(["Lee", "Lee Jae Myung", "President Lee"], lee.Aliases);
        var president = Assert.Single(lee.Roles, r => r.Role == "President");
        Assert.Equal((new DateOnly(2025, 6, 4), new DateOnly(2025, 7, 28), 2L), (president.First, president.Last, president.Articles));
        Assert.Contains(lee.Roles, r => r.Role == "Presidential candidate" && r.First == new DateOnly(2025, 5, 1));
        Assert.Empty(await store.FindEntitiesAsync("Ishiba", 10, Ct));
    }

    private static ReportedEvent Reported(string source, string? target, string cameo, string plover, int quad, double goldstein, string date,
        string evidence, bool negated = false, string modality = EventMention.Actual)
    {
        var e = new EventMention(new EventParticipant(source, new TextSpan(0, 5), null), target is null ? null : new EventParticipant(target, new TextSpan(10, 15), null),
            cameo, plover, plover, null, quad, goldstein, date, null, negated, modality, new TextSpan(0, evidence.Length), new TextSpan(6, 9), "test:1", 0.8);
        return new ReportedEvent(e, source, target, evidence);
    }

    private static async Task<List<StoredEvent>> ListAsync(IArticleStore store, EventQuery q)
    {
        var list = new List<StoredEvent>();
        await foreach (var e in store.QueryEventsAsync(q, Ct))
        {
            list.Add(e);
        }

        return list;
    }

    [Fact]
    public async Task Events_reported_by_several_articles_are_stored_once_with_every_report()
    {
        await using var store = await StoreWithCorpusAsync();
        const string Summit = "Ishiba wants to hold summit talks with Lee.";
        var summit = Reported("JPNGOV", "KORGOV", "036", "CONSULT", 1, 4.0, "2025-06-04", Summit, modality: EventMention.Intended);
        await store.RecordEventsAsync(
        [
            new ArticleEvents("a1", "2025-06-04", [summit, Reported("JPN", "KOR", "040", "CONSULT", 1, 1.0, "2025-06-04", "Japan did not meet Korea.", negated: true)]),
            new ArticleEvents("a4", "2025-06-05", [summit]),
            new ArticleEvents("a2", "2025-06-10", [Reported("CHN", "TWN", "111", "ACCUSE", 3, -2.0, "2025-06-10", "Beijing criticised Taipei.")]),
            new ArticleEvents("a3", "2025-05-20", [Reported("KORGOV", "JPN", "114", "ACCUSE", 3, -2.0, "2025-05-20", "Seoul protested to Tokyo.")]),
        ], Ct);

        var counted = await ListAsync(store, new EventQuery());
        Assert.Equal(3, counted.Count);
        var one = Assert.Single(counted, e => e.Cameo == "036");
        Assert.Equal(["a1", "a4"], one.Reports.Select(r => r.ArticleId).Order(StringComparer.Ordinal));
        Assert.Equal(2, one.ReportCount);
        var capped = Assert.Single(await ListAsync(store, new EventQuery(Code: "036") { MaxReports = 1 }));
        Assert.Equal((1, 2), (capped.Reports.Count, capped.ReportCount));
        Assert.Equal("a1", capped.Reports[0].ArticleId); // the earliest report (a1 is dated before a4)
        Assert.Equal(("JPNGOV", "KORGOV", "2025-06-04", Summit), (one.SourceCode, one.TargetCode, one.Date, one.Evidence));
        Assert.Equal(4, (await ListAsync(store, new EventQuery(IncludeAll: true))).Count);

        Assert.Equal(["036", "114"], (await ListAsync(store, new EventQuery(Actor: "JPN"))).Select(e => e.Cameo).Order(StringComparer.Ordinal));
        Assert.Equal("114", Assert.Single(await ListAsync(store, new EventQuery(SourceActor: "KOR"))).Cameo);
        Assert.Equal("111", Assert.Single(await ListAsync(store, new EventQuery(TargetActor: "TWN"))).Cameo);
        Assert.Equal("036", Assert.Single(await ListAsync(store, new EventQuery(Code: "CONSULT"))).Cameo);
        Assert.Equal(2, (await ListAsync(store, new EventQuery(Code: "11"))).Count);
        Assert.Equal(2, (await ListAsync(store, new EventQuery(From: new DateOnly(2025, 6, 1)))).Count);
        Assert.Single(await ListAsync(store, new EventQuery(To: new DateOnly(2025, 5, 31))));

        // Newest first; paging by the last event's position walks every event exactly once, in that order.
        Assert.Equal(["111", "036", "114"], counted.Select(e => e.Cameo));
        var seen = new List<long>();
        EventPosition? after = null;
        while (await ListAsync(store, new EventQuery(After: after, Limit: 1)) is [var page])
        {
            seen.Add(page.Id);
            after = EventPosition.Of(page);
        }

        Assert.Equal(counted.Select(e => e.Id), seen);
    }

    [Fact]
    public async Task The_change_version_moves_with_every_commit_and_only_then()
    {
        await using var store = await StoreWithCorpusAsync();
        var before = await store.GetChangeVersionAsync(Ct);
        await store.GetAsync("a1", Ct);
        Assert.Equal(before, await store.GetChangeVersionAsync(Ct)); // reads change nothing

        await store.RecordEventsAsync([new ArticleEvents("a1", "2025-06-04", [Reported("JPN", "KOR", "040", "CONSULT", 1, 1.0, "2025-06-04", "Japan met Korea.")])], Ct);
        var afterEvents = await store.GetChangeVersionAsync(Ct);
        Assert.NotEqual(before, afterEvents);

        await store.SaveAsync([Articles.Make("v1", "A new article", "Body.", "2025-06-06", "Test")], Ct);
        Assert.NotEqual(afterEvents, await store.GetChangeVersionAsync(Ct));
    }

    [Fact]
    public async Task Streaming_many_events_keeps_each_ones_own_reports()
    {
        await using var store = await StoreWithCorpusAsync();
        // Distinct days: events of one story with the same date, actors and code would be one event (the story key).
        ReportedEvent Numbered(int i) => Reported("JPN", "KOR", "040", "CONSULT", 1, 1.0,
            new DateOnly(2024, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"Meeting number {i} took place.");
        var shared = Enumerable.Range(0, 700).Where(i => i % 3 == 0).Select(Numbered).ToList();
        await store.RecordEventsAsync(
        [
            new ArticleEvents("a1", "2025-06-04", [.. Enumerable.Range(0, 700).Select(Numbered)]),
            new ArticleEvents("a4", "2025-06-05", shared),
        ], Ct);

        var all = await ListAsync(store, new EventQuery());
        Assert.Equal(700, all.Count);
        Assert.All(all, e =>
        {
            var n = int.Parse(e.Evidence.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(n % 3 == 0 ? ["a1", "a4"] : ["a1"], e.Reports.Select(r => r.ArticleId).Order(StringComparer.Ordinal));
        });
        // Streamed in chunks, still newest first across the chunk boundaries (every event has a day of its own).
        Assert.True(all.Zip(all.Skip(1)).All(p => string.CompareOrdinal(p.First.Date, p.Second.Date) > 0), "events come newest first");
        Assert.Equal(300, (await ListAsync(store, new EventQuery(After: EventPosition.Of(all[399])))).Count);
    }

    [Fact]
    public async Task Events_of_an_entity_are_those_whose_reports_name_an_actor_recorded_under_it()
    {
        await using var store = await StoreWithCorpusAsync();
        static EntityObservation Seen(string article, string name, string actorId) =>
            new(article, new DateOnly(2025, 6, 4), "PERSON", name, "JPNGOV", "JPN", "Minister", []) { ActorId = actorId };
        static ReportedEvent With(ReportedEvent r, string? source, string? target) => r with
        {
            Event = r.Event with { Source = r.Event.Source with { ActorId = source }, Target = r.Event.Target is { } t ? t with { ActorId = target } : null },
        };
        await store.RecordEntitiesAsync([Seen("a1", "Shigeru Ishiba", "a1"), Seen("a1", "Takeshi Iwaya", "a2"), Seen("a4", "Shigeru Ishiba", "a7")], Ct);
        await store.RecordEventsAsync(
        [
            new ArticleEvents("a1", "2025-06-04",
            [
                With(Reported("JPNGOV", "KORGOV", "036", "CONSULT", 1, 4.0, "2025-06-04", "Ishiba wants to hold summit talks with Lee."), "a1", null),
                With(Reported("JPNGOV", "KOR", "040", "CONSULT", 1, 1.0, "2025-06-04", "Iwaya met his Korean counterpart."), "a2", null),
                With(Reported("KORGOV", "JPNGOV", "051", "SUPPORT", 1, 3.4, "2025-06-04", "Lee praised Ishiba."), null, "a1"),
            ]),
            new ArticleEvents("a4", "2025-06-05", [With(Reported("KOR", "JPNGOV", "114", "ACCUSE", 3, -2.0, "2025-06-05", "Seoul protested to Ishiba."), null, "a7")]),
            new ArticleEvents("a2", "2025-06-10", [With(Reported("JPNGOV", "CHN", "111", "ACCUSE", 3, -2.0, "2025-06-10", "Tokyo criticised Beijing."), "a1", null)]),
        ], Ct);

        const string Ishiba = "PERSON:JPN:shigeru ishiba";
        async Task<string[]> Codes(EventQuery q) => [.. (await ListAsync(store, q)).Select(e => e.Cameo).Order(StringComparer.Ordinal)];
        Assert.Equal(["036", "051", "114"], await Codes(new EventQuery(Entity: Ishiba))); // a2's "a1" is no actor recorded for a2
        Assert.Equal(["036"], await Codes(new EventQuery(SourceEntity: Ishiba)));
        Assert.Equal(["051", "114"], await Codes(new EventQuery(TargetEntity: Ishiba)));
        Assert.Equal(["040"], await Codes(new EventQuery(Entity: "PERSON:JPN:takeshi iwaya")));
        Assert.Equal(["114"], await Codes(new EventQuery(Entity: Ishiba, Code: "11")));
        Assert.Empty(await Codes(new EventQuery(Entity: "PERSON:JPN:nobody")));
    }

    [Fact]
    public async Task Re_recording_an_article_replaces_its_reports_and_drops_orphaned_events()
    {
        await using var store = await StoreWithCorpusAsync();
        var summit = Reported("JPNGOV", "KORGOV", "036", "CONSULT", 1, 4.0, "2025-06-04", "Ishiba wants to hold summit talks with Lee.");
        await store.RecordEventsAsync([new ArticleEvents("a1", "2025-06-04", [summit]), new ArticleEvents("a4", "2025-06-05", [summit])], Ct);
        await store.RecordEventsAsync([new ArticleEvents("a1", "2025-06-04", [summit])], Ct); // again: idempotent
        Assert.Equal(2, Assert.Single(await ListAsync(store, new EventQuery())).Reports.Count);

        await store.RecordEventsAsync([new ArticleEvents("a1", "2025-06-04", [])], Ct);
        Assert.Equal("a4", Assert.Single(Assert.Single(await ListAsync(store, new EventQuery())).Reports).ArticleId);
        await store.RecordEventsAsync([new ArticleEvents("a4", "2025-06-05", [])], Ct);
        Assert.Empty(await ListAsync(store, new EventQuery(IncludeAll: true)));
    }

    [Fact]
    public async Task Dyad_counts_both_directions_by_quad_class_with_the_article_volume()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.RecordEventsAsync(
        [
            new ArticleEvents("a1", "2025-06-04",
            [
                Reported("JPNGOV", "KORGOV", "036", "CONSULT", 1, 4.0, "2025-06-04", "Ishiba wants to hold summit talks with Lee."),
                Reported("JPN", "KOR", "040", "CONSULT", 1, 1.0, "2025-06-04", "Japan did not meet Korea.", negated: true),
                Reported("JPN", "CHN", "111", "ACCUSE", 3, -2.0, "2025-06-04", "Japan criticised China."),
            ]),
            new ArticleEvents("a3", "2025-05-20", [Reported("KORGOV", "JPN", "114", "ACCUSE", 3, -2.0, "2025-05-20", "Seoul protested to Tokyo.")]),
        ], Ct);

        var points = await store.DyadAsync(new DyadQuery("JPN", "KOR", "month"), Ct);
        Assert.Equal(["2025-05-01", "2025-06-01"], points.Select(p => p.Period));
        var may = points[0];
        Assert.Equal((1, 0, 1, 0, 1, -2.0, 1L), (may.Events, may.AToB, may.VerbalConflict, may.VerbalCooperation, may.BToA, may.MeanGoldstein, may.Articles));
        var june = points[1];
        Assert.Equal((1, 1, 1, 0, 4.0, 3L), (june.Events, june.VerbalCooperation, june.AToB, june.BToA, june.MeanGoldstein, june.Articles));
        Assert.Equal(33.333, june.EventsPerHundredArticles);

        var days = await store.DyadAsync(new DyadQuery("KOR", "JPN", "day", From: new DateOnly(2025, 6, 1)), Ct);
        var day = Assert.Single(days);
        Assert.Equal(("2025-06-04", 0, 1, 1L), (day.Period, day.AToB, day.BToA, day.Articles));
        Assert.Equal("2025-06-02", Assert.Single(await store.DyadAsync(new DyadQuery("JPN", "KOR", "week", From: new DateOnly(2025, 6, 1)), Ct)).Period);
        Assert.Empty(await store.DyadAsync(new DyadQuery("JPN", "PRK"), Ct));
    }
}
