using System.IO.Compression;
using Dateline.Nlp.Learning;

namespace Dateline.Nlp.Quotes.Attribution;

/// <summary>
/// Trained weights: feature key → one weight per class. Keys are folded to 32 bits (a few hundred thousand features
/// collide rarely, and the file is a third smaller). Read-only after loading, so thread-safe.
/// </summary>
internal sealed class WeightTable : IClassScorer
{
    private readonly Dictionary<uint, int> _rows;
    private readonly float[] _weights;

    // Open addressing (linear probing, load ≤ 1/2) with the key and the class weights side by side in one slot, so a
    // lookup touches one cache line: every token is scored ~30 times for cues and again for each window it falls in,
    // and this table competes for the cache with the entity tagger's.
    private readonly float[] _slots;
    private readonly int _stride;
    private readonly int _mask;
    private readonly int _shift;

    public WeightTable(int classes, Dictionary<uint, int> rows, float[] weights)
    {
        Classes = classes;
        _rows = rows;
        _weights = weights;
        var bits = 4;
        while ((1 << bits) < rows.Count * 2)
        {
            bits++;
        }

        _shift = 32 - bits;
        _mask = (1 << bits) - 1;
        _stride = classes + 1;
        _slots = new float[(1 << bits) * _stride];
        foreach (var (key, row) in rows)
        {
            var i = Slot(key);
            while (BitConverter.SingleToUInt32Bits(_slots[i * _stride]) != 0)
            {
                i = (i + 1) & _mask;
            }

            _slots[i * _stride] = BitConverter.UInt32BitsToSingle(key);
            weights.AsSpan(row * classes, classes).CopyTo(_slots.AsSpan((i * _stride) + 1, classes));
        }
    }

    public int Classes { get; }

    public int Count => _rows.Count;

    public void Score(List<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            var key = Fold(f);
            var i = Slot(key);
            uint k;
            while ((k = BitConverter.SingleToUInt32Bits(_slots[i * _stride])) != 0 && k != key)
            {
                i = (i + 1) & _mask;
            }

            if (k != 0)
            {
                var w = _slots.AsSpan((i * _stride) + 1, Classes);
                for (var c = 0; c < w.Length; c++)
                {
                    scores[c] += w[c];
                }
            }
        }
    }

    /// <summary>The 32-bit key of a feature; never 0, which marks an empty slot.</summary>
    public static uint Fold(ulong key) => (uint)(key ^ (key >> 32)) is var k && k != 0 ? k : 1;

    private int Slot(uint key) => (int)((key * 2654435761u) >> _shift);

    /// <summary>Keys in ascending order (so the file is the same for the same weights), weights as half floats.</summary>
    public void Write(BinaryWriter w, float minWeight)
    {
        var kept = _rows.Where(kv => Enumerable.Range(0, Classes).Any(c => Math.Abs(_weights[(kv.Value * Classes) + c]) >= minWeight))
            .OrderBy(kv => kv.Key).ToList();
        w.Write(Classes);
        w.Write(kept.Count);
        foreach (var (key, row) in kept)
        {
            w.Write(key);
            for (var c = 0; c < Classes; c++)
            {
                w.Write((Half)_weights[(row * Classes) + c]);
            }
        }
    }

    public static WeightTable Read(BinaryReader r)
    {
        var classes = r.ReadInt32();
        var count = r.ReadInt32();
        var rows = new Dictionary<uint, int>(count);
        var weights = new float[count * classes];
        for (var f = 0; f < count; f++)
        {
            rows[r.ReadUInt32()] = f;
            for (var c = 0; c < classes; c++)
            {
                weights[(f * classes) + c] = (float)r.ReadHalf();
            }
        }

        return new WeightTable(classes, rows, weights);
    }
}

/// <summary>The training side: an <see cref="AveragedPerceptron"/> whose feature rows are assigned on first sight.</summary>
internal sealed class TrainingTable(int classes, int minUpdates) : IClassScorer
{
    private readonly Dictionary<ulong, int> _rows = [];
    private readonly List<int> _updates = [];
    private readonly AveragedPerceptron _perceptron = new(classes);
    private readonly List<int> _ids = [];

    public void Score(List<ulong> features, Span<float> scores)
    {
        Ids(features);
        _perceptron.Scores(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ids), scores);
    }

    /// <summary>Updates with the features of the last <see cref="Score"/> call.</summary>
    public void Update(int gold, int guess)
    {
        _perceptron.Update(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ids), gold, guess);
        if (gold != guess)
        {
            foreach (var id in _ids)
            {
                _updates[id]++;
            }
        }
    }

    /// <summary>
    /// Averages, keeps the features that took part in at least <c>minUpdates</c> mistakes (rarer ones are mostly noise and
    /// make most of the file), then rescales so the largest weight is 1000: averaging divides by the number of training steps (millions),
    /// which would leave most weights below half-float precision. Only the arg max matters, so scaling changes nothing else.
    /// </summary>
    public WeightTable Finish()
    {
        _perceptron.Average();
        var weights = _perceptron.Weights[..(_rows.Count * classes)].ToArray();
        var max = weights.Length == 0 ? 0 : weights.Max(Math.Abs);
        if (max > 0)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] *= 1000 / max;
            }
        }

        var kept = new Dictionary<uint, int>();
        var keptWeights = new List<float>();
        foreach (var (key, row) in _rows.OrderBy(kv => kv.Value))
        {
            if (_updates[row] < minUpdates)
            {
                continue;
            }

            if (kept.TryGetValue(WeightTable.Fold(key), out var same))
            {
                for (var c = 0; c < classes; c++)
                {
                    keptWeights[(same * classes) + c] += weights[(row * classes) + c]; // a folded collision: both count
                }

                continue;
            }

            kept[WeightTable.Fold(key)] = kept.Count;
            keptWeights.AddRange(weights.AsSpan(row * classes, classes));
        }

        return new WeightTable(classes, kept, [.. keptWeights]);
    }

    private void Ids(List<ulong> features)
    {
        _ids.Clear();
        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var id))
            {
                id = _rows.Count;
                _rows[f] = id;
                _updates.Add(0);
                _perceptron.EnsureFeatures(_rows.Count);
            }

            _ids.Add(id);
        }
    }
}

/// <summary>The attribution model: a cue tagger and an argument tagger (see <see cref="AttributionTagger"/>).</summary>
public sealed class QuoteModel
{
    private const string Magic = "DLQUOTE2";

    internal QuoteModel(WeightTable cues, WeightTable arguments, IEnumerable<ulong> cueWords)
    {
        CueWeights = cues;
        ArgumentWeights = arguments;
        CueWords = cueWords.ToHashSet();
    }

    /// <summary>Lower-case hashes of the words seen inside a cue in training: only these are scored as cue tokens.</summary>
    internal HashSet<ulong> CueWords { get; }

    internal WeightTable CueWeights { get; }

    internal WeightTable ArgumentWeights { get; }

    public int FeatureCount => CueWeights.Count + ArgumentWeights.Count;

    /// <summary>
    /// Added to the score of beginning a cue (weights are scaled so the largest is 1000). The perceptron under-predicts
    /// cues (more are missed than invented), so a bias chosen on held-out training articles trades a little precision for
    /// more recall.
    /// </summary>
    public float CueBias { get; set; }

    public void Save(Stream stream, float minWeight = 0.5f)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli);
        w.Write(Magic);
        w.Write(CueBias);
        w.Write(CueWords.Count);
        foreach (var word in CueWords.Order())
        {
            w.Write(word);
        }

        CueWeights.Write(w, minWeight);
        ArgumentWeights.Write(w, minWeight);
    }

    public static QuoteModel Load(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(brotli);
        if (r.ReadString() != Magic)
        {
            throw new InvalidDataException("not a Dateline quote model (bad header)");
        }

        var bias = r.ReadSingle();
        var words = new ulong[r.ReadInt32()];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = r.ReadUInt64();
        }

        var cues = WeightTable.Read(r);
        return new QuoteModel(cues, WeightTable.Read(r), words) { CueBias = bias };
    }
}
