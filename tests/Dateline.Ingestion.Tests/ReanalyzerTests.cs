using Dateline.Extraction.Reading;
using Dateline.Ingestion.Analysis;
using Dateline.Nlp;
using Dateline.Nlp.Actors;
using Dateline.Storage;
using Dateline.Storage.Events;
using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dateline.Ingestion.Tests;

/// <summary>`reanalyze` over a real SQLite store holding the bundled samples, with the real understanding pipeline.</summary>
public sealed class ReanalyzerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SqliteArticleStore> StoreWithSamplesAsync(TempFolder folder, string name, bool annotate)
    {
        var store = await SqliteArticleStore.OpenAsync(folder.File(name), Ct);
        // Ingest stores articles in input order with any number of readers (IngestOrderTests), so both stores group the
        // same stories (story matching is incremental, and events of one story are de-duplicated on the story).
        var options = new IngestOptions { Pipeline = annotate ? NlpPipelines.Default() : null };
        var summary = await new IngestRunner(new ArticleExtractor(ExtractionOptions.Default), store, options, NullLogger.Instance)
            .RunAsync([RepoPaths.Samples], null, Ct);
        Assert.Empty(summary.Problems);
        return store;
    }

    private static async Task<List<string>> EventKeysAsync(SqliteArticleStore store)
    {
        var keys = new List<string>();
        await foreach (var e in store.QueryEventsAsync(new EventQuery(IncludeAll: true), Ct))
        {
            keys.Add($"{e.Date}|{e.SourceCode}|{e.TargetCode}|{e.Cameo}|{e.Reports.Count}");
        }

        return [.. keys.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Articles_stored_without_analysis_end_up_as_an_ingest_with_analysis_would_leave_them()
    {
        using var folder = new TempFolder();
        await using var analysed = await StoreWithSamplesAsync(folder, "analysed.db", annotate: true);
        await using var plain = await StoreWithSamplesAsync(folder, "plain.db", annotate: false);
        var pipeline = NlpPipelines.Default();
        Assert.Equal(0, (await plain.GetStatsAsync(Ct)).Annotated);

        var summary = await new Reanalyzer(plain, pipeline, new ReanalyzeOptions(), NullLogger.Instance).RunAsync(null, Ct);

        var articles = (await plain.GetStatsAsync(Ct)).Articles;
        Assert.Equal(((int)articles, (int)articles), (summary.Pending, summary.Analyzed));
        Assert.Empty(summary.Problems);
        var (a, b) = (await analysed.GetStatsAsync(Ct), await plain.GetStatsAsync(Ct));
        Assert.Equal((a.Annotated, a.Events, a.Entities), (b.Annotated, b.Events, b.Entities));
        Assert.Equal(await EventKeysAsync(analysed), await EventKeysAsync(plain));
        Assert.Empty(await analysed.ListArticlesToAnalyzeAsync(pipeline.Fingerprint, Ct)); // ingest records the same fingerprint

        var again = await new Reanalyzer(plain, pipeline, new ReanalyzeOptions(), NullLogger.Instance).RunAsync(null, Ct);
        Assert.Equal((0, 0), (again.Pending, again.Analyzed));
    }

    [Fact]
    public async Task New_actor_overrides_reach_stored_articles_and_their_actors()
    {
        using var folder = new TempFolder();
        await using var store = await StoreWithSamplesAsync(folder, "store.db", annotate: true);
        var before = Assert.Single(await store.FindEntitiesAsync("Shigeru Ishiba", 10, Ct), e => e.Code == "JPNGOV");
        var overrides = ActorOverrides.FromEntries([new ActorOverrides.Entry("Shigeru Ishiba", "PERSON", "JPNGOVPM", "JPN", "Prime Minister") { Aliases = ["Ishiba"] }]);
        var pipeline = NlpPipelines.Default(actors: overrides);
        Assert.NotEqual(NlpPipelines.Default().Fingerprint, pipeline.Fingerprint);
        Assert.Equal(NlpPipelines.Default(actors: overrides).Fingerprint, pipeline.Fingerprint);

        var summary = await new Reanalyzer(store, pipeline, new ReanalyzeOptions(), NullLogger.Instance).RunAsync(null, Ct);

        Assert.Equal((int)(await store.GetStatsAsync(Ct)).Articles, summary.Analyzed);
        var after = Assert.Single(await store.FindEntitiesAsync("Shigeru Ishiba", 10, Ct), e => e.Name == "Shigeru Ishiba");
        Assert.Equal("JPNGOVPM", after.Code);
        Assert.True(after.Articles >= before.Articles, $"{after.Articles} < {before.Articles}");
        Assert.DoesNotContain(await store.FindEntitiesAsync("Shigeru Ishiba", 10, Ct), e => e.Code == "JPNGOV" && e.Name == "Shigeru Ishiba");
        var events = new List<StoredEvent>();
        await foreach (var e in store.QueryEventsAsync(new EventQuery(SourceActor: "JPNGOVPM"), Ct))
        {
            events.Add(e);
        }

        Assert.NotEmpty(events); // the seed-like samples have Ishiba as a source of events, now under the overridden code
    }

    [Fact]
    public async Task A_reanalysis_stopped_between_batches_is_completed_by_the_next_run()
    {
        using var folder = new TempFolder();
        await using var analysed = await StoreWithSamplesAsync(folder, "analysed.db", annotate: true);
        await using var plain = await StoreWithSamplesAsync(folder, "plain.db", annotate: false);
        var pipeline = NlpPipelines.Default();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var options = new ReanalyzeOptions { BatchSize = 5, Parallelism = 1 };

        var first = await new Reanalyzer(plain, pipeline, options, NullLogger.Instance)
            .RunAsync(new Inline(p => { if (p.Done >= 10) { stop.Cancel(); } }), stop.Token);

        Assert.True(first.Cancelled);
        Assert.Equal(10, first.Analyzed);
        Assert.Equal(10, (await plain.GetStatsAsync(Ct)).Annotated);
        var second = await new Reanalyzer(plain, pipeline, options, NullLogger.Instance).RunAsync(null, Ct);
        Assert.Equal(first.Pending - 10, second.Pending);
        Assert.Equal(await EventKeysAsync(analysed), await EventKeysAsync(plain));
        Assert.Equal((await analysed.GetStatsAsync(Ct)).Entities, (await plain.GetStatsAsync(Ct)).Entities);
    }

    private sealed class Inline(Action<ReanalyzeProgress> report) : IProgress<ReanalyzeProgress>
    {
        public void Report(ReanalyzeProgress value) => report(value);
    }
}
