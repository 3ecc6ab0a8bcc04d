using Dateline.Core.Documents;
using Dateline.Testing.Specs;

namespace Dateline.Nlp.Tests;

public sealed class TimesSpecs
{
    public static TheoryData<SpecExample> Examples => SpecFile.Load("Specs/Times.md");

    [Theory, MemberData(nameof(Examples))]
    public void Example(SpecExample example)
    {
        var doc = TestPipelines.Run(TestPipelines.Times, example.Input, example.Date);
        Assert.Empty(doc.Errors);
        Assert.Equal(example.Expected, AnnotationRenderer.Render(doc, Layers.Times));
    }

    [Fact]
    public void Spec_file_has_at_least_forty_examples() => Assert.True(Examples.Count >= 40, $"{Examples.Count} examples");
}
