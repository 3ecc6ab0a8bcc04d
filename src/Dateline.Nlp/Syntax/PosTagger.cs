using Dateline.Nlp.Learning;
namespace Dateline.Nlp.Syntax;

/// <summary>
/// A greedy left-to-right part-of-speech tagger (averaged perceptron) over joint tags "UPOS XPOS", in two passes: the
/// second also sees the first pass's tags of the words to the right. Thread-safe.
/// </summary>
internal sealed class PosTagger(string[] tags, FeatureWeights first, FeatureWeights? second)
{
    public string[] Tags { get; } = tags;

    public FeatureWeights First { get; } = first;

    public FeatureWeights? Second { get; } = second;

    public long Bytes => First.Bytes + (Second?.Bytes ?? 0);

    public int[] Tag(WordAtoms atoms)
    {
        var ahead = Pass(First, atoms, null);
        return Second is null ? ahead : Pass(Second, atoms, ahead);
    }

    internal int[] Pass(FeatureWeights weights, WordAtoms atoms, int[]? ahead)
    {
        var n = atoms.Lower.Length;
        var result = new int[n];
        Span<ulong> features = stackalloc ulong[TaggerFeatures.Max];
        Span<float> scores = stackalloc float[Tags.Length];
        for (var i = 0; i < n; i++)
        {
            var count = TaggerFeatures.Extract(atoms, i, i > 0 ? result[i - 1] : -1, i > 1 ? result[i - 2] : -1, ahead, features);
            scores.Clear();
            weights.AddScores(features[..count], scores);
            result[i] = ArgMax(scores);
        }

        return result;
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>What the parser's features see of a tag: a hash of its name, so parser and tagger can be retrained apart.</summary>
    public static ulong TagValue(string tag) => FeatureHash.Of(tag);

    public static (string Upos, string Xpos) Split(string tag)
    {
        var space = tag.IndexOf(' ');
        return space < 0 ? (tag, "") : (tag[..space], tag[(space + 1)..]);
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Tags.Length);
        foreach (var t in Tags)
        {
            w.Write(t);
        }

        First.Write(w);
        w.Write(Second is not null);
        Second?.Write(w);
    }

    public static PosTagger Read(BinaryReader r)
    {
        var tags = new string[r.ReadInt32()];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = r.ReadString();
        }

        var first = FeatureWeights.Read(r);
        var second = r.ReadBoolean() ? FeatureWeights.Read(r) : null;
        return new PosTagger(tags, first, second);
    }
}
