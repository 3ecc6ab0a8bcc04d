using Dateline.Core.Documents;

namespace Dateline.Nlp.Tests;

/// <summary>Event fields the spec file's one-line form does not show: location, date, negation, evidence.</summary>
[Trait("issue", "5")]
public sealed class EventDetailsTests
{
    private static Document Run(string text, DateOnly date)
    {
        var doc = Document.FromText("t", text);
        doc.Set(Layers.DocumentDate, date);
        NlpPipelines.Default().Run(doc, TestContext.Current.CancellationToken);
        return doc;
    }

    [Fact]
    public void Place_after_in_is_the_location_and_the_weekday_gives_the_date()
    {
        var doc = Run("Japan and South Korea held talks in Tokyo on Tuesday.", new DateOnly(2025, 6, 4));
        var events = doc.Get(Layers.Events);
        Assert.Equal(["JPN", "KOR"], events.Select(e => e.Source.Code));
        Assert.All(events, e =>
        {
            Assert.Equal("Tokyo", e.Location);
            Assert.Equal("2025-06-03", e.Date);
            Assert.Null(e.Target);
            Assert.Equal(doc.Text.TrimEnd('.') + ".", doc.Text[e.Evidence.Start..e.Evidence.End]);
        });
    }

    [Fact]
    public void Did_not_meet_is_kept_negated_and_does_not_count()
    {
        var doc = Run("The Chinese foreign minister did not meet Japanese officials in Beijing.", new DateOnly(2025, 6, 4));
        var e = Assert.Single(doc.Get(Layers.Events));
        Assert.Equal(("CHNGOV", "JPNGOV", "040"), (e.Source.Code, e.Target?.Code, e.Cameo));
        Assert.True(e.Negated);
        Assert.False(e.Counts);
    }
}
