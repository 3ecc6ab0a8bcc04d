using Dateline.Core.Articles;

namespace Dateline.Storage.Tests;

/// <summary>Hand-written articles for store tests.</summary>
internal static class Articles
{
    public static Article Make(string id, string title, string body, string? published = "2025-06-04", string? source = "Test Wire",
        string? url = null) => new()
        {
            Id = id,
            Origin = new ArticleOrigin("/tmp/" + id + ".txt"),
            Url = url,
            Source = source,
            Title = title,
            Published = published is null ? null : ArticleDate.Parse(published),
            PublishedSource = published is null ? null : DateSources.Header,
            Dateline = "TOKYO",
            Wire = "Kyodo",
            Paragraphs = [.. body.Split("\n\n")],
        };

    /// <summary>A small corpus with rare words so BM25 ranking is meaningful.</summary>
    public static IReadOnlyList<Article> Corpus() =>
    [
        Make("a1", "Japan and South Korea agree to resume shuttle diplomacy",
            "The leaders agreed to resume shuttle diplomacy.\n\nOfficials said talks would start soon.", "2025-06-04", "Japan Today"),
        Make("a2", "China protests naval drills", "Beijing lodged a protest over the drills near the strait.", "2025-06-10", "SCMP"),
        Make("a3", "Diplomats meet in Geneva", "Diplomacy resumed in Geneva as envoys met for shuttle talks about tariffs.", "2025-05-20", "Reuters"),
        Make("a4", "東京で日韓首脳会談", "日本と韓国の首脳が東京で会談した。", "2025-06-05", "NHK"),
        Make("a5", "Ministers discuss fisheries", "Fisheries ministers discussed quotas without any breakthrough.", null, "AP"),
    ];
}
