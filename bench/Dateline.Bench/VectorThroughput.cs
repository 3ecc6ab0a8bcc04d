using System.Diagnostics;
using System.Globalization;
using Dateline.Core.Embeddings;
using Dateline.Nlp.Onnx;
using Dateline.Storage;
using Dateline.Storage.Sqlite;
using Dateline.Storage.Vectors;
using Microsoft.Data.Sqlite;

namespace Dateline.Bench;

/// <summary>
/// <c>vectors BBC_DIR [--count N] [--texts N] [--rounds N]</c>: what meaning-based search costs. (1) MiniLM embeddings
/// of BBC titles and leads per second at 1 and 2 threads, beside the understanding pipeline's articles per second on the
/// same texts in the same run (the peer); (2) a SQLite store of N articles with random unit vectors: the first nearest
/// query (reading every vector), then warm queries (median and 95th percentile), with and without a source filter, and
/// the process's memory with the vectors held.
/// </summary>
internal static class VectorThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dir = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? throw new ArgumentException("vectors BBC_DIR [--count N] [--texts N] [--rounds N]");
        int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        var count = Arg("--count", 100_000);
        var textCount = Arg("--texts", 256);
        var rounds = Arg("--rounds", 3);

        var texts = Directory.GetFiles(dir, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(textCount)
            .Select(f => File.ReadAllLines(f)).Select(lines => new Core.Articles.Article
            {
                Id = "x",
                Origin = new Core.Articles.ArticleOrigin("x"),
                Title = lines[0],
                Paragraphs = [.. lines.Skip(1).Where(l => l.Trim().Length > 0)],
            }).ToList();
        var leads = texts.Select(EmbeddingText.ForArticle).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{leads.Count} BBC leads, {leads.Average(l => l.Length):0} characters on average; {rounds} rounds"));
        foreach (var threads in new[] { 1, 2 })
        {
            using var embedder = new MiniLmEmbedder(threads);
            var load = Stopwatch.StartNew();
            embedder.Embed(["warm up"], CancellationToken.None);
            var loadMs = load.ElapsedMilliseconds;
            var rates = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                var clock = Stopwatch.StartNew();
                embedder.Embed(leads, CancellationToken.None);
                rates.Add(leads.Count / clock.Elapsed.TotalSeconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"embed, {threads} thread(s): median {Median(rates):0.0} leads/s (rounds {string.Join(", ", rates.Select(x => x.ToString("0.0", CultureInfo.InvariantCulture)))}); first call {loadMs} ms; RSS {Environment.WorkingSet >> 20} MiB"));
        }

        var pipeline = Nlp.NlpPipelines.Default();
        var analysis = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var a in texts)
            {
                pipeline.Run(Core.Documents.Document.FromArticle(a), CancellationToken.None);
            }

            analysis.Add(texts.Count / clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peer: full understanding pipeline on the same {texts.Count} whole articles, one thread: median {Median(analysis):0.0} articles/s"));

        var folder = Path.Combine(Path.GetTempPath(), "dateline-bench-vectors-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "v.db");
            await using (await SqliteArticleStore.OpenAsync(path))
            {
            }

            var fill = Stopwatch.StartNew();
            Fill(path, count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {count:N0} articles with 384-dimension vectors written in {fill.Elapsed.TotalSeconds:0.0} s ({new FileInfo(path).Length >> 20} MiB)"));
            await using var store = await SqliteArticleStore.OpenAsync(path);
            var random = new Random(7);
            var before = Environment.WorkingSet;
            var cold = Stopwatch.StartNew();
            await store.NearestAsync(new NearestRequest("bench", RandomUnit(random), ArticleFilter.All, 10), CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first query (reads every vector): {cold.ElapsedMilliseconds} ms; RSS +{(Environment.WorkingSet - before) >> 20} MiB with the vectors held"));
            foreach (var (label, filter) in new[] { ("all", ArticleFilter.All), ("source filter (1/4 of the store)", new ArticleFilter(Source: "Source 1")) })
            {
                var times = new List<double>();
                for (var q = 0; q < 50; q++)
                {
                    var clock = Stopwatch.StartNew();
                    await store.NearestAsync(new NearestRequest("bench", RandomUnit(random), filter, 10), CancellationToken.None);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm top-10, {label}: median {Median(times):0.0} ms, p95 {times[(int)(times.Count * 0.95)]:0.0} ms (50 queries)"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static void Fill(string path, int count)
    {
        using var c = new SqliteConnection($"Data Source={path}");
        c.Open();
        using var tx = c.BeginTransaction();
        using var article = c.CreateCommand();
        article.Transaction = tx;
        article.CommandText = """
            INSERT INTO articles (id, source, title, published_date, origin_path, content_hash, ingested_at, updated_at)
            VALUES ($id, $source, $title, '2025-01-01', 'bench', 'h', 'now', 'now') RETURNING seq
            """;
        var id = article.Parameters.Add("$id", SqliteType.Text);
        var source = article.Parameters.Add("$source", SqliteType.Text);
        var title = article.Parameters.Add("$title", SqliteType.Text);
        using var vector = c.CreateCommand();
        vector.Transaction = tx;
        vector.CommandText = "INSERT INTO article_vectors (seq, model, vector) VALUES ($seq, 'bench', $v)";
        var seq = vector.Parameters.Add("$seq", SqliteType.Integer);
        var bytes = vector.Parameters.Add("$v", SqliteType.Blob);
        var random = new Random(3);
        for (var i = 0; i < count; i++)
        {
            id.Value = "a" + i.ToString(CultureInfo.InvariantCulture);
            source.Value = "Source " + (i % 4).ToString(CultureInfo.InvariantCulture);
            title.Value = "Article " + i.ToString(CultureInfo.InvariantCulture);
            seq.Value = (long)article.ExecuteScalar()!;
            var v = RandomUnit(random);
            var b = new byte[v.Length * 4];
            Buffer.BlockCopy(v, 0, b, 0, b.Length);
            bytes.Value = b;
            vector.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private static float[] RandomUnit(Random random)
    {
        var v = new float[384];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)(random.NextDouble() - 0.5);
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
