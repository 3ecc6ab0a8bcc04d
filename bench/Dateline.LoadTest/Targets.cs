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

    /// <summary>
    /// 40 % API search, 25 % API article with layers, 10 % search page, 15 % article page, 10 % actor (API).
    /// Dyad requests (issue #5) join this mix when the endpoint exists.
    /// </summary>
    public (string Kind, string Path) Pick(Random random)
    {
        var roll = random.Next(100);
        string Q() => Uri.EscapeDataString(Queries[random.Next(Queries.Count)]);
        string A() => Uri.EscapeDataString(ArticleIds[random.Next(ArticleIds.Count)]);
        return roll switch
        {
            < 40 => ("api search", "/api/search?q=" + Q()),
            < 65 => ("api article", "/api/articles/" + A()),
            < 75 => ("search page", "/?q=" + Q()),
            < 90 => ("article page", "/articles/" + A()),
            _ => ActorIds.Count > 0 ? ("api actor", "/api/actors/" + Uri.EscapeDataString(ActorIds[random.Next(ActorIds.Count)])) : ("api search", "/api/search?q=" + Q()),
        };
    }
}
