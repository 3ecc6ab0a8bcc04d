using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Dateline.Core.Articles;
using Dateline.Core.Errors;
using Dateline.Extraction.Feeds;
using Dateline.Extraction.Html;
using Dateline.Storage;
using Microsoft.Extensions.Logging;

namespace Dateline.Ingestion.Following;

/// <summary>
/// Polls feeds and stores their articles: a conditional GET of each feed (validators kept in the store), the items'
/// own text when they carry it, else the linked page fetched politely (<see cref="PoliteFetcher"/>) and extracted.
/// Items whose page cannot be had are stored with their metadata (link-only). Feeds are polled one after another and
/// each feed's articles are saved in one batch, so there is one writer, as in ingest.
/// </summary>
public sealed class FeedFollower(IArticleStore store, PoliteFetcher fetcher, FollowOptions options, ILogger logger,
    HtmlArticleBuilder? html = null, TimeProvider? clock = null)
{
    private readonly HtmlArticleBuilder _html = html ?? HtmlArticleBuilder.Default;
    private readonly FeedArticleBuilder _items = new(html ?? HtmlArticleBuilder.Default);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Polls every feed once, one after another.</summary>
    public async Task<IReadOnlyList<FeedPollResult>> PollOnceAsync(IReadOnlyList<string> feedUrls, CancellationToken cancellationToken)
    {
        var results = new List<FeedPollResult>(feedUrls.Count);
        foreach (var url in feedUrls)
        {
            results.Add(await PollAsync(url, cancellationToken));
        }

        return results;
    }

    /// <summary>Polls every <see cref="FollowOptions.Interval"/> until cancelled; reports each round.</summary>
    public async Task RunAsync(IReadOnlyList<string> feedUrls, Action<IReadOnlyList<FeedPollResult>> onPoll, CancellationToken cancellationToken)
    {
        while (true)
        {
            var started = _clock.GetUtcNow();
            onPoll(await PollOnceAsync(feedUrls, cancellationToken));
            var wait = started + options.Interval - _clock.GetUtcNow();
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _clock, cancellationToken);
        }
    }

    public async Task<FeedPollResult> PollAsync(string feedUrl, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var result = new FeedPollResult(feedUrl);
        if (!Uri.TryCreate(feedUrl, UriKind.Absolute, out var uri))
        {
            return result with { Problems = [new InputProblem(feedUrl, null, "not an absolute URL")] };
        }

        var state = await store.GetFeedStateAsync(feedUrl, cancellationToken) ?? new FeedState(feedUrl);
        var fetch = await fetcher.GetAsync(uri, PoliteFetcher.FeedAccept, state.ETag, state.LastModified, cancellationToken);
        var now = _clock.GetUtcNow();
        result = result with { HttpStatus = fetch.StatusCode };
        switch (fetch.Status)
        {
            case FetchStatus.NotModified:
                await store.SaveFeedStateAsync(state with { PolledAt = now }, cancellationToken);
                logger.LogInformation("{Feed}: not modified", feedUrl);
                return result with { Status = "not modified", Elapsed = watch.Elapsed };
            case FetchStatus.Blocked:
                return result with { Status = "blocked by robots.txt", Problems = [new InputProblem(feedUrl, null, "robots.txt disallows fetching this feed")], Elapsed = watch.Elapsed };
            case FetchStatus.Failed or FetchStatus.Unavailable:
                return result with
                {
                    Status = fetch.Status == FetchStatus.Failed ? "failed" : "unavailable",
                    Problems = [new InputProblem(feedUrl, null, $"feed not fetched: {fetch.Error}")],
                    Elapsed = watch.Elapsed,
                };
        }

        var feed = FeedParser.Parse(fetch.Body, fetch.Url.ToString(), fetch.Charset, now);
        var problems = new List<InputProblem>();
        if (feed.Problem is not null)
        {
            problems.Add(new InputProblem(feedUrl, feed.ProblemLocation, feed.Problem));
        }

        var poll = new PollWork(state.SeenItems.ToHashSet(StringComparer.Ordinal));
        foreach (var item in feed.Items)
        {
            await HandleItemAsync(feedUrl, feed, item, now, poll, problems, cancellationToken);
        }

        var statuses = poll.Articles.Count > 0 ? await SaveAsync(feedUrl, poll.Articles, problems, cancellationToken) : [];

        // Validators advance only when every item was handled; otherwise the next poll gets the whole feed again.
        await store.SaveFeedStateAsync(new FeedState(feedUrl)
        {
            ETag = poll.Complete ? fetch.ETag : state.ETag,
            LastModified = poll.Complete ? fetch.LastModified : state.LastModified,
            PolledAt = now,
            SeenItems = [.. poll.Handled.Concat(state.SeenItems).Distinct(StringComparer.Ordinal).Take(options.MaxSeenItems)],
        }, cancellationToken);

        logger.LogInformation("{Feed}: {Items} items, {New} new, {Pages} pages fetched", feedUrl, feed.Items.Length, poll.NewItems, poll.PagesFetched);
        return result with
        {
            Status = "fetched",
            Items = feed.Items.Length,
            NewItems = poll.NewItems,
            PagesFetched = poll.PagesFetched,
            PagesBlocked = poll.PagesBlocked,
            PagesFailed = poll.PagesFailed,
            Inserted = statuses.Count(s => s == SaveStatus.Inserted),
            Updated = statuses.Count(s => s == SaveStatus.Updated),
            Unchanged = statuses.Count(s => s == SaveStatus.Unchanged),
            Problems = problems,
            Elapsed = watch.Elapsed,
        };
    }

    /// <summary>
    /// Stores one feed's new articles as ingest stores a file's: mis-decoded text repaired (UTF-8 read as Windows-1252
    /// upstream), the language filled in where nothing declared it, then the understanding pipeline's annotations,
    /// events and actor observations. An article whose analysis fails is stored without them and reported.
    /// </summary>
    private async Task<IReadOnlyList<SaveStatus>> SaveAsync(string feedUrl, List<Article> found, List<InputProblem> problems, CancellationToken ct)
    {
        var articles = found.Select(Extraction.Text.Mojibake.Repair)
            .Select(a => a.Language is null && options.DetectLanguage ? Extraction.Metadata.LanguageIdentifier.Fill(a) : a)
            .ToList();
        var annotations = new List<ArticleAnnotations>();
        var entities = new List<EntityObservation>();
        if (options.Pipeline is { } pipeline)
        {
            for (var i = 0; i < articles.Count; i++)
            {
                var article = articles[i];
                var analysis = Analysis.ArticleAnalysis.TryAnalyze(article, pipeline, options.MaxAnalysisCharacters, ct);
                if (analysis.Annotations is { } a)
                {
                    annotations.Add(a);
                }

                articles[i] = analysis.Article ?? article; // with a warning when only part of it was analysed

                entities.AddRange(analysis.Entities);
                if (analysis.Failure is { } failure)
                {
                    problems.Add(new InputProblem(feedUrl, article.Url ?? article.Id, failure));
                    logger.LogWarning("Problem in {Feed} {Record}: {Reason}", feedUrl, article.Url ?? article.Id, failure);
                }
            }
        }

        var statuses = await store.SaveAsync(articles, ct);
        await store.SaveAnnotationsAsync(annotations, ct); // after the articles, as in ingest
        await store.RecordEventsAsync([.. annotations.Where(a => a.Events is not null).Select(a => a.Events!)], ct);
        await store.RecordEntitiesAsync(entities, ct);
        return statuses;
    }

    private async Task HandleItemAsync(string feedUrl, FeedDocument feed, FeedItem item, DateTimeOffset now, PollWork poll,
        List<InputProblem> problems, CancellationToken ct)
    {
        var fullText = FeedArticleBuilder.HasFullContent(item);
        // An item with its own text is "new" again when that text changes (a correction); a linked page is fetched once.
        var key = fullText ? item.Key + "#" + Fingerprint(item) : item.Key;
        if (poll.Seen.Contains(key))
        {
            return;
        }

        poll.NewItems++;
        if (fullText || !FeedItemLinks.IsFetchable(item.Link))
        {
            var outcome = _items.Build(feed, item, feedUrl);
            if (outcome.Article is { } a)
            {
                poll.Articles.Add(a with { Crawled = ArticleDate.FromInstant(now) });
            }
            else if (outcome.Problem is { } p)
            {
                problems.Add(p);
            }

            poll.Handled.Add(key);
            return;
        }

        if (poll.PagesFetched + poll.PagesFailed >= options.MaxPagesPerPoll)
        {
            poll.Complete = false; // left for the next poll
            return;
        }

        var page = await fetcher.GetAsync(new Uri(item.Link!), PoliteFetcher.PageAccept, cancellationToken: ct);
        var origin = new ArticleOrigin(feedUrl, item.Index);
        string? note = null;
        switch (page.Status)
        {
            case FetchStatus.Ok when FeedItemLinks.IsHtml(page.MediaType):
                var pageProblems = new List<string>();
                var known = FeedArticleBuilder.Known(feed, item) with { Url = page.Url.ToString(), HttpCharset = page.Charset };
                if (_html.Build(page.Body!, new ArticleOrigin(page.Url.ToString()), known, pageProblems) is { } article)
                {
                    poll.PagesFetched++;
                    poll.Articles.Add(FeedArticleBuilder.Complete(article, feed, item) with { Crawled = ArticleDate.FromInstant(now) });
                    poll.Handled.Add(key);
                    return;
                }

                note = $"page {page.Url}: {string.Join("; ", pageProblems)}";
                break;
            case FetchStatus.Ok:
                note = $"page {page.Url} is not HTML ({page.MediaType})";
                break;
            case FetchStatus.Blocked:
                poll.PagesBlocked++;
                poll.Handled.Add(key);
                poll.Articles.Add(FeedArticleBuilder.LinkOnly(feed, item, origin, "page not fetched: robots.txt disallows it") with { Crawled = ArticleDate.FromInstant(now) });
                return;
            case FetchStatus.Unavailable:
                poll.Complete = false; // try the page again next poll
                note = $"page not fetched for now: {page.Error}";
                break;
            default:
                note = $"page not fetched: {page.Error}";
                break;
        }

        poll.PagesFailed++;
        if (page.Status != FetchStatus.Unavailable)
        {
            poll.Handled.Add(key);
        }

        problems.Add(new InputProblem(feedUrl, $"item {item.Index} ({item.Link})", note));
        poll.Articles.Add(FeedArticleBuilder.LinkOnly(feed, item, origin, note) with { Crawled = ArticleDate.FromInstant(now) });
    }

    private static string Fingerprint(FeedItem item)
    {
        var text = string.Join('\n', item.Title, item.Content ?? item.Summary, item.Published?.ToString(), item.Updated?.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 6));
    }

    /// <summary>The mutable tally of one feed's poll.</summary>
    private sealed class PollWork(HashSet<string> seen)
    {
        public HashSet<string> Seen { get; } = seen;
        public List<Article> Articles { get; } = [];
        public List<string> Handled { get; } = [];
        public bool Complete { get; set; } = true;
        public int NewItems { get; set; }
        public int PagesFetched { get; set; }
        public int PagesBlocked { get; set; }
        public int PagesFailed { get; set; }
    }
}
