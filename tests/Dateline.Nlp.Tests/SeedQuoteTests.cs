using Dateline.Core.Documents;
using Dateline.Extraction.Reading;
using Dateline.Testing;

namespace Dateline.Nlp.Tests;

/// <summary>The quote bar of issue 4 on the seed article.</summary>
[Trait("issue", "4")]
public sealed class SeedQuoteTests
{
    private static readonly string[] HayashiNames = ["Chief Cabinet Secretary Yoshimasa Hayashi", "Yoshimasa Hayashi"];

    [Fact]
    public void Seed_quotes_have_the_right_speakers()
    {
        var article = new ArticleExtractor().ReadFile(Corpora.SeedArticle, TestContext.Current.CancellationToken).Single().Article!;
        var doc = Document.FromArticle(article);
        NlpPipelines.Default().Run(doc, TestContext.Current.CancellationToken);
        var quotes = doc.Get(Layers.Quotes);
        string Text(TextSpan s) => doc.Text[s.Start..s.End];
        QuoteMention Find(string content) => Assert.Single(quotes, q => q.Direct && Text(q.Content).Contains(content, StringComparison.Ordinal));

        Assert.Equal("Ishiba", Text(Find("I hope to step up cooperation").Speaker!.Value));
        Assert.Equal("Ishiba", Text(Find("The importance of holding summit talks").Speaker!.Value));
        Assert.Contains(Text(Find("Japan and South Korea have been deepening").Speaker!.Value), HayashiNames);
        Assert.Equal("the top government spokesman", Text(Find("We hope to maintain close communication").Speaker!.Value));
        Assert.DoesNotContain(quotes, q => Text(q.Content).Trim('"', '“', '”') == "partners");
    }
}
