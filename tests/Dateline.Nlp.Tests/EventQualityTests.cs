using Dateline.Evaluation.Events;
using Dateline.Testing;

namespace Dateline.Nlp.Tests;

/// <summary>Regression floor on the events dev set (suite plover-gsr-cameo) and unit checks of the scorer's matching rule.</summary>
[Trait("issue", "5")]
public sealed class EventQualityTests
{
    /// <summary>Measured country-level F1 minus 0.02 (2026-11-26: 0.7798).</summary>
    private const double CountryFloor = 0.759;

    [Fact]
    public void Dev_f1_does_not_regress()
    {
        var path = Path.Combine(Corpora.Require("corpora/events"), "dev.jsonl");
        var report = EventEvaluator.Run(NlpPipelines.Default(), path, "plover-gsr-cameo", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(161, report.Records);
        Assert.Equal(177, report.Country.Gold);
        Assert.True(report.Country.F1 >= CountryFloor, $"country F1 {report.Country.F1:0.0000} < {CountryFloor}");
        Assert.True(report.Strict.F1 <= report.Country.F1);
    }

    [Fact]
    public void Matching_compares_type_and_the_first_three_letters_of_each_actor()
    {
        var gold = new List<EventEvaluator.GoldEvent> { new("JPNGOV", "KOR", "AGREE"), new("USA", string.Empty, "ACCUSE") };
        var predicted = new List<EventEvaluator.Predicted>
        {
            new("JPNGOVMIL", "KORGOV", "AGREE", "036"),
            new("USA", "CHN", "ACCUSE", "111"),
            new("USAGOV", string.Empty, "ACCUSE", "111"),
        };
        Assert.Equal(2, EventEvaluator.Match(gold, predicted, strict: false, cameo: false));
        Assert.Equal(0, EventEvaluator.Match(gold, predicted, strict: true, cameo: false));
        Assert.Equal(1, EventEvaluator.Match(gold, [predicted[0], predicted[0]], strict: false, cameo: false));
        Assert.Equal("REQUEST", EventEvaluator.Normalize("DEMAND"));
        Assert.Equal("ASSAULT", EventEvaluator.Normalize("FIGHT"));
    }
}
