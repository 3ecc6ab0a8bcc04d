using Dateline.Extraction.Reading;
using Dateline.Ingestion;
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
            var stored = await store.GetActorOverridesAsync(lifetime.ApplicationStopping);
            var overrides = stored.Count == 0 ? null : ActorOverrides.FromEntries(stored.Select(o =>
                new ActorOverrides.Entry(o.Name, o.Type, o.Code, o.Country, o.Role) { Aliases = o.Aliases }));
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

    public void Dispose() => _oneAtATime.Dispose();
}
