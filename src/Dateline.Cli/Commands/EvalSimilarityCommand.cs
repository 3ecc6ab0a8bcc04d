using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Evaluation.Similarity;
using Dateline.Ingestion.Embedding;
using Dateline.Nlp.Onnx;
using Dateline.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace Dateline.Cli.Commands;

/// <summary>
/// <c>dateline eval similarity BBC_FOLDER</c>: similar articles by meaning against the best keyword matches of the title,
/// scored by how often the neighbours share the article's BBC section (issue 16's bar).
/// </summary>
internal static class EvalSimilarityCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The BBC News corpus: one folder per section of .txt articles (../shared/corpora/raw/bbc)" };
        var sample = new Option<int>("--articles") { Description = "How many articles to query (seeded sample)", DefaultValueFactory = _ => 300 };
        var seed = new Option<int>("--seed") { Description = "The sample's seed", DefaultValueFactory = _ => 16 };
        var store = new Option<string?>("--store") { Description = "Keep the store (SQLite file) here and reuse its vectors next time; default: a temporary file" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var threads = EmbedOptions.Threads();
        var command = new Command("similarity", "Similar articles by meaning vs the title's keyword matches: how often the 10 neighbours share the BBC section")
        {
            folder, sample, seed, store, format, threads,
        };
        command.SetAction(async (result, ct) =>
        {
            var dir = result.GetValue(folder)!;
            if (!Directory.Exists(dir))
            {
                throw new UsageException($"'{dir}' is not a folder");
            }

            using var logging = GlobalOptions.CreateLogging(result);
            var articles = SimilarityEvaluator.ReadBbc(dir);
            if (articles.Count == 0)
            {
                throw new UsageException($"'{dir}' holds no section folders of .txt articles");
            }

            var path = result.GetValue(store) ?? Path.Combine(Path.GetTempPath(), $"dateline-similarity-{Guid.NewGuid():N}.db");
            try
            {
                SimilarityReport report;
                double embedRate;
                await using (var db = await SqliteArticleStore.OpenAsync(path, ct))
                {
                    for (var i = 0; i < articles.Count; i += 256)
                    {
                        await db.SaveAsync(articles.Skip(i).Take(256).ToList(), ct);
                    }

                    using var embedder = new MiniLmEmbedder(result.GetValue(threads));
                    var embedded = await EmbedProgressView.RunAsync(p => new EmbeddingJob(db, embedder, logging.CreateLogger("embed")).RunAsync(EmbeddingJob.DefaultBatchSize, null, p, ct));
                    embedRate = embedded.PerSecond;
                    report = await SimilarityEvaluator.RunAsync(db, embedder, articles, result.GetValue(sample), result.GetValue(seed), ct);
                }

                if (result.GetValue(format) == "json")
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        articles = report.Articles,
                        queried = report.Queried,
                        neighbours = report.Neighbours,
                        vector_share = Math.Round(report.VectorShare, 4),
                        keyword_share = Math.Round(report.KeywordShare, 4),
                        vector_at_least_keyword = Math.Round(report.VectorAtLeastKeyword, 4),
                        keyword_hits_per_query = Math.Round(report.KeywordHitsPerQuery, 2),
                        embedded_per_second = Math.Round(embedRate, 1),
                        query_seconds = Math.Round(report.QueryTime.TotalSeconds, 2),
                    }, CliJson.Options));
                }
                else
                {
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{report.Queried} of {report.Articles} BBC articles queried, {report.Neighbours} neighbours each: same section {report.VectorShare:P1} by meaning, {report.KeywordShare:P1} by the title's keywords ({report.KeywordHitsPerQuery:0.0} hits per query); meaning did at least as well for {report.VectorAtLeastKeyword:P1} of the articles"));
                }

                return ExitCodes.Success;
            }
            finally
            {
                if (result.GetValue(store) is null)
                {
                    foreach (var f in new[] { path, path + "-wal", path + "-shm" })
                    {
                        File.Delete(f);
                    }
                }
            }
        });
        return command;
    }
}
