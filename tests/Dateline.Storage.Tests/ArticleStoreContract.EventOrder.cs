using Dateline.Storage.Events;

namespace Dateline.Storage.Tests;

/// <summary>The events list order (newest date first, then id; undated last) and its keyset paging.</summary>
public abstract partial class ArticleStoreContract
{
    /// <summary>
    /// Seven events recorded in an order unlike the list's: one on 20 May, two undated, three on 4 June, one on 10 June.
    /// Each has its own evidence, named after its date and the order it was recorded in.
    /// </summary>
    private async Task<IArticleStore> DatedEventsStoreAsync()
    {
        var store = await StoreWithCorpusAsync();
        ReportedEvent On(string? date, string cameo, string evidence) => Reported("JPN", "KOR", cameo, "CONSULT", 1, 1.0, date!, evidence);
        await store.RecordEventsAsync([new ArticleEvents("a3", "2025-05-20", [On("2025-05-20", "040", "may-1")])], Ct);
        await store.RecordEventsAsync([new ArticleEvents("a5", null, [On(null, "040", "undated-2"), On(null, "036", "undated-3")])], Ct);
        await store.RecordEventsAsync([new ArticleEvents("a1", "2025-06-04",
            [On("2025-06-04", "040", "june4-4"), On("2025-06-04", "036", "june4-5"), On("2025-06-04", "042", "june4-6")])], Ct);
        await store.RecordEventsAsync([new ArticleEvents("a2", "2025-06-10", [On("2025-06-10", "040", "june10-7")])], Ct);
        return store;
    }

    private static readonly string[] NewestFirst = ["june10-7", "june4-6", "june4-5", "june4-4", "may-1", "undated-3", "undated-2"];

    [Fact]
    public async Task Events_list_newest_first_then_by_descending_id_with_undated_events_last()
    {
        await using var store = await DatedEventsStoreAsync();
        var all = await ListAsync(store, new EventQuery());
        Assert.Equal(NewestFirst, all.Select(e => e.Evidence));
        Assert.True(all[1].Id > all[2].Id && all[2].Id > all[3].Id && all[5].Id > all[6].Id, "ties by descending id");
        Assert.Equal([null, null], all.TakeLast(2).Select(e => e.Date));

        // The filters keep the order; an id finds one event.
        Assert.Equal(["june4-5", "undated-3"], (await ListAsync(store, new EventQuery(Code: "036"))).Select(e => e.Evidence));
        var one = Assert.Single(await ListAsync(store, new EventQuery(IncludeAll: true) { Id = all[4].Id }));
        Assert.Equal("may-1", one.Evidence);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)] // the second page ends on the last event of 4 June, the fourth straddles dated and undated
    [InlineData(3)]
    public async Task Keyset_pages_of_events_walk_ties_and_undated_events_exactly_once(int size)
    {
        await using var store = await DatedEventsStoreAsync();
        var seen = new List<string>();
        EventPosition? after = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await ListAsync(store, new EventQuery(After: after, Limit: size));
            Assert.InRange(page.Count, 0, size);
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Select(e => e.Evidence));
            after = EventPosition.Of(page[^1]);
        }

        Assert.Equal(NewestFirst, seen);
    }

    [Fact]
    public async Task A_page_after_an_undated_event_holds_only_older_undated_ones_and_a_filter_keeps_its_place()
    {
        await using var store = await DatedEventsStoreAsync();
        var all = await ListAsync(store, new EventQuery());
        Assert.Equal(["undated-2"], (await ListAsync(store, new EventQuery(After: EventPosition.Of(all[5])))).Select(e => e.Evidence));
        Assert.Empty(await ListAsync(store, new EventQuery(After: EventPosition.Of(all[6]))));
        // After a position on 4 June: the rest of that day below that id, then the older and the undated events.
        Assert.Equal(["june4-4", "may-1", "undated-3", "undated-2"], (await ListAsync(store, new EventQuery(After: EventPosition.Of(all[2])))).Select(e => e.Evidence));
        // A position from another list (code 036's) still places the page: the code filter and the key both apply.
        Assert.Equal(["undated-3"], (await ListAsync(store, new EventQuery(Code: "036", After: EventPosition.Of(all[2])))).Select(e => e.Evidence));
    }
}
