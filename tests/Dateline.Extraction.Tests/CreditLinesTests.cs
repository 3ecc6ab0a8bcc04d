using Dateline.Extraction.Metadata;

namespace Dateline.Extraction.Tests;

public sealed class CreditLinesTests
{
    [Theory]
    [InlineData("© KYODO", "Kyodo")]
    [InlineData("(Reuters)", "Reuters")]
    [InlineData("© 2025 AFP", "AFP")]
    [InlineData("© 2025 The Associated Press. All rights reserved.", "AP")]
    [InlineData("-- Yonhap", "Yonhap")]
    [InlineData("© Jiji Press", "Jiji")]
    [InlineData("Copyright 2025 Xinhua News Agency", "Xinhua")]
    [InlineData("(Reporting by Jane Doe; Editing by John Roe)", null)]
    [InlineData("© 2025 Japan Today", null)]
    [InlineData("(END)", null)]
    public void Recognises_closing_credits(string line, string? wire)
    {
        var credit = CreditLines.Classify(line);
        Assert.NotNull(credit);
        Assert.Equal(wire, credit.Wire);
    }

    [Theory]
    [InlineData("The talks ended on Friday.")]
    [InlineData("Reuters reported that the talks ended.")]
    [InlineData("\"We will cooperate,\" he said.")]
    public void Story_text_is_not_a_credit(string line) => Assert.False(CreditLines.IsCredit(line));
}
