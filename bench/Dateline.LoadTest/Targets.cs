using System.Net.Http.Json;
using System.Text.Json;

namespace Dateline.LoadTest;

/// <summary>What the clients ask for, read from the store through the API, and the request mix.</summary>
internal sealed record Targets(IReadOnlyList<string> ArticleIds, IReadOnlyList<string> ActorIds, IReadOnlyList<string> Queries)
{
    private static readonly string[] QueryPool =
    [
        "summit", "\"summit talks\"", "Ishiba", "Ishiba Lee", "North Korea missile", "tariff*", "China OR Japan", "title:Korea",
        "cooperation -trade", "(Seoul OR Tokyo) AND protest", "defense", "Kyodo", "minerals", "Ukraine talks", "Yonhap",
    ];

    public static async Task<Targets> DiscoverAsync(HttpClient http)
    {
        var articles = await http.GetFromJsonAsync<JsonElement>("/api/articles?limit=200");
        var actors = await http.GetFromJsonAsync<JsonElement>("/api/actors?limit=50");
        return new Targets(
            [.. articles.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)],
            [.. actors.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)],
            QueryPool);
    }

    private static readonly (string A, string B)[] DyadPool = [("JPN", "KOR"), ("CHN", "JPN"), ("KOR", "PRK"), ("USA", "JPN"), ("CHN", "USA")];

    private static readonly string[] EventFilters = ["actor=JPN", "actor=KOR", "source_actor=JPNGOV&target_actor=KORGOV", "code=036", "actor=CHN&from=2025-06-01", "code=ACCUSE"];

    /// <summary>
    /// 35 % API search, 20 % API article with layers, 8 % search page, 12 % article page, 7 % actor (API), 6 % dyad (API),
    /// 4 % dyad page (half with a period's events), 8 % API events (a filtered page of 50).
    /// </summary>
    public (string Kind, string Path) Pick(Random random)
    {
        var roll = random.Next(100);
        string Q() => Uri.EscapeDataString(Queries[random.Next(Queries.Count)]);
        string A() => Uri.EscapeDataString(ArticleIds[random.Next(ArticleIds.Count)]);
        var (x, y) = DyadPool[random.Next(DyadPool.Length)];
        return roll switch
        {
            < 35 => ("api search", "/api/search?q=" + Q()),
            < 55 => ("api article", "/api/articles/" + A()),
            < 63 => ("search page", "/?q=" + Q()),
            < 75 => ("article page", "/articles/" + A()),
            < 82 => ActorIds.Count > 0 ? ("api actor", "/api/actors/" + Uri.EscapeDataString(ActorIds[random.Next(ActorIds.Count)])) : ("api search", "/api/search?q=" + Q()),
            < 88 => ("api dyad", $"/api/dyads/{x}/{y}?interval=month"),
            < 92 => ("dyad page", $"/dyads/{x}/{y}" + (random.Next(2) == 0 ? "?period=2025-06-01" : string.Empty)),
            _ => ("api events", "/api/events?limit=50&" + EventFilters[random.Next(EventFilters.Length)]),
        };
    }
}
