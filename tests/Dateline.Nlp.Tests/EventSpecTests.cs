using System.Globalization;
using Dateline.Core.Documents;
using Dateline.Testing;

namespace Dateline.Nlp.Tests;

/// <summary>Runs every example of Specs/Events.md (STYLE.md B6): input sentence → the events it must yield.</summary>
[Trait("issue", "5")]
public sealed class EventSpecTests
{
    private static readonly DateOnly SpecDate = new(2025, 6, 4);

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "Events.md"));
        var blocks = text.Split("```example", StringSplitOptions.None).Skip(1);
        foreach (var block in blocks)
        {
            var body = block[..block.IndexOf("```", StringComparison.Ordinal)].Trim('\n', '\r');
            var parts = body.Split("\n.\n", 2, StringSplitOptions.None);
            data.Add(parts[0].Trim(), parts[1].Trim());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example(string input, string expected)
    {
        var doc = Document.FromText("spec", input);
        doc.Set(Layers.DocumentDate, SpecDate);
        NlpPipelines.Default().Run(doc, TestContext.Current.CancellationToken);
        Assert.Empty(doc.Errors);
        foreach (var e in doc.Get(Layers.Events))
        {
            // Every span an event reports lies inside the text: ingest cuts the evidence and actors' words out of it.
            foreach (var span in new[] { e.Source.Span, e.Evidence, e.Trigger }.Concat(e.Target is { } t ? [t.Span] : []))
            {
                Assert.True(span.Start >= 0 && span.Start <= span.End && span.End <= input.Length, $"{e.Cameo}: span {span.Start}-{span.End} outside the text");
            }
        }

        var lines = doc.Get(Layers.Events).Select(e => string.Create(CultureInfo.InvariantCulture,
            $"{e.Source.Code} > {(e.Target?.Code is { Length: > 0 } t ? t : "-")} {e.Cameo} {e.Modality}{(e.Negated ? " negated" : string.Empty)}")).ToList();
        Assert.Equal(expected, lines.Count == 0 ? "none" : string.Join('\n', lines));
    }
}
