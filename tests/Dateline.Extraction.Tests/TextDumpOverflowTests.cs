using System.Text;
using Dateline.Extraction.Reading;
using Dateline.Testing;

namespace Dateline.Extraction.Tests;

/// <summary>Found by fuzzing (fuzz/corpus/textdump/crashes-*): a comment count too large for an integer threw and lost the article.</summary>
public sealed class TextDumpOverflowTests
{
    [Theory]
    [InlineData("3 Comments", 3)]
    [InlineData("4444444441 Comments", null)]
    [InlineData("99,999,999,999 Comments", null)]
    public void A_comment_count_out_of_range_is_no_count_and_the_article_is_kept(string line, int? expected)
    {
        var fixture = File.ReadAllText(RepoPaths.InRepo("tests", "Dateline.Extraction.Tests", "Fixtures", "dumps", "full.txt"));
        Assert.Contains("3 Comments", fixture, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(fixture.Replace("3 Comments", line, StringComparison.Ordinal));

        var outcome = Assert.Single(new ArticleExtractor().Read(InputFile.FromBytes("dump.txt", bytes), TestContext.Current.CancellationToken));

        Assert.Null(outcome.Problem);
        Assert.Equal(expected, outcome.Article!.CommentCount);
        Assert.NotEmpty(outcome.Article.Paragraphs);
    }
}
