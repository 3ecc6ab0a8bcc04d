using System.Diagnostics;
using Dateline.Core.Embeddings;
using Dateline.Storage;
using Dateline.Storage.Vectors;
using Microsoft.Extensions.Logging;

namespace Dateline.Ingestion.Embedding;

/// <summary>
/// Gives every stored article without one a vector of its title and lead (<see cref="EmbeddingText"/>) under the
/// embedder's model, a batch at a time, each batch stored in its own transaction: a run that is stopped or killed
/// keeps what it stored, and the next run does the rest (the store lists what has no vector). Articles whose content
/// changed lost their vector when they were saved, so they are embedded again.
/// </summary>
public sealed class EmbeddingJob(IArticleStore store, ITextEmbedder embedder, ILogger logger)
{
    public const int DefaultBatchSize = 64;

    public async Task<EmbedSummary> RunAsync(int batchSize, long? limit, IProgress<EmbedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var clock = Stopwatch.StartNew();
        var counts = await store.CountVectorsAsync(embedder.Model, cancellationToken);
        var total = limit is { } l ? Math.Min(l, counts.Missing) : counts.Missing;
        long done = 0;
        var cancelled = false;
        progress?.Report(new EmbedProgress(0, total, clock.Elapsed));
        try
        {
            while (done < total)
            {
                var take = (int)Math.Min(batchSize, total - done);
                var articles = await store.ListArticlesToEmbedAsync(embedder.Model, take, cancellationToken);
                if (articles.Count == 0)
                {
                    break;
                }

                var vectors = embedder.Embed(articles.Select(EmbeddingText.ForArticle).ToList(), cancellationToken);
                await store.SaveVectorsAsync(embedder.Model, articles.Select((a, i) => new ArticleVector(a.Id, vectors[i])).ToList(), cancellationToken);
                done += articles.Count;
                progress?.Report(new EmbedProgress(done, total, clock.Elapsed));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        var remaining = (await store.CountVectorsAsync(embedder.Model, CancellationToken.None)).Missing;
        logger.LogInformation("Embedded {Embedded} articles under {Model} in {Seconds:0.0} s; {Remaining} without a vector",
            done, embedder.Model, clock.Elapsed.TotalSeconds, remaining);
        return new EmbedSummary(embedder.Model, done, remaining, clock.Elapsed, cancelled);
    }
}

/// <summary>Articles embedded so far of those the run set out to embed.</summary>
public readonly record struct EmbedProgress(long Done, long Total, TimeSpan Elapsed);

/// <summary>What an embedding run did: articles embedded, articles still without a vector, and whether it was stopped.</summary>
public sealed record EmbedSummary(string Model, long Embedded, long Remaining, TimeSpan Elapsed, bool Cancelled)
{
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Embedded / Elapsed.TotalSeconds : 0;
}
