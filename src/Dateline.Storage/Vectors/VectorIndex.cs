using System.Numerics.Tensors;

namespace Dateline.Storage.Vectors;

/// <summary>
/// Every stored vector of one model in memory, one row after another, scored by brute force: a SIMD dot product per
/// row (<see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>) and a bounded heap for the best
/// k. 100,000 vectors of 384 dimensions take 154 MB and a few milliseconds per query (docs/PERFORMANCE.md); past about a
/// million an approximate index (HNSW, e.g. USearch) would take over. Not thread-safe: <see cref="VectorIndexes"/>
/// serialises access.
/// </summary>
internal sealed class VectorIndex
{
    private float[] _data = [];
    private long[] _seqs;
    private string[] _ids;
    private readonly Dictionary<long, int> _slots;
    private int _capacity;

    /// <param name="capacity">Rows to make room for at once (the store's count when it is read whole), so loading never copies the table to grow it.</param>
    public VectorIndex(int capacity = 0)
    {
        _slots = new Dictionary<long, int>(capacity);
        _seqs = new long[capacity];
        _ids = new string[capacity];
        _capacity = capacity;
    }

    /// <summary>The vectors' length, fixed by the first one stored (0 while empty).</summary>
    public int Dimensions { get; private set; }

    public int Count { get; private set; }

    /// <summary>The highest stored row id read so far: the next refresh reads rows after it.</summary>
    public long LastRowId { get; private set; }

    /// <summary>The store's change version when the index was last brought up to date.</summary>
    public long? Version { get; set; }

    /// <summary>Adds a row, or replaces the vector of an article already held.</summary>
    public void Put(VectorRow row)
    {
        var dimensions = VectorBytes.Dimensions(row.Bytes);
        if (Dimensions == 0)
        {
            Dimensions = dimensions;
            _data = new float[_capacity * Dimensions];
        }
        else if (dimensions != Dimensions)
        {
            throw new StoreException($"article {row.ArticleId} has a vector of {dimensions} dimensions where the model's others have {Dimensions}");
        }

        LastRowId = Math.Max(LastRowId, row.RowId);
        if (!_slots.TryGetValue(row.Seq, out var slot))
        {
            slot = Count++;
            if (slot == _capacity)
            {
                _capacity = Math.Max(1024, _capacity * 2);
                Array.Resize(ref _seqs, _capacity);
                Array.Resize(ref _ids, _capacity);
                Array.Resize(ref _data, _capacity * Dimensions);
            }

            _slots[row.Seq] = slot;
            _seqs[slot] = row.Seq;
        }

        _ids[slot] = row.ArticleId;
        VectorBytes.Decode(row.Bytes, _data.AsSpan(slot * Dimensions, Dimensions));
    }

    /// <summary>
    /// The <paramref name="k"/> rows closest to <paramref name="query"/>, best first (ties by article id), among the
    /// articles <paramref name="allowed"/> holds (all when null), leaving out <paramref name="exclude"/>.
    /// </summary>
    public (List<VectorHit> Hits, long Compared) Top(float[] query, int k, IReadOnlySet<long>? allowed, string? exclude)
    {
        if (Count > 0 && query.Length != Dimensions)
        {
            throw new ArgumentException($"the query vector has {query.Length} dimensions, the stored ones {Dimensions}", nameof(query));
        }

        var heap = new PriorityQueue<int, (float Score, string Id)>(k + 1, WorstFirst.Instance);
        long compared = 0;
        for (var slot = 0; slot < Count; slot++)
        {
            if ((allowed is not null && !allowed.Contains(_seqs[slot])) || (exclude is not null && _ids[slot] == exclude))
            {
                continue;
            }

            compared++;
            var score = TensorPrimitives.Dot(_data.AsSpan(slot * Dimensions, Dimensions), query);
            if (heap.Count < k)
            {
                heap.Enqueue(slot, (score, _ids[slot]));
            }
            else if (k > 0 && heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, _ids[slot]), worst) > 0)
            {
                heap.DequeueEnqueue(slot, (score, _ids[slot]));
            }
        }

        var hits = new List<VectorHit>(heap.Count);
        while (heap.TryDequeue(out var slot, out var key))
        {
            hits.Add(new VectorHit(_ids[slot], key.Score));
        }

        hits.Reverse();
        return (hits, compared);
    }

    /// <summary>Orders the heap so that its top is the worst hit kept: lower score, then the later id.</summary>
    private sealed class WorstFirst : IComparer<(float Score, string Id)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, string Id) x, (float Score, string Id) y)
        {
            var c = x.Score.CompareTo(y.Score);
            return c != 0 ? c : string.CompareOrdinal(y.Id, x.Id);
        }
    }
}

/// <summary>One stored vector as the back ends read it: its row id (increasing with every write), the article's row and id, and its stored bytes.</summary>
internal readonly record struct VectorRow(long RowId, long Seq, string ArticleId, byte[] Bytes);
