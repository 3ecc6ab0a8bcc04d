using Dateline.Nlp.Sentences;
using Dateline.Nlp.Tokens;

namespace Dateline.Nlp.Tests;

public sealed class TokenizerTests
{
    private static string Tokens(string text) => string.Join("|", RuleTokenizer.Tokenize(text).Select(t => text[t.Start..t.End]));

    [Theory]
    [InlineData("The U.S. and S. Korea met.", "The|U.S.|and|S.|Korea|met|.")]
    [InlineData("Japan's 1910-1945 rule", "Japan|'s|1910-1945|rule")]
    [InlineData("\"partners,\" he said.", "\"|partners|,|\"|he|said|.")]
    [InlineData("TOKYO—The talks won't end.", "TOKYO|—|The|talks|wo|n't|end|.")]
    [InlineData("Gov. Smith paid $1,000.50 on Jan. 5.", "Gov.|Smith|paid|$1,000.50|on|Jan.|5|.")]
    [InlineData("people-to-people exchanges...", "people-to-people|exchanges|...")]
    public void Splits_news_text_like_conll(string text, string expected) => Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("He met Gov. Smith. They talked.", 2)]
    [InlineData("Talks in the U.S. The deal held.", 2)]
    [InlineData("Talks in the U.S. ended.", 1)]
    [InlineData("\"We agree.\" The minister left.", 2)]
    [InlineData("First para\n\nSecond para", 2)]
    [InlineData("Japan Today\nJapanese PM Ishiba\nThe talks went on.", 3)]
    [InlineData("A long line of hard-wrapped prose that keeps going past sixty characters\nand ends here.", 1)]
    [InlineData("Is it over? Yes! It is.", 3)]
    public void Splits_sentences(string text, int count) =>
        Assert.Equal(count, PunctuationSentenceSplitter.Split(text, RuleTokenizer.Tokenize(text)).Length);
}
