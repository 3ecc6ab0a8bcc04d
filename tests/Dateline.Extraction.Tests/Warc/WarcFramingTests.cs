using System.Diagnostics;
using System.Text;
using Dateline.Extraction.Reading;
using Dateline.Testing.Warc;

namespace Dateline.Extraction.Tests.Warc;

/// <summary>
/// Issue 3's robustness bar for WARC framing: cut, corrupt and oddly compressed files yield every earlier record and
/// then one problem naming the byte offset; nothing hangs or throws.
/// </summary>
[Trait("issue", "3")]
public sealed class WarcFramingTests
{
    [Fact]
    public void A_warc_gz_cut_mid_record_yields_the_earlier_records_then_one_problem_at_that_record()
    {
        var file = SyntheticNews.Crawl(4).Build(WarcLayout.GzipPerRecord);
        var lastResponse = file.RecordOffsets[^2];
        var cut = file.Bytes[..(int)(lastResponse + ((file.RecordOffsets[^1] - lastResponse) / 2))];
        var outcomes = WarcRead.All(cut);

        Assert.Equal(3, outcomes.Articles().Count);
        var problem = Assert.Single(outcomes.Problems());
        Assert.Same(problem, outcomes[^1].Problem);
        Assert.Equal($"byte {lastResponse}", problem.Record);
        Assert.Contains("cut off", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warc_gz_cut_inside_a_record_header_yields_the_earlier_records_then_one_problem()
    {
        // One member holding only the first 60 bytes of a record header: the gzip is whole, the WARC header is not.
        var w = SyntheticNews.Crawl(2);
        var headerPart = SyntheticNews.Crawl(3).Records[^2][..60];
        var file = w.Build(WarcLayout.GzipPerRecord);
        var bytes = file.Bytes.Concat(WarcWriter.Gzip(headerPart)).ToArray();
        var outcomes = WarcRead.All(bytes);

        Assert.Equal(2, outcomes.Articles().Count);
        var problem = Assert.Single(outcomes.Problems());
        Assert.Equal($"byte {file.Bytes.Length}", problem.Record);
        Assert.Contains("ends inside the record header", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warc_gz_cut_inside_a_gzip_member_header_is_reported_at_that_member()
    {
        var file = SyntheticNews.Crawl(2).Build(WarcLayout.GzipPerRecord);
        var next = WarcWriter.Gzip(SyntheticNews.Crawl(3).Records[^2]);
        var outcomes = WarcRead.All([.. file.Bytes, .. next[..6]]);

        Assert.Equal(2, outcomes.Articles().Count);
        var problem = Assert.Single(outcomes.Problems());
        Assert.Equal($"byte {file.Bytes.Length}", problem.Record);
        Assert.Contains("cut off", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WarcLayout.Plain)]
    [InlineData(WarcLayout.GzipWholeFile)]
    public void A_plain_or_whole_file_gzip_warc_cut_mid_record_reports_the_record_offset(WarcLayout layout)
    {
        var writer = SyntheticNews.Crawl(4);
        var plain = writer.Build(WarcLayout.Plain);
        var lastResponse = plain.RecordOffsets[^2];
        var cutPlain = plain.Bytes[..(int)(lastResponse + 300)];
        var bytes = layout == WarcLayout.Plain ? cutPlain : WarcWriter.Gzip(cutPlain)[..^8];
        var outcomes = WarcRead.All(bytes);

        Assert.Equal(3, outcomes.Articles().Count);
        var problem = Assert.Single(outcomes.Problems());
        Assert.Equal(layout == WarcLayout.Plain ? $"byte {lastResponse}" : $"byte {lastResponse} of the decompressed stream", problem.Record);
        Assert.Contains("cut off", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WarcLayout.GzipPerRecord)]
    [InlineData(WarcLayout.GzipWholeFile)]
    [InlineData(WarcLayout.Plain)]
    public void Every_cut_point_ends_with_at_most_one_problem_and_a_prefix_of_the_articles(WarcLayout layout)
    {
        var file = SyntheticNews.Crawl(3).Build(layout);
        var all = WarcRead.All(file.Bytes).Articles().Select(a => a.Url).ToList();
        var clock = Stopwatch.StartNew();
        // From the first header line on: a file cut before "WARC/1.1\r\n" (or its gzip header) is not recognisable as a WARC.
        for (var length = 24; length < file.Bytes.Length; length += 97)
        {
            var outcomes = WarcRead.All(file.Bytes[..length]);
            var urls = outcomes.Articles().Select(a => a.Url).ToList();
            Assert.Equal(all.Take(urls.Count), urls);
            Assert.True(outcomes.Problems().Count <= 1, $"cut at {length}: {string.Join("; ", outcomes.Problems())}");
            Assert.All(outcomes.Problems(), p => Assert.Matches(@"^byte \d+", p.Record!));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"cutting took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("extra")]
    [InlineData("comment")]
    [InlineData("header-crc")]
    [InlineData("all")]
    public void Gzip_members_with_optional_header_fields_are_read_and_offsets_stay_exact(string variant)
    {
        var w = SyntheticNews.Crawl(2);
        var all = variant == "all";
        using var ms = new MemoryStream();
        var offsets = new List<long>();
        foreach (var r in w.Records)
        {
            offsets.Add(ms.Position);
            ms.Write(WarcWriter.GzipWithHeaderFields(r,
                name: all || variant == "name" ? "record.warc" : null,
                extra: all || variant == "extra" ? [0x43, 0x43, 4, 0, 1, 2, 3, 4] : null,
                comment: all || variant == "comment" ? "written by a test" : null,
                headerCrc: all || variant == "header-crc"));
        }

        var outcomes = WarcRead.All(ms.ToArray());
        Assert.Empty(outcomes.Problems());
        Assert.Equal([offsets[2], offsets[5]], outcomes.Articles().Select(a => a.Origin.Offset!.Value));
    }

    [Fact]
    public void Several_records_per_gzip_member_and_empty_members_are_read()
    {
        var w = SyntheticNews.Crawl(3);
        var r = w.Records;
        byte[] bytes =
        [
            .. WarcWriter.Gzip([.. r[0], .. r[1], .. r[2]]), // warcinfo + request + response in one member
            .. WarcWriter.EmptyGzipMember,
            .. WarcWriter.Gzip([.. r[3], .. r[4], .. r[5], .. r[6]]),
            .. r.Skip(7).SelectMany(WarcWriter.Gzip),
            .. WarcWriter.EmptyGzipMember,
            .. WarcWriter.EmptyGzipMember,
        ];
        var outcomes = WarcRead.All(bytes);
        Assert.Empty(outcomes.Problems());
        Assert.Equal(3, outcomes.Articles().Count);

        // Records inside a member have no file offset of their own: their offset is in the decompressed stream.
        // A record that starts a member (after an empty one) has its member's file offset.
        var memberB = WarcWriter.Gzip([.. r[0], .. r[1], .. r[2]]).Length + WarcWriter.EmptyGzipMember.Length;
        var memberR8 = memberB + WarcWriter.Gzip([.. r[3], .. r[4], .. r[5], .. r[6]]).Length + WarcWriter.Gzip(r[7]).Length;
        Assert.Equal([r[0].Length + r[1].Length, r.Take(5).Sum(x => x.Length), memberR8], outcomes.Articles().Select(a => a.Origin.Offset!.Value));
    }

    [Theory]
    [InlineData(WarcLayout.GzipPerRecord)]
    [InlineData(WarcLayout.GzipWholeFile)]
    [InlineData(WarcLayout.Plain)]
    public void Trailing_garbage_after_the_last_record_yields_every_record_then_one_problem_at_the_garbage(WarcLayout layout)
    {
        var file = SyntheticNews.Crawl(3).Build(layout);
        var garbage = "this is not a WARC record\n"u8.ToArray();
        var outcomes = WarcRead.All([.. file.Bytes, .. garbage]);

        Assert.Equal(3, outcomes.Articles().Count);
        var problem = Assert.Single(outcomes.Problems());
        Assert.Same(problem, outcomes[^1].Problem);
        Assert.Equal($"byte {file.Bytes.Length}", problem.Record); // a file offset in every layout: the garbage is outside the gzip data
        Assert.Contains("trailing garbage", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_gzip_member_in_the_middle_yields_the_records_before_it_then_one_problem()
    {
        var file = SyntheticNews.Crawl(4).Build(WarcLayout.GzipPerRecord);
        var bad = file.Bytes.ToArray();
        var target = file.RecordOffsets[8]; // the third page's response
        for (var i = target + 30; i < target + 60; i++)
        {
            bad[i] ^= 0x5A;
        }

        var outcomes = WarcRead.All(bad);
        Assert.Equal(2, outcomes.Articles().Count);
        var problem = Assert.Single(outcomes.Problems());
        Assert.Equal($"byte {target}", problem.Record);
        Assert.Contains("corrupt", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_content_length_stops_the_file_with_a_clear_reason()
    {
        var w = SyntheticNews.Crawl(1).Raw("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"u8.ToArray());
        var file = w.Build(WarcLayout.Plain);
        var outcomes = WarcRead.All(file.Bytes, name: "x.warc");
        Assert.Single(outcomes.Articles());
        var problem = Assert.Single(outcomes.Problems());
        Assert.Equal($"byte {file.RecordOffsets[^1]}", problem.Record);
        Assert.Contains("no valid Content-Length", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_over_the_size_cap_is_reported_and_skipped_and_the_stream_continues()
    {
        var big = new byte[3 * 1024 * 1024];
        var w = new WarcWriter()
            .Response(SyntheticNews.Url(1), WarcWriter.HttpResponse(big, "text/html"))
            .Response(SyntheticNews.Url(2), WarcWriter.HttpResponse(Encoding.UTF8.GetBytes(SyntheticNews.Page(2))));
        var outcomes = WarcRead.All(w.Build(WarcLayout.GzipPerRecord).Bytes, new ExtractionOptions { MaxWarcRecordBytes = 1024 * 1024 });

        var problem = Assert.Single(outcomes.Problems());
        Assert.Equal("byte 0", problem.Record);
        Assert.Contains("larger than the 1.0 MiB limit for one WARC record", problem.Reason, StringComparison.Ordinal);
        Assert.Single(outcomes.Articles());
    }

    [Fact]
    public void Random_corruption_never_throws_and_ends_with_at_most_one_framing_problem()
    {
        var file = SyntheticNews.Crawl(3).Build(WarcLayout.GzipPerRecord);
        var random = new Random(3);
        for (var run = 0; run < 60; run++)
        {
            var bytes = file.Bytes.ToArray();
            for (var k = 0; k < 1 + (run % 4); k++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var outcomes = WarcRead.All(bytes);
            Assert.True(outcomes.Count(o => o.Problem is not null) <= 2, string.Join("; ", outcomes.Problems()));
        }
    }

    [Fact]
    public void A_gzip_file_that_is_not_a_warc_is_reported_as_unsupported()
    {
        var outcome = Assert.Single(WarcRead.All(WarcWriter.Gzip("just some text, gzipped\n"u8.ToArray()), name: "notes.txt.gz"));
        Assert.Equal("gzip-compressed input that is not a WARC file is not supported", outcome.Problem!.Reason);
    }
}
