using Dateline.Core.Articles;
using Dateline.Storage.Events;
using Dateline.Storage.Search;

namespace Dateline.Storage;

/// <summary>
/// The store contract every back end implements and the one contract test suite checks.
/// Implementations are safe to call from several threads; writes are atomic per <see cref="SaveAsync"/> call.
/// </summary>
public interface IArticleStore : IAsyncDisposable
{
    /// <summary>A short description for messages, e.g. "sqlite:/path/dateline.db".</summary>
    string Description { get; }

    /// <summary>Stores a batch in one transaction. Same id and same content: unchanged; same id, new content: updated.</summary>
    Task<IReadOnlyList<SaveStatus>> SaveAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);

    Task<Article?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores (replaces) the annotation layers of already stored articles, in one transaction.</summary>
    Task SaveAnnotationsAsync(IReadOnlyList<ArticleAnnotations> annotations, CancellationToken cancellationToken);

    /// <summary>Merges what articles say about their actors into cross-article entities (aliases, roles over time).</summary>
    Task RecordEntitiesAsync(IReadOnlyList<EntityObservation> observations, CancellationToken cancellationToken);

    /// <summary>Entities whose name or an alias contains <paramref name="query"/> (all when null), most-mentioned first.</summary>
    Task<IReadOnlyList<EntityRecord>> FindEntitiesAsync(string? query, int limit, CancellationToken cancellationToken);

    /// <summary>Replaces the events each article reports; identical events from several articles share one row (see <see cref="EventQuery"/>).</summary>
    Task RecordEventsAsync(IReadOnlyList<ArticleEvents> events, CancellationToken cancellationToken);

    /// <summary>Streams matching events in id order, each with every article that reports it. Never capped unless the query says so.</summary>
    IAsyncEnumerable<StoredEvent> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>The events between two actors per period, with the article volume of each period as the denominator.</summary>
    Task<IReadOnlyList<DyadPoint>> DyadAsync(DyadQuery query, CancellationToken cancellationToken);

    /// <summary>The annotation layers of an article, or null when it has none.</summary>
    Task<ArticleAnnotations?> GetAnnotationsAsync(string articleId, CancellationToken cancellationToken);

    Task<long> CountAsync(ArticleFilter filter, CancellationToken cancellationToken);

    /// <summary>Streams every matching article in (published, id) order. Never capped.</summary>
    IAsyncEnumerable<Article> ExportAsync(ArticleFilter filter, CancellationToken cancellationToken);

    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>True when this exact file (path, size, modification time) was fully ingested before.</summary>
    Task<bool> IsFileIngestedAsync(IngestedFile file, CancellationToken cancellationToken);

    /// <summary>Records (in one transaction) that every article of these files is stored, so a resumed ingest can skip them.</summary>
    Task MarkFilesIngestedAsync(IReadOnlyList<IngestedFile> files, CancellationToken cancellationToken);

    /// <summary>What the feed follower remembered about this feed URL, or null if it never polled it.</summary>
    Task<FeedState?> GetFeedStateAsync(string feedUrl, CancellationToken cancellationToken);

    /// <summary>Replaces the remembered state of <see cref="FeedState.FeedUrl"/>.</summary>
    Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken);
}
