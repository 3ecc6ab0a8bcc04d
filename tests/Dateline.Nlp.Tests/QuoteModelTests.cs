using Dateline.Core.Documents;

namespace Dateline.Nlp.Tests;

/// <summary>
/// The shipped attribution model (quotes.perceptron.v2) in the default pipeline, on sentences written for these tests:
/// the shapes the rules handle (direct quotes, split quotes) and the broad attributions PolNeAR taught it.
/// </summary>
[Trait("issue", "4")]
public sealed class QuoteModelTests
{
    private static (Document Doc, QuoteMention[] Quotes) Annotate(string text)
    {
        var doc = Document.FromText("t", text);
        NlpPipelines.Default().Run(doc, TestContext.Current.CancellationToken);
        Assert.Empty(doc.Errors);
        return (doc, [.. doc.Get(Layers.Quotes)]);
    }

    private static string Text(Document doc, TextSpan? span) => span is { } s ? doc.Text[s.Start..s.End] : "";

    [Fact]
    public void Direct_quote_with_speaker_after_it()
    {
        var (doc, quotes) = Annotate("\"We will keep working for peace in the region,\" Ishiba said.");
        var q = Assert.Single(quotes);
        Assert.True(q.Direct);
        Assert.Contains("We will keep working for peace in the region", Text(doc, q.Content), StringComparison.Ordinal);
        Assert.Equal("Ishiba", Text(doc, q.Speaker));
        Assert.Equal("said", Text(doc, q.Cue));
    }

    [Fact]
    public void A_quote_split_around_its_cue_is_one_attribution()
    {
        var (doc, quotes) = Annotate("\"It was a difficult decision,\" she said. \"But we had no choice.\"");
        var q = Assert.Single(quotes);
        Assert.Contains("It was a difficult decision", Text(doc, q.Content), StringComparison.Ordinal);
        Assert.Contains("But we had no choice", Text(doc, q.Content), StringComparison.Ordinal);
        Assert.Equal("she", Text(doc, q.Speaker));
    }

    [Theory]
    [InlineData("The economy grew by 2 percent last year, according to the central bank.", "according to", "the central bank", "The economy grew by 2 percent last year")]
    [InlineData("A new poll shows that most voters oppose the plan.", "shows", "A new poll", "most voters oppose the plan")]
    [InlineData("The senator called for an investigation into the sale.", "called for", "The senator", "an investigation into the sale")]
    public void Broad_attributions_without_quotation_marks(string text, string cue, string speaker, string content)
    {
        var (doc, quotes) = Annotate(text);
        var q = Assert.Single(quotes, q => Text(doc, q.Cue) == cue);
        Assert.False(q.Direct);
        Assert.Equal(speaker, Text(doc, q.Speaker));
        Assert.Contains(content, Text(doc, q.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scare_quote_in_reported_speech_is_not_a_direct_quote()
    {
        var (doc, quotes) = Annotate("Lee described Japan as \"partners\" in the talks.");
        Assert.DoesNotContain(quotes, q => Text(doc, q.Content).Trim('"') == "partners");
        Assert.All(quotes, q => Assert.False(q.Direct));
    }

    [Fact]
    public void A_quotation_the_content_reaches_into_is_covered_whole()
    {
        var (doc, quotes) = Annotate("\"We have waited for this day for a long time,\" Ana Silva said. \"The vote was close. The work starts now. "
            + "We will meet the unions next week. We will meet the employers after that. Nobody will be left out.\"");
        var q = Assert.Single(quotes, q => Text(doc, q.Cue) == "said");
        Assert.Contains("Nobody will be left out", Text(doc, q.Content), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Senator Ana Silva: We will not back down on the pension bill.", "Senator Ana Silva", "We will not back down on the pension bill")]
    [InlineData("The outcome surprised few, least of all Maria Lopez: \"We saw it coming for months.\"", "Maria Lopez", "We saw it coming for months")]
    public void A_name_and_a_colon_label_what_follows(string text, string speaker, string content)
    {
        var (doc, quotes) = Annotate(text);
        var q = Assert.Single(quotes, q => Text(doc, q.Content).Contains(content, StringComparison.Ordinal));
        Assert.Contains(Text(doc, q.Speaker), speaker, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transcript_quoted_whole_gives_each_capitalised_speaker_their_lines()
    {
        var (doc, quotes) = Annotate("The mayor was interviewed on local radio. Partial transcript:\n\n"
            + "\"HOST: Will the ferry run through the winter this year?\n\n"
            + "\"MORENO: It will run every day, and we have bought a second boat for the storms.\n\n"
            + "\"HOST: Thank you, mayor.\"");
        var moreno = Assert.Single(quotes, q => Text(doc, q.Speaker) == "MORENO");
        Assert.Contains("we have bought a second boat", Text(doc, moreno.Content), StringComparison.Ordinal);
        Assert.Equal(2, quotes.Count(q => Text(doc, q.Speaker) == "HOST"));
    }

    [Fact]
    public void A_quoted_paragraph_opening_with_a_word_and_a_colon_is_no_transcript_line()
    {
        var (doc, quotes) = Annotate("\"Look: we will not sign this deal,\" the minister said on Monday.");
        Assert.DoesNotContain(quotes, q => Text(doc, q.Speaker) == "Look");
    }

    [Fact]
    public void Speakers_resolve_to_actors()
    {
        var (doc, quotes) = Annotate("Japanese Prime Minister Shigeru Ishiba met reporters. \"We will keep working for peace,\" Ishiba said.");
        var q = Assert.Single(quotes, q => q.Direct);
        Assert.NotNull(q.SpeakerActorId);
        Assert.Contains(doc.Get(Layers.ActorMentions), m => m.ActorId == q.SpeakerActorId && Text(doc, m.Span).Contains("Shigeru Ishiba", StringComparison.Ordinal));
    }
}
