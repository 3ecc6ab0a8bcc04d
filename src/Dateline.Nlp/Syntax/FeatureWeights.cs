using System.Numerics;

namespace Dateline.Nlp.Syntax;

/// <summary>
/// Trained weights for decoding, compact and read-only: an open-addressing table from a feature's hash (folded to 32
/// bits) to its run of (class, weight) entries. Features whose hashes collide after folding share a run (harmless at
/// the table's sizes). Thread-safe.
/// </summary>
internal sealed class FeatureWeights
{
    private const int CountBits = 7;
    private const int StartBits = 25;

    // A slot packs the folded key (high 32 bits), the run's start (25 bits) and length (7 bits) into one word, and an
    // entry packs its class (high 16 bits) and half-precision weight: one cache line for the lookup, one for the run.
    private readonly ulong[] _slots;
    private readonly uint[] _entries;
    private readonly int _mask;
    private readonly int _features;

    private FeatureWeights(int classes, uint[] features, int[] starts, ushort[] entryClasses, float[] weights)
    {
        if (weights.Length >= 1 << StartBits || classes >= 1 << CountBits)
        {
            throw new InvalidOperationException($"{weights.Length} weights over {classes} classes do not fit the packed table; prune more");
        }

        Classes = classes;
        _features = features.Length;
        _entries = new uint[weights.Length];
        for (var e = 0; e < weights.Length; e++)
        {
            _entries[e] = ((uint)entryClasses[e] << 16) | BitConverter.HalfToUInt16Bits((Half)weights[e]);
        }

        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, features.Length * 2));
        _mask = size - 1;
        _slots = new ulong[size];
        for (var f = 0; f < features.Length; f++)
        {
            var slot = (int)(features[f] & (uint)_mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = ((ulong)features[f] << 32) | ((ulong)(uint)starts[f] << CountBits) | (uint)(starts[f + 1] - starts[f]);
        }
    }

    public int Classes { get; }

    public int Features => _features;

    public int Entries => _entries.Length;

    /// <summary>Bytes held in memory.</summary>
    public long Bytes => (_slots.Length * 8L) + (_entries.Length * 4L);

    public static uint Fold(ulong feature)
    {
        var k = (uint)(feature ^ (feature >> 32));
        return k == 0 ? 1 : k;
    }

    internal static FeatureWeights Build(int classes, List<(ulong Feature, ushort Class, float Weight)> entries)
    {
        // Group by folded key (entries arrive sorted by full hash; folding can merge two runs, whose weights then add).
        var grouped = new SortedDictionary<uint, Dictionary<ushort, float>>();
        foreach (var (feature, cls, weight) in entries)
        {
            var key = Fold(feature);
            if (!grouped.TryGetValue(key, out var row))
            {
                grouped[key] = row = [];
            }

            row[cls] = row.GetValueOrDefault(cls) + weight;
        }

        var features = new uint[grouped.Count];
        var starts = new int[grouped.Count + 1];
        var total = grouped.Values.Sum(r => r.Count);
        var entryClasses = new ushort[total];
        var weights = new float[total];
        var f = 0;
        var e = 0;
        foreach (var (key, row) in grouped)
        {
            features[f] = key;
            starts[f] = e;
            foreach (var (cls, weight) in row.OrderBy(kv => kv.Key))
            {
                entryClasses[e] = cls;
                weights[e] = weight;
                e++;
            }

            f++;
        }

        starts[f] = e;
        return new FeatureWeights(classes, features, starts, entryClasses, weights);
    }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/>.</summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var slots = _slots;
        var entries = _entries;
        foreach (var feature in features)
        {
            var key = Fold(feature);
            var slot = (int)(key & (uint)_mask);
            while (true)
            {
                var packed = slots[slot];
                if ((uint)(packed >> 32) == key)
                {
                    var start = (int)((packed >> CountBits) & ((1UL << StartBits) - 1));
                    var end = start + (int)(packed & ((1UL << CountBits) - 1));
                    for (var e = start; e < end; e++)
                    {
                        var entry = entries[e];
                        scores[(int)(entry >> 16)] += (float)BitConverter.UInt16BitsToHalf((ushort)entry);
                    }

                    break;
                }

                if (packed == 0)
                {
                    break;
                }

                slot = (slot + 1) & _mask;
            }
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Classes);
        w.Write(Features);
        w.Write(Entries);
        var runs = new List<(uint Key, int Start, int Count)>(_features);
        foreach (var packed in _slots)
        {
            if (packed != 0)
            {
                runs.Add(((uint)(packed >> 32), (int)((packed >> CountBits) & ((1UL << StartBits) - 1)), (int)(packed & ((1UL << CountBits) - 1))));
            }
        }

        runs.Sort((a, b) => a.Key.CompareTo(b.Key));

        // Keys ascend: store gaps (smaller after compression), then run lengths, classes and half-precision weights.
        var previous = 0u;
        foreach (var run in runs)
        {
            w.Write7BitEncodedInt((int)(run.Key - previous));
            previous = run.Key;
        }

        foreach (var run in runs)
        {
            w.Write7BitEncodedInt(run.Count);
        }

        foreach (var run in runs)
        {
            for (var e = run.Start; e < run.Start + run.Count; e++)
            {
                w.Write7BitEncodedInt((int)(_entries[e] >> 16));
            }
        }

        foreach (var run in runs)
        {
            for (var e = run.Start; e < run.Start + run.Count; e++)
            {
                w.Write((ushort)_entries[e]);
            }
        }
    }

    public static FeatureWeights Read(BinaryReader r)
    {
        var classes = r.ReadInt32();
        var count = r.ReadInt32();
        var entries = r.ReadInt32();
        var features = new uint[count];
        var previous = 0u;
        for (var f = 0; f < count; f++)
        {
            previous += (uint)r.Read7BitEncodedInt();
            features[f] = previous;
        }

        var starts = new int[count + 1];
        for (var f = 0; f < count; f++)
        {
            starts[f + 1] = starts[f] + r.Read7BitEncodedInt();
        }

        var entryClasses = new ushort[entries];
        for (var e = 0; e < entries; e++)
        {
            entryClasses[e] = (ushort)r.Read7BitEncodedInt();
        }

        var weights = new float[entries];
        for (var e = 0; e < entries; e++)
        {
            weights[e] = (float)BitConverter.UInt16BitsToHalf(r.ReadUInt16());
        }

        return new FeatureWeights(classes, features, starts, entryClasses, weights);
    }
}
