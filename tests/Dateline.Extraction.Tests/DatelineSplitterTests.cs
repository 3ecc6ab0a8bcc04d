using Dateline.Extraction.Metadata;

namespace Dateline.Extraction.Tests;

public sealed class DatelineSplitterTests
{
    [Theory]
    // paragraph, place, wire, rest starts
    [InlineData("SEOUL (Yonhap) -- South Korea said", "SEOUL", "Yonhap", "South Korea said")]
    [InlineData("BEIJING (Reuters) - China on Monday", "BEIJING", "Reuters", "China on Monday")]
    [InlineData("WASHINGTON — The United States", "WASHINGTON", null, "The United States")]
    [InlineData("NEW YORK, June 4 (AP) — Diplomats", "NEW YORK", "AP", "Diplomats")]
    [InlineData("UNITED NATIONS (AFP) - The council", "UNITED NATIONS", "AFP", "The council")]
    [InlineData("TOKYO, June 5 (Kyodo) -- Japan", "TOKYO", "Kyodo", "Japan")]
    [InlineData("ST. PETERSBURG — Officials", "ST. PETERSBURG", null, "Officials")]
    [InlineData("GENEVA (The Associated Press) — Talks", "GENEVA", "AP", "Talks")]
    [InlineData("LONDON (CNN) — The prime minister", "LONDON", "CNN", "The prime minister")]
    public void Splits_inline_datelines(string paragraph, string place, string? wire, string rest)
    {
        var split = DatelineSplitter.SplitInline(paragraph);
        Assert.NotNull(split);
        Assert.Equal(place, split.Place);
        Assert.Equal(wire, split.Wire);
        Assert.Equal(rest, split.Rest);
    }

    [Theory]
    [InlineData("The minister said - after a pause - that talks would go on.")] // no upper-case place
    [InlineData("US - China talks resumed on Monday.")]                         // two letters, no agency: too weak
    [InlineData("Japan and South Korea agreed on Tuesday.")]
    [InlineData("\"WE WILL NOT BACK DOWN,\" the minister said.")]               // quote, not a place
    [InlineData("NATO")]                                                        // no dash or text after it
    public void Leaves_ordinary_paragraphs_alone(string paragraph) => Assert.Null(DatelineSplitter.SplitInline(paragraph));

    [Theory]
    [InlineData("TOKYO", "TOKYO", null)]
    [InlineData("NEW YORK", "NEW YORK", null)]
    [InlineData("SEOUL, June 4", "SEOUL", null)]
    [InlineData("BEIJING (Xinhua)", "BEIJING", "Xinhua")]
    [InlineData("KANANASKIS, Canada", "KANANASKIS", null)]
    [InlineData("SEOUL, South Korea (AP)", "SEOUL", "AP")]
    public void Reads_dateline_lines(string line, string place, string? wire)
    {
        var split = DatelineSplitter.ParseLine(line);
        Assert.NotNull(split);
        Assert.Equal(place, split.Place);
        Assert.Equal(wire, split.Wire);
    }

    [Theory]
    [InlineData("politics")]
    [InlineData("1 Comment")]
    [InlineData("© KYODO")]
    [InlineData("(Reuters)")]
    [InlineData("Ishiba expresses hope for stable ties")]
    public void Rejects_non_dateline_lines(string line) => Assert.Null(DatelineSplitter.ParseLine(line));
}
