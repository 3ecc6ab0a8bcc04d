using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary>`annotate` on JSON Lines reports each bad line and annotates the rest, as `ingest` does.</summary>
[Trait("issue", "14")]
public sealed class AnnotateJsonlTests
{
    private const string Input = """
        {"id":"a","text":"Ishiba met Lee in Seoul."}
        {"id":"b","text":"A bad date.","date":"121108"}
        not json
        {"id":"d","note":"no text"}
        {"id":"e","text":"Seoul protested.","date":"2025-06-04"}

        """;

    [Fact]
    public async Task A_document_longer_than_the_analysis_limit_is_annotated_in_part_with_a_warning()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("long.jsonl");
        var text = string.Join("\\n\\n", Enumerable.Range(1, 20).Select(i => $"Paragraph {i}: Shigeru Ishiba met Lee Jae-myung in Seoul."));
        await File.WriteAllTextAsync(path, "{\"id\":\"short\",\"text\":\"Seoul protested.\"}\n{\"id\":\"long\",\"text\":\"" + text + "\"}\n",
            TestContext.Current.CancellationToken);

        var r = await Cli.RunAsync(tmp.Path, "annotate", path, "--input-format", "jsonl", "--output-format", "jsonl", "--analysis-limit", "150");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"{path} [line 2]: analysis limited to the first ", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("[line 1]", r.Stderr, StringComparison.Ordinal);
        var docs = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.False(docs[0].TryGetProperty("analysed_characters", out _));
        Assert.InRange(docs[1].GetProperty("analysed_characters").GetInt32(), 1, 150);
        Assert.True(docs[1].GetProperty("text_characters").GetInt32() > 900);
        Assert.All(docs[1].GetProperty("sentences").EnumerateArray(), s => Assert.True(s.GetProperty("end").GetInt32() <= 150));
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("json")]
    public async Task Bad_lines_are_reported_with_file_and_line_and_the_good_ones_annotated(string format)
    {
        using var tmp = new TempFolder();
        var path = tmp.File("in.jsonl");
        await File.WriteAllTextAsync(path, Input, TestContext.Current.CancellationToken);

        var r = await Cli.RunAsync(tmp.Path, "annotate", path, "--input-format", "jsonl", "--output-format", format);

        Assert.True(r.ExitCode == 3, r.ToString());
        Assert.Contains($"{path} [line 2]: date '121108' is not YYYY-MM-DD", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{path} [line 3]: not a JSON object with a \"text\" string", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{path} [line 4]: not a JSON object with a \"text\" string", r.Stderr, StringComparison.Ordinal);
        var ids = format == "jsonl"
            ? r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString())
            : JsonDocument.Parse(r.Stdout).RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString());
        Assert.Equal(["a", "e"], ids);
    }

    [Fact]
    public async Task Only_bad_lines_give_an_empty_json_array_and_exit_3()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("in.jsonl");
        await File.WriteAllTextAsync(path, "nope\n", TestContext.Current.CancellationToken);
        var r = await Cli.RunAsync(tmp.Path, "annotate", path, "--input-format", "jsonl");
        Assert.True(r.ExitCode == 3, r.ToString());
        Assert.Equal(0, JsonDocument.Parse(r.Stdout).RootElement.GetArrayLength());
    }
}
