using System.Diagnostics;
using Dateline.Evaluation.Events;
using Dateline.Nlp.Events.Petrarch;
using Dateline.Testing;

namespace Dateline.Nlp.Tests;

/// <summary>
/// The PETRARCH unit-test records of the events dev set, coded with the fictional PETR.Validate.* dictionaries in place
/// of the defaults (a conformance suite), and the full Phoenix dictionaries loaded beside the defaults.
/// </summary>
[Trait("issue", "5")]
public sealed class PetrarchConformanceTests
{
    /// <summary>Measured passing records minus a few (2026-11-26: 165 of 284).</summary>
    private const int PassFloor = 160;

    private static string Folder => Corpora.Require("corpora/events/petrarch-dictionaries");

    [Fact]
    public void Validation_dictionaries_pass_the_unit_test_records()
    {
        var dev = Path.Combine(Corpora.Require("corpora/events"), "dev.jsonl");
        var loaded = PetrarchDictionaries.Load([Folder], ["PETR.Validate"]);
        Assert.Equal(4, loaded.Files.Count);
        Assert.True(loaded.Actors.Entries.Count > 100);
        Assert.True(loaded.Verbs.Patterns.Count > 500);

        // The validation verbs deliberately hold a few broken lines (codes such as [+++], [025?], an unclosed bracket).
        Assert.InRange(loaded.Problems.Count, 1, 20);
        Assert.All(loaded.Problems, p => Assert.Equal("PETR.Validate.verbs.txt", p.File));

        var dictionaries = EventDictionaries.Create(loaded, replaceDefaults: true);
        var report = EventEvaluator.Run(NlpPipelines.Default(dictionaries: dictionaries), dev, "petrarch-unittest",
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(284, report.Records);
        Assert.True(report.Passed >= PassFloor, $"{report.Passed} of 284 records pass (< {PassFloor})");
    }

    [Fact]
    public void Dictionary_actor_names_become_actors_with_their_codes()
    {
        var loaded = PetrarchDictionaries.Load([Folder], ["PETR.Validate"]);
        var pipeline = NlpPipelines.Default(dictionaries: EventDictionaries.Create(loaded, replaceDefaults: true));
        var doc = Core.Documents.Document.FromText("t", "Arnor is about to restore full diplomatic ties with Gondor.");
        doc.Set(Core.Documents.Layers.DocumentDate, new DateOnly(1995, 1, 1));
        pipeline.Run(doc, TestContext.Current.CancellationToken);
        var e = Assert.Single(doc.Get(Core.Documents.Layers.Events));
        Assert.Equal(("ARN", "GON", "064"), (e.Source.Code, e.Target?.Code, e.Cameo));
    }

    [Fact]
    public void Phoenix_dictionaries_load_beside_the_defaults_and_code_the_dev_suite()
    {
        var clock = Stopwatch.StartNew();
        var loaded = PetrarchDictionaries.Load([Folder], ["Phoenix", "CAMEO.verbpatterns"]);
        var dictionaries = EventDictionaries.Create(loaded, replaceDefaults: false);
        clock.Stop();
        Assert.True(loaded.Actors.NameCount > 20_000, loaded.Summary());
        Assert.True(loaded.Verbs.Patterns.Count > 5_000, loaded.Summary());
        Assert.True(loaded.Problems.Count < loaded.Verbs.Patterns.Count / 20, loaded.Summary());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"loading took {clock.Elapsed}");

        var doc = Core.Documents.Document.FromText("t", "Japan and South Korea held talks in Seoul on Monday.");
        NlpPipelines.Default(dictionaries: dictionaries).Run(doc, TestContext.Current.CancellationToken);
        Assert.NotEmpty(doc.Get(Core.Documents.Layers.Events));
    }
}
