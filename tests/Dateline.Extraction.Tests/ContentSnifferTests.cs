using System.Text;
using Dateline.Extraction.Reading;
using Dateline.Extraction.Sniffing;

namespace Dateline.Extraction.Tests;

public sealed class ContentSnifferTests
{
    [Theory]
    [InlineData("", InputKind.Empty)]
    [InlineData("   \n\n", InputKind.Empty)]
    [InlineData(" date 2025-06-04  Japan Today\nAlt\n", InputKind.TextDump)]
    [InlineData("date 2025-06-04\tPaper\n", InputKind.TextDump)]
    [InlineData("<!DOCTYPE html><html><body>x</body></html>", InputKind.Html)]
    [InlineData("  <html lang=\"en\">", InputKind.Html)]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>", InputKind.Feed)]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\">", InputKind.Feed)]
    [InlineData("{\"title\":\"x\",\"text\":\"y\"}\n{\"title\":\"z\"}\n", InputKind.JsonLines)]
    [InlineData("{\n  \"title\": \"x\"\n}\n", InputKind.Json)]
    [InlineData("[{\"title\":\"x\"}]", InputKind.Json)]
    [InlineData("WARC/1.1\r\nWARC-Type: warcinfo\r\n", InputKind.Warc)]
    [InlineData("Tax cuts back in budget row\n\nThe chancellor said...", InputKind.PlainText)]
    public void Sniffs_kind_from_content(string content, InputKind kind) =>
        Assert.Equal(kind, ContentSniffer.Sniff(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Nul_bytes_mean_binary() => Assert.Equal(InputKind.Binary, ContentSniffer.Sniff([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]));

    [Fact]
    public void Gzip_magic_is_recognised() => Assert.Equal(InputKind.Gzip, ContentSniffer.Sniff([0x1F, 0x8B, 0x08, 0x00]));

    [Fact]
    public void Html_saved_with_a_txt_extension_is_still_html()
    {
        var kind = ArticleExtractor.Sniff(InputFile.FromBytes("page.txt", Encoding.UTF8.GetBytes("<html><head><title>T</title></head></html>")));
        Assert.Equal(InputKind.Html, kind);
    }
}
