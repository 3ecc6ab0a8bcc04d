using System.Globalization;
using Dateline.Core.Articles;
using Dateline.Core.Serialization;

namespace Dateline.Cli.Rendering;

/// <summary>RFC 4180 CSV for articles: one row each, every field quoted when it needs to be.</summary>
internal static class CsvWriter
{
    public static readonly string[] Header =
    [
        "id", "url", "source", "title", "published", "published_source", "modified", "section", "dateline", "wire", "authors",
        "language", "comment_count", "image_count", "paragraph_count", "origin_path", "origin_offset", "body", "tags",
    ];

    public static string Row(IEnumerable<string?> fields) => Csv.Row(fields);

    public static string Row(Article a) => Row(
    [
        a.Id, a.Url, a.Source, a.Title, a.Published?.ToString(), a.PublishedSource, a.Modified?.ToString(), a.Section, a.Dateline,
        a.Wire, string.Join("; ", a.Authors), a.Language, a.CommentCount?.ToString(CultureInfo.InvariantCulture),
        a.Images.Length.ToString(CultureInfo.InvariantCulture), a.Paragraphs.Length.ToString(CultureInfo.InvariantCulture),
        a.Origin.Path, a.Origin.Offset?.ToString(CultureInfo.InvariantCulture), a.Body, string.Join("; ", a.Tags),
    ]);
}
