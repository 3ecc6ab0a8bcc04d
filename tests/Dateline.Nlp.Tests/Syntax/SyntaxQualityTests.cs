using Dateline.Nlp.Syntax;
using Dateline.Testing;

namespace Dateline.Nlp.Tests.Syntax;

/// <summary>The shipped tagger and parser may not regress on the UD dev sets (docs/QUALITY.md records the scores).</summary>
[Trait("issue", "11")]
public sealed class SyntaxQualityTests
{
    [Theory]
    [InlineData("ud-english-ewt/en_ewt-ud-dev.conllu", 0.950, 0.815)]
    [InlineData("ud-english-gum/en_gum-open-dev.conllu", 0.960, 0.815)]
    public void Shipped_models_keep_their_scores_on_dev(string file, double uposFloor, double lasFloor)
    {
        var path = Corpora.Require(Path.Combine("corpora", "syntax", file));
        var score = new SyntaxScore();
        foreach (var s in Conllu.ReadFile(path))
        {
            score.Add(s, SyntaxModels.Default.Analyze(s.Forms()));
        }

        Assert.True(score.UposAccuracy >= uposFloor, $"UPOS {score.UposAccuracy:0.0000} is below {uposFloor}");
        Assert.True(score.LasScore >= lasFloor, $"LAS {score.LasScore:0.0000} is below {lasFloor}");
        Assert.True(score.LemmaAccuracy >= 0.96, $"lemma {score.LemmaAccuracy:0.0000} is below 0.96");
    }

    [Fact]
    public void Shipped_models_hold_under_150_mib_of_weights()
    {
        var model = SyntaxModels.Default;
        Assert.True(model.WeightBytes < 150L * 1024 * 1024, $"{model.WeightBytes / 1024 / 1024} MiB of weights");
        Assert.Equal(["PRON", "VERB", "PUNCT"], model.Analyze(["It", "works", "."]).Upos);
    }
}
