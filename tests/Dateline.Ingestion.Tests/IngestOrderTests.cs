using Dateline.Extraction.Reading;
using Dateline.Nlp;
using Dateline.Storage.Events;
using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dateline.Ingestion.Tests;

/// <summary>
/// What is stored depends on what was stored before it (stories, events keyed on a story), so an ingest stores articles
/// in input order however many readers it runs: the same inputs give the same store.
/// </summary>
public sealed class IngestOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Stored(List<string> Order, List<string> Stories, List<string> Events, IngestSummary Summary, IngestProgress? Last);

    private sealed class LastProgress : IProgress<IngestProgress>
    {
        public IngestProgress? Last { get; private set; }

        public void Report(IngestProgress value) => Last = value;
    }

    private static async Task<Stored> IngestAsync(TempFolder folder, string name, int readers, long? maxMemory = null)
    {
        var path = folder.File(name);
        var progress = new LastProgress();
        List<string> stories = [], events = [];
        IngestSummary summary;
        await using (var store = await SqliteArticleStore.OpenAsync(path, Ct))
        {
            // Small batches: many commits, each with articles from several readers in flight.
            var options = new IngestOptions
            {
                Pipeline = NlpPipelines.Default(),
                Parallelism = readers,
                BatchSize = 3,
                MaxMemoryBytes = maxMemory ?? IngestOptions.DefaultMaxMemoryBytes,
            };
            summary = await new IngestRunner(new ArticleExtractor(ExtractionOptions.Default), store, options, NullLogger.Instance)
                .RunAsync([RepoPaths.Samples], progress, Ct);
            await foreach (var a in store.ExportAsync(Storage.ArticleFilter.All, Ct))
            {
                var members = (await store.GetStoryAsync(a.Id, Ct)).Select(s => s.Id).Order(StringComparer.Ordinal);
                stories.Add($"{a.Id}: {string.Join(',', members)}");
            }

            await foreach (var e in store.QueryEventsAsync(new EventQuery(IncludeAll: true), Ct))
            {
                events.Add($"{e.Date}|{e.SourceCode}|{e.TargetCode}|{e.Cameo}|{string.Join(',', e.Reports.Select(r => r.ArticleId).Order(StringComparer.Ordinal))}");
            }
        }

        var order = new List<string>();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT id FROM articles ORDER BY rowid";
            await using var reader = await cmd.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                order.Add(reader.GetString(0));
            }
        }

        return new Stored(order, [.. stories.Order(StringComparer.Ordinal)], [.. events.Order(StringComparer.Ordinal)], summary, progress.Last);
    }

    [Fact]
    public async Task Many_readers_store_what_one_reader_stores_in_the_same_order()
    {
        using var folder = new TempFolder();
        var one = await IngestAsync(folder, "one.db", readers: 1);
        var four = await IngestAsync(folder, "four.db", readers: 4);

        Assert.True(one.Order.Count > 30, $"only {one.Order.Count} articles stored");
        Assert.Empty(one.Summary.Problems);
        Assert.Equal(one.Order, four.Order);
        Assert.Equal(one.Stories, four.Stories);
        Assert.Contains(one.Stories, s => s.Contains(',', StringComparison.Ordinal)); // some story has several articles
        Assert.Equal(one.Events, four.Events);
        Assert.NotEmpty(one.Events);
        foreach (var run in new[] { one, four })
        {
            Assert.Equal(run.Summary.FilesFound, run.Last?.FilesDone);
            Assert.Equal(run.Order.Count, run.Last?.ArticlesWritten);
        }
    }

    [Fact]
    public async Task A_second_run_over_unchanged_files_finishes_every_file_and_stores_nothing_new()
    {
        using var folder = new TempFolder();
        var first = await IngestAsync(folder, "store.db", readers: 4);
        var second = await IngestAsync(folder, "store.db", readers: 4);

        Assert.Equal(first.Summary.FilesFound, second.Summary.FilesUnchanged);
        Assert.Equal(0, second.Summary.Inserted + second.Summary.Updated);
        Assert.Equal(second.Summary.FilesFound, second.Last?.FilesDone);
        Assert.Equal(first.Order, second.Order);
        Assert.Equal(first.Events, second.Events);
    }

    [Fact]
    public async Task Inputs_larger_than_the_memory_budget_each_run_alone_and_everything_is_stored_in_order()
    {
        using var folder = new TempFolder();
        var one = await IngestAsync(folder, "one.db", readers: 1);
        var starved = await IngestAsync(folder, "starved.db", readers: 4, maxMemory: 1); // every input exceeds it

        Assert.Equal(one.Order, starved.Order);
        Assert.Equal(one.Events, starved.Events);
        Assert.Equal(starved.Summary.FilesFound, starved.Last?.FilesDone);
    }
}
