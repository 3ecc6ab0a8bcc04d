namespace Dateline.Storage.Tests;

/// <summary>The ingest queue: claims, leases that run out, takeovers and the ledger ending a claim.</summary>
public abstract partial class ArticleStoreContract
{
    private static IngestedFile QueuedFile(string name) => new("/inputs/" + name, 1234, new DateTimeOffset(2025, 6, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_file_is_claimed_by_one_worker_at_a_time_until_it_is_done()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var file = QueuedFile("a.html");
        var lease = TimeSpan.FromMinutes(5);
        Assert.Equal(ClaimOutcome.Claimed, (await store.ClaimFileAsync(file, "w1", lease, false, Ct)).Outcome);
        var other = await store.ClaimFileAsync(file, "w2", lease, false, Ct);
        Assert.Equal(new ClaimResult(ClaimOutcome.HeldByOther, "w1"), other);
        Assert.Equal(ClaimOutcome.Claimed, (await store.ClaimFileAsync(file, "w1", lease, false, Ct)).Outcome); // its own again

        var status = await store.GetQueueStatusAsync(Ct);
        var claim = Assert.Single(status.Claims);
        Assert.Equal(("/inputs/a.html", "w1", false), (claim.Path, claim.Worker, claim.Expired));

        // Done: the claim ends with the ledger entry, and nobody claims the file again unless forced.
        await store.MarkFilesIngestedAsync([file with { Articles = 3, Worker = "w1" }], Ct);
        Assert.Empty((await store.GetQueueStatusAsync(Ct)).Claims);
        Assert.Equal(ClaimOutcome.Done, (await store.ClaimFileAsync(file, "w2", lease, false, Ct)).Outcome);
        Assert.Equal(ClaimOutcome.Claimed, (await store.ClaimFileAsync(file, "w2", lease, true, Ct)).Outcome);
        Assert.Equal([new KeyValuePair<string, long>("w1", 1)], (await store.GetQueueStatusAsync(Ct)).DoneByWorker);

        // A changed file (other size) is not done.
        Assert.Equal(ClaimOutcome.Claimed, (await store.ClaimFileAsync(file with { Size = 99 }, "w2", lease, false, Ct)).Outcome);
    }

    [Fact]
    public async Task The_claim_of_a_worker_that_stopped_renewing_is_taken_over_when_its_lease_runs_out()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var file = QueuedFile("b.warc");
        Assert.Equal(ClaimOutcome.Claimed, (await store.ClaimFileAsync(file, "dead", TimeSpan.FromMilliseconds(300), false, Ct)).Outcome);
        Assert.Equal(ClaimOutcome.HeldByOther, (await store.ClaimFileAsync(file, "alive", TimeSpan.FromMinutes(1), false, Ct)).Outcome);
        await Task.Delay(700, Ct);
        Assert.True(Assert.Single((await store.GetQueueStatusAsync(Ct)).Claims).Expired);
        Assert.Equal(ClaimOutcome.Claimed, (await store.ClaimFileAsync(file, "alive", TimeSpan.FromMinutes(1), false, Ct)).Outcome);
        var taken = Assert.Single((await store.GetQueueStatusAsync(Ct)).Claims);
        Assert.Equal(("alive", 1, false), (taken.Worker, taken.Takeovers, taken.Expired));
    }

    [Fact]
    public async Task Renewing_keeps_a_lease_alive_and_releasing_gives_the_files_back()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var (a, b) = (QueuedFile("c1.txt"), QueuedFile("c2.txt"));
        await store.ClaimFileAsync(a, "w1", TimeSpan.FromMilliseconds(400), false, Ct);
        await store.ClaimFileAsync(b, "w1", TimeSpan.FromMilliseconds(400), false, Ct);
        await store.RenewClaimsAsync("w1", TimeSpan.FromMinutes(1), Ct);
        await Task.Delay(700, Ct);
        Assert.Equal(ClaimOutcome.HeldByOther, (await store.ClaimFileAsync(a, "w2", TimeSpan.FromMinutes(1), false, Ct)).Outcome);
        await store.ReleaseClaimsAsync("w1", Ct);
        Assert.Empty((await store.GetQueueStatusAsync(Ct)).Claims);
        Assert.Equal(ClaimOutcome.Claimed, (await store.ClaimFileAsync(b, "w2", TimeSpan.FromMinutes(1), false, Ct)).Outcome);
    }

    [Fact]
    public async Task Concurrent_claimants_of_one_file_get_it_exactly_once()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        for (var round = 0; round < 10; round++)
        {
            var file = QueuedFile($"race{round}.html");
            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
                Task.Run(() => store.ClaimFileAsync(file, "w" + i, TimeSpan.FromMinutes(1), false, Ct), Ct)));
            Assert.Single(results, r => r.Outcome == ClaimOutcome.Claimed);
        }
    }

    [Fact]
    public async Task Writers_saving_the_same_articles_at_once_store_each_once()
    {
        await using var store = await fixture.CreateEmptyStoreAsync();
        var corpus = Articles.Corpus();
        var saves = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => store.SaveAsync([.. corpus.Skip(i % 2).Concat(corpus.Take(i % 2))], Ct), Ct)));
        Assert.Equal(corpus.Count, await store.CountAsync(ArticleFilter.All, Ct));
        Assert.Equal(corpus.Count, saves.Sum(s => s.Count(x => x == SaveStatus.Inserted)));
        Assert.All(saves.SelectMany(s => s), s => Assert.NotEqual(SaveStatus.Updated, s));
        var hits = await store.SearchAsync(new Search.SearchRequest(Search.SearchQuery.Parse("shuttle"), ArticleFilter.All), Ct);
        Assert.Equal(2, hits.Total);
    }
}
