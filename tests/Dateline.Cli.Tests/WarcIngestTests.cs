using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dateline.Testing;
using Dateline.Testing.Warc;
using Microsoft.Data.Sqlite;

namespace Dateline.Cli.Tests;

/// <summary><c>dateline ingest</c> on WARC files: skipped-record summary, filters, and resume without duplicates.</summary>
[Trait("issue", "3")]
public sealed class WarcIngestTests
{
    private static long Count(string db, string sql = "SELECT COUNT(*) FROM articles")
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static JsonElement Report(TempFolder tmp, string name) => JsonDocument.Parse(File.ReadAllText(tmp.File(name))).RootElement;

    [Fact]
    public async Task Ingesting_a_warc_gz_stores_its_articles_and_lists_skipped_records_by_kind()
    {
        using var tmp = new TempFolder();
        var w = SyntheticNews.Crawl(4).Revisit(SyntheticNews.Url(1))
            .Response("https://news.example.com/logo.png", WarcWriter.HttpResponse([0x89, 0x50, 0x4E, 0x47], "image/png"));
        tmp.Write("crawl.warc.gz", w.Build(WarcLayout.GzipPerRecord).Bytes);

        var r = await Cli.RunAsync(tmp.Path, "ingest", "crawl.warc.gz", "--report", "r.json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("WARC records skipped: metadata 4, request 4, non-HTML 1, revisit 1, warcinfo 1", r.Stdout, StringComparison.Ordinal);
        var report = Report(tmp, "r.json");
        Assert.Equal(4, report.GetProperty("inserted").GetInt64());
        Assert.Equal(4, report.GetProperty("skipped_records").GetProperty("WARC").GetProperty("request").GetInt64());
        Assert.Equal(0, report.GetProperty("problems").GetArrayLength());
        Assert.Equal(4, Count(tmp.File("dateline.db"), "SELECT COUNT(*) FROM article_json WHERE json LIKE '%\"crawled\":\"2025-06-04T09:3%'"));
    }

    [Fact]
    public async Task A_cut_warc_is_reported_with_its_byte_offset_and_the_completed_file_resumes_without_duplicates()
    {
        using var tmp = new TempFolder();
        var full = SyntheticNews.Crawl(6).Build(WarcLayout.GzipPerRecord);
        var cutAt = full.RecordOffsets[11]; // inside the fourth page's response (record 11: warcinfo + 3 × 3, + its request)
        tmp.Write("crawl.warc.gz", full.Bytes[..(int)(cutAt + 200)]);

        var first = await Cli.RunAsync(tmp.Path, "ingest", "crawl.warc.gz", "--report", "r1.json");
        Assert.True(first.ExitCode == 3, first.ToString());
        var problem = Assert.Single(Report(tmp, "r1.json").GetProperty("problems").EnumerateArray());
        Assert.Equal($"byte {cutAt}", problem.GetProperty("record").GetString());
        Assert.Contains($"crawl.warc.gz [byte {cutAt}]: the file ends inside the gzip member", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, Count(tmp.File("dateline.db")));

        tmp.Write("crawl.warc.gz", full.Bytes); // the crawler finished the file; the cut one was never ledgered
        var second = await Cli.RunAsync(tmp.Path, "ingest", "crawl.warc.gz", "--report", "r2.json");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(3, Report(tmp, "r2.json").GetProperty("inserted").GetInt64());
        Assert.Equal(3, Report(tmp, "r2.json").GetProperty("duplicates").GetInt64());

        var forced = await Cli.RunAsync(tmp.Path, "ingest", "crawl.warc.gz", "--force", "--report", "r3.json");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(0, Report(tmp, "r3.json").GetProperty("inserted").GetInt64());
        Assert.Equal(6, Report(tmp, "r3.json").GetProperty("duplicates").GetInt64());
        Assert.Equal(6, Count(tmp.File("dateline.db")));
    }

    [Fact]
    public async Task Kill_9_mid_warc_ingest_and_a_rerun_store_every_page_once()
    {
        const int pages = 3000;
        using var tmp = new TempFolder();
        var input = tmp.Write("big.warc.gz", SyntheticNews.Crawl(pages).Build(WarcLayout.GzipPerRecord).Bytes);
        var db = tmp.File("dateline.db");
        using (var p = Process.Start(Cli.StartInfo(tmp.Path, "ingest", input))!)
        {
            _ = p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            _ = p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(90) && !p.HasExited)
            {
                await Task.Delay(25, TestContext.Current.CancellationToken);
                try
                {
                    if (File.Exists(db) && Count(db) > 0)
                    {
                        break;
                    }
                }
                catch (SqliteException)
                {
                    // schema not created yet
                }
            }

            Assert.False(p.HasExited, "the ingest finished before it could be killed; make the input larger");
            p.Kill();
            await p.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var afterKill = Count(db);
        Assert.InRange(afterKill, 1, pages - 1);
        var rerun = await Cli.RunAsync(tmp.Path, "ingest", input, "--report", "r.json");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(pages - afterKill, Report(tmp, "r.json").GetProperty("inserted").GetInt64());
        Assert.Equal(afterKill, Report(tmp, "r.json").GetProperty("duplicates").GetInt64());
        Assert.Equal(pages, Count(db));
        Assert.Equal(pages, Count(db, "SELECT COUNT(DISTINCT url) FROM articles"));
    }

    [Fact]
    public async Task Warc_filters_on_the_command_line_behave_as_in_the_library()
    {
        using var tmp = new TempFolder();
        var w = new WarcWriter()
            .Page("https://www.example.org/a", SyntheticNews.Page(1), new DateTimeOffset(2025, 6, 3, 12, 0, 0, TimeSpan.Zero))
            .Page("https://news.example.org/b", SyntheticNews.Page(2), new DateTimeOffset(2025, 6, 4, 12, 0, 0, TimeSpan.Zero))
            .Page("https://other.example.net/c", SyntheticNews.Page(3), new DateTimeOffset(2025, 6, 4, 13, 0, 0, TimeSpan.Zero))
            .Page("https://example.org/d", SyntheticNews.Page(4, lang: "de"), new DateTimeOffset(2025, 6, 5, 12, 0, 0, TimeSpan.Zero));
        tmp.Write("crawl.warc", w.Build(WarcLayout.Plain).Bytes);

        var r = await Cli.RunAsync(tmp.Path, "ingest", "crawl.warc", "--from", "2025-06-04", "--to", "2025-06-05",
            "--host", "example.org", "--host", "nothing.test", "--language", "en", "--report", "r.json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("outside --from/--to 1", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("other host 1", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("other language 1", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, Report(tmp, "r.json").GetProperty("inserted").GetInt64());
        Assert.Equal(1, Count(tmp.File("dateline.db"), "SELECT COUNT(*) FROM articles WHERE url = 'https://news.example.org/b'"));
    }

    [Theory]
    [InlineData("--from", "4 June")]
    [InlineData("--to", "2025-13-01")]
    public async Task A_bad_filter_date_is_a_usage_error(string option, string value)
    {
        using var tmp = new TempFolder();
        var r = await Cli.RunAsync(tmp.Path, "ingest", tmp.Path, option, value);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains($"{option} '{value}' is not a date", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_file_that_is_not_a_warc_is_skipped_with_a_reason()
    {
        using var tmp = new TempFolder();
        tmp.Write("in/notes.txt.gz", WarcWriter.Gzip("some notes\n"u8.ToArray()));
        tmp.Write("in/crawl.warc.gz", SyntheticNews.Crawl(1).Build(WarcLayout.GzipWholeFile).Bytes);
        var r = await Cli.RunAsync(tmp.Path, "ingest", "in", "--report", "r.json");
        Assert.True(r.ExitCode == 3, r.ToString());
        Assert.Contains("notes.txt.gz: gzip-compressed input that is not a WARC file is not supported", r.Stdout, StringComparison.Ordinal);
        Assert.Single(Report(tmp, "r.json").GetProperty("problems").EnumerateArray());
        Assert.Equal(1, Count(tmp.File("dateline.db")));
    }
}
