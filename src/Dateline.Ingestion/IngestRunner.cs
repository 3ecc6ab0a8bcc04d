using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Dateline.Core.Articles;
using Dateline.Core.Errors;
using Dateline.Extraction.Reading;
using Dateline.Storage;
using Dateline.Storage.Events;
using Microsoft.Extensions.Logging;

namespace Dateline.Ingestion;

/// <summary>
/// Runs an ingest: files are read in parallel, articles flow through a bounded channel to a single writer that
/// commits them in batches (one transaction each). A file is entered in the resume ledger only after all its
/// articles are committed, so a killed run resumes where it stopped and re-reads at most the unfinished files;
/// article ids make any re-read a no-op.
/// </summary>
public sealed class IngestRunner(ArticleExtractor extractor, IArticleStore store, IngestOptions options, ILogger logger)
{
    private abstract record Item;

    private sealed record ArticleItem(Article Article, ArticleAnnotations? Annotations, IReadOnlyList<EntityObservation> Entities) : Item;

    private sealed record FileDone(IngestedFile File, bool Clean) : Item;

    public Task<IngestSummary> RunAsync(IReadOnlyList<string> paths, IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken)
    {
        var (files, findProblems) = InputFinder.Find(paths);
        return RunCoreAsync([.. files.Select(f => new Input(f, null))], findProblems, progress, cancellationToken);
    }

    /// <summary>
    /// Ingests inputs held in memory (documents sent to the API, uploaded files) through the same readers, pipeline and
    /// single writer as files. They have no file to remember, so they are not entered in the resume ledger; article ids
    /// still make a repeated upload a no-op.
    /// </summary>
    public Task<IngestSummary> RunInputsAsync(IReadOnlyList<InputFile> inputs, IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken) =>
        RunCoreAsync([.. inputs.Select(i => new Input(i.Path, i))], [], progress, cancellationToken);

    private sealed record Input(string Path, InputFile? Memory);

    private async Task<IngestSummary> RunCoreAsync(IReadOnlyList<Input> files, IReadOnlyList<InputProblem> findProblems,
        IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var problems = new List<InputProblem>(findProblems);
        var channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(options.BatchSize * 4)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var state = new Counters { FilesTotal = files.Count };
        foreach (var p in findProblems)
        {
            logger.LogWarning("Skipped {Path}: {Reason}", p.Path, p.Reason);
        }

        var writer = Task.Run(() => WriteAsync(channel.Reader, state, progress, cancellationToken), cancellationToken);
        var cancelled = false;
        try
        {
            await Parallel.ForEachAsync(files, new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, options.Parallelism),
                CancellationToken = cancellationToken,
            }, async (input, ct) => await ReadFileAsync(input, channel.Writer, state, problems, ct));
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
        }
        finally
        {
            channel.Writer.TryComplete();
        }

        try
        {
            await writer;
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
        }

        return new IngestSummary
        {
            FilesFound = files.Count,
            FilesRead = state.FilesRead,
            FilesUnchanged = state.FilesUnchanged,
            ArticlesRead = state.ArticlesRead,
            Inserted = state.Inserted,
            Updated = state.Updated,
            Duplicates = state.Unchanged,
            Problems = [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal)],
            SkippedRecords = state.SkippedByFormat(),
            Elapsed = clock.Elapsed,
            Cancelled = cancelled,
        };
    }

    private async Task ReadFileAsync(Input input, ChannelWriter<Item> channel, Counters state, List<InputProblem> problems,
        CancellationToken ct)
    {
        var path = input.Path;
        IngestedFile? fingerprint = null;
        try
        {
            var info = new FileInfo(path);
            if (input.Memory is null && info.Exists)
            {
                fingerprint = new IngestedFile(Path.GetFullPath(path), info.Length, info.LastWriteTimeUtc);
                if (!options.Force && await store.IsFileIngestedAsync(fingerprint, ct))
                {
                    Interlocked.Increment(ref state.FilesUnchanged);
                    Interlocked.Increment(ref state.FilesDone);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // ReadFile below reports the same condition with the file's name.
        }

        var articles = 0;
        var clean = true;
        foreach (var outcome in input.Memory is { } memory ? extractor.Read(memory, ct) : extractor.ReadFile(path, ct))
        {
            if (outcome.Article is { } article)
            {
                articles++;
                Interlocked.Increment(ref state.ArticlesRead);
                var (annotations, entities) = Annotate(article, ct);
                await channel.WriteAsync(new ArticleItem(article, annotations, entities), ct);
            }
            else if (outcome.Problem is { } problem)
            {
                clean = false;
                lock (problems)
                {
                    problems.Add(problem);
                }

                Interlocked.Increment(ref state.Problems);
                logger.LogWarning("Skipped {Path} {Record}: {Reason}", problem.Path, problem.Record, problem.Reason);
            }
            else if (outcome.Skipped is { } skipped)
            {
                state.Skipped.AddOrUpdate(skipped, 1, (_, n) => n + 1);
            }
        }

        Interlocked.Increment(ref state.FilesRead);
        if (fingerprint is not null)
        {
            await channel.WriteAsync(new FileDone(fingerprint with { Articles = articles }, clean), ct);
        }
        else
        {
            Interlocked.Increment(ref state.FilesDone);
        }
    }

    private async Task WriteAsync(ChannelReader<Item> channel, Counters state, IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        var batch = new List<Article>(options.BatchSize);
        var annotations = new List<ArticleAnnotations>(options.BatchSize);
        var entities = new List<EntityObservation>();
        var done = new List<FileDone>();
        while (await channel.WaitToReadAsync(ct))
        {
            while (batch.Count < options.BatchSize && channel.TryRead(out var item))
            {
                if (item is ArticleItem a)
                {
                    batch.Add(a.Article);
                    if (a.Annotations is not null)
                    {
                        annotations.Add(a.Annotations);
                    }

                    entities.AddRange(a.Entities);

                }
                else if (item is FileDone f)
                {
                    done.Add(f);
                }
            }

            await FlushAsync(batch, annotations, entities, done, state, ct);
            progress?.Report(state.Snapshot());
        }

        await FlushAsync(batch, annotations, entities, done, state, ct);
        progress?.Report(state.Snapshot());
    }

    private async Task FlushAsync(List<Article> batch, List<ArticleAnnotations> annotations, List<EntityObservation> entities,
        List<FileDone> done, Counters state, CancellationToken ct)
    {
        if (batch.Count > 0)
        {
            var statuses = await store.SaveAsync(batch, ct);
            await store.SaveAnnotationsAsync(annotations, ct); // after the articles: a crash in between re-annotates on resume
            await store.RecordEventsAsync([.. annotations.Where(a => a.Events is not null).Select(a => a.Events!)], ct); // replaces per article
            annotations.Clear();
            await store.RecordEntitiesAsync(entities, ct); // idempotent per (entity, article)
            entities.Clear();
            foreach (var s in statuses)
            {
                _ = s switch
                {
                    SaveStatus.Inserted => Interlocked.Increment(ref state.Inserted),
                    SaveStatus.Updated => Interlocked.Increment(ref state.Updated),
                    _ => Interlocked.Increment(ref state.Unchanged),
                };
            }

            Interlocked.Add(ref state.ArticlesWritten, batch.Count);
            batch.Clear();
        }

        if (done.Count > 0)
        {
            await store.MarkFilesIngestedAsync([.. done.Where(d => d.Clean).Select(d => d.File)], ct);
            Interlocked.Add(ref state.FilesDone, done.Count);
            done.Clear();
        }
    }

    /// <summary>Runs the understanding pipeline on one article; a failure is recorded in the layers' errors, never thrown.</summary>
    private (ArticleAnnotations?, IReadOnlyList<EntityObservation>) Annotate(Article article, CancellationToken ct) =>
        options.Pipeline is { } pipeline ? Analysis.ArticleAnalysis.Analyze(article, pipeline, ct) : (null, []);

    private sealed class Counters
    {
        public int FilesTotal;
        public int FilesDone;
        public int FilesRead;
        public int FilesUnchanged;
        public int Problems;
        public long ArticlesRead;
        public long ArticlesWritten;
        public long Inserted;
        public long Updated;
        public long Unchanged;

        public readonly ConcurrentDictionary<SkippedRecord, long> Skipped = new();

        public Dictionary<string, IReadOnlyDictionary<string, long>> SkippedByFormat() =>
            Skipped.GroupBy(s => s.Key.Format).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key,
                g => (IReadOnlyDictionary<string, long>)g.OrderByDescending(s => s.Value).ThenBy(s => s.Key.Category, StringComparer.Ordinal)
                    .ToDictionary(s => s.Key.Category, s => s.Value));

        public IngestProgress Snapshot() => new(Volatile.Read(ref FilesDone), FilesTotal, Interlocked.Read(ref ArticlesRead),
            Interlocked.Read(ref ArticlesWritten), Volatile.Read(ref Problems));
    }
}
