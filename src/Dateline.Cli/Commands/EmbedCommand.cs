using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Ingestion.Embedding;
using Dateline.Nlp.Onnx;
using Microsoft.Extensions.Logging;

namespace Dateline.Cli.Commands;

/// <summary>
/// <c>dateline embed</c>: gives stored articles without one a vector of their title and lead (all-MiniLM-L6-v2), for
/// <c>search --mode semantic|hybrid</c> and <c>similar</c>. Resumable: each batch is stored as it is done.
/// </summary>
internal static class EmbedCommand
{
    public static Command Create()
    {
        var batch = new Option<int>("--batch") { Description = "Articles read, embedded and stored at a time", DefaultValueFactory = _ => EmbeddingJob.DefaultBatchSize };
        var limit = new Option<long?>("--limit") { Description = "Embed at most this many articles (the rest are left for the next run)" };
        var threads = EmbedOptions.Threads();
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("embed", "Embed the title and lead of every stored article that has no vector yet (meaning-based search, similar articles)")
        {
            batch, limit, threads, format,
        };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(batch) is < 1 or > 4096)
            {
                throw new UsageException("--batch must be between 1 and 4096");
            }

            if (result.GetValue(limit) is < 1)
            {
                throw new UsageException("--limit must be at least 1");
            }

            using var logging = GlobalOptions.CreateLogging(result);
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            using var embedder = new MiniLmEmbedder(result.GetValue(threads));
            var job = new EmbeddingJob(store, embedder, logging.CreateLogger("embed"));
            var summary = await EmbedProgressView.RunAsync(progress => job.RunAsync(result.GetValue(batch), result.GetValue(limit), progress, ct));
            await EmbedProgressView.WriteAsync(summary, store.Location, result.GetValue(format) == "json");
            return summary.Cancelled ? ExitCodes.Fatal : ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>Options shared by the commands that embed text.</summary>
internal static class EmbedOptions
{
    public static Option<int> Threads() => new("--embed-threads")
    {
        Description = "Cores the embedding model uses (default: all, at most 4)",
        DefaultValueFactory = _ => 0,
    };
}
