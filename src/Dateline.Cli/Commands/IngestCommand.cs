using System.CommandLine;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Extraction.Reading;
using Dateline.Ingestion;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline ingest PATH...</c>: read files and folders into the store.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (read recursively)", Arity = ArgumentArity.OneOrMore };
        var parallel = new Option<int>("--parallel") { Description = "Files read at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var force = new Option<bool>("--force") { Description = "Re-read files already ingested unchanged" };
        var maxMemory = new Option<string?>("--max-memory")
        {
            Description = "Memory the readers may hold in documents at once, e.g. 512MiB or 2GiB (default: a sixteenth of the machine's, "
                + "256 MiB to 1 GiB); bigger documents wait their turn",
        };
        var report = new Option<string?>("--report") { Description = "Write the full summary, with every skipped input, as JSON to FILE" };
        var progressInterval = new Option<double>("--progress-interval")
        {
            Description = "Seconds between progress lines when stderr is not a terminal",
            DefaultValueFactory = _ => 2.0,
        };
        var lease = new Option<double>("--claim-lease")
        {
            Description = "Seconds a claim on a file lasts without renewal: several ingests sharing a store divide the files, and one that was "
                + "killed loses its files to the others after this long",
            DefaultValueFactory = _ => 30,
        };
        lease.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 1 or > 3600)
            {
                r.AddError("--claim-lease must be between 1 and 3600 seconds");
            }
        });
        var embed = new Option<bool>("--embed")
        {
            Description = "Then embed the title and lead of every stored article without a vector (as `dateline embed`), for semantic search and similar articles",
        };
        var embedThreads = EmbedOptions.Threads();
        var command = new Command("ingest", "Read news files into the store (text dumps, HTML pages, JSON Lines, WARC, RSS/Atom feeds, Reuters-21578 SGML)")
        {
            paths, parallel, force, maxMemory, report, progressInterval, lease, embed, embedThreads,
        };
        var extractionOptions = new ExtractionOptionSet();
        extractionOptions.AddTo(command);
        var warc = new WarcFilterOptions();
        warc.AddTo(command);
        var annotation = new AnnotationOptions();
        annotation.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var options = new IngestOptions
            {
                Parallelism = result.GetValue(parallel),
                Force = result.GetValue(force),
                MaxAnalysisCharacters = annotation.AnalysisLimit(result),
                MaxMemoryBytes = result.GetValue(maxMemory) is { } m ? ByteSize.Parse(m, "--max-memory") : IngestOptions.DefaultMaxMemoryBytes,
                ClaimLease = TimeSpan.FromSeconds(result.GetValue(lease)),
            };
            var extraction = extractionOptions.Read(result) with { Warc = warc.Read(result) };
            var interval = TimeSpan.FromSeconds(Math.Max(0, result.GetValue(progressInterval)));
            return await RunAsync(result, result.GetValue(paths)!, options, extraction, result.GetValue(report), interval,
                annotation.PipelineFactory(result), ct, result.GetValue(embed) ? result.GetValue(embedThreads) : null);
        });
        return command;
    }

    /// <param name="pipeline">Makes the understanding pipeline once the store is open (its stored actor overrides apply); null to store articles only.</param>
    /// <param name="embedThreads">Embed the articles without a vector afterwards, the model using this many cores (0: its default); null not to.</param>
    internal static async Task<int> RunAsync(ParseResult result, IReadOnlyList<string> paths, IngestOptions options,
        ExtractionOptions extraction, string? reportPath, TimeSpan progressInterval,
        Func<Dateline.Storage.IArticleStore, CancellationToken, Task<Dateline.Core.Pipelines.Pipeline>>? pipeline, CancellationToken ct,
        int? embedThreads = null)
    {
        using var logging = GlobalOptions.CreateLogging(result);
        await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
        if (pipeline is not null)
        {
            options = options with { Pipeline = await pipeline(store, ct) };
        }

        var runner = new IngestRunner(new ArticleExtractor(extraction), store, options, logging.CreateLogger("ingest"));
        var summary = await IngestProgressView.RunAsync(progress => runner.RunAsync(paths, progress, ct), progressInterval);
        IngestSummaryView.Write(summary, store.Location, reportPath);
        if (reportPath is not null)
        {
            await File.WriteAllTextAsync(reportPath, JsonSerializer.Serialize(summary, CliJson.Options), ct);
        }

        if (summary.Cancelled)
        {
            return ExitCodes.Fatal;
        }

        if (embedThreads is { } threads)
        {
            using var embedder = new Nlp.Onnx.MiniLmEmbedder(threads);
            var job = new Ingestion.Embedding.EmbeddingJob(store, embedder, logging.CreateLogger("embed"));
            var embedded = await EmbedProgressView.RunAsync(progress => job.RunAsync(Ingestion.Embedding.EmbeddingJob.DefaultBatchSize, null, progress, ct));
            await EmbedProgressView.WriteAsync(embedded, store.Location, json: false);
            if (embedded.Cancelled)
            {
                return ExitCodes.Fatal;
            }
        }

        return summary.Problems.Count > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
    }
}
