using Dateline.Extraction.Reading;
using Dateline.Storage;
using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dateline.Ingestion.Tests;

/// <summary>
/// Stories over the bundled samples against their same-event groups (samples/README.md, "Same-event groups"): pairwise
/// precision and recall of "these two articles report one story". A regression floor, measured and recorded in
/// docs/QUALITY.md.
/// </summary>
public sealed class StoryGroupingTests
{
    private static readonly string[][] Gold =
    [
        ["003_", "004_"],
        ["007_", "008_", "009_"],
        ["014_", "015_", "lee-ishiba-first-summit-kananaskis.html"],
        ["006_", "russia-ukraine-istanbul-prisoner-exchange.html"],
        ["012_", "china-rejects-japan-concern-jet-approach.html"],
        ["011_", "title:N. Korea halts noise broadcasts along border after S. Korea stops loudspeakers"],
        ["021_", "japan-rejects-seoul-protest-white-paper.html"],
        ["023_", "title:Japan, South Korea foreign ministers agree to meet soon in 1st phone talks"],
    ];

    [Fact]
    public async Task Sample_stories_match_the_same_event_groups()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        await using var store = await SqliteArticleStore.OpenAsync(folder.File("stories.db"), ct);
        await new IngestRunner(new ArticleExtractor(ExtractionOptions.Default), store, new IngestOptions { Parallelism = 1 }, NullLogger.Instance)
            .RunAsync([RepoPaths.Samples], null, ct);
        var articles = await store.ExportAsync(ArticleFilter.All, ct).ToListAsync(ct);
        string Id(string key) => Assert.Single(articles, a => key.StartsWith("title:", StringComparison.Ordinal)
            ? a.Title == key[6..]
            : Path.GetFileName(a.Origin.Path).StartsWith(key, StringComparison.Ordinal)).Id;

        var goldPairs = Gold.SelectMany(g => Pairs(g.Select(Id).ToList())).ToHashSet();
        var story = new Dictionary<string, string>();
        foreach (var a in articles)
        {
            story[a.Id] = string.Join(',', (await store.GetStoryAsync(a.Id, ct)).Select(s => s.Id).Order(StringComparer.Ordinal));
        }

        var predicted = story.GroupBy(kv => kv.Value).SelectMany(g => Pairs([.. g.Select(kv => kv.Key)])).ToHashSet();
        var correct = predicted.Count(goldPairs.Contains);
        var precision = predicted.Count == 0 ? 0 : (double)correct / predicted.Count;
        var recall = (double)correct / goldPairs.Count;
        Assert.True(precision >= 0.95 && recall >= 0.70, $"pairwise P {precision:0.000} R {recall:0.000} ({correct} of {predicted.Count} predicted, {goldPairs.Count} gold)");
    }

    private static IEnumerable<(string, string)> Pairs(List<string> ids) =>
        from a in ids from b in ids where string.CompareOrdinal(a, b) < 0 select (a, b);
}
