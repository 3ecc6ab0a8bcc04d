using Dateline.Extraction.Reading;
using Dateline.Ingestion;
using Dateline.Ingestion.Analysis;
using Dateline.Nlp;
using Dateline.Nlp.Actors;
using Dateline.Storage;

namespace Dateline.Web.Hosting;

/// <summary>
/// Runs API ingests through <see cref="IngestRunner"/> — the readers, understanding pipeline and single writer of
/// <c>dateline ingest</c> — one at a time, with the actor overrides stored through the API applied.
/// </summary>
internal sealed class IngestService(IArticleStore store, ILoggerFactory logging, IHostApplicationLifetime lifetime) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly ArticleExtractor _extractor = new(ExtractionOptions.Default);

    public async Task<IngestSummary> IngestAsync(IReadOnlyList<InputFile> inputs, CancellationToken requestAborted)
    {
        // A started ingest finishes even if the client goes away (its batches are committed as they go anyway);
        // only shutting the server down stops it.
        await _oneAtATime.WaitAsync(requestAborted);
        try
        {
            var overrides = await StoredOverridesAsync();
            // One reader thread: an ingest through the API shares the machine with the readers it serves, so it leaves
            // the other cores to them (the CLI's ingest, alone on the machine, uses them all).
            var options = new IngestOptions { Pipeline = NlpPipelines.Default(actors: overrides), Parallelism = 1 };
            var runner = new IngestRunner(_extractor, store, options, logging.CreateLogger("ingest"));
            return await runner.RunInputsAsync(inputs, null, lifetime.ApplicationStopping);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Analyses stored articles again (see <see cref="Reanalyzer"/>), one job at a time with the ingests.</summary>
    public async Task<ReanalyzeSummary> ReanalyzeAsync(bool all, CancellationToken requestAborted)
    {
        await _oneAtATime.WaitAsync(requestAborted);
        try
        {
            var pipeline = NlpPipelines.Default(actors: await StoredOverridesAsync());
            var options = new ReanalyzeOptions { All = all, Parallelism = 1 };
            return await new Reanalyzer(store, pipeline, options, logging.CreateLogger("reanalyze")).RunAsync(null, lifetime.ApplicationStopping);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private async Task<ActorOverrides?> StoredOverridesAsync()
    {
        var stored = await store.GetActorOverridesAsync(lifetime.ApplicationStopping);
        return stored.Count == 0 ? null : ActorOverrides.FromEntries(stored.Select(o =>
            new ActorOverrides.Entry(o.Name, o.Type, o.Code, o.Country, o.Role) { Aliases = o.Aliases }));
    }
}
