using System.Text;
using Dateline.Nlp.Syntax;

namespace Dateline.Nlp.Tests.Syntax;

/// <summary>Training on a small hand-written treebank: the models learn it, and the same data gives the same bytes.</summary>
[Trait("issue", "11")]
public sealed class LearningTests
{
    private static readonly string[] Rows =
    [
        "The|the|DET|DT|2|det minister|minister|NOUN|NN|3|nsubj resigned|resign|VERB|VBD|0|root .|.|PUNCT|.|3|punct",
        "Police|police|NOUN|NNS|2|nsubj arrested|arrest|VERB|VBD|0|root two|two|NUM|CD|4|nummod men|man|NOUN|NNS|2|obj .|.|PUNCT|.|2|punct",
        "The|the|DET|DT|2|det talks|talk|NOUN|NNS|3|nsubj ended|end|VERB|VBD|0|root .|.|PUNCT|.|3|punct",
        "Ministers|minister|NOUN|NNS|2|nsubj met|meet|VERB|VBD|0|root in|in|ADP|IN|4|case Tokyo|Tokyo|PROPN|NNP|2|obl .|.|PUNCT|.|2|punct",
        "Troops|troop|NOUN|NNS|2|nsubj withdrew|withdraw|VERB|VBD|0|root .|.|PUNCT|.|2|punct",
    ];

    private static List<ConlluSentence> Treebank(int copies)
    {
        var sb = new StringBuilder();
        for (var c = 0; c < copies; c++)
        {
            foreach (var row in Rows)
            {
                var i = 0;
                foreach (var word in row.Split(' '))
                {
                    var f = word.Split('|');
                    sb.Append($"{++i}\t{f[0]}\t{f[1]}\t{f[2]}\t{f[3]}\t_\t{f[4]}\t{f[5]}\t_\t_\n");
                }

                sb.Append('\n');
            }
        }

        return [.. Conllu.Read(new StringReader(sb.ToString()))];
    }

    // Unlabelled sentences for the parser's word-pair associations: written here, never part of the treebank.
    private static readonly string[][] Unlabelled =
    [
        ["Ministers", "met", "in", "Tokyo", "."],
        ["Ministers", "met", "in", "Seoul", "."],
        ["Police", "arrested", "two", "men", "."],
        ["The", "talks", "ended", "."],
        ["Ministers", "met", "in", "Tokyo", "."],
    ];

    private static (byte[] Tagger, byte[] Parser) Train(bool unlabelled = false)
    {
        var data = Treebank(4);
        using var tagger = new MemoryStream();
        using var parser = new MemoryStream();
        SyntaxTraining.TrainTagger(data, tagger, iterations: 5);
        var taggerModel = unlabelled ? SyntaxModel.Load(new MemoryStream(tagger.ToArray()), null, Learning.WordClusters.Default) : null;
        SyntaxTraining.TrainParser(data, parser, iterations: 6, tagIterations: 3, minUpdates: 1, tagger: taggerModel, unlabelled: unlabelled ? Unlabelled : null);
        return (tagger.ToArray(), parser.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Learns_the_training_trees_and_lemmas(bool unlabelled)
    {
        var (taggerBytes, parserBytes) = Train(unlabelled);
        var model = SyntaxModel.Load(new MemoryStream(taggerBytes), new MemoryStream(parserBytes), Learning.WordClusters.Default);
        var score = new SyntaxScore();
        foreach (var s in Treebank(1))
        {
            score.Add(s, model.Analyze(s.Forms()));
        }

        Assert.Equal(1.0, score.UposAccuracy);
        Assert.Equal(1.0, score.LemmaAccuracy);
        Assert.True(score.LasScore >= 0.95, $"LAS {score.LasScore:0.000} on its own training trees");
        Assert.Equal(unlabelled, model.Parser!.Associations.Count > 0); // version 2 of the file carries them; version 1 has none
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Training_is_deterministic(bool unlabelled)
    {
        var first = Train(unlabelled);
        var second = Train(unlabelled);
        Assert.Equal(first.Tagger, second.Tagger);
        Assert.Equal(first.Parser, second.Parser);
    }

    [Fact]
    public void Associations_come_from_parsing_the_unlabelled_text()
    {
        var (taggerBytes, parserBytes) = Train(unlabelled: true);
        var model = SyntaxModel.Load(new MemoryStream(taggerBytes), new MemoryStream(parserBytes), Learning.WordClusters.Default);
        var lex = model.Parser!.Associations;
        ulong W(string word) => new WordAtoms([word], Learning.WordClusters.Default).Lower[0];

        // "met" heads "Ministers" on its left in three of the five sentences; "arrested" and "men" stand together once.
        Assert.NotEqual(0UL, lex.Pair(W("met"), W("ministers"), right: false));
        Assert.Equal(0UL, lex.Pair(W("arrested"), W("men"), right: true));
    }

    [Theory]
    [InlineData("withdrew", "VERB", "withdraw")] // in the table
    [InlineData("arrested", "VERB", "arrest")] // in the table
    [InlineData("resisted", "VERB", "resist")] // unseen: the -ed rule
    [InlineData("Tokyo", "PROPN", "Tokyo")] // names keep their form
    [InlineData("Ministers", "NOUN", "minister")]
    public void Lemmatises_seen_and_unseen_words(string form, string upos, string lemma)
    {
        var words = Treebank(1).SelectMany(s => s.Words).Select(w => (w.Form, w.Upos, w.Lemma))
            .Concat([("ended", "VERB", "end"), ("rested", "VERB", "rest"), ("listed", "VERB", "list")]);
        Assert.Equal(lemma, Lemmatizer.Train(words).Lemmatize(form, upos));
    }
}
