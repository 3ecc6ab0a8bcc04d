using System.CommandLine;
using Dateline.Storage.Search;
using Dateline.Web;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline serve</c>: the JSON API and web UI over the store, on loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where to listen, ';'-separated (default {WebOptions.DefaultUrls}). Only an explicit --urls may name a non-loopback address",
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "Key that unlocks writes (ingest, actor overrides) via X-Api-Key or Authorization: Bearer (default: $DATELINE_API_KEY; none: writes disabled)",
        };
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Render every read afresh (by default reads are cached until the store changes; for measuring and debugging)",
        };
        var rankWindow = new Option<int>("--rank-window")
        {
            Description = "The most matches a search ranks: a query matching more ranks the most recently stored ones and says so (exhaustive=true ranks all)",
            DefaultValueFactory = _ => SearchRequest.DefaultRankWindow,
        };
        var command = new Command("serve", "Serve the JSON API (/api, /openapi/v1.json) and the web UI over the store") { urls, apiKey, noCache, rankWindow };
        command.SetAction(async (result, ct) =>
        {
            var key = result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("DATELINE_API_KEY");
            // The embedding model loads on the first semantic query or similar-articles request, not at start-up.
            using var embedder = new Nlp.Onnx.MiniLmEmbedder();
            var options = new WebOptions
            {
                Embedder = embedder,
                DbPath = GlobalOptions.DbPath(result),
                Urls = result.GetValue(urls) ?? WebOptions.DefaultUrls,
                UrlsChosenByUser = result.GetValue(urls) is not null,
                ApiKey = string.IsNullOrWhiteSpace(key) ? null : key.Trim(),
                Verbose = result.GetValue(GlobalOptions.Verbose),
                LogJson = result.GetValue(GlobalOptions.LogFormat) == "json",
                CacheReads = !result.GetValue(noCache),
                RankWindow = result.GetValue(rankWindow),
            };
            if (options.RankWindow < 1)
            {
                throw new UsageException("--rank-window must be at least 1");
            }
            if (options.ApiKey is { Length: < 16 })
            {
                throw new UsageException("the API key is shorter than 16 characters; choose a long random one (e.g. `openssl rand -hex 24`)");
            }

            try
            {
                await DatelineWeb.RunAsync(options, ct);
            }
            catch (WebConfigurationException ex)
            {
                throw new UsageException(ex.Message);
            }
            catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"cannot listen on {options.Urls}: {ex.Message}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
