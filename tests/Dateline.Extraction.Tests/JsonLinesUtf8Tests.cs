using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Tests;

/// <summary>
/// Found by fuzzing (fuzz/corpus/jsonl/crashes-*): a JSON line whose string holds invalid UTF-8 parsed, then threw when
/// the text was read, and the extractor's guard ended the whole file there. Now the bytes are replaced and the record
/// kept with a warning; the lines after it are read.
/// </summary>
public sealed class JsonLinesUtf8Tests
{
    [Fact]
    public void A_line_with_invalid_utf8_is_kept_with_a_warning_and_the_rest_of_the_file_is_read()
    {
        byte[] bad = [.. "{\"title\":\"Caf"u8, 0xC3, 0x28, .. " talks\",\"text\":\"Ministers met on Monday in Paris to discuss the budget.\"}\n"u8];
        byte[] good = [.. "{\"title\":\"Second\",\"text\":\"Leaders met again on Tuesday in Rome to discuss trade.\"}\n"u8];

        var outcomes = new ArticleExtractor().Read(InputFile.FromBytes("in.jsonl", [.. bad, .. good]), TestContext.Current.CancellationToken).ToList();

        Assert.All(outcomes, o => Assert.Null(o.Problem));
        Assert.Equal(2, outcomes.Count);
        var first = outcomes[0].Article!;
        Assert.Equal("Caf\uFFFD( talks", first.Title);
        Assert.Contains("invalid UTF-8 bytes replaced with U+FFFD", first.Warnings);
        Assert.Equal("Second", outcomes[1].Article!.Title);
        Assert.Empty(outcomes[1].Article!.Warnings);
    }
}
