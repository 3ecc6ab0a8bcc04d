using System.Security.Cryptography;
using System.Text;
using Dateline.Core.Articles;
using Dateline.Core.Serialization;

namespace Dateline.Storage.Tests;

/// <summary>
/// Stores written before the hash was streamed hold hashes of the article's JSON text; the streamed hash must be the same
/// bytes' hash, or every re-ingest of an old store would count each article as changed.
/// </summary>
public sealed class ArticleHashingTests
{
    [Theory]
    [InlineData("Plain ASCII text.")]
    [InlineData("Quotes \" and \\ backslashes, <tags> & ampersands")]
    [InlineData("東京 — “smart quotes”, é, ß, emoji 🗾, tab\t and newline\n")]
    [InlineData("a lone surrogate \ud800 in the middle")]
    public void The_streamed_hash_is_the_hash_of_the_article_json(string paragraph)
    {
        var article = new Article
        {
            Id = "h1",
            Origin = new ArticleOrigin("/some/where.txt", 3),
            Title = "Title " + paragraph,
            Paragraphs = [paragraph, new string('x', 100_000), paragraph],
            Tags = ["a", "b"],
            Warnings = ["ignored"],
        };
        var json = DatelineJson.Serialize(article with { Origin = new ArticleOrigin(string.Empty), Warnings = [] });
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(expected, ArticleHashing.ContentHash(article));
        Assert.Equal(expected, ArticleHashing.ContentHash(article with { Origin = new ArticleOrigin("elsewhere") })); // where it came from does not count
        Assert.NotEqual(expected, ArticleHashing.ContentHash(article with { Title = "Changed" }));
    }
}
