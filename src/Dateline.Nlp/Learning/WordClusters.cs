using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text;

namespace Dateline.Nlp.Learning;

/// <summary>
/// Distributional word classes learned from unlabelled news text: each frequent word is described by the words seen
/// just before and after it, the description is randomly projected to a short vector, and spherical k-means groups the
/// vectors at two granularities (coarse and fine). Words that behave alike (surnames, clubs, weekdays, verbs of saying)
/// share a class, which lets the tagger generalise to names it never saw in training.
/// </summary>
public sealed class WordClusters
{
    private readonly Dictionary<string, (int Coarse, int Fine)> _classes;

    private WordClusters(Dictionary<string, (int, int)> classes) => _classes = classes;

    public int Count => _classes.Count;

    public static WordClusters Empty { get; } = new([]);

    private static readonly Lazy<WordClusters> DefaultLazy = new(LoadEmbedded);

    /// <summary>The classes shipped in Data/clusters.tsv (empty if the file is absent).</summary>
    public static WordClusters Default => DefaultLazy.Value;

    public (int Coarse, int Fine)? Lookup(string word) =>
        _classes.TryGetValue(word.ToLowerInvariant(), out var c) ? c : null;

    /// <summary>Learns classes from tokenized sentences.</summary>
    public static WordClusters Learn(IEnumerable<string[]> sentences, int coarse = 64, int fine = 512, int minCount = 5,
        int maxWords = 60_000, int contextWords = 600, int dimensions = 96, int seed = 11, Action<string>? log = null)
    {
        var corpus = sentences.Select(s => s.Select(w => w.ToLowerInvariant()).ToArray()).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in corpus)
        {
            foreach (var w in s)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        var vocab = counts.Where(kv => kv.Value >= minCount).OrderByDescending(kv => kv.Value).Take(maxWords).Select(kv => kv.Key).ToList();
        var vocabIndex = vocab.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        var context = vocab.Take(contextWords).Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        log?.Invoke($"{corpus.Count} sentences, {counts.Count} word types, clustering {vocab.Count}");

        // Random ±1 projection of the (left context, right context) count vector.
        var random = new Random(seed);
        var projection = new float[2 * context.Count, dimensions];
        for (var c = 0; c < 2 * context.Count; c++)
        {
            for (var d = 0; d < dimensions; d++)
            {
                projection[c, d] = random.Next(2) == 0 ? -1f : 1f;
            }
        }

        var sparse = new Dictionary<int, float>[vocab.Count];
        for (var i = 0; i < sparse.Length; i++)
        {
            sparse[i] = [];
        }

        foreach (var s in corpus)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (!vocabIndex.TryGetValue(s[i], out var v))
                {
                    continue;
                }

                if (i > 0 && context.TryGetValue(s[i - 1], out var left))
                {
                    sparse[v][left] = sparse[v].GetValueOrDefault(left) + 1;
                }

                if (i + 1 < s.Length && context.TryGetValue(s[i + 1], out var right))
                {
                    var key = context.Count + right;
                    sparse[v][key] = sparse[v].GetValueOrDefault(key) + 1;
                }
            }
        }

        var vectors = new float[vocab.Count][];
        for (var v = 0; v < vocab.Count; v++)
        {
            var vec = new float[dimensions];
            foreach (var (c, n) in sparse[v])
            {
                var weight = MathF.Sqrt(n);
                for (var d = 0; d < dimensions; d++)
                {
                    vec[d] += weight * projection[c, d];
                }
            }

            Normalize(vec);
            vectors[v] = vec;
        }

        var coarseOf = KMeans(vectors, coarse, seed, log);
        var fineOf = KMeans(vectors, fine, seed + 1, log);
        var classes = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var v = 0; v < vocab.Count; v++)
        {
            classes[vocab[v]] = (coarseOf[v], fineOf[v]);
        }

        return new WordClusters(classes);
    }

    private static int[] KMeans(float[][] vectors, int k, int seed, Action<string>? log, int iterations = 10)
    {
        var random = new Random(seed);
        var dims = vectors[0].Length;
        var centroids = Enumerable.Range(0, k).Select(_ => (float[])vectors[random.Next(vectors.Length)].Clone()).ToArray();
        var assignment = new int[vectors.Length];
        for (var it = 0; it < iterations; it++)
        {
            Parallel.For(0, vectors.Length, v =>
            {
                var best = 0;
                var bestScore = float.MinValue;
                for (var c = 0; c < k; c++)
                {
                    var score = Dot(vectors[v], centroids[c]);
                    if (score > bestScore)
                    {
                        (best, bestScore) = (c, score);
                    }
                }

                assignment[v] = best;
            });
            var sums = new float[k][];
            for (var c = 0; c < k; c++)
            {
                sums[c] = new float[dims];
            }

            for (var v = 0; v < vectors.Length; v++)
            {
                var sum = sums[assignment[v]];
                for (var d = 0; d < dims; d++)
                {
                    sum[d] += vectors[v][d];
                }
            }

            for (var c = 0; c < k; c++)
            {
                if (sums[c].Any(x => x != 0))
                {
                    Normalize(sums[c]);
                    centroids[c] = sums[c];
                }
                else
                {
                    centroids[c] = (float[])vectors[random.Next(vectors.Length)].Clone();
                }
            }
        }

        log?.Invoke($"k-means k={k}: {assignment.Distinct().Count()} classes used");
        return assignment;
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var acc = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                acc += new Vector<float>(a, i) * new Vector<float>(b, i);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Normalize(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        if (norm > 0)
        {
            for (var d = 0; d < v.Length; d++)
            {
                v[d] /= norm;
            }
        }
    }

    public void Save(TextWriter writer, string provenance)
    {
        writer.WriteLine("# Word classes for the entity tagger: word <TAB> coarse class <TAB> fine class.");
        writer.WriteLine("# " + provenance);
        foreach (var (word, (c, f)) in _classes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{word}\t{c}\t{f}"));
        }
    }

    public static WordClusters Load(TextReader reader)
    {
        var classes = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            classes[cols[0]] = (int.Parse(cols[1], CultureInfo.InvariantCulture), int.Parse(cols[2], CultureInfo.InvariantCulture));
        }

        return new WordClusters(classes);
    }

    private static WordClusters LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dateline.Nlp.Data.clusters.tsv");
        if (stream is null)
        {
            return Empty;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Load(reader);
    }
}
