namespace Dateline.Nlp.Syntax;

/// <summary>
/// Scores predicted syntax against gold CoNLL-U, the usual way: over all word lines, punctuation included; LAS compares
/// the universal relation (the part before ':'); <see cref="FullLas"/> the whole relation.
/// </summary>
public sealed class SyntaxScore
{
    public int Words { get; private set; }

    public int Sentences { get; private set; }

    public int Upos { get; private set; }

    public int Xpos { get; private set; }

    public int Lemma { get; private set; }

    public int Uas { get; private set; }

    public int Las { get; private set; }

    public int FullLasCount { get; private set; }

    public double UposAccuracy => Ratio(Upos);

    public double XposAccuracy => Ratio(Xpos);

    public double LemmaAccuracy => Ratio(Lemma);

    public double UasScore => Ratio(Uas);

    public double LasScore => Ratio(Las);

    public double FullLas => Ratio(FullLasCount);

    public void Add(ConlluSentence gold, SyntaxAnalysis predicted)
    {
        Sentences++;
        for (var i = 0; i < gold.Words.Length; i++)
        {
            var g = gold.Words[i];
            Words++;
            Upos += g.Upos == predicted.Upos[i] ? 1 : 0;
            Xpos += g.Xpos == predicted.Xpos[i] ? 1 : 0;
            Lemma += g.Lemma == predicted.Lemmas[i] ? 1 : 0;
            if (g.Head - 1 == predicted.Heads[i])
            {
                Uas++;
                Las += Universal(g.Relation) == Universal(predicted.Relations[i]) ? 1 : 0;
                FullLasCount += g.Relation == predicted.Relations[i] ? 1 : 0;
            }
        }
    }

    private static string Universal(string relation)
    {
        var colon = relation.IndexOf(':');
        return colon < 0 ? relation : relation[..colon];
    }

    private double Ratio(int count) => Words == 0 ? 0 : (double)count / Words;
}
