using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Core.Articles;
using Dateline.Testing;
using Parquet;
using Parquet.Serialization;

namespace Dateline.Cli.Tests;

public sealed class ParquetExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_are_written_in_row_groups_as_they_stream_and_all_come_back()
    {
        static async IAsyncEnumerable<Article> Articles()
        {
            for (var i = 0; i < 25; i++)
            {
                await Task.Yield();
                yield return new Article
                {
                    Id = $"a{i:00}",
                    Origin = new ArticleOrigin("in.jsonl", i),
                    Title = $"Story {i}",
                    Published = ArticleDate.Parse($"2025-06-{i % 28 + 1:00}"),
                    Paragraphs = [$"Paragraph of story {i}."],
                    Authors = i % 2 == 0 ? ["Aiko Tanaka", "Min-jun Kim"] : [],
                    Tags = i % 5 == 0 ? ["Politics"] : [],
                };
            }
        }

        using var stream = new MemoryStream();
        var written = await ParquetExport.WriteAsync(Articles(), ParquetExport.Row, stream, Ct, groupSize: 10);

        Assert.Equal(25, written);
        stream.Position = 0;
        await using (var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: Ct))
        {
            Assert.Equal(3, reader.RowGroupCount);
        }

        stream.Position = 0;
        var back = (await ParquetSerializer.DeserializeAsync<ParquetExport.ArticleRow>(stream, cancellationToken: Ct)).Data;
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"a{i:00}"), back.Select(r => r.Id));
        Assert.Equal(["Aiko Tanaka", "Min-jun Kim"], back[0].Authors);
        Assert.Empty(back[1].Authors);
        Assert.Equal(["Politics"], back[5].Tags);
        Assert.Equal(new DateOnly(2025, 6, 4), back[3].PublishedDate);
        Assert.Equal("Paragraph of story 24.", back[24].Body);
    }

    [Fact]
    public async Task An_empty_export_is_a_valid_file_with_the_columns_and_no_rows()
    {
        using var stream = new MemoryStream();
        Assert.Equal(0, await ParquetExport.WriteAsync(AsyncEnumerable.Empty<Article>(), ParquetExport.Row, stream, Ct));
        stream.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: Ct);
        Assert.Contains("published_date", reader.Schema.Fields.Select(f => f.Name));
        Assert.Equal(0, Enumerable.Range(0, reader.RowGroupCount).Sum(g => reader.OpenRowGroupReader(g).RowCount));
    }

    [Fact]
    public async Task Export_and_events_write_parquet_files_that_match_the_other_formats()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync(tmp.Path, "ingest", RepoPaths.Samples)).ExitCode);
        var lines = (await Cli.RunAsync(tmp.Path, "export", "--format", "jsonl")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var r = await Cli.RunAsync(tmp.Path, "export", "--format", "parquet", "--out", "all.parquet");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"exported {lines.Length} to all.parquet", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp.File("all.parquet.partial")));
        await using (var file = File.OpenRead(tmp.File("all.parquet")))
        {
            var rows = (await ParquetSerializer.DeserializeAsync<ParquetExport.ArticleRow>(file, cancellationToken: Ct)).Data;
            Assert.Equal(lines.Length, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var line = JsonDocument.Parse(lines[i]).RootElement;
                Assert.Equal(line.GetProperty("id").GetString(), rows[i].Id);
                Assert.Equal(line.GetProperty("title").GetString(), rows[i].Title);
                Assert.Equal(line.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!), rows[i].Authors);
                Assert.Equal(line.GetProperty("tags").EnumerateArray().Select(a => a.GetString()!), rows[i].Tags);
            }
        }

        var json = (await Cli.RunAsync(tmp.Path, "events", "--all", "--format", "json")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var e = await Cli.RunAsync(tmp.Path, "events", "--all", "--format", "parquet", "--out", "events.parquet");
        Assert.True(e.ExitCode == 0, e.ToString());
        await using (var file = File.OpenRead(tmp.File("events.parquet")))
        {
            var events = (await ParquetSerializer.DeserializeAsync<ParquetExport.EventRow>(file, cancellationToken: Ct)).Data;
            Assert.True(events.Count > 0);
            Assert.Equal(json.Select(j => j.GetProperty("id").GetInt64()), events.Select(x => x.Id));
            Assert.Equal(json.Select(j => j.GetProperty("cameo").GetString()!), events.Select(x => x.Cameo));
            Assert.Equal(json.Select(j => j.GetProperty("goldstein").GetDouble()), events.Select(x => x.Goldstein));
            Assert.Equal(json.Select(j => j.GetProperty("date").GetString()), events.Select(x => x.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var refused = await Cli.RunAsync(tmp.Path, "export", "--format", "parquet");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--out", refused.Stderr, StringComparison.Ordinal);
    }
}
