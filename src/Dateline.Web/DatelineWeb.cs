using System.Text.Json;
using System.Threading.RateLimiting;
using Dateline.Core.Serialization;
using Dateline.Storage;
using Dateline.Web.Api;
using Dateline.Web.Hosting;
using Dateline.Web.Pages;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dateline.Web;

/// <summary>
/// Builds the web host: Kestrel on loopback, the store as a singleton, the JSON API under /api with its OpenAPI
/// document, the pages, problem details for every error, security headers, a rate limit and size caps on writes.
/// </summary>
public static class DatelineWeb
{
    /// <summary>Builds the host and serves until <paramref name="cancellationToken"/> fires or the process is asked to stop.</summary>
    public static async Task RunAsync(WebOptions options, CancellationToken cancellationToken)
    {
        await using var app = await BuildAsync(options, cancellationToken);
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    public static async Task<WebApplication> BuildAsync(WebOptions options, CancellationToken cancellationToken = default)
    {
        var urls = ListenAddresses.Validate(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production, // never the developer exception page, whatever the environment says
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls([.. urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        ConfigureLogging(builder.Logging, options);

        var store = await ArticleStores.OpenAsync(options.DbPath, cancellationToken);
        builder.Services.AddSingleton<IArticleStore>(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IngestService>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ErrorMapping>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new ArticleDateJsonConverter());
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(IngestApi.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.WritesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = $"At most {options.WritesPerMinute} writes per minute." },
                });
            };
        });
        // Reads are cached whole (body and headers) under the URL and the store's change version: any commit, by this
        // server's ingest or another process, moves the version, so a cached answer is never older than the store.
        // Identical concurrent requests wait for the first (locking); bodies over 1 MiB (large exports) are not kept.
        builder.Services.AddOutputCache(o =>
        {
            o.MaximumBodySize = 1 << 20;
            o.SizeLimit = 128L << 20;
            o.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
            o.AddBasePolicy(b => b
                .With(c => options.CacheReads && !c.HttpContext.Request.Path.StartsWithSegments("/api/ingest", StringComparison.OrdinalIgnoreCase))
                .VaryByValue(async (context, ct) => new KeyValuePair<string, string>("store",
                    (await store.GetChangeVersionAsync(ct)).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                // The key sorts a repeated parameter's values; their order can matter (the queries of /attention, one
                // colour each), so the query string as sent is part of the key too.
                .VaryByValue(context => new KeyValuePair<string, string>("query", context.Request.QueryString.Value ?? string.Empty)));
        });
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer(OpenApiSchemas.DescribeAsync).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Dateline API";
            document.Info.Description = "Read the news store: articles with their understanding layers, search, actors, quotes, stats. Writes need the API key.";
            document.Servers?.Clear(); // the same document wherever it is served; clients name the base URL

            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(() => store.DisposeAsync().AsTask().GetAwaiter().GetResult());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        if (options.Verbose)
        {
            app.UseRequestLog();
        }

        app.UseRateLimiter();
        app.UseOutputCache();
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        api.MapArticlesApi().MapSearchApi().MapAttentionApi().MapActorsApi().MapStatsApi().MapIngestApi(options).MapEventsApi();
        app.MapPages();
        app.Logger.LogInformation("Serving {Store} on {Urls}; writes {Writes}", store.Description, string.Join(", ", urls),
            options.ApiKey is null ? "disabled (no API key)" : "enabled with the API key");
        foreach (var url in urls.Where(u => !ListenAddresses.IsLoopback(u)))
        {
            app.Logger.LogWarning("Listening on {Url}, which other machines can reach; reads are open to them{Key}", url,
                options.ApiKey is null ? string.Empty : ", and the API key crosses the network in the clear unless the URL is https");
        }

        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, WebOptions options)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(options.Verbose ? LogLevel.Debug : LogLevel.Information);
        logging.AddFilter("Microsoft", options.Verbose ? LogLevel.Information : LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        if (options.LogJson)
        {
            logging.AddJsonConsole(o => o.IncludeScopes = false);
        }
        else
        {
            logging.AddSimpleConsole(o => o.SingleLine = true);
        }
    }
}
