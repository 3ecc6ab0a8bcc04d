namespace Dateline.Storage.Tests;

/// <summary>The paged lists the API and web UI read: articles, entities, quotes; and stored actor overrides.</summary>
public abstract partial class ArticleStoreContract
{
    private static EntityObservation Observed(string article, string date, string name, string country, string actorId, params string[] aliases) =>
        new(article, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "PERSON", name, country + "GOV", country,
            "Prime Minister", aliases)
        { ActorId = actorId };

    /// <summary>Annotations with one actor (a1) and quotes: one said by a1, one by an unresolved speaker.</summary>
    private static ArticleAnnotations QuoteLayers(string articleId, string speakerText) => new(articleId, "test.v1", $$$"""
        {"id":"{{{articleId}}}","actors":[{"id":"a1","name":"Shigeru Ishiba","type":"PERSON","code":"JPNGOV","country":"JPN","role":"Prime Minister","aliases":["Ishiba"]}],
         "quotes":[{"start":4,"end":20,"text":"we will cooperate","direct":true,"cue":{"start":22,"end":26,"text":"said"},"speaker":{"start":27,"end":33,"text":"{{{speakerText}}}","actor":"a1"}},
                   {"start":40,"end":50,"text":"no comment","direct":true,"cue":null,"speaker":{"start":51,"end":60,"text":"an aide","actor":null}}],
         "errors":[]}
        """);

    [Fact]
    public async Task Listing_pages_through_every_article_newest_first_with_cursors()
    {
        await using var store = await StoreWithCorpusAsync();
        var seen = new List<ArticleSummary>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await store.ListArticlesAsync(ArticleFilter.All, cursor, 2, Ct);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(["a2", "a4", "a1", "a3", "a5"], seen.Select(a => a.Id)); // 06-10, 06-05, 06-04, 05-20, undated last
        Assert.Equal(("Japan Today", "2025-06-04"), (seen[2].Source, seen[2].Published));
        var exact = await store.ListArticlesAsync(ArticleFilter.All, null, 5, Ct);
        Assert.Equal(5, exact.Items.Count);
        Assert.Null(exact.Next); // a full last page says there is no more
    }

    [Fact]
    public async Task Listing_filters_by_language_source_dates_and_actor()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var corpus = Articles.Corpus().Select(a => a with { Language = a.Id == "a4" ? "ja" : "en" }).ToList();
        await store.SaveAsync(corpus, Ct);
        await store.RecordEntitiesAsync([Observed("a1", "2025-06-04", "Shigeru Ishiba", "JPN", "a1"), Observed("a4", "2025-06-05", "Shigeru Ishiba", "JPN", "a3")], Ct);

        Assert.Equal(["a4"], (await store.ListArticlesAsync(new ArticleFilter(Language: "JA"), null, 10, Ct)).Items.Select(a => a.Id));
        Assert.Equal(["a2"], (await store.ListArticlesAsync(new ArticleFilter(Source: "scmp"), null, 10, Ct)).Items.Select(a => a.Id));
        Assert.Equal(["a4", "a1"], (await store.ListArticlesAsync(new ArticleFilter(new DateOnly(2025, 6, 4), new DateOnly(2025, 6, 5)), null, 10, Ct))
            .Items.Select(a => a.Id));
        var ishiba = Assert.Single((await store.ListEntitiesAsync("Ishiba", null, 10, Ct)).Items);
        Assert.Equal(["a4", "a1"], (await store.ListArticlesAsync(new ArticleFilter(Actor: ishiba.Id), null, 10, Ct)).Items.Select(a => a.Id));
        Assert.Equal(2, await store.CountAsync(new ArticleFilter(Actor: ishiba.Id), Ct));
        Assert.Empty((await store.ListArticlesAsync(new ArticleFilter(Actor: "PERSON:XXX:nobody' OR 1=1 --"), null, 10, Ct)).Items);
        var hits = await store.SearchAsync(new Search.SearchRequest(Search.SearchQuery.Parse("shuttle OR 首脳"), new ArticleFilter(Actor: ishiba.Id, Language: "en")), Ct);
        Assert.Equal(["a1"], hits.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Listing_and_search_filter_by_the_publishers_tags_ignoring_case()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var corpus = Articles.Corpus().Select(a => a with
        {
            Tags = a.Id switch { "a1" => ["Diplomacy", "Japan"], "a2" => ["diplomacy"], "a3" => ["Sport"], _ => [] },
        }).ToList();
        await store.SaveAsync(corpus, Ct);

        var diplomacy = await store.ListArticlesAsync(new ArticleFilter(Tag: "DIPLOMACY"), null, 10, Ct);
        Assert.Equal(["a1", "a2"], diplomacy.Items.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(1, await store.CountAsync(new ArticleFilter(Tag: "japan"), Ct));
        Assert.Equal(0, await store.CountAsync(new ArticleFilter(Tag: "Diplo"), Ct)); // whole tags only
        Assert.Equal(0, await store.CountAsync(new ArticleFilter(Tag: "x' OR 1=1 --"), Ct));
        var query = Search.SearchQuery.Parse("shuttle");
        Assert.True((await store.SearchAsync(new Search.SearchRequest(query, ArticleFilter.All), Ct)).Total > 1);
        var hits = await store.SearchAsync(new Search.SearchRequest(query, new ArticleFilter(Tag: "sport")), Ct);
        Assert.Equal(["a3"], hits.Hits.Select(h => h.Id));
        Assert.Equal(["Diplomacy", "Japan"], (await store.GetAsync("a1", Ct))!.Tags);
        var counted = (await store.GetStatsAsync(Ct)).ByTag;
        Assert.Equal(("diplomacy", 2L), (counted[0].Key.ToLowerInvariant(), counted[0].Value)); // counted ignoring case
        Assert.Equal(3, counted.Count);

        // Saving an article again with other tags replaces its tags.
        await store.SaveAsync([corpus[0] with { Tags = ["Japan"], Title = corpus[0].Title + " (updated)" }], Ct);
        Assert.Equal(1, await store.CountAsync(new ArticleFilter(Tag: "diplomacy"), Ct));
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("WyJhcnRpY2xlcyJd")] // ["articles"]: a key part is missing
    [InlineData("WyJhY3RvcnMiLCIyIl0")] // ["actors","2"]: a cursor of another list
    public async Task A_cursor_the_store_did_not_hand_out_is_refused(string cursor)
    {
        await using var store = await StoreWithCorpusAsync();
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListArticlesAsync(ArticleFilter.All, cursor, 2, Ct));
    }

    [Fact]
    public async Task Entities_are_listed_in_pages_read_by_id_and_counted_per_date()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.RecordEntitiesAsync(
        [
            Observed("a1", "2025-06-04", "Shigeru Ishiba", "JPN", "a1", "Ishiba"),
            Observed("a3", "2025-05-20", "Shigeru Ishiba", "JPN", "a2"),
            Observed("a4", "2025-06-05", "Shigeru Ishiba", "JPN", "a1"),
            Observed("a1", "2025-06-04", "Lee Jae Myung", "KOR", "a2"),
            Observed("a2", "2025-06-10", "Takeshi Iwaya", "JPN", "a1"),
        ], Ct);

        var first = await store.ListEntitiesAsync(null, null, 2, Ct);
        Assert.Equal("Shigeru Ishiba", first.Items[0].Name); // most-mentioned first
        Assert.NotNull(first.Next);
        var second = await store.ListEntitiesAsync(null, first.Next, 2, Ct);
        Assert.Single(second.Items);
        Assert.Null(second.Next);
        Assert.Empty(first.Items.Select(e => e.Id).Intersect(second.Items.Select(e => e.Id)));

        var ishiba = await store.GetEntityAsync(first.Items[0].Id, Ct);
        Assert.NotNull(ishiba);
        Assert.Equal((3L, "JPN"), (ishiba.Articles, ishiba.Country));
        Assert.Contains("Ishiba", ishiba.Aliases);
        Assert.Null(await store.GetEntityAsync("PERSON:JPN:nobody", Ct));

        var timeline = await store.GetEntityTimelineAsync(ishiba.Id, Ct);
        Assert.Equal([new DateCount(new DateOnly(2025, 5, 20), 1), new DateCount(new DateOnly(2025, 6, 4), 1), new DateCount(new DateOnly(2025, 6, 5), 1)],
            timeline);

        var links = await store.GetArticleEntitiesAsync("a1", Ct);
        Assert.Equal(ishiba.Id, links["a1"]);
        Assert.Equal("PERSON:KOR:lee jae myung", links["a2"]);
        Assert.Empty(await store.GetArticleEntitiesAsync("a5", Ct));
    }

    [Fact]
    public async Task Quotes_are_listed_by_actor_and_by_speaker_in_pages()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.SaveAnnotationsAsync([QuoteLayers("a1", "Ishiba"), QuoteLayers("a4", "the prime minister"), QuoteLayers("a2", "Ishiba")], Ct);
        await store.RecordEntitiesAsync(
        [
            Observed("a1", "2025-06-04", "Shigeru Ishiba", "JPN", "a1"),
            Observed("a4", "2025-06-05", "Shigeru Ishiba", "JPN", "a1"),
            Observed("a2", "2025-06-10", "Shigeru Ishiba", "JPN", "a1"),
        ], Ct);
        var id = (await store.ListEntitiesAsync("Ishiba", null, 1, Ct)).Items[0].Id;

        var all = new List<QuoteRecord>();
        string? cursor = null;
        do
        {
            var page = await store.ListQuotesAsync(new QuoteFilter(Actor: id), cursor, 2, Ct);
            all.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null && all.Count < 20);

        Assert.Equal(["a2", "a4", "a1"], all.Select(q => q.ArticleId));
        Assert.All(all, q => Assert.Equal(("we will cooperate", id, "Shigeru Ishiba", "said"), (q.Text, q.SpeakerEntityId, q.SpeakerName, q.Cue)));
        Assert.Equal((4, 20, true), (all[0].Start, all[0].End, all[0].Direct));

        // The speaker filter matches the speaker as written or the actor's name.
        Assert.Equal(3, (await store.ListQuotesAsync(new QuoteFilter(Speaker: "shigeru"), null, 10, Ct)).Items.Count);
        var aide = Assert.Single((await store.ListQuotesAsync(new QuoteFilter(Speaker: "aide"), null, 10, Ct)).Items, q => q.ArticleId == "a1");
        Assert.Null(aide.SpeakerEntityId);
        Assert.Empty((await store.ListQuotesAsync(new QuoteFilter(Speaker: "100%_"), null, 10, Ct)).Items);
        Assert.Equal(6, (await store.ListQuotesAsync(new QuoteFilter(), null, 10, Ct)).Items.Count);
    }

    [Fact]
    public async Task Actor_overrides_are_stored_and_replaced_by_name()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        Assert.Empty(await store.GetActorOverridesAsync(Ct));
        Assert.Equal(2, await store.SaveActorOverridesAsync(
        [
            new StoredActorOverride("Yoshimasa Hayashi", ["Hayashi"], "PERSON", "JPNGOV", "JPN", "Chief Cabinet Secretary"),
            new StoredActorOverride("Ministry of Unification", [], "ORG", "KORGOV", "KOR", null),
        ], Ct));
        Assert.Equal(2, await store.SaveActorOverridesAsync([new StoredActorOverride("Yoshimasa Hayashi", ["Hayashi", "Mr Hayashi"], "PERSON", "JPNGOV", "JPN", "Minister")], Ct));
        var back = await store.GetActorOverridesAsync(Ct);
        Assert.Equal(["Ministry of Unification", "Yoshimasa Hayashi"], back.Select(o => o.Name));
        Assert.Equal(["Hayashi", "Mr Hayashi"], back[1].Aliases);
        Assert.Equal(("Minister", (string?)null), (back[1].Role, back[0].Role));
    }
}
