using System.Diagnostics;
using System.Text;
using Dateline.Extraction.Reading;
using Dateline.Testing.Warc;

namespace Dateline.Extraction.Tests.Warc;

/// <summary>
/// Issue 3's robustness bar for HTTP payloads in WARC records: still-chunked and falsely labelled bodies still yield
/// their text; unsupported codings and decompression bombs are reported for that record only.
/// </summary>
[Trait("issue", "3")]
public sealed class WarcPayloadTests
{
    private static readonly byte[] Page7 = Encoding.UTF8.GetBytes(SyntheticNews.Page(7));

    [Fact]
    public void A_body_still_chunked_without_its_header_is_de_chunked()
    {
        var http = WarcWriter.HttpResponse(WarcWriter.Chunked(Page7));
        var a = ReadOne(http);
        Assert.Contains("round 7 of talks", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n2bc\n", a.Body, StringComparison.Ordinal);
        Assert.Contains(a.Warnings, w => w.Contains("still chunked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gzip_body_still_chunked_without_its_transfer_encoding_header_is_de_chunked_then_decoded()
    {
        var a = ReadOne(WarcWriter.HttpResponse(WarcWriter.Chunked(WarcWriter.Gzip(Page7), 50), headers: ("Content-Encoding", "gzip")));
        Assert.Contains("round 7 of talks", a.Body, StringComparison.Ordinal);
        Assert.Contains(a.Warnings, w => w.Contains("still chunked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chunked_body_with_its_header_is_de_chunked_and_so_is_gzip_inside_chunks()
    {
        var plain = ReadOne(WarcWriter.HttpResponse(WarcWriter.Chunked(Page7, 100), headers: ("Transfer-Encoding", "chunked")));
        var gzipped = ReadOne(WarcWriter.HttpResponse(WarcWriter.Chunked(WarcWriter.Gzip(Page7), 64),
            headers: [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]));
        Assert.Contains("round 7 of talks", plain.Body, StringComparison.Ordinal);
        Assert.Equal(plain.Body, gzipped.Body);
        Assert.Empty(gzipped.Warnings);
    }

    [Fact]
    public void A_transfer_encoding_header_over_a_body_stored_de_chunked_is_ignored()
    {
        var a = ReadOne(WarcWriter.HttpResponse(Page7, headers: ("Transfer-Encoding", "chunked")));
        Assert.Contains("round 7 of talks", a.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public void A_falsely_labelled_content_encoding_still_yields_the_text(string coding)
    {
        var a = ReadOne(WarcWriter.HttpResponse(Page7, headers: ("Content-Encoding", coding)));
        Assert.Contains("round 7 of talks", a.Body, StringComparison.Ordinal);
        Assert.Contains(a.Warnings, w => w.Contains($"Content-Encoding says '{coding}'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate-zlib")]
    [InlineData("deflate-raw")]
    [InlineData("br")]
    [InlineData("gzip, br")]
    public void Content_encodings_are_decoded(string coding)
    {
        var (body, header) = coding switch
        {
            "gzip" => (WarcWriter.Gzip(Page7), "gzip"),
            "deflate-zlib" => (WarcWriter.Deflate(Page7, zlibHeader: true), "deflate"),
            "deflate-raw" => (WarcWriter.Deflate(Page7, zlibHeader: false), "deflate"),
            "br" => (WarcWriter.Brotli(Page7), "br"),
            _ => (WarcWriter.Brotli(WarcWriter.Gzip(Page7)), "gzip, br"),
        };
        var a = ReadOne(WarcWriter.HttpResponse(body, headers: ("Content-Encoding", header)));
        Assert.Contains("round 7 of talks", a.Body, StringComparison.Ordinal);
        Assert.Empty(a.Warnings);
    }

    [Fact]
    public void An_unsupported_content_encoding_is_reported_for_that_record_and_the_next_is_read()
    {
        var w = new WarcWriter()
            .Response(SyntheticNews.Url(1), WarcWriter.HttpResponse([0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3], headers: ("Content-Encoding", "zstd")))
            .Response(SyntheticNews.Url(2), WarcWriter.HttpResponse(Encoding.UTF8.GetBytes(SyntheticNews.Page(2))));
        var outcomes = WarcRead.All(w.Build(WarcLayout.GzipPerRecord).Bytes);
        Assert.Contains("unsupported Content-Encoding 'zstd'", Assert.Single(outcomes.Problems()).Reason, StringComparison.Ordinal);
        Assert.Single(outcomes.Articles());
    }

    [Fact]
    public void A_1_kb_to_1_gb_decompression_bomb_is_stopped_quickly_and_the_next_record_is_read()
    {
        var bomb = WarcWriter.GzipOfZeros(1L << 30); // the HTTP body: ~1 MiB of gzip that inflates to 1 GiB
        var w = new WarcWriter()
            .Response(SyntheticNews.Url(1), WarcWriter.HttpResponse(bomb, headers: ("Content-Encoding", "gzip")))
            .Response(SyntheticNews.Url(2), WarcWriter.HttpResponse(Encoding.UTF8.GetBytes(SyntheticNews.Page(2))));
        var file = w.Build(WarcLayout.GzipPerRecord);
        Assert.True(file.Bytes.Length < 8 * 1024, $"the WARC is {file.Bytes.Length} bytes"); // gzip of the gzip: a few KiB on disk

        var clock = Stopwatch.StartNew();
        var outcomes = WarcRead.All(file.Bytes);
        clock.Stop();

        var problem = Assert.Single(outcomes.Problems());
        Assert.Equal("byte 0", problem.Record);
        Assert.Contains("decompression bomb", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(SyntheticNews.Url(2), Assert.Single(outcomes.Articles()).Url);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    private static Core.Articles.Article ReadOne(byte[] http)
    {
        var w = new WarcWriter().Response(SyntheticNews.Url(7), http);
        var outcomes = WarcRead.All(w.Build(WarcLayout.GzipPerRecord).Bytes);
        Assert.Empty(outcomes.Problems());
        return Assert.Single(outcomes.Articles());
    }
}
