using Dateline.Core.Serialization;

namespace Dateline.Core.Tests;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-5.0", "-5.0")]
    [InlineData("+3", "+3")]
    [InlineData("", "")]
    public void Fields_are_quoted_when_needed_and_formulas_stay_text(string value, string expected) =>
        Assert.Equal(expected, Csv.Field(value));

    [Fact]
    public void Null_is_an_empty_field_and_rows_join_with_commas() =>
        Assert.Equal("a,,\"b,c\"", Csv.Row(["a", null, "b,c"]));
}
