using System.Text.Json.Serialization;
using Dateline.Core.Articles;
using Dateline.Storage.Events;
using Parquet;
using Parquet.Serialization;

namespace Dateline.Cli.Rendering;

/// <summary>
/// Parquet files of articles and events for analysis tools (pandas, DuckDB, Spark): the same columns as the CSV exports,
/// with numbers, flags and dates typed, and authors and tags as lists. Rows are written in row groups of
/// <see cref="RowGroupSize"/> as they stream from the store, so memory stays flat whatever the store's size.
/// </summary>
internal static class ParquetExport
{
    public const int RowGroupSize = 10_000;

    /// <summary>
    /// Writes every item to the Parquet file <paramref name="path"/>, which appears only when complete (the rows go to
    /// <c>PATH.partial</c> first); returns the row count.
    /// </summary>
    public static async Task<long> WriteFileAsync<TItem, TRow>(IAsyncEnumerable<TItem> items, Func<TItem, TRow> row, string path, CancellationToken ct)
    {
        var temp = path + ".partial";
        long rows;
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite))
        {
            rows = await WriteAsync(items, row, file, ct);
        }

        File.Move(temp, path, overwrite: true);
        return rows;
    }

    /// <summary>Writes every item to a new Parquet file on <paramref name="stream"/> (seekable, readable and writable); returns the row count.</summary>
    public static async Task<long> WriteAsync<TItem, TRow>(IAsyncEnumerable<TItem> items, Func<TItem, TRow> row, Stream stream, CancellationToken ct,
        int groupSize = RowGroupSize)
    {
        var group = new List<TRow>(groupSize);
        long count = 0;
        var first = true;
        await foreach (var item in items.WithCancellation(ct))
        {
            group.Add(row(item));
            if (group.Count == groupSize)
            {
                count += await FlushAsync(group, stream, first, ct);
                first = false;
            }
        }

        // An empty export is still a valid file: the schema with no rows.
        if (group.Count > 0 || first)
        {
            count += await FlushAsync(group, stream, first, ct);
        }

        return count;
    }

    private static async Task<int> FlushAsync<TRow>(List<TRow> group, Stream stream, bool first, CancellationToken ct)
    {
        var n = group.Count;
        await ParquetSerializer.SerializeAsync(group, stream, new ParquetOptions { Append = !first, RowGroupSize = Math.Max(1, group.Count) }, cancellationToken: ct);
        group.Clear();
        return n;
    }

    public static ArticleRow Row(Article a) => new()
    {
        Id = a.Id,
        Url = a.Url,
        Source = a.Source,
        Title = a.Title,
        Published = a.Published?.ToString(),
        PublishedDate = a.Published?.Date,
        PublishedSource = a.PublishedSource,
        Modified = a.Modified?.ToString(),
        Section = a.Section,
        Dateline = a.Dateline,
        Wire = a.Wire,
        Authors = [.. a.Authors],
        Language = a.Language,
        CommentCount = a.CommentCount,
        ImageCount = a.Images.Length,
        ParagraphCount = a.Paragraphs.Length,
        OriginPath = a.Origin.Path,
        OriginOffset = a.Origin.Offset,
        Body = a.Body,
        Tags = [.. a.Tags],
    };

    public static EventRow Row(StoredEvent e) => new()
    {
        Id = e.Id,
        Date = e.Date is { Length: >= 10 } d && DateOnly.TryParseExact(d[..10], "yyyy-MM-dd", out var day) ? day : null,
        SourceCode = e.SourceCode,
        SourceText = e.SourceText,
        TargetCode = e.TargetCode,
        TargetText = e.TargetText,
        Cameo = e.Cameo,
        Plover = e.Plover,
        PloverAct = e.PloverAct,
        Mode = e.Mode,
        QuadClass = e.QuadClass,
        Goldstein = e.Goldstein,
        Negated = e.Negated,
        Modality = e.Modality,
        Articles = EventFormats.Articles(e),
        FirstArticle = e.Reports.Count > 0 ? e.Reports[0].ArticleId : null,
        Evidence = e.Evidence,
        Rule = e.Rule,
        Confidence = e.Confidence,
    };

    /// <summary>One article: the columns of <see cref="CsvWriter.Header"/>, plus <c>published_date</c> as a Parquet DATE.</summary>
    internal sealed class ArticleRow
    {
        [JsonPropertyName("id")] public string Id { get; init; } = "";
        [JsonPropertyName("url")] public string? Url { get; init; }
        [JsonPropertyName("source")] public string? Source { get; init; }
        [JsonPropertyName("title")] public string? Title { get; init; }
        [JsonPropertyName("published")] public string? Published { get; init; }
        [JsonPropertyName("published_date")] public DateOnly? PublishedDate { get; init; }
        [JsonPropertyName("published_source")] public string? PublishedSource { get; init; }
        [JsonPropertyName("modified")] public string? Modified { get; init; }
        [JsonPropertyName("section")] public string? Section { get; init; }
        [JsonPropertyName("dateline")] public string? Dateline { get; init; }
        [JsonPropertyName("wire")] public string? Wire { get; init; }
        [JsonPropertyName("authors")] public List<string> Authors { get; init; } = [];
        [JsonPropertyName("language")] public string? Language { get; init; }
        [JsonPropertyName("comment_count")] public int? CommentCount { get; init; }
        [JsonPropertyName("image_count")] public int ImageCount { get; init; }
        [JsonPropertyName("paragraph_count")] public int ParagraphCount { get; init; }
        [JsonPropertyName("origin_path")] public string? OriginPath { get; init; }
        [JsonPropertyName("origin_offset")] public long? OriginOffset { get; init; }
        [JsonPropertyName("body")] public string Body { get; init; } = "";
        [JsonPropertyName("tags")] public List<string> Tags { get; init; } = [];
    }

    /// <summary>One event: the columns of <see cref="EventFormats.CsvColumns"/>, the date as a Parquet DATE.</summary>
    internal sealed class EventRow
    {
        [JsonPropertyName("id")] public long Id { get; init; }
        [JsonPropertyName("date")] public DateOnly? Date { get; init; }
        [JsonPropertyName("source_code")] public string SourceCode { get; init; } = "";
        [JsonPropertyName("source_text")] public string SourceText { get; init; } = "";
        [JsonPropertyName("target_code")] public string TargetCode { get; init; } = "";
        [JsonPropertyName("target_text")] public string? TargetText { get; init; }
        [JsonPropertyName("cameo")] public string Cameo { get; init; } = "";
        [JsonPropertyName("plover")] public string Plover { get; init; } = "";
        [JsonPropertyName("plover_act")] public string PloverAct { get; init; } = "";
        [JsonPropertyName("mode")] public string? Mode { get; init; }
        [JsonPropertyName("quad_class")] public int QuadClass { get; init; }
        [JsonPropertyName("goldstein")] public double Goldstein { get; init; }
        [JsonPropertyName("negated")] public bool Negated { get; init; }
        [JsonPropertyName("modality")] public string Modality { get; init; } = "";
        [JsonPropertyName("articles")] public int Articles { get; init; }
        [JsonPropertyName("first_article")] public string? FirstArticle { get; init; }
        [JsonPropertyName("evidence")] public string Evidence { get; init; } = "";
        [JsonPropertyName("rule")] public string Rule { get; init; } = "";
        [JsonPropertyName("confidence")] public double Confidence { get; init; }
    }
}
