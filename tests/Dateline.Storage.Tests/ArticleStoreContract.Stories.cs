using Dateline.Core.Documents;
using Dateline.Storage.Events;

namespace Dateline.Storage.Tests;

/// <summary>Stories: wire copies, reprints and updates of one story are grouped, and the events they report are linked.</summary>
public abstract partial class ArticleStoreContract
{
    [Fact]
    public async Task A_reprint_from_another_source_joins_the_wire_story_and_an_unrelated_article_does_not()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var wire = Articles.Make("w1", "Breakwater to close for repairs", Stories.Wire, "2025-06-03", "Coast Wire");
        var reprint = Articles.Make("w2", "Storms shut Port Vessel breakwater", Stories.Reprint, "2025-06-04", "Island Herald");
        var other = Articles.Make("w3", "Orchestra plans new season", Stories.Unrelated, "2025-06-04", "Island Herald");
        await store.SaveAsync([wire], Ct);
        await store.SaveAsync([other, reprint], Ct);

        Assert.Equal(["w1", "w2"], (await store.GetStoryAsync("w2", Ct)).Select(a => a.Id));
        Assert.Equal(["w1", "w2"], (await store.GetStoryAsync("w1", Ct)).Select(a => a.Id));
        Assert.Equal(["w3"], (await store.GetStoryAsync("w3", Ct)).Select(a => a.Id));
        Assert.Empty(await store.GetStoryAsync("missing", Ct));
        Assert.Equal((3L, 2L), ((await store.GetStatsAsync(Ct)).Articles, (await store.GetStatsAsync(Ct)).Stories));
    }

    [Fact]
    public async Task Another_outlets_own_report_of_the_event_joins_the_story_and_another_event_at_the_same_place_does_not()
    {
        await using var store = await StoreWithCorpusAsync(); // unrelated articles give the word weights something to compare with
        await store.SaveAsync([Articles.Make("w1", "Breakwater to close for repairs", Stories.Wire, "2025-06-03", "Coast Wire")], Ct);
        await store.SaveAsync([Articles.Make("r1", "Storm cracks force breakwater closure", Stories.OwnReport, "2025-06-04", "Island Herald")], Ct);
        await store.SaveAsync([Articles.Make("x1", "Harbour authority elects new chair", Stories.SamePlaceOtherEvent, "2025-06-05", "Island Herald")], Ct);

        Assert.Equal(["w1", "r1"], (await store.GetStoryAsync("r1", Ct)).Select(a => a.Id));
        Assert.Equal(["x1"], (await store.GetStoryAsync("x1", Ct)).Select(a => a.Id));
    }

    [Fact]
    public async Task Briefs_on_one_template_about_different_companies_are_different_stories()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.SaveAsync([Articles.Make("q1", "Harlow Marine Supply fourth quarter net", Stories.ResultsA, "2025-06-04", "Coast Wire")], Ct);
        await store.SaveAsync([Articles.Make("q2", "Delmont Textile Mills fourth quarter net", Stories.ResultsB, "2025-06-04", "Coast Wire")], Ct);

        Assert.Equal(["q2"], (await store.GetStoryAsync("q2", Ct)).Select(a => a.Id));
    }

    [Fact]
    public async Task Stories_do_not_chain_an_article_joins_only_a_story_it_is_close_to_as_a_whole()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.SaveAsync([Articles.Make("b1", "Breakwater to close for repairs", Stories.Wire, "2025-06-03", "Coast Wire")], Ct);
        await store.SaveAsync([Articles.Make("b2", "Harbour board approves ferry timetable", Stories.TwoMatters, "2025-06-04", "Island Herald")], Ct);
        await store.SaveAsync([Articles.Make("b3", "Marsh Island ferries add evening sailings", Stories.FerryTimetable, "2025-06-05", "Ferry News")], Ct);

        // The two-matter report belongs with the closure; the timetable story is close to it but not to the closure.
        Assert.Equal(["b1", "b2"], (await store.GetStoryAsync("b2", Ct)).Select(a => a.Id));
        Assert.Equal(["b3"], (await store.GetStoryAsync("b3", Ct)).Select(a => a.Id));
    }

    [Fact]
    public async Task Search_can_give_one_hit_per_story_counting_the_others()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.SaveAsync(
        [
            Articles.Make("w1", "Breakwater to close for repairs", Stories.Wire, "2025-06-03", "Coast Wire"),
            Articles.Make("w2", "Storms shut Port Vessel breakwater", Stories.Reprint, "2025-06-04", "Island Herald"),
            Articles.Make("w3", "Orchestra plans new season", Stories.Unrelated, "2025-06-04", "Island Herald"),
        ], Ct);
        var query = Search.SearchQuery.Parse("breakwater OR orchestra");

        var all = await store.SearchAsync(new Search.SearchRequest(query, ArticleFilter.All), Ct);
        var collapsed = await store.SearchAsync(new Search.SearchRequest(query, ArticleFilter.All) { CollapseStories = true }, Ct);

        Assert.Equal(3, all.Total);
        Assert.All(all.Hits, h => Assert.Equal(1, h.StoryMatches));
        Assert.Equal(2, collapsed.Total);
        var breakwater = Assert.Single(collapsed.Hits, h => h.Id is "w1" or "w2");
        Assert.Equal(2, breakwater.StoryMatches);
        Assert.Equal((await store.GetStoryAsync("w1", Ct))[0].Id, breakwater.StoryId);
        Assert.Equal(1, Assert.Single(collapsed.Hits, h => h.Id == "w3").StoryMatches);
    }

    [Fact]
    public async Task Capped_reports_come_from_the_earliest_articles_with_every_sentence_each_reports()
    {
        await using var store = await StoreWithCorpusAsync();
        var first = Reported("JPNGOV", "KORGOV", "036", "CONSULT", 1, 4.0, "2025-06-04", "Ishiba wants to hold summit talks with Lee.");
        var again = Reported("JPNGOV", "KORGOV", "036", "CONSULT", 1, 4.0, "2025-06-04", "Ishiba wants to hold summit talks with Lee.") with
        {
            Event = first.Event with { Evidence = new TextSpan(50, 90), Trigger = new TextSpan(60, 70) },
        };
        await store.RecordEventsAsync(
        [
            new ArticleEvents("a3", "2025-05-20", [first, again]), // published first, two sentences
            new ArticleEvents("a1", "2025-06-04", [first]),
            new ArticleEvents("a2", "2025-06-10", [first]),
        ], Ct);

        var capped = Assert.Single(await ListAsync(store, new EventQuery { MaxReports = 2 }));
        Assert.Equal(["a3", "a3", "a1"], capped.Reports.Select(r => r.ArticleId));
        Assert.Equal(3, capped.ReportCount);
    }

    [Fact]
    public async Task Events_are_counted_per_month_in_the_store()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.RecordEventsAsync(
        [
            new ArticleEvents("a1", "2025-06-04",
            [
                Reported("JPNGOV", "KORGOV", "036", "CONSULT", 1, 4.0, "2025-06-04", "Japan wants to hold summit talks with Korea."),
                Reported("JPNGOV", "KORGOV", "040", "CONSULT", 1, 1.0, "2025-06-20", "Japan met Korea on June 20."),
                Reported("KORGOV", "JPNGOV", "111", "DISAPPROVE", 3, -2.0, "2025-07-01", "Korea criticised Japan."),
                Reported("KORGOV", "JPNGOV", "040", "CONSULT", 1, 1.0, "2025-07-02", "Korea did not meet Japan.", negated: true),
            ]),
        ], Ct);

        var counted = await store.EventsPerMonthAsync(new EventQuery(), Ct);
        Assert.Equal([(new DateOnly(2025, 6, 1), 2L), (new DateOnly(2025, 7, 1), 1L)], counted.Select(m => (m.Month!.Value, m.Events)));
        var all = await store.EventsPerMonthAsync(new EventQuery(IncludeAll: true, SourceActor: "KOR"), Ct);
        Assert.Equal([(new DateOnly(2025, 7, 1), 2L)], all.Select(m => (m.Month!.Value, m.Events)));
    }

    [Fact]
    public async Task Stories_are_listed_most_reported_first_with_counts_within_the_filter()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.SaveAsync(
        [
            Articles.Make("w1", "Breakwater to close for repairs", Stories.Wire, "2025-06-03", "Coast Wire"),
            Articles.Make("w2", "Storms shut Port Vessel breakwater", Stories.Reprint, "2025-06-04", "Island Herald"),
            Articles.Make("w3", "Storms shut Port Vessel breakwater", Stories.Reprint, "2025-06-05", "Island Herald") with { Url = "https://herald.test/update" },
        ], Ct);

        var first = await store.ListStoriesAsync(ArticleFilter.All, null, 2, Ct);
        var top = first.Items[0];
        Assert.Equal((3L, 2L, "2025-06-03", "2025-06-05", "w1", "Breakwater to close for repairs"),
            (top.Articles, top.Sources, top.First, top.Last, top.FirstArticle, top.Title));
        Assert.NotNull(first.Next);
        var rest = new List<StorySummary>(first.Items);
        for (var cursor = first.Next; cursor is not null;)
        {
            var page = await store.ListStoriesAsync(ArticleFilter.All, cursor, 2, Ct);
            rest.AddRange(page.Items);
            cursor = page.Next;
        }

        Assert.Equal(6, rest.Count); // the five corpus articles stand alone, plus the breakwater story
        Assert.Equal(rest.Count, rest.Select(s => s.Id).Distinct().Count());

        var later = await store.ListStoriesAsync(new ArticleFilter(From: new DateOnly(2025, 6, 4), To: new DateOnly(2025, 6, 5)), null, 10, Ct);
        var breakwater = Assert.Single(later.Items, s => s.Id == top.Id);
        Assert.Equal((2L, "w2"), (breakwater.Articles, breakwater.FirstArticle));
    }

    [Fact]
    public async Task The_story_list_agrees_with_each_storys_members_after_inserts_updates_and_changed_sources()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.SaveAsync([Articles.Make("w1", "Breakwater to close for repairs", Stories.Wire, "2025-06-03", "Coast Wire")], Ct);
        await store.SaveAsync(
        [
            Articles.Make("w2", "Storms shut Port Vessel breakwater", Stories.Reprint, "2025-06-04", "Island Herald"),
            Articles.Make("w4", "Breakwater closing", Stories.Reprint, null, "Island Herald", url: "https://herald.test/undated"),
            Articles.Make("w5", "Breakwater closing (copy)", Stories.Reprint, "2025-06-02", null, url: "https://nosource.test/w5"),
        ], Ct);
        var before = await AllStoriesAsync(store);
        var story = Assert.Single(before, s => s.FirstArticle == "w5");
        Assert.Equal((4L, 2L, "2025-06-02", "2025-06-04"), (story.Articles, story.Sources, story.First, story.Last));
        foreach (var s in before)
        {
            await AssertAgreesWithMembersAsync(store, s);
        }

        // Updates: w5 moves later and gains a source, w2 changes outlet (the story's last Island Herald copy stays w4).
        await store.SaveAsync(
        [
            Articles.Make("w5", "Breakwater closing (copy, corrected)", Stories.Reprint, "2025-06-06", "Harbour Gazette", url: "https://nosource.test/w5"),
            Articles.Make("w2", "Storms shut Port Vessel breakwater (updated)", Stories.Reprint, "2025-06-05", "Coast Wire"),
        ], Ct);
        var after = await AllStoriesAsync(store);
        story = Assert.Single(after, s => s.Id == story.Id);
        Assert.Equal((4L, 3L, "2025-06-03", "2025-06-06", "w1"), (story.Articles, story.Sources, story.First, story.Last, story.FirstArticle));

        foreach (var s in after)
        {
            await AssertAgreesWithMembersAsync(store, s);
        }

        Assert.Equal((await store.GetStatsAsync(Ct)).Articles, after.Sum(s => s.Articles));
    }

    private static async Task<List<StorySummary>> AllStoriesAsync(IArticleStore store)
    {
        var all = new List<StorySummary>();
        for (string? cursor = null; ;)
        {
            var page = await store.ListStoriesAsync(ArticleFilter.All, cursor, 3, Ct);
            all.AddRange(page.Items);
            if ((cursor = page.Next) is null)
            {
                return all;
            }
        }
    }

    private static async Task AssertAgreesWithMembersAsync(IArticleStore store, StorySummary story)
    {
        var members = await store.GetStoryAsync(story.FirstArticle, Ct);
        if (members.Count == 0)
        {
            members = [.. (await store.GetStoryAsync(story.Id, Ct))];
        }

        var dates = members.Select(m => m.Published?[..10]).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var first = members.OrderBy(m => m.Published?[..10] ?? "9999", StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).First();
        Assert.Equal(
            ((long)members.Count, (long)members.Select(m => m.Source).OfType<string>().Distinct(StringComparer.Ordinal).Count(), dates.FirstOrDefault(), dates.LastOrDefault(), first.Id),
            (story.Articles, story.Sources, story.First, story.Last, story.FirstArticle));
    }

    [Fact]
    public async Task A_copy_published_weeks_later_starts_a_story_of_its_own()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        await store.SaveAsync([Articles.Make("w1", "Breakwater to close", Stories.Wire, "2025-06-03", "Coast Wire")], Ct);
        await store.SaveAsync([Articles.Make("w9", "Breakwater to close (anniversary reprint)", Stories.Reprint, "2025-09-03", "Island Herald")], Ct);
        Assert.Equal(["w9"], (await store.GetStoryAsync("w9", Ct)).Select(a => a.Id));
    }

    [Fact]
    public async Task One_event_in_two_versions_of_a_story_with_edited_evidence_is_one_event_with_both_reports()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        await store.SaveAsync(
        [
            Articles.Make("w1", "Breakwater to close", Stories.Wire, "2025-06-03", "Coast Wire"),
            Articles.Make("w2", "Storms shut breakwater", Stories.Reprint, "2025-06-04", "Island Herald"),
            Articles.Make("w3", "Orchestra plans new season", Stories.Unrelated, "2025-06-04", "Island Herald"),
        ], Ct);
        var inWire = Reported("PVSGOV", "PVSBUS", "172", "COERCE", 4, -5.0, "2025-06-03", "The harbour authority said it would close the breakwater to boats.");
        var inReprint = Reported("PVSGOV", "PVSBUS", "172", "COERCE", 4, -5.0, "2025-06-03", "Harbour officials will shut the breakwater to all boats, they said.");
        await store.RecordEventsAsync(
        [
            new ArticleEvents("w1", "2025-06-03", [inWire]),
            new ArticleEvents("w2", "2025-06-04", [inReprint]),
            new ArticleEvents("w3", "2025-06-04", [inReprint]), // the same words in another story: linked by its evidence
        ], Ct);

        var stored = Assert.Single(await ListAsync(store, new EventQuery(IncludeAll: true)));
        Assert.Equal(["w1", "w2", "w3"], stored.Reports.Select(r => r.ArticleId).Order(StringComparer.Ordinal));
        Assert.Equal(3, stored.ReportCount);

        // Another code in the same story on the same day stays a separate event.
        await store.RecordEventsAsync([new ArticleEvents("w2", "2025-06-04", [inReprint, Reported("PVSGOV", "PVSBUS", "010", "STATEMENT", 1, 0, "2025-06-03", "Officials made a statement.")])], Ct);
        Assert.Equal(2, (await ListAsync(store, new EventQuery(IncludeAll: true))).Count);
    }

    [Fact]
    public async Task Joining_two_stories_moves_every_article_and_later_reports_link_to_the_moved_events()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        await store.SaveAsync(
        [
            Articles.Make("j1", "Breakwater to close", Stories.Wire, "2025-06-03", "Coast Wire"),
            Articles.Make("j2", "Storms shut breakwater", Stories.Reprint, "2025-06-04", "Island Herald"),
            Articles.Make("j3", "Orchestra plans new season", Stories.Unrelated, "2025-06-04", "Island Herald"),
        ], Ct);
        var before = await store.ListStoriesAsync(ArticleFilter.All, null, 10, Ct);
        Assert.Equal(2, before.Items.Count);
        await store.RecordEventsAsync([new ArticleEvents("j3", "2025-06-04", [Reported("PVSGOV", "PVSBUS", "172", "COERCE", 4, -5.0, "2025-06-04", "The council closed the hall.")])], Ct);

        // The orchestra story (one article) joins the breakwater story (two): every article ends in one story.
        Assert.Equal(1, await store.JoinStoriesAsync("j3", "j1", Ct));
        Assert.Equal(["j1", "j2", "j3"], (await store.GetStoryAsync("j3", Ct)).Select(a => a.Id).Order(StringComparer.Ordinal));
        var after = await store.ListStoriesAsync(ArticleFilter.All, null, 10, Ct);
        Assert.Equal(3, Assert.Single(after.Items).Articles);

        // A later report of the same act in the joined story, in other words, is the same event.
        await store.RecordEventsAsync([new ArticleEvents("j2", "2025-06-04", [Reported("PVSGOV", "PVSBUS", "172", "COERCE", 4, -5.0, "2025-06-04", "Officials shut the hall on Wednesday.")])], Ct);
        var stored = Assert.Single(await ListAsync(store, new EventQuery(IncludeAll: true)));
        Assert.Equal(["j2", "j3"], stored.Reports.Select(r => r.ArticleId).Order(StringComparer.Ordinal));

        // Joining again, or with an unknown article, moves nothing.
        Assert.Equal(0, await store.JoinStoriesAsync("j1", "j3", Ct));
        Assert.Equal(0, await store.JoinStoriesAsync("nope", "j1", Ct));
    }
}
