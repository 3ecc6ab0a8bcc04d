using System.Text;
using System.Text.Json;
using Dateline.Core.Articles;
using Dateline.Extraction.Html;
using Dateline.Extraction.Identity;
using Dateline.Extraction.Metadata;
using Dateline.Extraction.Reading;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.JsonLines;

/// <summary>
/// Reads JSON Lines records <c>{url?, html?, text?, title?, published?, source?, tags?}</c>, streaming, one article per line.
/// A broken line is reported with its line number and byte offset; the lines after it still go in.
/// Also reads a single JSON document holding one record or an array of records (<see cref="InputKind.Json"/>).
/// </summary>
public sealed class JsonLinesReader(ExtractionOptions options, HtmlArticleBuilder html, InputKind kind = InputKind.JsonLines) : IArticleReader
{
    /// <summary>After this many broken lines in a row the input is not JSON Lines; stop reporting each one.</summary>
    private const int MaxConsecutiveBadLines = 20;

    public InputKind Kind => kind;

    public IEnumerable<ReadOutcome> Read(InputFile input, CancellationToken cancellationToken) =>
        kind == InputKind.Json ? ReadDocument(input, cancellationToken) : ReadLines(input, cancellationToken);

    private IEnumerable<ReadOutcome> ReadDocument(InputFile input, CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            var (bytes, repaired) = RepairUtf8(input.ReadAll(options.MaxDocumentBytes));
            using var json = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            root = json.RootElement.Clone();
            if (repaired)
            {
                return WithWarning(root.ValueKind == JsonValueKind.Array
                    ? root.EnumerateArray().Select((e, i) => ReadRecord(input.Path, e, null, $"item {i}")).ToList()
                    : [root.ValueKind == JsonValueKind.Object
                        ? ReadRecord(input.Path, root, null, "document")
                        : ReadOutcome.Failed(input.Path, null, $"expected a JSON object or array, found {root.ValueKind}")]);
            }
        }
        catch (JsonException ex)
        {
            return [ReadOutcome.Failed(input.Path, null, $"not valid JSON: {ex.Message}")];
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            return [ReadRecord(input.Path, root, null, "document")];
        }

        return root.ValueKind == JsonValueKind.Array
            ? root.EnumerateArray().Select((e, i) => ReadRecord(input.Path, e, null, $"item {i}"))
            : [ReadOutcome.Failed(input.Path, null, $"expected a JSON object or array, found {root.ValueKind}")];
    }

    private IEnumerable<ReadOutcome> ReadLines(InputFile input, CancellationToken cancellationToken)
    {
        using var stream = input.Open();
        var badInARow = 0;
        foreach (var line in ByteLines.Read(stream, options.MaxRecordBytes))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = $"line {line.Number}, byte {line.Offset}";
            if (line.TooLong)
            {
                yield return ReadOutcome.Failed(input.Path, record, $"record is longer than the {Sizes.Format(options.MaxRecordBytes)} limit");
                continue;
            }

            if (line.Bytes.AsSpan().Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            var outcome = ParseLine(input.Path, line, record);
            badInARow = outcome.Problem is null ? 0 : badInARow + 1;
            if (badInARow > MaxConsecutiveBadLines)
            {
                yield return ReadOutcome.Failed(input.Path, record,
                    $"stopped after {MaxConsecutiveBadLines} broken lines in a row: this does not look like JSON Lines");
                yield break;
            }

            yield return outcome;
        }
    }

    private ReadOutcome ParseLine(string path, ByteLines.Line line, string record)
    {
        try
        {
            var (bytes, repaired) = RepairUtf8(line.Bytes);
            using var json = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
            var outcome = ReadRecord(path, json.RootElement, line.Offset, record);
            return repaired ? WithWarning([outcome])[0] : outcome;
        }
        catch (JsonException ex)
        {
            return ReadOutcome.Failed(path, record, $"not valid JSON: {ex.Message}");
        }
    }

    /// <summary>The warning of a record whose invalid UTF-8 was replaced.</summary>
    internal const string Utf8Warning = "invalid UTF-8 bytes replaced with U+FFFD";

    /// <summary>
    /// JSON text must be UTF-8, and System.Text.Json throws only when a string holding invalid bytes is read — after the
    /// record has been accepted (found by fuzzing, fuzz/corpus/jsonl). Invalid sequences are replaced with U+FFFD up
    /// front, as a browser would, and the record is kept with a warning.
    /// </summary>
    private static (byte[] Bytes, bool Repaired) RepairUtf8(byte[] bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes) ? (bytes, false) : (Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes)), true);

    private static List<ReadOutcome> WithWarning(List<ReadOutcome> outcomes) =>
        [.. outcomes.Select(o => o.Article is { } a ? ReadOutcome.Ok(a with { Warnings = a.Warnings.Add(Utf8Warning) }) : o)];

    private ReadOutcome ReadRecord(string path, JsonElement root, long? offset, string record)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ReadOutcome.Failed(path, record, $"expected a JSON object, found {root.ValueKind}");
        }

        var url = Str(root, "url", "link");
        var title = Str(root, "title", "headline");
        var source = Str(root, "source", "site", "site_name");
        var publishedText = Str(root, "published", "date", "published_at", "date_published");
        ArticleDate? published = null;
        var warnings = new List<string>();
        if (publishedText is not null)
        {
            if (Html.HtmlMetadataReader.ParseDate(publishedText) is { } d)
            {
                published = d;
            }
            else
            {
                warnings.Add($"'published' value '{publishedText}' is not an ISO 8601 date; ignored");
            }
        }

        // "tags" (or "keywords", "categories"): an array of strings or one comma-separated string.
        var tags = Metadata.ArticleTags.Normalize(TagsOf(root));
        var origin = new ArticleOrigin(path, offset);
        if (Str(root, "html") is { } page)
        {
            var problems = new List<string>();
            var article = html.Build(page, origin, new HtmlArticleBuilder.Known(url, title, published, DateSources.Feed, source), problems);
            return article is null
                ? ReadOutcome.Failed(path, record, string.Join("; ", problems))
                : ReadOutcome.Ok(article with { Warnings = [.. article.Warnings, .. warnings], Tags = tags.IsEmpty ? article.Tags : tags });
        }

        if (Str(root, "text", "body", "content") is not { } text)
        {
            return ReadOutcome.Failed(path, record, "record has neither 'text' nor 'html'");
        }

        var paragraphs = TextParagraphs.Split(text);
        if (paragraphs.Count == 0)
        {
            return ReadOutcome.Failed(path, record, "'text' is empty");
        }

        string? dateline = null, wire = null;
        if (DatelineSplitter.SplitInline(paragraphs[0]) is { } inline)
        {
            (dateline, wire, paragraphs[0]) = (inline.Place, inline.Wire, inline.Rest);
        }

        string? creditWire = null;
        while (paragraphs.Count > 1 && CreditLines.Classify(paragraphs[^1]) is { } credit)
        {
            creditWire ??= credit.Wire;
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return ReadOutcome.Ok(new Article
        {
            Id = ArticleIdentity.Compute(url, source, title, string.Join(Article.BodySeparator, paragraphs)),
            Origin = origin,
            Url = url,
            Source = source,
            Title = title,
            Published = published,
            PublishedSource = published is null ? null : DateSources.Feed,
            DateReliable = published is null ? null : true,
            Dateline = dateline,
            Wire = wire ?? creditWire,
            Tags = tags,
            Paragraphs = [.. paragraphs],
            Warnings = [.. warnings],
        });
    }

    private static IEnumerable<string> TagsOf(JsonElement o) =>
        o.TryGetProperty("tags", out var v) || o.TryGetProperty("keywords", out v) || o.TryGetProperty("categories", out v)
            ? Metadata.ArticleTags.FromJson(v)
            : [];

    private static string? Str(JsonElement o, params string[] names)
    {
        foreach (var n in names)
        {
            if (o.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
            {
                return v.GetString()!.Trim();
            }
        }

        return null;
    }
}
