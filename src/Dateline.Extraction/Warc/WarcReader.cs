using System.IO.Compression;
using Dateline.Core.Articles;
using Dateline.Extraction.Html;
using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Warc;

/// <summary>
/// Reads WARC files (1.0 and 1.1; plain, whole-file gzip, or one gzip member per record) as articles, streaming, one
/// record in memory at a time. HTML from <c>response</c> (HTTP payload decoded) and <c>resource</c> records becomes
/// articles, with <c>Crawled</c> from WARC-Date and the origin offset of the record; other records are counted as
/// skipped. A cut or corrupt file yields every record before the damage, then one problem naming its byte offset.
/// </summary>
public sealed class WarcReader(ExtractionOptions options, HtmlArticleBuilder html) : IArticleReader
{
    /// <summary>
    /// Cap on one record's content. News pages are 10 KiB – 2 MiB; 64 MiB leaves room for huge pages while keeping a
    /// bad or hostile Content-Length from taking the memory. Bigger records are reported and skipped.
    /// </summary>
    public const long DefaultMaxRecordBytes = 64L * 1024 * 1024;

    /// <summary>The format name under which skipped records are counted ("WARC records skipped: request 12, …").</summary>
    public const string Format = "WARC";

    /// <summary>Reported for a gzip file whose content does not start with a WARC record.</summary>
    public const string NotWarcGzip = "gzip-compressed input that is not a WARC file is not supported";

    public InputKind Kind => InputKind.Warc;

    /// <summary>Null when a gzip input holds a WARC file; otherwise why it cannot be read.</summary>
    public static string? GzipProblem(InputFile input)
    {
        try
        {
            using var stream = input.Open();
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            var head = new byte[5];
            var n = gzip.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            // Fewer bytes than "WARC/" means the data ran out: a cut .warc.gz, which the reader reports with its offset.
            return "WARC/"u8.StartsWith(head.AsSpan(0, n)) ? null : NotWarcGzip;
        }
        catch (InvalidDataException ex)
        {
            return $"not a readable gzip file: {ex.Message}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot read: {ex.Message}";
        }
    }

    public IEnumerable<ReadOutcome> Read(InputFile input, CancellationToken cancellationToken)
    {
        var magic = new byte[2];
        using (var head = input.Open())
        {
            head.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        }

        using var stream = input.Open();
        using var records = new WarcRecordReader(stream, gzip: magic[0] == 0x1F && magic[1] == 0x8B, options.MaxWarcRecordBytes);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WarcRecord? record = null;
            ReadOutcome? failure = null;
            try
            {
                record = records.Next();
            }
            catch (WarcFormatException ex)
            {
                failure = ReadOutcome.Failed(input.Path, ex.Record, ex.Reason);
            }

            if (failure is { } f)
            {
                yield return f;
                yield break;
            }

            if (record is null)
            {
                yield break;
            }

            yield return Process(input.Path, record);
        }
    }

    private ReadOutcome Process(string path, WarcRecord record)
    {
        var type = record.Type;
        if (type is not ("response" or "resource"))
        {
            return Skip(type);
        }

        if (record.TargetUri?.StartsWith("dns:", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Skip(WarcSkips.Dns);
        }

        if (!options.Warc.MatchesDate(record.Date))
        {
            return Skip(WarcSkips.OutsideDates);
        }

        if (!options.Warc.MatchesHost(record.TargetUri))
        {
            return Skip(WarcSkips.OtherHost);
        }

        if (record.TooLarge)
        {
            return ReadOutcome.Failed(path, record.Label, $"the record is {Sizes.Format(record.ContentLength)}, larger than the "
                                                         + $"{Sizes.Format(options.MaxWarcRecordBytes)} limit for one WARC record; skipped");
        }

        try
        {
            return Build(path, record);
        }
        catch (PayloadException ex)
        {
            return ReadOutcome.Failed(path, record.Label, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // One bad page must not end the file: the records after it are still read.
            return ReadOutcome.Failed(path, record.Label, $"extraction failed ({ex.GetType().Name}): {ex.Message}");
        }
    }

    private ReadOutcome Build(string path, WarcRecord record)
    {
        var warnings = new List<string>();
        var content = record.Content;
        ReadOnlyMemory<byte> body = content;
        var contentType = record.Header("Content-Type");
        var partial = false;
        if (record.Type == "response" && HttpResponseHead.LooksLikeHttp(content.Span))
        {
            var http = HttpResponseHead.Parse(content.Span) ?? throw new PayloadException("malformed HTTP status line");
            if (http.Status is < 200 or >= 300)
            {
                return Skip(WarcSkips.Status(http.Status));
            }

            var decoded = HttpBodyDecoder.Decode(content.Span[http.BodyOffset..], http.Header("Transfer-Encoding"),
                http.Header("Content-Encoding"), options.MaxDocumentBytes, warnings);
            (body, partial, contentType) = (decoded.Body, decoded.Partial, http.Header("Content-Type"));
        }

        if (body.IsEmpty)
        {
            return Skip(WarcSkips.Empty);
        }

        var (mediaType, charset) = PayloadTypes.ParseContentType(contentType);
        if (!PayloadTypes.IsHtml(mediaType, record.Header("WARC-Identified-Payload-Type"), body.Span))
        {
            return Skip(WarcSkips.NotHtml);
        }

        if (body.Length > options.MaxDocumentBytes)
        {
            throw new PayloadException($"the page is {Sizes.Format(body.Length)}, larger than the {Sizes.Format(options.MaxDocumentBytes)} "
                                       + "limit for a single document (see --max-document-size)");
        }

        var article = html.Build(body, new ArticleOrigin(path, record.Offset),
            new HtmlArticleBuilder.Known(Url: record.TargetUri, HttpCharset: charset, Crawled: record.Date), []);
        if (article is null)
        {
            return Skip(WarcSkips.NoText);
        }

        if (!options.Warc.MatchesLanguage(article.Language))
        {
            return Skip(WarcSkips.OtherLanguage);
        }

        var truncated = record.Header("WARC-Truncated");
        if (truncated is not null)
        {
            warnings.Add($"the crawler stored only part of this page (WARC-Truncated: {truncated})");
        }
        else if (partial)
        {
            warnings.Add("the stored body is incomplete (it ends inside its transfer or content coding)");
        }

        return ReadOutcome.Ok(article with
        {
            Crawled = record.Date is { } crawled ? ArticleDate.FromInstant(crawled) : null,
            Truncated = article.Truncated || truncated is not null || partial,
            Warnings = [.. article.Warnings, .. warnings],
        });
    }

    private static ReadOutcome Skip(string category) => ReadOutcome.Skip(Format, category);
}
