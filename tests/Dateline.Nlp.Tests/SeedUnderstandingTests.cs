using Dateline.Core.Documents;
using Dateline.Extraction.Reading;
using Dateline.Nlp;
using Dateline.Testing;

namespace Dateline.Nlp.Tests;

/// <summary>The understanding bars of issue 4 on the canonical seed article.</summary>
[Trait("issue", "4")]
public sealed class SeedUnderstandingTests
{
    private static Document Seed()
    {
        var article = new ArticleExtractor().ReadFile(Corpora.SeedArticle, TestContext.Current.CancellationToken).Single().Article!;
        var doc = Document.FromArticle(article);
        doc.Set(Layers.DocumentDate, article.Published!.Value.Date);
        NlpPipelines.Default().Run(doc, TestContext.Current.CancellationToken);
        Assert.Empty(doc.Errors);
        return doc;
    }

    [Theory]
    [InlineData("Shigeru Ishiba", "JPN", "JPNGOV", "Prime Minister")]
    [InlineData("Lee Jae Myung", "KOR", "KORGOV", "President")]
    [InlineData("Yoshimasa Hayashi", "JPN", "JPNGOV", "Chief Cabinet Secretary")]
    public void Issue_4_seed_people_are_coded_from_their_titles(string name, string country, string code, string role)
    {
        var actor = Assert.Single(Seed().Get(Layers.Actors), a => a.Name == name);
        Assert.Equal((country, code, role), (actor.Country, actor.Code, actor.Role));
    }

    [Fact]
    public void Issue_4_seed_predecessor_takes_the_country_of_the_person_he_preceded()
    {
        var yoon = Assert.Single(Seed().Get(Layers.Actors), a => a.Name == "Yoon Suk Yeol");
        Assert.Equal("KOR", yoon.Country);
        Assert.Contains("President", yoon.Role, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_4_seed_short_names_and_role_nouns_join_their_actor()
    {
        var doc = Seed();
        var actors = doc.Get(Layers.Actors).ToDictionary(a => a.Id);
        var mentions = doc.Get(Layers.ActorMentions).Select(m => (Text: doc.Text[m.Span.Start..m.Span.End], Actor: actors[m.ActorId].Name)).ToList();
        Assert.Contains(("Ishiba", "Shigeru Ishiba"), mentions);
        Assert.Contains(("Lee", "Lee Jae Myung"), mentions);
        Assert.Contains(("the top government spokesman", "Yoshimasa Hayashi"), mentions);
    }

    [Theory]
    [InlineData("Japan", "GPE")]
    [InlineData("South Korea", "GPE")]
    [InlineData("United States", "GPE")]
    [InlineData("North Korea", "GPE")]
    [InlineData("Tokyo", "GPE")]
    [InlineData("Seoul", "GPE")]
    [InlineData("Shigeru Ishiba", "PERSON")]
    public void Issue_4_seed_entities_have_dateline_labels(string text, string label)
    {
        var doc = Seed();
        Assert.Contains(doc.Get(Layers.Entities), e => doc.Text[e.Span.Start..e.Span.End] == text && e.Label == label);
    }

    [Fact]
    public void Countries_become_one_actor_each_with_iso_codes()
    {
        var actors = Seed().Get(Layers.Actors);
        Assert.Equal("KOR", Assert.Single(actors, a => a.Name == "South Korea").Code);
        Assert.Equal("PRK", Assert.Single(actors, a => a.Name == "North Korea").Code);
    }
}
