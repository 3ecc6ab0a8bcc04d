using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    /// <summary>Runs longer than this become dense rows of <see cref="Classes"/> floats, added with SIMD.</summary>
    private const int DenseFrom = 12;

    // A slot packs the folded key (high 32 bits), an index (25 bits) and a run length (7 bits) into one word: length 0
    // means a dense row (the index is its row), else a run of sparse (weight, class) entries starting at the index.
    // The table is far larger than the cache, so a lookup costs a miss for the slot and one for the weights.
    private readonly ulong[] _slots;
    private readonly SparseEntry[] _sparse;
    private readonly float[] _dense;
    private readonly (uint[] Keys, int[] Starts, uint[] Packed)? _file;
    private readonly int _mask;
    private readonly int _features;
    private readonly int _entries;

    private FeatureWeights(int classes, uint[] features, int[] starts, ushort[] entryClasses, float[] weights)
        : this(classes, features, starts, Pack(entryClasses, weights), keep: true)
    {
    }

    /// <param name="packed">Entries as (class &lt;&lt; 16 | half-precision weight), the file's form; kept only to write the model out.</param>
    private FeatureWeights(int classes, uint[] features, int[] starts, uint[] packed, bool keep)
    {
        if (packed.Length >= 1 << StartBits || classes >= 1 << CountBits)
        {
            throw new InvalidOperationException($"{packed.Length} weights over {classes} classes do not fit the packed table; prune more");
        }

        Classes = classes;
        _features = features.Length;
        _entries = packed.Length;
        _file = keep ? (features, starts, packed) : null;
        var denseRows = 0;
        var sparse = 0;
        for (var f = 0; f < features.Length; f++)
        {
            var count = starts[f + 1] - starts[f];
            if (count > DenseFrom)
            {
                denseRows++;
            }
            else
            {
                sparse += count;
            }
        }

        _dense = new float[denseRows * classes];
        _sparse = new SparseEntry[sparse];
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, features.Length * 2));
        _mask = size - 1;
        _slots = new ulong[size];
        var (row, next) = (0, 0);
        for (var f = 0; f < features.Length; f++)
        {
            var count = starts[f + 1] - starts[f];
            ulong index;
            if (count > DenseFrom)
            {
                for (var e = starts[f]; e < starts[f + 1]; e++)
                {
                    _dense[(row * classes) + (int)(packed[e] >> 16)] = Weight(packed[e]);
                }

                (index, count) = ((ulong)row++, 0);
            }
            else
            {
                index = (ulong)next;
                for (var e = starts[f]; e < starts[f + 1]; e++)
                {
                    _sparse[next++] = new SparseEntry(Weight(packed[e]), (int)(packed[e] >> 16));
                }
            }

            var slot = (int)(features[f] & (uint)_mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = ((ulong)features[f] << 32) | (index << CountBits) | (uint)count;
        }
    }

    private readonly record struct SparseEntry(float Weight, int Class);

    public int Classes { get; }

    private static float Weight(uint packed) => (float)BitConverter.UInt16BitsToHalf((ushort)packed);

    private static uint[] Pack(ushort[] classes, float[] weights)
    {
        var entries = new uint[weights.Length];
        for (var e = 0; e < weights.Length; e++)
        {
            entries[e] = ((uint)classes[e] << 16) | BitConverter.HalfToUInt16Bits((Half)weights[e]);
        }

        return entries;
    }

    public int Features => _features;

    public int Entries => _entries;

    /// <summary>Bytes held in memory.</summary>
    public long Bytes => (_slots.Length * 8L) + (_sparse.Length * 8L) + (_dense.Length * 4L) + (_file is { } file ? (file.Packed.Length + file.Keys.Length + file.Starts.Length) * 4L : 0);

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

    /// <summary>
    /// Adds the weights of <paramref name="features"/> to <paramref name="scores"/>. The table is far larger than the
    /// cache, so lookups are memory-bound: all slots are prefetched first, then all runs, then the weights are added,
    /// so the misses overlap instead of following one another.
    /// </summary>
    public unsafe void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var n = features.Length;
        Span<int> found = stackalloc int[n];
        Span<uint> keys = stackalloc uint[n];
        var classes = Classes;
        if (scores.Length < classes)
        {
            throw new ArgumentException($"scores holds {scores.Length} classes, not {classes}", nameof(scores));
        }

        fixed (ulong* slots = _slots)
        fixed (SparseEntry* sparse = _sparse)
        fixed (float* dense = _dense)
        fixed (float* target = scores)
        {
            for (var i = 0; i < n; i++)
            {
                var key = Fold(features[i]);
                keys[i] = key;
                var slot = (int)(key & (uint)_mask);
                found[i] = slot;
                if (Sse.IsSupported)
                {
                    Sse.Prefetch0(slots + slot);
                }
            }

            for (var i = 0; i < n; i++)
            {
                var key = keys[i];
                var slot = found[i];
                found[i] = -1;
                while (true)
                {
                    var packed = slots[slot];
                    if ((uint)(packed >> 32) == key)
                    {
                        found[i] = slot;
                        if (Sse.IsSupported)
                        {
                            var index = (int)((packed >> CountBits) & ((1UL << StartBits) - 1));
                            Sse.Prefetch0((packed & ((1UL << CountBits) - 1)) == 0 ? dense + (index * classes) : sparse + index);
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

            for (var i = 0; i < n; i++)
            {
                if (found[i] < 0)
                {
                    continue;
                }

                var packed = slots[found[i]];
                var index = (int)((packed >> CountBits) & ((1UL << StartBits) - 1));
                var count = (int)(packed & ((1UL << CountBits) - 1));
                if (count == 0)
                {
                    var row = dense + (index * classes);
                    var c = 0;
                    if (Vector256.IsHardwareAccelerated)
                    {
                        for (; c + Vector256<float>.Count <= classes; c += Vector256<float>.Count)
                        {
                            Vector256.Store(Vector256.Load(target + c) + Vector256.Load(row + c), target + c);
                        }
                    }

                    for (; c < classes; c++)
                    {
                        target[c] += row[c];
                    }

                    continue;
                }

                for (var e = index; e < index + count; e++)
                {
                    target[sparse[e].Class] += sparse[e].Weight;
                }
            }
        }
    }

    /// <summary>Writes the model (only one built by training: a loaded one keeps no copy of its file form).</summary>
    public void Write(BinaryWriter w)
    {
        var (keys, starts, packed) = _file ?? throw new InvalidOperationException("only weights built by training can be written");
        w.Write(Classes);
        w.Write(Features);
        w.Write(Entries);

        // Keys ascend: store gaps (smaller after compression), then run lengths, classes and half-precision weights.
        var previous = 0u;
        foreach (var key in keys)
        {
            w.Write7BitEncodedInt((int)(key - previous));
            previous = key;
        }

        for (var f = 0; f < keys.Length; f++)
        {
            w.Write7BitEncodedInt(starts[f + 1] - starts[f]);
        }

        foreach (var entry in packed)
        {
            w.Write7BitEncodedInt((int)(entry >> 16));
        }

        foreach (var entry in packed)
        {
            w.Write((ushort)entry);
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

        var packed = new uint[entries];
        for (var e = 0; e < entries; e++)
        {
            packed[e] = (uint)r.Read7BitEncodedInt() << 16;
        }

        for (var e = 0; e < entries; e++)
        {
            packed[e] |= r.ReadUInt16();
        }

        return new FeatureWeights(classes, features, starts, packed, keep: false);
    }
}
