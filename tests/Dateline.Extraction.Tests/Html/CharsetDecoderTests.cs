using System.Text;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.Tests.Html;

public sealed class CharsetDecoderTests
{
    static CharsetDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Bom_wins_over_everything()
    {
        var r = CharsetDecoder.Decode([0xEF, 0xBB, 0xBF, .. "<meta charset=\"iso-8859-1\">é"u8.ToArray()], "shift_jis");
        Assert.Equal(("utf-8", "bom"), (r.Charset, r.Source));
        Assert.EndsWith("é", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_header_wins_over_a_conflicting_meta()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("<meta charset=\"utf-8\"><p>Привет</p>");
        var r = CharsetDecoder.Decode(bytes, "windows-1251");
        Assert.Equal(("windows-1251", "http"), (r.Charset, r.Source));
        Assert.Contains("Привет", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gb2312_meta_after_a_long_ascii_head_is_found()
    {
        var head = "<html><head>" + string.Concat(Enumerable.Repeat("<script>var x = 1;</script>\n", 400));
        var bytes = Encoding.GetEncoding(936).GetBytes(head + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>中国外交部</p></body></html>");
        Assert.True(bytes.Length > 10_000);
        var r = CharsetDecoder.Decode(bytes);
        Assert.Equal(("gbk", "meta"), (r.Charset, r.Source));
        Assert.Contains("中国外交部", r.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latin1", "windows-1252")]
    [InlineData("ISO-8859-1", "windows-1252")]
    [InlineData("\"utf8\"", "utf-8")]
    [InlineData("x-sjis", "shift_jis")]
    [InlineData("ks_c_5601-1987", "euc-kr")]
    [InlineData("no-such-charset", null)]
    public void Normalises_garbled_labels(string label, string? canonical) => Assert.Equal(canonical, CharsetDecoder.Normalize(label));

    [Fact]
    public void Without_declarations_valid_utf8_is_detected_and_other_bytes_fall_back_to_windows_1252()
    {
        Assert.Equal(("utf-8", "detected"), Pick(CharsetDecoder.Decode("<p>Café</p>"u8)));
        var latin = CharsetDecoder.Decode([.. "<p>Caf"u8.ToArray(), 0xE9, .. "</p>"u8.ToArray()]);
        Assert.Equal(("windows-1252", "default"), Pick(latin));
        Assert.Contains("Café", latin.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_under_a_utf8_declaration_is_decoded_with_a_warning()
    {
        var r = CharsetDecoder.Decode([.. "<meta charset=utf-8><p>ab"u8.ToArray(), 0xFF, .. "cd</p>"u8.ToArray()]);
        Assert.Equal(("utf-8", "meta"), Pick(r));
        Assert.Contains("invalid UTF-8 at byte", r.Warning, StringComparison.Ordinal);
        Assert.Contains("ab\uFFFDcd", r.Text, StringComparison.Ordinal);
    }

    private static (string, string) Pick(CharsetDecoder.Result r) => (r.Charset, r.Source);
}
