using System.IO.Compression;
using System.Text;
using Dateline.Core.Articles;
using Dateline.Extraction.Reading;
using Dateline.Testing.Warc;

namespace Dateline.Extraction.Tests.Warc;

/// <summary>WARC records become articles with the right URL, dates, origin and counts, in every file layout.</summary>
[Trait("issue", "3")]
public sealed class WarcReaderTests
{
    [Theory]
    [InlineData(WarcLayout.Plain, "WARC/1.0")]
    [InlineData(WarcLayout.Plain, "WARC/1.1")]
    [InlineData(WarcLayout.GzipPerRecord, "WARC/1.1")]
    [InlineData(WarcLayout.GzipWholeFile, "WARC/1.0")]
    public void A_cc_news_style_crawl_gives_one_article_per_html_response_in_every_layout(WarcLayout layout, string version)
    {
        var file = SyntheticNews.Crawl(5, version).Build(layout);
        var outcomes = WarcRead.All(file.Bytes);

        Assert.Empty(outcomes.Problems());
        var articles = outcomes.Articles();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => SyntheticNews.Url(i)), articles.Select(a => a.Url));
        Assert.Equal(SyntheticNews.Title(3), articles[3].Title);
        Assert.Contains("round 3 of talks", articles[3].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Share on social media", articles[3].Body, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, int> { ["warcinfo"] = 1, ["request"] = 5, ["metadata"] = 5 }, outcomes.Skips());
    }

    [Fact]
    public void Crawled_comes_from_warc_date_and_is_never_the_publication_date()
    {
        var crawled = new DateTimeOffset(2025, 6, 5, 7, 15, 30, TimeSpan.Zero);
        var w = new WarcWriter()
            .Page("https://news.example.com/dated", SyntheticNews.Page(1), crawled)
            .Page("https://news.example.com/undated", SyntheticNews.Page(2, published: null), crawled);
        var articles = WarcRead.All(w.Build(WarcLayout.GzipPerRecord).Bytes).Articles();

        Assert.Equal(ArticleDate.FromInstant(crawled), articles[0].Crawled);
        Assert.Equal("2025-06-03T18:00:00+09:00", articles[0].Published.ToString());
        Assert.Equal(ArticleDate.FromInstant(crawled), articles[1].Crawled);
        Assert.Null(articles[1].Published);
        Assert.Null(articles[1].DateReliable);
    }

    [Fact]
    public void Origin_offsets_of_per_record_gzip_are_member_offsets_that_re_read_the_record()
    {
        var path = "crawl.warc.gz";
        var file = SyntheticNews.Crawl(4).Build(WarcLayout.GzipPerRecord);
        var articles = WarcRead.All(file.Bytes, name: path).Articles();

        Assert.Equal(4, articles.Count);
        for (var i = 0; i < articles.Count; i++)
        {
            var offset = articles[i].Origin.Offset!.Value;
            Assert.Equal(path, articles[i].Origin.Path);
            Assert.Equal(file.RecordOffsets[2 + (3 * i)], offset); // warcinfo, then request, response, metadata per page

            using var member = new GZipStream(new MemoryStream(file.Bytes, (int)offset, file.Bytes.Length - (int)offset), CompressionMode.Decompress);
            var head = ReadHead(member);
            Assert.StartsWith("WARC/1.1\r\nWARC-Type: response\r\n", head, StringComparison.Ordinal);
            Assert.Contains($"WARC-Target-URI: {articles[i].Url}\r\n", head, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(WarcLayout.Plain)]
    [InlineData(WarcLayout.GzipWholeFile)]
    public void Origin_offsets_of_plain_and_whole_file_gzip_point_at_the_record_in_the_uncompressed_bytes(WarcLayout layout)
    {
        var file = SyntheticNews.Crawl(3).Build(layout);
        var plain = layout == WarcLayout.Plain ? file.Bytes : Gunzip(file.Bytes);
        foreach (var a in WarcRead.All(file.Bytes).Articles())
        {
            var offset = (int)a.Origin.Offset!.Value;
            Assert.Contains(offset, file.RecordOffsets);
            var head = ReadHead(new MemoryStream(plain, offset, plain.Length - offset));
            Assert.StartsWith("WARC/1.1\r\nWARC-Type: response\r\n", head, StringComparison.Ordinal);
            Assert.Contains($"WARC-Target-URI: {a.Url}\r\n", head, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Non_article_records_are_counted_by_kind_not_reported()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
        var w = new WarcWriter().Warcinfo()
            .Page(SyntheticNews.Url(1), SyntheticNews.Page(1))
            .Revisit(SyntheticNews.Url(1))
            .Record("conversion", SyntheticNews.Url(1), "text/plain", "plain text version"u8.ToArray())
            .Record("response", "dns:news.example.com", "text/dns", "20250604093000\nnews.example.com. 300 IN A 192.0.2.7\n"u8.ToArray())
            .Response("https://news.example.com/logo.png", WarcWriter.HttpResponse(png, "image/png"))
            .Response("https://news.example.com/feed.xml", WarcWriter.HttpResponse("<?xml version=\"1.0\"?><rss><channel/></rss>"u8.ToArray(), "application/rss+xml"))
            .Response("https://news.example.com/old", WarcWriter.HttpResponse("<html><body>Moved</body></html>"u8.ToArray(), status: 301, headers: ("Location", "/new")))
            .Response("https://news.example.com/missing", WarcWriter.HttpResponse("<html><body>Not found</body></html>"u8.ToArray(), status: 404))
            .Response("https://news.example.com/head", WarcWriter.HttpResponse([], status: 204))
            .Response("https://news.example.com/index", WarcWriter.HttpResponse("<html><body><nav><a href=\"/\">Home</a></nav></body></html>"u8.ToArray()))
            .Resource("metadata://example/crawl.log", "text/plain", "fetched 3 urls\n"u8.ToArray())
            .Record("continuation", SyntheticNews.Url(9), "application/http; msgtype=response", "rest of a segmented record"u8.ToArray());
        var outcomes = WarcRead.All(w.Build(WarcLayout.GzipPerRecord).Bytes);

        Assert.Empty(outcomes.Problems());
        Assert.Single(outcomes.Articles());
        Assert.Equal(new Dictionary<string, int>
        {
            ["warcinfo"] = 1,
            ["request"] = 1,
            ["metadata"] = 1,
            ["revisit"] = 1,
            ["conversion"] = 1,
            ["dns"] = 1,
            ["non-HTML"] = 3,
            ["HTTP 3xx"] = 1,
            ["HTTP 4xx"] = 1,
            ["empty"] = 1,
            ["no article text"] = 1,
            ["continuation"] = 1,
        }, outcomes.Skips());
        Assert.All(outcomes.Where(o => o.Skipped is not null), o => Assert.Equal("WARC", o.Skipped!.Format));
    }

    [Fact]
    public void A_resource_record_holding_html_is_an_article()
    {
        var w = new WarcWriter().Resource("https://news.example.com/saved.html", "text/html", Encoding.UTF8.GetBytes(SyntheticNews.Page(4)));
        var a = Assert.Single(WarcRead.All(w.Build(WarcLayout.Plain).Bytes, name: "saved.warc"));
        Assert.Equal("https://news.example.com/saved.html", a.Article!.Url);
        Assert.Equal(0, a.Article.Origin.Offset);
    }

    [Fact]
    public void Warc_truncated_marks_the_article_truncated_with_a_warning()
    {
        var page = Encoding.UTF8.GetBytes(SyntheticNews.Page(2));
        var w = new WarcWriter().Response(SyntheticNews.Url(2), WarcWriter.HttpResponse(page[..(page.Length * 2 / 3)]), null, ("WARC-Truncated", "length"));
        var a = Assert.Single(WarcRead.All(w.Build(WarcLayout.GzipPerRecord).Bytes)).Article!;
        Assert.True(a.Truncated);
        Assert.Contains(a.Warnings, x => x.Contains("WARC-Truncated: length", StringComparison.Ordinal));
    }

    [Fact]
    public void A_complete_record_is_not_marked_truncated()
    {
        var a = WarcRead.All(SyntheticNews.Crawl(1).Build(WarcLayout.GzipPerRecord).Bytes).Articles()[0];
        Assert.False(a.Truncated);
        Assert.Empty(a.Warnings);
    }

    [Fact]
    public void The_http_charset_decodes_a_page_that_does_not_declare_one()
    {
        var html = SyntheticNews.Page(5, charsetMeta: null, extraBody: "The café in Malmö stayed open.");
        var w = new WarcWriter().Response(SyntheticNews.Url(5), WarcWriter.HttpResponse(Encoding.Latin1.GetBytes(html), "text/html; charset=ISO-8859-1"));
        var a = Assert.Single(WarcRead.All(w.Build(WarcLayout.GzipPerRecord).Bytes)).Article!;
        Assert.Contains("The café in Malmö stayed open.", a.Body, StringComparison.Ordinal);
        Assert.Equal("windows-1252", a.Charset); // as browsers read iso-8859-1 (WHATWG Encoding)
        Assert.Equal("http", a.CharsetSource);
    }

    [Fact]
    public void Without_an_http_charset_the_page_meta_charset_decodes_it()
    {
        var html = SyntheticNews.Page(5, charsetMeta: "windows-1252", extraBody: "The café in Malmö stayed open.");
        var w = new WarcWriter().Response(SyntheticNews.Url(5), WarcWriter.HttpResponse(Encoding.Latin1.GetBytes(html), "text/html"));
        var a = Assert.Single(WarcRead.All(w.Build(WarcLayout.GzipPerRecord).Bytes)).Article!;
        Assert.Contains("The café in Malmö stayed open.", a.Body, StringComparison.Ordinal);
        Assert.NotEqual("http", a.CharsetSource);
    }

    [Fact]
    public void A_14_digit_warc_date_from_a_converted_arc_file_is_read()
    {
        var w = new WarcWriter("WARC/1.0").Raw(Encoding.UTF8.GetBytes(
            "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Date: 20120118093000\r\nWARC-Target-URI: <http://news.example.com/old.html>\r\n"
            + "Content-Type: text/html\r\nContent-Length: " + Encoding.UTF8.GetByteCount(SyntheticNews.Page(1)) + "\r\n\r\n"
            + SyntheticNews.Page(1) + "\r\n\r\n"));
        var a = Assert.Single(WarcRead.All(w.Build(WarcLayout.Plain).Bytes, name: "old.warc")).Article!;
        Assert.Equal("2012-01-18T09:30:00Z", a.Crawled.ToString());
        Assert.Equal("http://news.example.com/old.html", a.Url);
    }

    [Fact]
    public void Html_served_as_octet_stream_is_sniffed_and_svg_is_not()
    {
        var svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><text>Talks resume</text></svg>"u8.ToArray();
        var w = new WarcWriter()
            .Response(SyntheticNews.Url(1), WarcWriter.HttpResponse(Encoding.UTF8.GetBytes(SyntheticNews.Page(1)), "application/octet-stream"))
            .Response(SyntheticNews.Url(2), WarcWriter.HttpResponse(Encoding.UTF8.GetBytes(SyntheticNews.Page(2)), contentType: null))
            .Response("https://news.example.com/chart.svg", WarcWriter.HttpResponse(svg, "application/octet-stream"));
        var outcomes = WarcRead.All(w.Build(WarcLayout.GzipPerRecord).Bytes);
        Assert.Equal(2, outcomes.Articles().Count);
        Assert.Equal(1, outcomes.Skips()["non-HTML"]);
    }

    [Fact]
    public void Reading_the_same_warc_twice_gives_the_same_article_ids()
    {
        var bytes = SyntheticNews.Crawl(6).Build(WarcLayout.GzipPerRecord).Bytes;
        var first = WarcRead.All(bytes).Articles().Select(a => a.Id).ToList();
        var second = WarcRead.All(bytes, name: "copy/elsewhere.warc.gz").Articles().Select(a => a.Id).ToList();
        Assert.Equal(6, first.Distinct().Count());
        Assert.Equal(first, second);
    }

    private static string ReadHead(Stream s)
    {
        var buffer = new byte[400];
        var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }
}
