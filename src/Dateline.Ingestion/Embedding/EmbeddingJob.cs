using System.Diagnostics;
using System.Numerics.Tensors;
using Dateline.Core.Articles;
using Dateline.Core.Embeddings;
using Dateline.Storage;
using Dateline.Storage.Stories;
using Dateline.Storage.Vectors;
using Microsoft.Extensions.Logging;

namespace Dateline.Ingestion.Embedding;

/// <summary>
/// Gives every stored article without one a vector of its title and lead (<see cref="EmbeddingText"/>) under the
/// embedder's model, a batch at a time, each batch stored in its own transaction: a run that is stopped or killed
/// keeps what it stored, and the next run does the rest (the store lists what has no vector). Articles whose content
/// changed lost their vector when they were saved, so they are embedded again. Before a batch's vectors are stored,
/// each article whose vector is close to a report of the same days (<see cref="StoryVectors"/>) joins that report's
/// story: outlets that describe one event in different words share few terms, so the word test at saving missed them.
/// A run killed between the two steps embeds the batch again and finds the stories already joined.
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
        var joined = 0;
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
                joined += await JoinStoriesAsync(articles, vectors, cancellationToken);
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
        logger.LogInformation("Embedded {Embedded} articles under {Model} in {Seconds:0.0} s; {Remaining} without a vector; {Joined} joined another report's story",
            done, embedder.Model, clock.Elapsed.TotalSeconds, remaining, joined);
        return new EmbedSummary(embedder.Model, done, remaining, clock.Elapsed, cancelled) { StoriesJoined = joined };
    }

    /// <summary>
    /// For each article of the batch, the closest report of the same days — among stored vectors and the batch's earlier
    /// articles — at or above <see cref="StoryVectors.SameStory"/> that may join it; the article's story joins that one's.
    /// Returns how many articles joined another story.
    /// </summary>
    private async Task<int> JoinStoriesAsync(IReadOnlyList<Article> articles, float[][] vectors, CancellationToken ct)
    {
        var joined = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            if (!StoryVectors.Comparable(article))
            {
                continue;
            }

            var day = article.Published!.Value.Date;
            var window = new ArticleFilter(day.AddDays(-StoryVectors.WindowDays), day.AddDays(StoryVectors.WindowDays));
            var nearest = await store.NearestAsync(new NearestRequest(embedder.Model, vectors[i], window, Limit: 5) { Exclude = article.Id }, ct);
            var candidates = nearest.Hits.Where(h => h.Score >= StoryVectors.SameStory).Select(h => (h.ArticleId, h.Score, Article: (Article?)null)).ToList();
            for (var j = 0; j < i; j++)
            {
                var score = TensorPrimitives.CosineSimilarity(vectors[i], vectors[j]);
                if (score >= StoryVectors.SameStory)
                {
                    candidates.Add((articles[j].Id, score, articles[j]));
                }
            }

            foreach (var (id, _, known) in candidates.OrderByDescending(x => x.Score))
            {
                if ((known ?? await store.GetAsync(id, ct)) is { } other && StoryVectors.MayJoin(article, other))
                {
                    joined += await store.JoinStoriesAsync(article.Id, id, ct) > 0 ? 1 : 0;
                    break;
                }
            }
        }

        return joined;
    }
}

/// <summary>Articles embedded so far of those the run set out to embed.</summary>
public readonly record struct EmbedProgress(long Done, long Total, TimeSpan Elapsed);

/// <summary>What an embedding run did: articles embedded, articles still without a vector, and whether it was stopped.</summary>
public sealed record EmbedSummary(string Model, long Embedded, long Remaining, TimeSpan Elapsed, bool Cancelled)
{
    /// <summary>Articles whose story joined another report's by their vectors (<see cref="StoryVectors"/>).</summary>
    public int StoriesJoined { get; init; }

    public double PerSecond => Elapsed.TotalSeconds > 0 ? Embedded / Elapsed.TotalSeconds : 0;
}
