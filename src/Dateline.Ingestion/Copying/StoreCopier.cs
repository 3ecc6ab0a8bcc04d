using Dateline.Core.Articles;
using Dateline.Ingestion.Analysis;
using Dateline.Storage;

namespace Dateline.Ingestion.Copying;

/// <summary>Progress of a copy: articles copied of the total.</summary>
public readonly record struct CopyProgress(long Copied, long Total);

/// <summary>What a copy did: the counts of both stores after it, to compare.</summary>
public sealed record CopySummary(long Articles, StoreStats Source, StoreStats Target, TimeSpan Elapsed)
{
    /// <summary>Article vectors copied (meaning-based search), of every model.</summary>
    public long Vectors { get; init; }
}

/// <summary>
/// Copies one store into another (SQLite → PostgreSQL and back), streamed in batches: the articles (in publication
/// order), their stored annotations, the events and actors those annotations hold (recorded again from them, not
/// re-analysed), and the actor overrides. The target links stories as it saves, so its stories are its own (as if the
/// articles had been ingested in publication order), then their embeddings. Not copied: the ingest ledger and feed-follower state (a later
/// ingest of the same files reads them again and finds every article unchanged). Copying into a store that already
/// holds articles merges, as an ingest would: the same article is stored once.
/// </summary>
public sealed class StoreCopier(IArticleStore source, IArticleStore target, int batchSize = 256)
{
    public async Task<CopySummary> CopyAsync(IProgress<CopyProgress>? progress, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var total = await source.CountAsync(ArticleFilter.All, ct);
        var overrides = await source.GetActorOverridesAsync(ct);
        if (overrides.Count > 0)
        {
            await target.SaveActorOverridesAsync(overrides, ct);
        }

        long copied = 0;
        var batch = new List<Article>(batchSize);
        await foreach (var article in source.ExportAsync(ArticleFilter.All, ct))
        {
            batch.Add(article);
            if (batch.Count == batchSize)
            {
                copied += await CopyBatchAsync(batch, ct);
                progress?.Report(new CopyProgress(copied, total));
            }
        }

        copied += await CopyBatchAsync(batch, ct);
        progress?.Report(new CopyProgress(copied, total));
        var vectors = await CopyVectorsAsync(ct);
        return new CopySummary(copied, await source.GetStatsAsync(ct), await target.GetStatsAsync(ct), clock.Elapsed) { Vectors = vectors };
    }

    /// <summary>The embeddings, after the articles they belong to, a batch per model at a time.</summary>
    private async Task<long> CopyVectorsAsync(CancellationToken ct)
    {
        long copied = 0;
        string? model = null;
        var batch = new List<Storage.Vectors.ArticleVector>(batchSize);
        await foreach (var v in source.ExportVectorsAsync(ct))
        {
            if ((v.Model != model && batch.Count > 0) || batch.Count == batchSize)
            {
                await target.SaveVectorsAsync(model!, batch, ct);
                copied += batch.Count;
                batch.Clear();
            }

            model = v.Model;
            batch.Add(new Storage.Vectors.ArticleVector(v.ArticleId, v.Vector));
        }

        if (batch.Count > 0)
        {
            await target.SaveVectorsAsync(model!, batch, ct);
            copied += batch.Count;
        }

        return copied;
    }

    private async Task<int> CopyBatchAsync(List<Article> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await target.SaveAsync(batch, ct);
        var annotations = new List<ArticleAnnotations>();
        var observations = new List<EntityObservation>();
        foreach (var article in batch)
        {
            if (await source.GetAnnotationsAsync(article.Id, ct) is not { } stored)
            {
                continue;
            }

            var published = article.Published?.Date;
            annotations.Add(stored with { Events = StoredEvents.Parse(article.Id, published, stored.Json) });
            observations.AddRange(ArticleAnalysis.Observations(new AnnotatedArticle(article.Id, published, stored.Json)));
        }

        // In ingest's order: articles, then their annotations, the events they report, the actors they name.
        await target.SaveAnnotationsAsync(annotations, ct);
        await target.RecordEventsAsync([.. annotations.Where(a => a.Events is not null).Select(a => a.Events!)], ct);
        await target.RecordEntitiesAsync(observations, ct);
        var n = batch.Count;
        batch.Clear();
        return n;
    }
}
