using Dateline.Core.Documents;

namespace Dateline.Nlp.Tests;

/// <summary>Entity spans hold the name only, not punctuation the tagger took in at their edges.</summary>
[Trait("issue", "15")]
public sealed class EntitySpanTests
{
    [Fact]
    public void A_name_after_a_closing_quotation_mark_does_not_include_the_mark()
    {
        const string Text = "Kenyan President William Ruto spoke on Monday. \u201cWe will not back down,\u201d Ruto said. \u201cIt is over,\u201d Odinga added.";
        var doc = Document.FromText("t", Text);
        NlpPipelines.Default().Run(doc, TestContext.Current.CancellationToken);
        var people = doc.Get(Layers.Entities).Where(e => e.Label == "PERSON").Select(e => Text[e.Span.Start..e.Span.End]).ToList();
        Assert.Contains("Ruto", people);
        Assert.All(people, p => Assert.DoesNotMatch("^[\u201c\u201d\"\u2018\u2019'(\\[]|[\u201c\u201d\"\u2018\u2019'(\\]]$", p));
    }
}
