using System.IO.Compression;
using System.Text;
using Dateline.Nlp.Learning;

namespace Dateline.Nlp.Entities;

/// <summary>
/// A trained BIO entity tagger: feature weights of an averaged perceptron, the tag set, and the name gazetteer it was
/// trained with. Greedy left-to-right decoding with the two previous tags as features. Thread-safe for tagging.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "DLNER1";

    private readonly Dictionary<string, int> _features;
    private readonly float[] _weights;

    internal NerModel(string[] tags, Dictionary<string, int> features, float[] weights, PhraseGazetteer gazetteer)
    {
        Tags = tags;
        _features = features;
        _weights = weights;
        Gazetteer = gazetteer;
    }

    public string[] Tags { get; }

    public PhraseGazetteer Gazetteer { get; }

    public int FeatureCount => _features.Count;

    /// <summary>The second pass, which also sees document-level evidence from this model's first pass; may be null.</summary>
    public NerModel? SecondPass { get; internal set; }

    /// <summary>Tags every sentence of one document (two passes when the model has a second pass).</summary>
    public string[][] TagDocument(IReadOnlyList<string[]> sentences, PhraseGazetteer? extraGazetteer = null)
    {
        // Static features are computed once and shared by both passes; the second pass only adds document evidence.
        var statics = sentences.Select(s => NerFeatures.Static(s, Gazetteers(s, extraGazetteer))).ToArray();
        var first = sentences.Select((s, i) => TagFeatures(s, statics[i])).ToArray();
        if (SecondPass is null)
        {
            return first;
        }

        var evidence = DocumentEvidence.Compute(sentences, first);
        for (var s = 0; s < sentences.Count; s++)
        {
            NerFeatures.AddDocument(sentences[s], statics[s], evidence[s]);
        }

        return [.. sentences.Select((s, i) => SecondPass.TagFeatures(s, statics[i]))];
    }

    public string[] Tag(string[] words, PhraseGazetteer? extraGazetteer = null, string?[]? document = null)
    {
        var statics = NerFeatures.Static(words, Gazetteers(words, extraGazetteer));
        if (document is not null)
        {
            NerFeatures.AddDocument(words, statics, document);
        }

        return TagFeatures(words, statics);
    }

    private string?[] Gazetteers(string[] words, PhraseGazetteer? extraGazetteer)
    {
        var gaz = Gazetteer.Match(words);
        if (extraGazetteer is not null)
        {
            var extra = extraGazetteer.Match(words);
            for (var i = 0; i < gaz.Length; i++)
            {
                gaz[i] ??= extra[i];
            }
        }

        return gaz;
    }

    private string[] TagFeatures(string[] words, List<string>[] statics)
    {
        var tags = new string[words.Length];
        var scores = new float[Tags.Length];
        var dynamic = new List<string>(4);
        for (var i = 0; i < words.Length; i++)
        {
            dynamic.Clear();
            NerFeatures.Dynamic(dynamic, i > 0 ? tags[i - 1] : "<s>", i > 1 ? tags[i - 2] : "<s>", words[i].ToLowerInvariant(), TokenShape.Short(words[i]));
            Array.Clear(scores);
            foreach (var f in statics[i])
            {
                Accumulate(f, scores);
            }

            foreach (var f in dynamic)
            {
                Accumulate(f, scores);
            }

            tags[i] = Tags[Best(scores, i > 0 ? tags[i - 1] : "O")];
        }

        return tags;
    }

    private void Accumulate(string feature, float[] scores)
    {
        if (!_features.TryGetValue(feature, out var id))
        {
            return;
        }

        var row = _weights.AsSpan(id * Tags.Length, Tags.Length);
        for (var c = 0; c < row.Length; c++)
        {
            scores[c] += row[c];
        }
    }

    /// <summary>Argmax that never starts an entity with I- of a different type than the previous tag (BIO validity).</summary>
    internal int Best(ReadOnlySpan<float> scores, string previous)
    {
        var best = -1;
        for (var c = 0; c < scores.Length; c++)
        {
            var tag = Tags[c];
            if (tag.StartsWith("I-", StringComparison.Ordinal) && (previous.Length < 2 || previous[2..] != tag[2..]))
            {
                continue;
            }

            if (best < 0 || scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    public void Save(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8);
        Write(w);
        w.Write(SecondPass is not null);
        SecondPass?.Write(w);
    }

    private void Write(BinaryWriter w)
    {
        w.Write(Magic);
        w.Write(Tags.Length);
        foreach (var t in Tags)
        {
            w.Write(t);
        }

        var kept = _features.Where(kv => Enumerable.Range(0, Tags.Length).Any(c => Math.Abs(_weights[(kv.Value * Tags.Length) + c]) >= 1e-3f)).ToList();
        w.Write(kept.Count);
        foreach (var (name, id) in kept)
        {
            w.Write(name);
            for (var c = 0; c < Tags.Length; c++)
            {
                w.Write((Half)_weights[(id * Tags.Length) + c]);
            }
        }

        var entries = Gazetteer.Entries.ToList();
        w.Write(entries.Count);
        foreach (var (phrase, label, count) in entries)
        {
            w.Write(phrase);
            w.Write(label);
            w.Write(count);
        }
    }

    public static NerModel Load(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(brotli, Encoding.UTF8);
        var model = Read(r);
        if (r.ReadBoolean())
        {
            model.SecondPass = Read(r);
        }

        return model;
    }

    private static NerModel Read(BinaryReader r)
    {
        if (r.ReadString() != Magic)
        {
            throw new InvalidDataException("not a Dateline NER model (bad header)");
        }

        var tags = new string[r.ReadInt32()];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = r.ReadString();
        }

        var count = r.ReadInt32();
        var features = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var weights = new float[count * tags.Length];
        for (var f = 0; f < count; f++)
        {
            features[r.ReadString()] = f;
            for (var c = 0; c < tags.Length; c++)
            {
                weights[(f * tags.Length) + c] = (float)r.ReadHalf();
            }
        }

        var gazetteer = new PhraseGazetteer();
        var entries = r.ReadInt32();
        for (var e = 0; e < entries; e++)
        {
            var phrase = r.ReadString();
            var label = r.ReadString();
            gazetteer.Add(phrase.Split(' '), label, r.ReadInt32());
        }

        return new NerModel(tags, features, weights, gazetteer);
    }

    internal static NerModel FromTraining(string[] tags, Dictionary<string, int> features, AveragedPerceptron perceptron, PhraseGazetteer gazetteer) =>
        new(tags, features, perceptron.Weights[..(features.Count * tags.Length)].ToArray(), gazetteer);
}
