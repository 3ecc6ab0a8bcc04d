using Dateline.Extraction.Reading;
using Dateline.Ingestion;
using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dateline.Web.Tests;

/// <summary>
/// The real app on a free 127.0.0.1 port over a real temp SQLite file, filled through the real ingest pipeline with
/// our fixture articles (Fixtures/desk.jsonl) and, when ../shared is present, the seed article.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string ApiKey = "test-key-0123456789abcdef";

    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public string DbPath => _folder.File("desk.db");

    public Uri BaseAddress { get; private set; } = null!;

    public bool HasSeed { get; private set; }

    public HttpClient Client { get; private set; } = null!;

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public async ValueTask InitializeAsync()
    {
        var inputs = new List<string> { FixturePath("desk.jsonl") };
        var seed = Path.Combine(RepoPaths.Shared, "seed");
        HasSeed = Directory.Exists(seed);
        if (HasSeed)
        {
            inputs.Add(seed);
        }

        await using (var store = await SqliteArticleStore.OpenAsync(DbPath))
        {
            var runner = new IngestRunner(new ArticleExtractor(), store, new IngestOptions { Pipeline = Nlp.NlpPipelines.Default() }, NullLogger.Instance);
            var summary = await runner.RunAsync(inputs, null, CancellationToken.None);
            Assert.Empty(summary.Problems);
        }

        (_app, BaseAddress) = await StartAsync(new WebOptions { DbPath = DbPath, ApiKey = ApiKey, WritesPerMinute = 1000, MaxIngestBytes = 4 << 20 });
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Starts an app with <paramref name="options"/> on a free loopback port (Urls are replaced).</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(WebOptions options)
    {
        var app = await DatelineWeb.BuildAsync(options with { Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        return (app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }
}
