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
/// <para>The writer stores articles in input order (file by file, each file's records in order) whatever the number of
/// readers: what is stored depends on what came before it (story grouping, the events keyed on a story), so the same
/// inputs give the same store with one reader or many. A reader of a later input waits while the writer holds back
/// <see cref="HeldPerBatch"/> batches' worth of articles, which bounds the memory a slow input can make the others take.</para>
/// </summary>
public sealed class IngestRunner(ArticleExtractor extractor, IArticleStore store, IngestOptions options, ILogger logger)
{
    private abstract record Item(int Input);

    private sealed record ArticleItem(int Input, Article Article, ArticleAnnotations? Annotations, IReadOnlyList<EntityObservation> Entities) : Item(Input);

    /// <summary>The last item of an input. <c>File</c> is what the resume ledger records (null for inputs held in memory
    /// and for files found unchanged).</summary>
    private sealed record FileDone(int Input, IngestedFile? File, bool Clean) : Item(Input)
    {
        /// <summary>Bytes of the memory budget the input held; given back once its articles are written.</summary>
        public long Reserved { get; init; }
    }

    /// <summary>How many batches of articles of later inputs the writer may hold while an earlier input is still being read.</summary>
    private const int HeldPerBatch = 8;

    /// <summary>
    /// Ingests the files under <paramref name="paths"/>. Each file is claimed in the store's queue before it is read, so
    /// several processes given the same inputs (on one machine or many, sharing a PostgreSQL store) divide them; files
    /// other workers hold are waited for and taken over if their worker stops renewing its claims (killed, crashed), so
    /// when this returns every input was ingested by someone. Claims still held at the end are given back.
    /// </summary>
    public async Task<IngestSummary> RunAsync(IReadOnlyList<string> paths, IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (files, findProblems) = InputFinder.Find(paths);
        using var stopBeating = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = RenewClaimsAsync(stopBeating.Token);
        try
        {
            var pending = files.Select(f => new Input(f, null)).ToList();
            var pass = new Pass(false);
            var summary = await RunCoreAsync(pending, findProblems, progress, pass, cancellationToken);
            var waited = 0;
            for (var held = pass.HeldInputs(); held.Count > 0 && !summary.Cancelled; held = pass.HeldInputs())
            {
                if (waited++ == 0)
                {
                    logger.LogInformation("{Count} files are being read by other workers; waiting for them to finish or stop", held.Count);
                }

                pass = new Pass(true);
                try
                {
                    await Task.Delay(WaitForOthers, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return summary with { Cancelled = true, FilesFound = files.Count, Elapsed = clock.Elapsed };
                }

                summary = summary.Add(await RunCoreAsync(held, [], progress, pass, cancellationToken));
            }

            return summary with { FilesFound = files.Count, Elapsed = clock.Elapsed };
        }
        finally
        {
            await stopBeating.CancelAsync();
            await heartbeat;
            try
            {
                await store.ReleaseClaimsAsync(options.Worker, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "Could not give back the claims of {Worker}; they run out in {Lease}", options.Worker, options.ClaimLease);
            }
        }
    }

    /// <summary>
    /// How often files other workers hold are asked for again: often, since a worker that has finished its share waits
    /// for the others' last files before it ends (5 s here made two workers 4–5 s slower than they needed to be), and
    /// asking costs one small transaction per held file.
    /// </summary>
    private TimeSpan WaitForOthers => TimeSpan.FromTicks(Math.Clamp(options.ClaimLease.Ticks / 30, TimeSpan.FromMilliseconds(200).Ticks, TimeSpan.FromSeconds(1).Ticks));

    /// <summary>One pass over inputs: the files other workers held in it, and whether it is a later pass (waiting for them).</summary>
    private sealed class Pass(bool waiting)
    {
        public bool Waiting => waiting;

        public ConcurrentBag<(int Order, Input Input)> Held { get; } = [];

        /// <summary>The held inputs in the order the pass listed them.</summary>
        public List<Input> HeldInputs() => [.. Held.OrderBy(h => h.Order).Select(h => h.Input)];
    }

    /// <summary>Renews this worker's claims every third of the lease until <paramref name="ct"/> fires; a failed renewal is logged, not fatal.</summary>
    private async Task RenewClaimsAsync(CancellationToken ct)
    {
        var every = options.ClaimLease / 3;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, ct);
                await store.RenewClaimsAsync(options.Worker, options.ClaimLease, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "Could not renew the claims of {Worker}", options.Worker);
            }
        }
    }

    /// <summary>
    /// Ingests inputs held in memory (documents sent to the API, uploaded files) through the same readers, pipeline and
    /// single writer as files. They have no file to remember, so they are not entered in the resume ledger; article ids
    /// still make a repeated upload a no-op.
    /// </summary>
    public Task<IngestSummary> RunInputsAsync(IReadOnlyList<InputFile> inputs, IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken) =>
        RunCoreAsync([.. inputs.Select(i => new Input(i.Path, i))], [], progress, new Pass(false), cancellationToken);

    private sealed record Input(string Path, InputFile? Memory);

    private async Task<IngestSummary> RunCoreAsync(IReadOnlyList<Input> files, IReadOnlyList<InputProblem> findProblems,
        IProgress<IngestProgress>? progress, Pass pass, CancellationToken cancellationToken)
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

        var readers = Math.Max(1, options.Parallelism);
        var order = new InputOrder(Math.Max(1, options.BatchSize) * HeldPerBatch);
        var budget = new MemoryBudget(options.MaxMemoryBytes);
        var writer = Task.Run(() => WriteAsync(channel.Reader, order, budget, state, progress, cancellationToken), cancellationToken);
        var cancelled = false;
        try
        {
            // Inputs are taken in list order, so the first unfinished one is always being read (its reader never waits for
            // room) and the writer can always move on.
            await Parallel.ForEachAsync(files.Select((f, i) => (File: f, Index: i)), new ParallelOptions
            {
                MaxDegreeOfParallelism = readers,
                CancellationToken = cancellationToken,
            }, async (input, ct) =>
            {
                // Inputs take their share of the memory budget in input order, so the writer's next input always has it.
                var reserved = await budget.AcquireAsync(input.Index, EstimateMemory(input.File), ct);
                await ReadFileAsync(input.File, input.Index, reserved, order, channel.Writer, state, problems, pass, ct);
            });
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
            FilesByOthers = state.FilesByOthers,
            ArticlesRead = state.ArticlesRead,
            Inserted = state.Inserted,
            Updated = state.Updated,
            Duplicates = state.Unchanged,
            Problems = [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal)],
            Articles = [.. state.Stored],
            SkippedRecords = state.SkippedByFormat(),
            Elapsed = clock.Elapsed,
            Cancelled = cancelled,
        };
    }

    /// <summary>
    /// What reading, analysing and writing one input may take at its peak, measured (docs/PERFORMANCE.md, "Big documents"):
    /// about <see cref="BytesPerInputByte"/> bytes for each byte of a document read whole (HTML pages, plain text, JSON
    /// and feed documents, text dumps, Reuters files), up to the document size limit; inputs read record by record (JSON
    /// Lines, WARC, gzip) are charged for one typical record.
    /// </summary>
    private long EstimateMemory(Input input)
    {
        long document;
        try
        {
            var file = input.Memory ?? InputFile.FromFile(input.Path);
            // Up to one record's size the kind changes nothing, so only bigger inputs are sniffed (the reader sniffs
            // again: a second look at the first bytes of the few inputs that need it).
            document = file.Length <= StreamedRecordBytes ? file.Length
                : ArticleExtractor.Sniff(file) is InputKind.JsonLines or InputKind.Warc or InputKind.Gzip ? StreamedRecordBytes
                : file.Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return 0; // the reader reports it
        }

        return BytesPerInputByte * Math.Min(document, extractor.Options.MaxDocumentBytes);
    }

    /// <summary>Peak memory of ingest with analysis per byte of a document (measured on 30 MB pages: see <see cref="EstimateMemory"/>).</summary>
    internal const long BytesPerInputByte = 40;

    /// <summary>The record size charged for inputs read record by record.</summary>
    private const long StreamedRecordBytes = 1 << 20;

    private async Task ReadFileAsync(Input input, int index, long reserved, InputOrder order, ChannelWriter<Item> channel, Counters state,
        List<InputProblem> problems, Pass pass, CancellationToken ct)
    {
        var path = input.Path;
        IngestedFile? fingerprint = null;
        try
        {
            var info = new FileInfo(path);
            if (input.Memory is null && info.Exists)
            {
                fingerprint = new IngestedFile(Path.GetFullPath(path), info.Length, info.LastWriteTimeUtc) { Worker = options.Worker };
                var claim = await store.ClaimFileAsync(fingerprint, options.Worker, options.ClaimLease, options.Force, ct);
                if (claim.Outcome != ClaimOutcome.Claimed)
                {
                    if (claim.Outcome == ClaimOutcome.HeldByOther)
                    {
                        pass.Held.Add((index, input));
                    }
                    else
                    {
                        Interlocked.Increment(ref pass.Waiting ? ref state.FilesByOthers : ref state.FilesUnchanged);
                    }

                    await channel.WriteAsync(new FileDone(index, null, true) { Reserved = reserved }, ct);
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
        void Report(InputProblem problem)
        {
            clean = false;
            lock (problems)
            {
                problems.Add(problem);
            }

            Interlocked.Increment(ref state.Problems);
            logger.LogWarning("Problem in {Path} {Record}: {Reason}", problem.Path, problem.Record, problem.Reason);
        }

        var compact = reserved >= MemoryBudget.Large;
        foreach (var outcome in input.Memory is { } memory ? extractor.Read(memory, ct) : extractor.ReadFile(path, ct))
        {
            if (outcome.Article is { } read)
            {
                var article = read;
                if (compact)
                {
                    // Reading a huge input leaves most of its peak as garbage; return it before analysis and writing add
                    // theirs. Once per input: a big JSON array yields many articles from one read.
                    MemoryBudget.Compact();
                    compact = false;
                }

                articles++;
                Interlocked.Increment(ref state.ArticlesRead);
                ArticleAnnotations? annotations = null;
                IReadOnlyList<EntityObservation> entities = [];
                if (options.Pipeline is { } pipeline)
                {
                    var analysis = Analysis.ArticleAnalysis.TryAnalyze(article, pipeline, options.MaxAnalysisCharacters, ct);
                    (annotations, entities) = (analysis.Annotations, analysis.Entities);
                    article = analysis.Article ?? article; // with a warning when only part of it was analysed
                    if (analysis.Failure is { } failure)
                    {
                        Report(new InputProblem(path, article.Origin.Offset?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? article.Id, failure));
                    }
                }

                await order.WaitForRoomAsync(index, ct);
                await channel.WriteAsync(new ArticleItem(index, article, annotations, entities), ct);
            }
            else if (outcome.Problem is { } problem)
            {
                Report(problem);
            }
            else if (outcome.Skipped is { } skipped)
            {
                state.Skipped.AddOrUpdate(skipped, 1, (_, n) => n + 1);
            }
        }

        Interlocked.Increment(ref state.FilesRead);
        await channel.WriteAsync(new FileDone(index, fingerprint is null ? null : fingerprint with { Articles = articles }, clean) { Reserved = reserved }, ct);
    }

    private async Task WriteAsync(ChannelReader<Item> channel, InputOrder order, MemoryBudget budget, Counters state,
        IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        long release = 0;
        var batch = new List<Article>(options.BatchSize);
        var annotations = new List<ArticleAnnotations>(options.BatchSize);
        var entities = new List<EntityObservation>();
        var done = new List<(IngestedFile File, bool Clean)>();
        var ready = new Queue<Item>();
        while (await channel.WaitToReadAsync(ct))
        {
            while (ready.Count < options.BatchSize && channel.TryRead(out var item))
            {
                order.Arrived(item, ready);
            }

            do
            {
                while (batch.Count < options.BatchSize && ready.TryDequeue(out var item))
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
                    else if (item is FileDone { File: { } file } f)
                    {
                        done.Add((file, f.Clean));
                        release += f.Reserved;
                    }
                    else
                    {
                        Interlocked.Increment(ref state.FilesDone);
                        release += ((FileDone)item).Reserved;
                    }
                }

                await FlushAsync(batch, annotations, entities, done, state, ct);
                budget.Release(release);
                release = 0;
                progress?.Report(state.Snapshot());
            }
            while (ready.Count > 0);
        }

        await FlushAsync(batch, annotations, entities, done, state, ct);
        budget.Release(release);
        progress?.Report(state.Snapshot());
    }

    /// <summary>
    /// The memory readers may hold in documents being read, analysed or waiting for the writer
    /// (<see cref="IngestOptions.MaxMemoryBytes"/>). Inputs take their estimate in input order and give it back when the
    /// writer has stored them; an input whose estimate alone exceeds the budget waits until nothing else is held and then
    /// runs alone. So big documents queue instead of exhausting the machine, and small ones run side by side.
    /// </summary>
    private sealed class MemoryBudget(long limit)
    {
        /// <summary>A reservation from which giving it back also returns the garbage it left to the system.</summary>
        public const long Large = 256L << 20;

        /// <summary>
        /// A compacting full collection: a huge document leaves hundreds of megabytes of large-object garbage and pooled
        /// buffers, which this gives back to the system at once (about 0.1 s; done only around inputs of
        /// <see cref="Large"/> reservations).
        /// </summary>
        public static void Compact() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        private readonly Lock _lock = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _next;
        private long _held;

        public async Task<long> AcquireAsync(int input, long bytes, CancellationToken ct)
        {
            while (true)
            {
                Task changed;
                lock (_lock)
                {
                    if (input <= _next && (_held == 0 || _held + bytes <= limit))
                    {
                        _held += bytes;
                        _next = Math.Max(_next, input + 1);
                        Signal();
                        return bytes;
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(ct);
            }
        }

        public void Release(long bytes)
        {
            if (bytes == 0)
            {
                return;
            }

            lock (_lock)
            {
                _held -= bytes;
                Signal();
            }

            if (bytes >= Large)
            {
                Compact(); // before the next big input starts
            }
        }

        private void Signal()
        {
            var changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }

    /// <summary>
    /// Puts the items readers send back into input order for the writer. Items of the first unfinished input pass straight
    /// through; later inputs' items are held until every earlier input has ended. While more than <c>limit</c> items are
    /// held, readers of later inputs wait before sending another. Arrived is called by the writer only; WaitForRoomAsync
    /// by any reader.
    /// </summary>
    private sealed class InputOrder(int limit)
    {
        private readonly Dictionary<int, List<Item>> _waiting = [];
        private readonly Lock _lock = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _next;
        private int _held;

        public async Task WaitForRoomAsync(int input, CancellationToken ct)
        {
            while (true)
            {
                Task changed;
                lock (_lock)
                {
                    if (input <= _next || _held < limit)
                    {
                        return;
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(ct);
            }
        }

        public void Arrived(Item item, Queue<Item> ready)
        {
            if (item.Input != _next)
            {
                if (!_waiting.TryGetValue(item.Input, out var list))
                {
                    _waiting[item.Input] = list = [];
                }

                list.Add(item);
                lock (_lock)
                {
                    _held++;
                }

                return;
            }

            ready.Enqueue(item);
            if (item is not FileDone)
            {
                return;
            }

            // The input ended: release what later inputs sent, in order, up to the first that has not ended yet.
            var next = _next + 1;
            var released = 0;
            while (_waiting.Remove(next, out var held))
            {
                foreach (var h in held)
                {
                    ready.Enqueue(h);
                }

                released += held.Count;
                if (held[^1] is not FileDone)
                {
                    break;
                }

                next++;
            }

            TaskCompletionSource changed;
            lock (_lock)
            {
                _next = next;
                _held -= released;
                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }
    }

    private async Task FlushAsync(List<Article> batch, List<ArticleAnnotations> annotations, List<EntityObservation> entities,
        List<(IngestedFile File, bool Clean)> done, Counters state, CancellationToken ct)
    {
        if (batch.Count > 0)
        {
            var statuses = await store.SaveAsync(batch, ct);
            await store.SaveAnnotationsAsync(annotations, ct); // after the articles: a crash in between re-annotates on resume
            await store.RecordEventsAsync([.. annotations.Where(a => a.Events is not null).Select(a => a.Events!)], ct); // replaces per article
            annotations.Clear();
            await store.RecordEntitiesAsync(entities, ct); // idempotent per (entity, article)
            entities.Clear();
            for (var i = 0; i < statuses.Count; i++)
            {
                var s = statuses[i];
                _ = s switch
                {
                    SaveStatus.Inserted => Interlocked.Increment(ref state.Inserted),
                    SaveStatus.Updated => Interlocked.Increment(ref state.Updated),
                    _ => Interlocked.Increment(ref state.Unchanged),
                };
                lock (state.Stored)
                {
                    if (state.Stored.Count < IngestSummary.MaxListed)
                    {
                        state.Stored.Add(new StoredArticle(batch[i].Id, batch[i].Title,
                            s switch { SaveStatus.Inserted => "inserted", SaveStatus.Updated => "updated", _ => "unchanged" }));
                    }
                }
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

    private sealed class Counters
    {
        public int FilesTotal;
        public int FilesDone;
        public int FilesRead;
        public int FilesUnchanged;
        public int FilesByOthers;
        public int Problems;
        public long ArticlesRead;
        public long ArticlesWritten;
        public long Inserted;
        public long Updated;
        public long Unchanged;

        public readonly ConcurrentDictionary<SkippedRecord, long> Skipped = new();

        /// <summary>The first articles written (<see cref="IngestSummary.Articles"/>); locked when written.</summary>
        public readonly List<StoredArticle> Stored = [];

        public Dictionary<string, IReadOnlyDictionary<string, long>> SkippedByFormat() =>
            Skipped.GroupBy(s => s.Key.Format).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key,
                g => (IReadOnlyDictionary<string, long>)g.OrderByDescending(s => s.Value).ThenBy(s => s.Key.Category, StringComparer.Ordinal)
                    .ToDictionary(s => s.Key.Category, s => s.Value));

        public IngestProgress Snapshot() => new(Volatile.Read(ref FilesDone), FilesTotal, Interlocked.Read(ref ArticlesRead),
            Interlocked.Read(ref ArticlesWritten), Volatile.Read(ref Problems));
    }
}
