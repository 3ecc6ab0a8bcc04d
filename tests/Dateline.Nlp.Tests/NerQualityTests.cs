using Dateline.Evaluation.Entities;
using Dateline.Nlp.Entities;
using Dateline.Testing;

namespace Dateline.Nlp.Tests;

/// <summary>The shipped NER model may not regress on CoNLL-2003 eng.testa (docs/QUALITY.md records the score).</summary>
[Trait("issue", "4")]
public sealed class NerQualityTests
{
    /// <summary>The recorded 0.936 − 0.02; raise it with the model.</summary>
    private const double F1Floor = 0.916;

    [Fact]
    public void Shipped_model_keeps_its_f1_on_the_dev_set()
    {
        var testa = Corpora.Require(Path.Combine("corpora", "ner", "conll2003", "eng.testa"));
        var gold = ConllReader.Read(testa).Where(s => s.Tags is not null).ToList();
        var report = NerEvaluator.Run(NerModels.Default, gold);
        Assert.True(report.Overall.F1 >= F1Floor, $"F1 {report.Overall.F1:0.0000} is below {F1Floor}");
    }

    [Fact]
    public void Model_round_trips_through_its_file_format()
    {
        using var stream = new MemoryStream();
        NerModels.Default.Save(stream);
        stream.Position = 0;
        var copy = NerModel.Load(stream);
        string[] words = ["Prime", "Minister", "Shigeru", "Ishiba", "met", "officials", "in", "Seoul", "."];
        Assert.Equal(NerModels.Default.Tag(words), copy.Tag(words));
        Assert.NotNull(copy.SecondPass);
    }

    [Theory]
    [InlineData("I-PER I-PER O I-LOC", "B-PER I-PER O B-LOC")]
    [InlineData("I-ORG B-ORG I-ORG", "B-ORG B-ORG I-ORG")]
    [InlineData("O I-MISC I-LOC", "O B-MISC B-LOC")]
    public void Converts_iob1_to_bio(string iob1, string bio) => Assert.Equal(bio.Split(' '), ConllReader.ToBio(iob1.Split(' ')));
}
