using System.Text;
using Dateline.Extraction.Reading;
using Dateline.Testing;

namespace Dateline.Extraction.Tests;

/// <summary>Bad inputs become reported outcomes with the file and a reason, never exceptions.</summary>
public sealed class BadInputTests
{
    private static readonly string Bad = Path.Combine(AppContext.BaseDirectory, "Fixtures", "bad");

    [Theory]
    [InlineData("empty.txt", "empty file")]
    [InlineData("binary.bin", "binary content")]
    [InlineData("only-header.txt", "no body text")]
    public void Unusable_file_is_reported_with_path_and_reason(string file, string reason)
    {
        var path = Path.Combine(Bad, file);
        var outcome = Assert.Single(new ArticleExtractor().ReadFile(path, TestContext.Current.CancellationToken));
        Assert.Null(outcome.Article);
        Assert.Equal(path, outcome.Problem!.Path);
        Assert.Contains(reason, outcome.Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_ingested_with_a_warning_naming_the_byte()
    {
        var outcome = Assert.Single(new ArticleExtractor().ReadFile(Path.Combine(Bad, "invalid-utf8.txt"), TestContext.Current.CancellationToken));
        var a = outcome.Article!;
        Assert.Contains('\uFFFD', a.Body);
        var warning = Assert.Single(a.Warnings, w => w.Contains("invalid UTF-8", StringComparison.Ordinal));
        Assert.Contains("at byte 389", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        using var tmp = new TempFolder();
        var outcome = Assert.Single(new ArticleExtractor().ReadFile(tmp.File("nope.txt"), TestContext.Current.CancellationToken));
        Assert.Equal("file not found", outcome.Problem!.Reason);
    }

    [Fact]
    public void Document_over_the_size_cap_is_skipped_with_the_sizes_in_the_reason()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("big.txt", " date 2025-06-04  Big Paper\n\nHeadline\n\n" + new string('x', 5000) + ".\n");
        var extractor = new ArticleExtractor(new ExtractionOptions { MaxDocumentBytes = 1024 });
        var outcome = Assert.Single(extractor.ReadFile(path, TestContext.Current.CancellationToken));
        Assert.Contains("larger than the 1.0 KiB limit", outcome.Problem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_line_over_the_record_cap_is_skipped_and_later_lines_still_read()
    {
        using var tmp = new TempFolder();
        var big = "{\"title\":\"T\",\"text\":\"" + new string('y', 4000) + "\"}";
        var path = tmp.Write("x.jsonl", big + "\n{\"title\":\"Small\",\"text\":\"A short story about talks.\"}\n");
        var outcomes = new ArticleExtractor(new ExtractionOptions { MaxRecordBytes = 1000 }).ReadFile(path, TestContext.Current.CancellationToken).ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.Contains("longer than", outcomes[0].Problem!.Reason, StringComparison.Ordinal);
        Assert.Equal("Small", outcomes[1].Article!.Title);
        Assert.Equal(big.Length + 1, outcomes[1].Article!.Origin.Offset);
    }

    [Fact]
    public void Pretty_printed_json_array_is_read_as_records()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("x.json", "[\n  {\"title\": \"One\", \"text\": \"First story.\"},\n  {\"title\": \"Two\", \"text\": \"Second story.\"},\n  42\n]\n");
        var outcomes = new ArticleExtractor().ReadFile(path, TestContext.Current.CancellationToken).ToList();
        Assert.Equal(["One", "Two"], outcomes.Where(o => o.Article is not null).Select(o => o.Article!.Title));
        Assert.Contains("item 2", outcomes[2].Problem!.Record, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_garbage_lines_stops_after_a_bounded_number_of_reports()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("junk.jsonl", string.Concat(Enumerable.Repeat("{not json}\n", 500)));
        var outcomes = new ArticleExtractor().ReadFile(path, TestContext.Current.CancellationToken).ToList();
        Assert.InRange(outcomes.Count, 2, 30);
        Assert.Contains("does not look like JSON Lines", outcomes[^1].Problem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_text_with_bom_is_decoded()
    {
        using var tmp = new TempFolder();
        var text = " date 2025-06-04  Paper\n\nHeadline here\n\nSEOUL\n\nThe ministers met on Tuesday.\n";
        var path = tmp.Write("u16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        var a = Assert.Single(new ArticleExtractor().ReadFile(path, TestContext.Current.CancellationToken)).Article!;
        Assert.Equal("SEOUL", a.Dateline);
        Assert.Equal("The ministers met on Tuesday.", Assert.Single(a.Paragraphs));
    }

    [Fact]
    public void An_html_page_over_the_size_cap_is_cut_kept_and_marked_truncated()
    {
        using var tmp = new TempFolder();
        var story = "<p>Officials from both countries met on Tuesday to discuss the fisheries agreement and shipping lanes.</p>";
        var path = tmp.Write("big.html", "<html lang=\"en\"><body><article>" + string.Concat(Enumerable.Repeat(story, 200)) + "</article></body></html>");
        var extractor = new ArticleExtractor(new ExtractionOptions { MaxDocumentBytes = 4096 });
        var a = Assert.Single(extractor.ReadFile(path, TestContext.Current.CancellationToken)).Article!;
        Assert.True(a.Truncated);
        Assert.InRange(a.Paragraphs.Length, 10, 60);
        Assert.Contains(a.Warnings, w => w.Contains("only its first 4.0 KiB", StringComparison.Ordinal));
    }
}
