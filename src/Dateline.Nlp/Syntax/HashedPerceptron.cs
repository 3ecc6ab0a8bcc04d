namespace Dateline.Nlp.Syntax;

/// <summary>
/// A multiclass averaged perceptron for training (Collins 2002) keyed by 64-bit feature hashes. A feature gets a row
/// of class weights only when it first takes part in an update, so features that are never wrong cost nothing.
/// Averaging keeps, beside each weight, the sum of (instance number × change) and subtracts its mean at the end
/// (Daumé 2006), so an update costs O(active features).
/// </summary>
internal sealed class HashedPerceptron(int classes)
{
    private readonly Dictionary<ulong, int> _rows = [];
    private float[] _weights = new float[4096 * classes];
    private double[] _sums = new double[4096 * classes];
    private int[] _updates = new int[4096];
    private long _instance = 1;

    public int Classes { get; } = classes;

    public int Features => _rows.Count;

    public void Scores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (_rows.TryGetValue(f, out var row))
            {
                var w = _weights.AsSpan(row * Classes, Classes);
                for (var c = 0; c < w.Length; c++)
                {
                    scores[c] += w[c];
                }
            }
        }
    }

    /// <summary>Moves <paramref name="gold"/> up and <paramref name="guess"/> down (nothing when they agree), and counts one instance.</summary>
    public void Update(ReadOnlySpan<ulong> features, int gold, int guess)
    {
        if (gold != guess)
        {
            foreach (var f in features)
            {
                var r = Row(f);
                _updates[r]++;
                var row = r * Classes;
                Bump(row + gold, 1f);
                Bump(row + guess, -1f);
            }
        }

        _instance++;
    }

    /// <summary>Counts one instance without an update.</summary>
    public void Tick() => _instance++;

    private void Bump(int i, float delta)
    {
        _weights[i] += delta;
        _sums[i] += _instance * (double)delta;
    }

    private int Row(ulong feature)
    {
        if (_rows.TryGetValue(feature, out var row))
        {
            return row;
        }

        row = _rows.Count;
        if ((row + 1) * Classes > _weights.Length)
        {
            Array.Resize(ref _weights, _weights.Length * 2);
            Array.Resize(ref _sums, _sums.Length * 2);
            Array.Resize(ref _updates, _updates.Length * 2);
        }

        _rows[feature] = row;
        return row;
    }

    /// <summary>
    /// The averaged weights, keeping features that took part in at least <paramref name="minUpdates"/> updates (rarer
    /// ones are mostly noise and cost memory and cache misses) and entries whose magnitude is at least <paramref name="prune"/>.
    /// </summary>
    public FeatureWeights Averaged(float prune, int minUpdates = 1)
    {
        var entries = new List<(ulong Feature, ushort Class, float Weight)>();
        foreach (var (feature, row) in _rows.OrderBy(kv => kv.Key))
        {
            if (_updates[row] < minUpdates)
            {
                continue;
            }

            for (var c = 0; c < Classes; c++)
            {
                var i = (row * Classes) + c;
                var avg = (float)(_weights[i] - (_sums[i] / _instance));
                if (Math.Abs(avg) >= prune)
                {
                    entries.Add((feature, (ushort)c, avg));
                }
            }
        }

        return FeatureWeights.Build(Classes, entries);
    }
}
