using Dateline.Storage.Vectors;

namespace Dateline.Storage.Tests;

/// <summary>Article vectors (meaning-based search): storage, the embedding job's work list, and nearest neighbours.</summary>
public abstract partial class ArticleStoreContract
{
    private const string ModelA = "test-model.v1";
    private const string ModelB = "other-model.v1";

    /// <summary>A unit vector of 8 dimensions pointing mostly along <paramref name="axis"/>, tilted towards <paramref name="towards"/>.</summary>
    private static float[] Unit(int axis, int towards = -1, float tilt = 0f)
    {
        var v = new float[8];
        v[axis] = 1f;
        if (towards >= 0)
        {
            v[towards] += tilt;
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    [Fact]
    public async Task Vectors_are_stored_per_model_and_the_work_list_holds_the_articles_without_one()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        await store.SaveAsync([Articles.Make("v1", "Ferry", "One."), Articles.Make("v2", "Bridge", "Two."), Articles.Make("v3", "Harbour", "Three.")], Ct);

        Assert.Equal(["v1", "v2", "v3"], (await store.ListArticlesToEmbedAsync(ModelA, 10, Ct)).Select(a => a.Id));
        Assert.Equal(["v1", "v2"], (await store.ListArticlesToEmbedAsync(ModelA, 2, Ct)).Select(a => a.Id));
        await store.SaveVectorsAsync(ModelA, [new ArticleVector("v1", Unit(0)), new ArticleVector("v3", Unit(2)), new ArticleVector("unknown", Unit(3))], Ct);

        Assert.Equal(["v2"], (await store.ListArticlesToEmbedAsync(ModelA, 10, Ct)).Select(a => a.Id));
        Assert.Equal(["v1", "v2", "v3"], (await store.ListArticlesToEmbedAsync(ModelB, 10, Ct)).Select(a => a.Id));
        Assert.Equal(new EmbeddingCounts(2, 3), await store.CountVectorsAsync(ModelA, Ct));
        Assert.Equal(new EmbeddingCounts(0, 3), await store.CountVectorsAsync(ModelB, Ct));
        Assert.Equal(Unit(2), await store.GetVectorAsync("v3", ModelA, Ct));
        Assert.Null(await store.GetVectorAsync("v3", ModelB, Ct));
        Assert.Null(await store.GetVectorAsync("v2", ModelA, Ct));

        await store.SaveVectorsAsync(ModelB, [new ArticleVector("v2", Unit(5))], Ct);
        var exported = await store.ExportVectorsAsync(Ct).ToListAsync(Ct);
        Assert.Equal([(ModelB, "v2"), (ModelA, "v1"), (ModelA, "v3")], exported.Select(v => (v.Model, v.ArticleId))); // by model, then storage order
        Assert.Equal(Unit(5), exported.Single(v => v.Model == ModelB).Vector);
    }

    [Fact]
    public async Task Nearest_ranks_by_cosine_pages_filters_and_leaves_out_the_article_asked_about()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        await store.SaveAsync(
        [
            Articles.Make("n1", "A", "Alpha.", "2025-06-01", "Coast Wire"), Articles.Make("n2", "B", "Beta.", "2025-06-02", "Island Herald"),
            Articles.Make("n3", "C", "Gamma.", "2025-06-03", "Coast Wire"), Articles.Make("n4", "D", "Delta.", "2025-06-04", "Coast Wire"),
        ], Ct);
        await store.SaveVectorsAsync(ModelA,
        [
            new ArticleVector("n1", Unit(0)), new ArticleVector("n2", Unit(0, 1, 0.5f)), new ArticleVector("n3", Unit(0, 1, 2f)), new ArticleVector("n4", Unit(1)),
        ], Ct);

        var all = await store.NearestAsync(new NearestRequest(ModelA, Unit(0), ArticleFilter.All, 10), Ct);
        Assert.Equal(["n1", "n2", "n3", "n4"], all.Hits.Select(h => h.ArticleId));
        Assert.Equal(4, all.Compared);
        Assert.Equal(1.0, all.Hits[0].Score, 5);
        Assert.Equal(0.0, all.Hits[3].Score, 5);

        var page = await store.NearestAsync(new NearestRequest(ModelA, Unit(0), ArticleFilter.All, 2, 1), Ct);
        Assert.Equal(["n2", "n3"], page.Hits.Select(h => h.ArticleId));

        var coast = await store.NearestAsync(new NearestRequest(ModelA, Unit(0), new ArticleFilter(Source: "coast wire"), 10) { Exclude = "n1" }, Ct);
        Assert.Equal(["n3", "n4"], coast.Hits.Select(h => h.ArticleId));
        Assert.Equal(2, coast.Compared);

        var dated = await store.NearestAsync(new NearestRequest(ModelA, Unit(1), new ArticleFilter(From: new DateOnly(2025, 6, 2), To: new DateOnly(2025, 6, 3)), 10), Ct);
        Assert.Equal(["n3", "n2"], dated.Hits.Select(h => h.ArticleId));

        Assert.Empty((await store.NearestAsync(new NearestRequest(ModelB, Unit(0), ArticleFilter.All, 10), Ct)).Hits);
    }

    [Fact]
    public async Task Nearest_sees_vectors_written_replaced_and_dropped_after_its_first_answer()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        await store.SaveAsync([Articles.Make("r1", "A", "Alpha."), Articles.Make("r2", "B", "Beta."), Articles.Make("r3", "C", "Gamma.")], Ct);
        await store.SaveVectorsAsync(ModelA, [new ArticleVector("r1", Unit(0)), new ArticleVector("r2", Unit(1))], Ct);
        Assert.Equal("r1", (await store.NearestAsync(new NearestRequest(ModelA, Unit(0), ArticleFilter.All, 1), Ct)).Hits[0].ArticleId);

        // Written by another process: a new vector, and a replaced one.
        await using (var other = await fixture.OpenAgainAsync(store))
        {
            await other.SaveVectorsAsync(ModelA, [new ArticleVector("r3", Unit(2)), new ArticleVector("r2", Unit(0))], Ct);
        }

        var after = await store.NearestAsync(new NearestRequest(ModelA, Unit(0), ArticleFilter.All, 3), Ct);
        Assert.Equal(["r1", "r2"], after.Hits.Take(2).Select(h => h.ArticleId).Order());
        Assert.Equal(1.0, after.Hits[1].Score, 5);
        Assert.Equal(3, after.Compared);

        // An article saved with new content loses its vector (it described the old text) and is listed for embedding.
        await store.SaveAsync([Articles.Make("r1", "A", "Alpha, rewritten.")], Ct);
        Assert.Equal(["r1"], (await store.ListArticlesToEmbedAsync(ModelA, 10, Ct)).Select(a => a.Id));
        var dropped = await store.NearestAsync(new NearestRequest(ModelA, Unit(0), ArticleFilter.All, 3), Ct);
        Assert.Equal(["r2", "r3"], dropped.Hits.Select(h => h.ArticleId));
    }
}
