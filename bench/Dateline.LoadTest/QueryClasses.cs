using System.Diagnostics;
using System.Globalization;

namespace Dateline.LoadTest;

/// <summary>
/// Latency per kind of read (`--classes`): each query of a class is sent one at a time, <c>rounds</c> times after one
/// warm-up pass, and the class reports p50 / p95 / max over all its requests. The queries are fixed lists of BBC-corpus
/// words of each frequency band (chosen before any measurement, not tuned), so runs on stores of different sizes compare.
/// </summary>
internal static class QueryClasses
{
    private static readonly (string Class, string[] Paths)[] Classes =
    [
        ("common words", Search("government", "people", "year", "market", "film", "music", "election", "company")),
        ("OR", Search("labour OR tory", "film OR music", "shares OR profits", "mobile OR phone", "england OR wales")),
        ("phrase", Search("\"prime minister\"", "\"interest rates\"", "\"world cup\"", "\"chief executive\"")),
        ("prefix", Search("elect*", "econom*", "minist*", "technolog*")),
        ("rare words", Search("yukos", "chavez", "glazer", "pixar", "kilroy")),
        ("date filter", ["/api/search?q=government&from=2024-03-01&to=2024-03-31", "/api/search?q=people&from=2025-06-01&to=2025-06-30",
            "/api/search?q=film&from=2024-01-01&to=2024-12-31", "/api/search?q=market&to=2024-02-15"]),
        ("source filter", ["/api/search?q=government&source=" + Uri.EscapeDataString("BBC News (recombined)"),
            "/api/search?q=music&source=" + Uri.EscapeDataString("BBC News (recombined)")]),
        ("collapsed", ["/api/search?q=government&collapse=true", "/api/search?q=labour%20OR%20tory&collapse=true", "/api/search?q=yukos&collapse=true"]),
        ("stories page", ["/api/stories?limit=20"]),
        ("articles page", ["/api/articles?limit=20", "/api/articles?limit=20&from=2024-06-01&to=2024-06-30"]),
    ];

    public static async Task<int> RunAsync(HttpClient http, int rounds)
    {
        var failures = 0;
        Console.WriteLine($"{"class",-14} {"requests",8} {"p50 ms",8} {"p95 ms",8} {"max ms",8}  total (first query)");
        foreach (var (name, paths) in Classes)
        {
            var times = new List<double>();
            string? total = null;
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var path in paths)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await http.GetAsync(path);
                    var body = await response.Content.ReadAsStringAsync();
                    var ms = clock.Elapsed.TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                    {
                        failures++;
                        Console.Error.WriteLine($"{path}: HTTP {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                        continue;
                    }

                    total ??= TotalOf(body);
                    if (round > 0)
                    {
                        times.Add(ms);
                    }
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-14} {times.Count,8} {Stats.Percentile(times, 50),8:F1} {Stats.Percentile(times, 95),8:F1} {(times.Count > 0 ? times.Max() : 0),8:F1}  {total}"));
        }

        return failures == 0 ? 0 : 1;
    }

    private static string[] Search(params string[] queries) => [.. queries.Select(q => "/api/search?q=" + Uri.EscapeDataString(q))];

    private static string? TotalOf(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("total", out var t) ? t.ToString() : null;
    }
}
