namespace Dateline.Nlp.Learning;

/// <summary>
/// A multiclass averaged perceptron over sparse binary features (Collins 2002; the averaging uses the usual lazy
/// timestamp trick so an update costs O(active features)). Weights are dense per feature: feature f, class c at
/// <c>f * Classes + c</c>.
/// </summary>
public sealed class AveragedPerceptron(int classes)
{
    private float[] _weights = new float[1024 * classes];
    private double[] _totals = new double[1024 * classes];
    private int[] _stamps = new int[1024 * classes];
    private int _instances;

    public int Classes { get; } = classes;

    public ReadOnlySpan<float> Weights => _weights;

    public void EnsureFeatures(int count)
    {
        if (count * Classes <= _weights.Length)
        {
            return;
        }

        var size = Math.Max(count * Classes, _weights.Length * 2);
        Array.Resize(ref _weights, size);
        Array.Resize(ref _totals, size);
        Array.Resize(ref _stamps, size);
    }

    public void Scores(ReadOnlySpan<int> features, Span<float> scores)
    {
        scores.Clear();
        AddScores(features, scores);
    }

    /// <summary>Adds the features' weights to <paramref name="scores"/> (without clearing it first).</summary>
    public void AddScores(ReadOnlySpan<int> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            if (f < 0)
            {
                continue;
            }

            var row = _weights.AsSpan(f * Classes, Classes);
            for (var c = 0; c < Classes; c++)
            {
                scores[c] += row[c];
            }
        }
    }

    public void Update(ReadOnlySpan<int> features, int gold, int guess)
    {
        _instances++;
        if (gold == guess)
        {
            return;
        }

        foreach (var f in features)
        {
            if (f < 0)
            {
                continue;
            }

            Bump(f * Classes + gold, 1);
            Bump(f * Classes + guess, -1);
        }
    }

    /// <summary>Starts a new training instance (for updates made with <see cref="Add"/>).</summary>
    public void Tick() => _instances++;

    /// <summary>Adds <paramref name="delta"/> to the weights of <paramref name="features"/> for one class.</summary>
    public void Add(ReadOnlySpan<int> features, int cls, float delta)
    {
        foreach (var f in features)
        {
            if (f >= 0)
            {
                Bump((f * Classes) + cls, delta);
            }
        }
    }

    private void Bump(int i, float delta)
    {
        _totals[i] += (_instances - _stamps[i]) * (double)_weights[i];
        _stamps[i] = _instances;
        _weights[i] += delta;
    }

    /// <summary>Replaces each weight by its average over all updates seen. Call once, after training.</summary>
    public void Average()
    {
        for (var i = 0; i < _weights.Length; i++)
        {
            var total = _totals[i] + ((_instances - _stamps[i]) * (double)_weights[i]);
            _weights[i] = _instances == 0 ? 0 : (float)(total / _instances);
        }
    }
}
