using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dateline.Core.Articles;
using Dateline.Core.Errors;
using Dateline.Core.Pipelines;
using Dateline.Storage;
using Microsoft.Extensions.Logging;

namespace Dateline.Ingestion.Analysis;

/// <summary>What a reanalysis does.</summary>
public sealed record ReanalyzeOptions
{
    /// <summary>Analyse every stored article, not only those another analysis made (or none).</summary>
    public bool All { get; init; }

    /// <summary>Only count the articles that would be analysed; change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Articles analysed at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Articles per write (their events, then their annotations).</summary>
    public int BatchSize { get; init; } = 128;
}

/// <summary>Where a reanalysis is.</summary>
public sealed record ReanalyzeProgress(int Done, int Total, TimeSpan Elapsed);

/// <summary>What a reanalysis did.</summary>
public sealed record ReanalyzeSummary
{
    public required string Fingerprint { get; init; }

    /// <summary>Articles that needed analysis (all of them with <see cref="ReanalyzeOptions.All"/>).</summary>
    public int Pending { get; init; }

    public int Analyzed { get; init; }

    /// <summary>Articles stored before stories were kept that were given one.</summary>
    public int StoriesAssigned { get; init; }

    /// <summary>Cross-article entities after the rebuild; null on a dry run.</summary>
    public long? Entities { get; init; }

    public IReadOnlyList<InputProblem> Problems { get; init; } = [];

    public TimeSpan Elapsed { get; init; }

    public bool Cancelled { get; init; }
}

/// <summary>
/// Runs the understanding pipeline again over stored articles — after a model or lexicon update, or new actor
/// overrides — and replaces their annotations and events, then rebuilds the cross-article entities from every
/// article's annotations. Only articles whose stored analysis fingerprint differs from the pipeline's are analysed,
/// so a run that is killed resumes where it stopped: each batch writes its events first and its annotations (which
/// carry the fingerprint) last, and the entity rebuild runs on every run, as one transaction.
/// </summary>
public sealed class Reanalyzer(IArticleStore store, Pipeline pipeline, ReanalyzeOptions options, ILogger logger)
{
    public async Task<ReanalyzeSummary> RunAsync(IProgress<ReanalyzeProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var fingerprint = pipeline.Fingerprint;
        var ids = await store.ListArticlesToAnalyzeAsync(options.All ? null : fingerprint, cancellationToken);
        var summary = new ReanalyzeSummary { Fingerprint = fingerprint, Pending = ids.Count };
        if (options.DryRun)
        {
            return summary with { Elapsed = clock.Elapsed };
        }

        // Stories first: the event de-duplication of this run keys on them.
        var stories = await store.AssignStoriesAsync(cancellationToken);
        summary = summary with { StoriesAssigned = stories };
        logger.LogInformation("Reanalysing {Count} articles with analysis {Fingerprint}", ids.Count, fingerprint);
        var problems = new List<InputProblem>();
        var done = 0;
        try
        {
            foreach (var batch in ids.Chunk(Math.Max(1, options.BatchSize)))
            {
                var results = new (ArticleAnnotations? Annotations, string Id, string? Error)[batch.Length];
                await Parallel.ForAsync(0, batch.Length,
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
                    async (i, ct) => results[i] = await AnalyzeOneAsync(batch[i], ct));
                foreach (var (_, id, error) in results.Where(r => r.Error is not null))
                {
                    problems.Add(new InputProblem(store.Description, id, error!));
                    logger.LogWarning("Not reanalysed {Article}: {Reason}", id, error);
                }

                var analysed = results.Where(r => r.Annotations is not null).Select(r => r.Annotations!).ToList();
                // Events before annotations: the annotations carry the fingerprint, so an article whose events were
                // replaced but whose annotations were not (a kill in between) is analysed again by the next run.
                await store.RecordEventsAsync([.. analysed.Where(a => a.Events is not null).Select(a => a.Events!)], cancellationToken);
                await store.SaveAnnotationsAsync(analysed, cancellationToken);
                done += batch.Length;
                summary = summary with { Analyzed = summary.Analyzed + analysed.Count };
                progress?.Report(new ReanalyzeProgress(done, ids.Count, clock.Elapsed));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return summary with { Problems = problems, Elapsed = clock.Elapsed, Cancelled = true };
        }

        await store.ReplaceEntitiesAsync(ObservationsAsync(cancellationToken), cancellationToken);
        var stats = await store.GetStatsAsync(cancellationToken);
        return summary with { Entities = stats.Entities, Problems = problems, Elapsed = clock.Elapsed };
    }

    private async Task<(ArticleAnnotations?, string, string?)> AnalyzeOneAsync(string id, CancellationToken ct)
    {
        Article? article;
        try
        {
            article = await store.GetAsync(id, ct);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            return (null, id, $"stored article cannot be read: {ex.Message}");
        }

        if (article is null)
        {
            return (null, id, null); // deleted since the list was made
        }

        try
        {
            return (ArticleAnalysis.Analyze(article, pipeline, ct).Annotations, id, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in the analysis of one article must not stop the run; the article keeps its old analysis.
            return (null, id, $"analysis failed ({ex.GetType().Name}: {ex.Message}); the article keeps its earlier analysis");
        }
    }

    private async IAsyncEnumerable<EntityObservation> ObservationsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var stored in store.ExportAnnotationsAsync(ct))
        {
            foreach (var o in ArticleAnalysis.Observations(stored))
            {
                yield return o;
            }
        }
    }
}
