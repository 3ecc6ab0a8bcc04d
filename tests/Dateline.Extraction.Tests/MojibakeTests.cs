using System.Text;
using Dateline.Extraction.Reading;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.Tests;

/// <summary>UTF-8 text that was read as Windows-1252 upstream is repaired; ordinary text in any language is left alone.</summary>
public sealed class MojibakeTests
{
    /// <summary>What a mis-decoding upstream makes of <paramref name="text"/>: its UTF-8 bytes read as Windows-1252.</summary>
    private static string Garble(string text)
    {
        var cp1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
        return string.Concat(Encoding.UTF8.GetBytes(text).Select(b => b is >= 0x80 and <= 0x9F ? cp1252[b - 0x80] : (char)b));
    }

    [Theory]
    [InlineData("The world’s biggest tech show — “CES” opens")]
    [InlineData("Café in São Paulo, 5 °C, €12")]
    [InlineData("東京で日韓首脳会談")]
    [InlineData("Smile 😀 please")]
    public void Garbled_text_is_repaired_once_or_twice_garbled(string text)
    {
        var once = Garble(text);
        Assert.NotEqual(text, once);
        Assert.Equal(text, Mojibake.Repair(once).Text);
        Assert.Equal(text, Mojibake.Repair(Garble(once)).Text);
    }

    [Theory]
    [InlineData("São Paulo, À la carte, naïve façade, Ærø, Øresund, ÂLAND, Ãgua")]
    [InlineData("Résumé: Müller, Ødegaard, Žižek, Łódź, İstanbul, Ğ, 5 × 3 ÷ 2, ©®™ ±½")]
    [InlineData("Plain ASCII text, nothing to see.")]
    public void Ordinary_text_is_left_alone(string text)
    {
        var (repaired, count) = Mojibake.Repair(text);
        Assert.Equal(text, repaired);
        Assert.Equal(0, count);
    }

    [Fact]
    public void An_extracted_article_is_repaired_and_says_so()
    {
        var record = "{\"title\": \"" + Garble("Rail strike ends — trains run again") + "\", \"text\": \"" + Garble("The café car returns, the union’s leader said.") + "\"}";
        var article = new ArticleExtractor().Read(InputFile.FromBytes("garbled.jsonl", Encoding.UTF8.GetBytes(record)), TestContext.Current.CancellationToken)
            .Single().Article!;

        Assert.Equal("Rail strike ends — trains run again", article.Title);
        Assert.Equal(["The café car returns, the union’s leader said."], article.Paragraphs);
        Assert.Contains(article.Warnings, w => w.StartsWith("repaired 3 mis-decoded", StringComparison.Ordinal));
    }
}
