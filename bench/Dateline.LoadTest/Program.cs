using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dateline.LoadTest;

// Usage: dotnet run -c Release --project bench/Dateline.LoadTest -- --url http://127.0.0.1:5080 [--clients 100] [--seconds 60]
//        [--key KEY] [--ingest-docs 200]   (with --key, one client keeps ingesting batches of new documents during the run)
//        or: -- --url URL --classes [--rounds 5]   (latency per kind of read, one request at a time; see QueryClasses)
var options = LoadOptions.Parse(args);
if (!LoadOptions.IsLoopback(options.Url))
{
    Console.Error.WriteLine($"refusing to load {options.Url}: only loopback addresses (127.0.0.0/8, localhost, ::1) are load-tested");
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients + 4, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(30),
};

if (args.Contains("--classes"))
{
    var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(5);
    return await QueryClasses.RunAsync(http, rounds);
}

// First render: the very first requests of the pages after the server started (cold), then warm medians.
var targets = await Targets.DiscoverAsync(http);
Console.WriteLine($"store: {targets.ArticleIds.Count} article ids, {targets.ActorIds.Count} actor ids, {targets.Queries.Count} queries");
foreach (var (name, path) in new[] { ("search page", "/?q=" + Uri.EscapeDataString(targets.Queries[0])), ("article page", "/articles/" + Uri.EscapeDataString(targets.ArticleIds[0])), ("home page", "/"),
             ("dyad page", "/dyads/JPN/KOR?period=2025-06-01"), ("events page", "/events?actor=JPN"), ("actor page", "/actors/" + Uri.EscapeDataString(targets.ActorIds.Count > 0 ? targets.ActorIds[0] : "none")) })
{
    var first = await TimeAsync(http, path);
    var warm = new List<double>();
    for (var i = 0; i < 20; i++)
    {
        warm.Add(await TimeAsync(http, path));
    }

    Console.WriteLine($"first render {name}: first {first:F1} ms, warm median {Stats.Percentile(warm, 50):F1} ms ({path.Length} chars path)");
}

var deadline = Stopwatch.StartNew();
var duration = TimeSpan.FromSeconds(options.Seconds);
var results = new Results();
using var stop = new CancellationTokenSource(duration + TimeSpan.FromSeconds(15)); // hard stop even if a request hangs
var ingest = options.Key is null ? Task.FromResult(0L) : IngestLoop.RunAsync(http, options, targets, deadline, duration, results, stop.Token);
var clients = Enumerable.Range(0, options.Clients).Select(i => Task.Run(async () =>
{
    var random = new Random(i);
    var sent = 0;
    while (deadline.Elapsed < duration && sent < options.MaxRequestsPerClient && !stop.IsCancellationRequested)
    {
        var (kind, path) = targets.Pick(random);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, stop.Token);
            results.Add(kind, clock.Elapsed.TotalMilliseconds, response.StatusCode == HttpStatusCode.OK ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            results.Add(kind, clock.Elapsed.TotalMilliseconds, ex.GetType().Name);
        }

        sent++;
    }
})).ToList();
await Task.WhenAll(clients);
var ingested = await ingest;
var elapsed = deadline.Elapsed.TotalSeconds;

Console.WriteLine($"load: {options.Clients} clients for {elapsed:F1} s against {options.Url}; ingest during the run: {ingested} new articles");
Console.WriteLine(results.Report(elapsed));
return results.Errors == 0 ? 0 : 1;

static async Task<double> TimeAsync(HttpClient http, string path)
{
    var clock = Stopwatch.StartNew();
    using var response = await http.GetAsync(path);
    await response.Content.ReadAsByteArrayAsync();
    response.EnsureSuccessStatusCode();
    return clock.Elapsed.TotalMilliseconds;
}
