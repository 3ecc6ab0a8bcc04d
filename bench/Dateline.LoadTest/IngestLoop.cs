using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dateline.LoadTest;

/// <summary>
/// Keeps one ingest running during the load: batches of new documents (made from the store's own articles with a new
/// title, so every one is inserted and annotated) posted to /api/ingest until the time is up.
/// </summary>
internal static class IngestLoop
{
    public static async Task<long> RunAsync(HttpClient http, LoadOptions options, Targets targets, Stopwatch clock, TimeSpan duration, Results results,
        CancellationToken ct)
    {
        var bodies = new List<string>();
        foreach (var id in targets.ArticleIds.Take(40))
        {
            var article = await http.GetFromJsonAsync<JsonElement>("/api/articles/" + Uri.EscapeDataString(id), ct);
            var paragraphs = article.GetProperty("article").GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()).ToList();
            bodies.Add(string.Join("\n\n", paragraphs));
        }

        long inserted = 0;
        var batch = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        while (clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            var documents = Enumerable.Range(0, options.IngestDocs).Select(i => new
            {
                title = $"Load run {run} batch {batch} document {i}",
                text = bodies[i % bodies.Count],
                published = "2025-08-01",
                source = "Load Test",
            }).ToList();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = JsonContent.Create(new { documents }) };
            request.Headers.Add("X-Api-Key", options.Key);
            var started = Stopwatch.StartNew();
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            results.Add("ingest batch", started.Elapsed.TotalMilliseconds, response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            if (response.IsSuccessStatusCode)
            {
                inserted += body.GetProperty("inserted").GetInt64();
            }

            batch++;
        }

        return inserted;
    }
}
