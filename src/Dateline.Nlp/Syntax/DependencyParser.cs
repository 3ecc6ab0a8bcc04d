namespace Dateline.Nlp.Syntax;

/// <summary>
/// A greedy arc-eager dependency parser with an averaged-perceptron model over <see cref="ParserFeatures"/>: at each
/// step the best-scoring valid transition is taken. Linear in the sentence's length. Thread-safe.
/// </summary>
internal sealed class DependencyParser(string[] labels, FeatureWeights weights, LexicalAssociations associations)
{
    public string[] Labels { get; } = labels;

    public FeatureWeights Weights { get; } = weights;

    /// <summary>Word-pair frequencies from auto-parsed news that some features read (<see cref="LexicalAssociations.Empty"/>: none).</summary>
    public LexicalAssociations Associations { get; } = associations;

    public int RootLabel { get; } = Array.IndexOf(labels, "root");

    public int FallbackLabel { get; } = Math.Max(0, Array.IndexOf(labels, "dep"));

    /// <summary>Parses one sentence given its words' atoms and tag values (<see cref="PosTagger.TagValue"/>); 0-based heads (-1 = root) and label ids.</summary>
    public (int[] Heads, int[] Labels) Parse(WordAtoms atoms, ulong[] tags)
    {
        var state = new ArcEagerState(tags.Length, Labels.Length, RootLabel);
        Span<ulong> features = stackalloc ulong[ParserFeatures.Max];
        Span<float> scores = stackalloc float[state.Classes];
        while (!state.Terminal)
        {
            var count = ParserFeatures.Extract(state, atoms, tags, Associations, features);
            scores.Clear();
            Weights.AddScores(features[..count], scores);
            state.Apply(BestValid(state, scores));
        }

        return state.Finish(FallbackLabel);
    }

    internal static int BestValid(ArcEagerState state, ReadOnlySpan<float> scores)
    {
        var best = -1;
        for (var t = 0; t < scores.Length; t++)
        {
            if ((best < 0 || scores[t] > scores[best]) && state.IsValid(t))
            {
                best = t;
            }
        }

        return best;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Labels.Length);
        foreach (var l in Labels)
        {
            w.Write(l);
        }

        Weights.Write(w);
        if (Associations.Count > 0)
        {
            Associations.Write(w); // version 2 (SyntaxModel writes the header); a parser without them keeps version 1's layout
        }
    }

    /// <param name="withAssociations">The file (version 2) holds <see cref="LexicalAssociations"/> after the weights.</param>
    public static DependencyParser Read(BinaryReader r, bool withAssociations)
    {
        var labels = new string[r.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = r.ReadString();
        }

        var weights = FeatureWeights.Read(r);
        return new DependencyParser(labels, weights, withAssociations ? LexicalAssociations.Read(r) : LexicalAssociations.Empty);
    }
}
