namespace Dateline.Storage.Tests;

/// <summary>What `reanalyze` needs from a store: which articles another analysis made, their stored layers, and a whole-table entity rebuild.</summary>
public abstract partial class ArticleStoreContract
{
    [Fact]
    public async Task Articles_to_analyze_are_those_without_annotations_or_made_by_another_analysis()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.SaveAnnotationsAsync(
        [
            new ArticleAnnotations("a1", "p.v1", "{\"id\":\"a1\"}") { Fingerprint = "current" },
            new ArticleAnnotations("a2", "p.v1", "{\"id\":\"a2\"}") { Fingerprint = "older" },
            new ArticleAnnotations("a3", "p.v1", "{\"id\":\"a3\"}"), // stored before fingerprints were kept
        ], Ct);

        Assert.Equal(["a2", "a3", "a4", "a5"], await store.ListArticlesToAnalyzeAsync("current", Ct));
        Assert.Equal(["a1", "a2", "a3", "a4", "a5"], await store.ListArticlesToAnalyzeAsync(null, Ct));
        Assert.Equal("current", (await store.GetAnnotationsAsync("a1", Ct))!.Fingerprint);

        await store.SaveAnnotationsAsync([new ArticleAnnotations("a2", "p.v2", "{\"id\":\"a2\"}") { Fingerprint = "current" }], Ct);
        Assert.Equal(["a3", "a4", "a5"], await store.ListArticlesToAnalyzeAsync("current", Ct));
        var stats = await store.GetStatsAsync(Ct);
        Assert.Equal(3, stats.Annotated);
    }

    [Fact]
    public async Task Stored_annotations_stream_with_their_publication_dates_oldest_first()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.SaveAnnotationsAsync(
        [
            new ArticleAnnotations("a2", "p.v1", "{\"id\":\"a2\"}"),
            new ArticleAnnotations("a3", "p.v1", "{\"id\":\"a3\"}"),
            new ArticleAnnotations("a5", "p.v1", "{\"id\":\"a5\"}"),
        ], Ct);

        var streamed = new List<AnnotatedArticle>();
        await foreach (var a in store.ExportAnnotationsAsync(Ct))
        {
            streamed.Add(a);
        }

        // a5 has no date (sorts first), then 2025-05-20 (a3), 2025-06-10 (a2).
        Assert.Equal(["a5", "a3", "a2"], streamed.Select(a => a.ArticleId));
        Assert.Equal([null, new DateOnly(2025, 5, 20), new DateOnly(2025, 6, 10)], streamed.Select(a => a.Published));
        Assert.Equal("{\"id\":\"a3\"}", streamed[1].Json);
    }

    [Fact]
    public async Task Replacing_entities_drops_what_only_the_old_analysis_saw_and_keeps_the_rest_consistent()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.RecordEntitiesAsync(
        [
            Observed("a1", "2025-06-04", "Shigeru Ishiba", "JPN", "a1", "Ishiba"),
            Observed("a2", "2025-06-10", "Shigeru Ishiba", "JPN", "a1"),
            Observed("a2", "2025-06-10", "Misread Name", "CHN", "a2"),
        ], Ct);
        Assert.Single(await store.FindEntitiesAsync("Misread", 10, Ct));

        await store.ReplaceEntitiesAsync(Stream(
            Observed("a1", "2025-06-04", "Shigeru Ishiba", "JPN", "a1", "Ishiba"),
            Observed("a3", "2025-05-20", "Lee Jae Myung", "KOR", "a1", "Lee")), Ct);

        Assert.Empty(await store.FindEntitiesAsync("Misread", 10, Ct));
        var ishiba = Assert.Single(await store.FindEntitiesAsync("Ishiba", 10, Ct));
        Assert.Equal(1L, ishiba.Articles); // a2 no longer mentions him
        var role = Assert.Single(ishiba.Roles);
        Assert.Equal((new DateOnly(2025, 6, 4), new DateOnly(2025, 6, 4), 1L), (role.First, role.Last, role.Articles));
        Assert.Empty(await store.GetArticleEntitiesAsync("a2", Ct));
        Assert.Equal(ishiba.Id, (await store.GetArticleEntitiesAsync("a1", Ct))["a1"]);
        Assert.Single(await store.FindEntitiesAsync("Lee", 10, Ct));
        Assert.Equal(2, (await store.GetStatsAsync(Ct)).Entities);
    }

    [Fact]
    public async Task A_failing_entity_rebuild_leaves_the_old_entities_in_place()
    {
        await using var store = await StoreWithCorpusAsync();
        await store.RecordEntitiesAsync([Observed("a1", "2025-06-04", "Shigeru Ishiba", "JPN", "a1")], Ct);

        await Assert.ThrowsAsync<InvalidDataException>(() => store.ReplaceEntitiesAsync(Failing(), Ct));

        Assert.Single(await store.FindEntitiesAsync("Ishiba", 10, Ct));
        Assert.Empty(await store.FindEntitiesAsync("Lee", 10, Ct));

        static async IAsyncEnumerable<EntityObservation> Failing()
        {
            yield return Observed("a3", "2025-05-20", "Lee Jae Myung", "KOR", "a1");
            await Task.Yield();
            throw new InvalidDataException("the annotations could not be read");
        }
    }

    private static async IAsyncEnumerable<EntityObservation> Stream(params EntityObservation[] observations)
    {
        foreach (var o in observations)
        {
            await Task.Yield();
            yield return o;
        }
    }
}
