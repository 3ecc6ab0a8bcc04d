using System.IO.Compression;
using System.Text;
using Dateline.Nlp.Learning;

namespace Dateline.Nlp.Entities;

/// <summary>
/// A trained BIO entity tagger: feature weights of an averaged perceptron, the tag set, and the name gazetteer it was
/// trained with. Viterbi decoding with the previous tag as a feature. Thread-safe for tagging.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "DLNER1";

    private readonly Dictionary<string, int> _features;
    private readonly float[] _weights;
    private readonly bool[,] _allowed;
    private readonly int[] _transitionsByTag;
    private readonly int[] _noTransitions;
    private readonly Dictionary<string, int[]> _transitionsByWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _transitionsByShape = new(StringComparer.Ordinal);

    internal NerModel(string[] tags, Dictionary<string, int> features, float[] weights, PhraseGazetteer gazetteer)
    {
        Tags = tags;
        _features = features;
        _weights = weights;
        Gazetteer = gazetteer;
        _allowed = BioViterbi.Allowed(tags);
        _transitionsByTag = new int[tags.Length + 1];
        _noTransitions = Enumerable.Repeat(-1, tags.Length + 1).ToArray();
        IndexTransitions();
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
        var n = words.Length;
        var t = Tags.Length;
        var scores = new float[n * t];
        var byWord = new int[n][];
        var byShape = new int[n][];
        for (var i = 0; i < n; i++)
        {
            var row = scores.AsSpan(i * t, t);
            foreach (var f in statics[i])
            {
                Accumulate(f, row);
            }

            byWord[i] = _transitionsByWord.GetValueOrDefault(words[i].ToLowerInvariant(), _noTransitions);
            byShape[i] = _transitionsByShape.GetValueOrDefault(TokenShape.Short(words[i]), _noTransitions);
        }

        var path = BioViterbi.Decode(n, t, scores, _allowed, (i, p, into) =>
        {
            AddRow(_transitionsByTag[p + 1], into);
            AddRow(byWord[i][p + 1], into);
            AddRow(byShape[i][p + 1], into);
        });
        return [.. path.Select(c => Tags[c])];
    }

    private void AddRow(int id, Span<float> scores)
    {
        if (id < 0)
        {
            return;
        }

        var row = _weights.AsSpan(id * Tags.Length, Tags.Length);
        for (var c = 0; c < row.Length; c++)
        {
            scores[c] += row[c];
        }
    }

    /// <summary>
    /// The rows of <see cref="NerFeatures.Transition"/>'s features, indexed by previous tag + 1 (0 = sentence start), so
    /// decoding looks up a token's word and shape once instead of building a string for every previous tag.
    /// </summary>
    private void IndexTransitions()
    {
        string[] previous = ["<s>", .. Tags];
        var probe = new List<string>(3);
        for (var p = 0; p < previous.Length; p++)
        {
            probe.Clear();
            NerFeatures.Transition(probe, previous[p], "", "");
            _transitionsByTag[p] = _features.GetValueOrDefault(probe[0], -1);
            var wordPrefix = probe[1];
            var shapePrefix = probe[2];
            foreach (var (name, id) in _features)
            {
                if (name.StartsWith(wordPrefix, StringComparison.Ordinal))
                {
                    Slot(_transitionsByWord, name[wordPrefix.Length..])[p] = id;
                }
                else if (name.StartsWith(shapePrefix, StringComparison.Ordinal))
                {
                    Slot(_transitionsByShape, name[shapePrefix.Length..])[p] = id;
                }
            }
        }

        int[] Slot(Dictionary<string, int[]> table, string key)
        {
            if (!table.TryGetValue(key, out var ids))
            {
                table[key] = ids = Enumerable.Repeat(-1, previous.Length).ToArray();
            }

            return ids;
        }
    }

    private void Accumulate(string feature, Span<float> scores)
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
