using Dateline.Evaluation.Quotes;
using Dateline.Testing;

namespace Dateline.Nlp.Tests;

/// <summary>Regression floor on PolNeAR dev (lexicographically first annotator per article); see the scorer for the rule.</summary>
[Trait("issue", "4")]
public sealed class PolnearTests
{
    /// <summary>Measured F1 minus 0.02 (2026-11-25: all 0.4995, speech subset 0.7024).</summary>
    private const double AllFloor = 0.479;
    private const double SpeechFloor = 0.682;

    [Fact]
    public void Dev_f1_does_not_regress()
    {
        var dir = Corpora.Require("corpora/quotes/polnear/dev");
        var report = QuoteEvaluator.Run(NlpPipelines.Default(), dir, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2192, report.All.Gold);
        Assert.True(report.All.F1 >= AllFloor, $"all F1 {report.All.F1:0.0000} < {AllFloor}");
        Assert.True(report.Speech.F1 >= SpeechFloor, $"speech F1 {report.Speech.F1:0.0000} < {SpeechFloor}");
    }

    [Fact]
    public void Code_point_offsets_become_utf16()
    {
        const string text = "😀 \"Hi there,\" he said.";
        var gold = BratAttributions.Parse(text, ["T1\tContent 3 12\tHi there,", "T2\tSource 14 16\the", "T3\tCue 17 21\tsaid", "E1\tAttribution:T3 Content:T1 Source:T2 Cue:T3"]);
        var g = Assert.Single(gold);
        Assert.Equal("Hi there,", text[g.Content[0].Start..g.Content[0].End]);
        Assert.Equal("he", text[g.Source[0].Start..g.Source[0].End]);
    }
}
