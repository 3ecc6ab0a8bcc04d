using Dateline.Core.Articles;
using Dateline.Storage.Events;
using Dateline.Storage.Search;
using Dateline.Storage.Vectors;

namespace Dateline.Storage;

/// <summary>
/// The store contract every back end implements and the one contract test suite checks.
/// Implementations are safe to call from several threads; writes are atomic per <see cref="SaveAsync"/> call.
/// </summary>
public interface IArticleStore : IAsyncDisposable
{
    /// <summary>A short description for messages, e.g. "sqlite:/path/dateline.db".</summary>
    string Description { get; }

    /// <summary>What the user names the store by, for messages: the SQLite file's full path, or the PostgreSQL URL without its password.</summary>
    string Location { get; }

    /// <summary>
    /// A number that changes whenever what the store holds may have changed, by this process or another; equal numbers
    /// mean nothing was committed in between. Caches of reads key on it.
    /// </summary>
    Task<long> GetChangeVersionAsync(CancellationToken cancellationToken);

    /// <summary>Stores a batch in one transaction. Same id and same content: unchanged; same id, new content: updated.</summary>
    Task<IReadOnlyList<SaveStatus>> SaveAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);

    Task<Article?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Every stored version of the article's story — itself, its wire copies, reprints and updates (texts whose shingles
    /// mostly overlap, see <c>Stories/StoryShingles</c>) — oldest first; empty when the article is unknown.
    /// </summary>
    Task<IReadOnlyList<ArticleSummary>> GetStoryAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>
    /// A page of stories with articles matching the filter, the most-reported first (then the most recent), each with
    /// how many matching articles and sources report it and their first and last publication dates.
    /// </summary>
    Task<Page<StorySummary>> ListStoriesAsync(ArticleFilter filter, string? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>Gives a story to every article stored before stories were kept; returns how many it assigned.</summary>
    Task<int> AssignStoriesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Joins the story of <paramref name="articleId"/> — every article in it — to the story of <paramref name="otherId"/>
    /// (found to report the same event after both were saved, e.g. by their vectors: <c>Stories/StoryVectors</c>), in one
    /// transaction. The moved articles' events also become known under the joined story, so later reports link to them.
    /// Returns how many articles moved: 0 when the two already share a story or either is unknown.
    /// </summary>
    Task<int> JoinStoriesAsync(string articleId, string otherId, CancellationToken cancellationToken);

    /// <summary>Stores (replaces) the annotation layers of already stored articles, in one transaction.</summary>
    Task SaveAnnotationsAsync(IReadOnlyList<ArticleAnnotations> annotations, CancellationToken cancellationToken);

    /// <summary>Merges what articles say about their actors into cross-article entities (aliases, roles over time).</summary>
    Task RecordEntitiesAsync(IReadOnlyList<EntityObservation> observations, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces every cross-article entity (aliases, roles, article links) with what <paramref name="observations"/> say,
    /// in one transaction: a failure leaves the old entities in place.
    /// </summary>
    Task ReplaceEntitiesAsync(IAsyncEnumerable<EntityObservation> observations, CancellationToken cancellationToken);

    /// <summary>
    /// Ids (in id order) of the stored articles that have no annotations or whose annotations another analysis made
    /// than <paramref name="fingerprint"/>; every article's id when it is null.
    /// </summary>
    Task<IReadOnlyList<string>> ListArticlesToAnalyzeAsync(string? fingerprint, CancellationToken cancellationToken);

    /// <summary>Streams every article's stored annotations with its publication date, in (published, id) order.</summary>
    IAsyncEnumerable<AnnotatedArticle> ExportAnnotationsAsync(CancellationToken cancellationToken);

    /// <summary>Entities whose name or an alias contains <paramref name="query"/> (all when null), most-mentioned first.</summary>
    Task<IReadOnlyList<EntityRecord>> FindEntitiesAsync(string? query, int limit, CancellationToken cancellationToken);

    /// <summary>Replaces the events each article reports; identical events from several articles share one row (see <see cref="EventQuery"/>).</summary>
    Task RecordEventsAsync(IReadOnlyList<ArticleEvents> events, CancellationToken cancellationToken);

    /// <summary>
    /// Streams matching events newest first (by date, then id; undated events last: see <see cref="EventPosition"/>), each
    /// with every article that reports it. Never capped unless the query says so.
    /// </summary>
    IAsyncEnumerable<StoredEvent> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>How many matching events fall in each month (the first day of the month, oldest first; undated events first, under null).</summary>
    Task<IReadOnlyList<Events.MonthCount>> EventsPerMonthAsync(Events.EventQuery query, CancellationToken cancellationToken);

    /// <summary>The events between two actors per period, with the article volume of each period as the denominator.</summary>
    Task<IReadOnlyList<DyadPoint>> DyadAsync(DyadQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// How many counted events between the two actors have no date (their articles carry none): a dated series cannot
    /// place them, so views that leave them out say how many they left out.
    /// </summary>
    Task<long> UndatedDyadEventsAsync(DyadQuery query, CancellationToken cancellationToken);

    /// <summary>One entity by its id, or null.</summary>
    Task<EntityRecord?> GetEntityAsync(string id, CancellationToken cancellationToken);

    /// <summary>A page of entities whose name or an alias contains <paramref name="query"/> (all when null), most-mentioned first.</summary>
    Task<Page<EntityRecord>> ListEntitiesAsync(string? query, string? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>How many articles mention the entity, per publication date, oldest first.</summary>
    Task<IReadOnlyList<DateCount>> GetEntityTimelineAsync(string entityId, CancellationToken cancellationToken);

    /// <summary>For one article: its annotation actor ids ("a1") → the cross-article entity ids they were recorded under.</summary>
    Task<IReadOnlyDictionary<string, string>> GetArticleEntitiesAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>A page of quotes (newest articles first, in text order within an article) matching the filter.</summary>
    Task<Page<QuoteRecord>> ListQuotesAsync(QuoteFilter filter, string? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>Adds or replaces (by name) actor overrides; returns how many are stored in all.</summary>
    Task<int> SaveActorOverridesAsync(IReadOnlyList<StoredActorOverride> overrides, CancellationToken cancellationToken);

    /// <summary>Every stored actor override, by name.</summary>
    Task<IReadOnlyList<StoredActorOverride>> GetActorOverridesAsync(CancellationToken cancellationToken);

    /// <summary>The annotation layers of an article, or null when it has none.</summary>
    Task<ArticleAnnotations?> GetAnnotationsAsync(string articleId, CancellationToken cancellationToken);

    Task<long> CountAsync(ArticleFilter filter, CancellationToken cancellationToken);

    /// <summary>A page of matching articles, newest publication date first (undated last). <paramref name="cursor"/>: null or a
    /// <see cref="Page{T}.Next"/> from the same filter; throws <see cref="InvalidCursorException"/> for any other string.</summary>
    Task<Page<ArticleSummary>> ListArticlesAsync(ArticleFilter filter, string? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>Streams every matching article in (published, id) order. Never capped.</summary>
    IAsyncEnumerable<Article> ExportAsync(ArticleFilter filter, CancellationToken cancellationToken);

    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Attention over time: per query, the matching articles per period of their publication day (the query language and
    /// filters of <see cref="SearchAsync"/>), and the articles the filter keeps per period, the denominator of a share;
    /// articles without a date are counted apart. Stopped with a <see cref="SearchBudgetException"/> past the request's budget.
    /// </summary>
    Task<AttentionResults> AttentionAsync(AttentionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> stored articles, in storage order, that have no vector under
    /// <paramref name="model"/> (never embedded, or changed since): the work list of a resumable embedding job.
    /// </summary>
    Task<IReadOnlyList<Article>> ListArticlesToEmbedAsync(string model, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Stores (replaces) articles' vectors under <paramref name="model"/> in one transaction; ids of articles not stored
    /// are skipped. An article saved again with new content loses its vectors (they described the old text).
    /// </summary>
    Task SaveVectorsAsync(string model, IReadOnlyList<ArticleVector> vectors, CancellationToken cancellationToken);

    /// <summary>The article's vector under <paramref name="model"/>, or null.</summary>
    Task<float[]?> GetVectorAsync(string articleId, string model, CancellationToken cancellationToken);

    /// <summary>Streams every stored vector with its model, by model and then in storage order (copying a store).</summary>
    IAsyncEnumerable<StoredVector> ExportVectorsAsync(CancellationToken cancellationToken);

    /// <summary>How many articles have a vector under <paramref name="model"/>, of how many stored.</summary>
    Task<EmbeddingCounts> CountVectorsAsync(string model, CancellationToken cancellationToken);

    /// <summary>
    /// The articles whose vectors are closest to the request's, best first, by brute force over every vector of the
    /// model (held in memory and kept up to date with the store; see <c>Vectors/VectorIndex</c>).
    /// </summary>
    Task<NearestResults> NearestAsync(NearestRequest request, CancellationToken cancellationToken);

    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>True when this exact file (path, size, modification time) was fully ingested before.</summary>
    Task<bool> IsFileIngestedAsync(IngestedFile file, CancellationToken cancellationToken);

    /// <summary>
    /// Records (in one transaction) that every article of these files is stored, so a resumed ingest can skip them, with
    /// the worker that did it (<see cref="IngestedFile.Worker"/>); the files' claims end with it.
    /// </summary>
    Task MarkFilesIngestedAsync(IReadOnlyList<IngestedFile> files, CancellationToken cancellationToken);

    /// <summary>
    /// Claims <paramref name="file"/> for <paramref name="worker"/> for <paramref name="lease"/>: <see cref="ClaimOutcome.Done"/>
    /// when the ledger holds it unchanged (unless <paramref name="force"/>), <see cref="ClaimOutcome.HeldByOther"/> when
    /// another worker's lease on it has not run out, else <see cref="ClaimOutcome.Claimed"/> — also when the lease of a
    /// worker that stopped (killed, crashed) ran out, which is how its files are taken over. Several ingest processes
    /// given the same inputs divide them this way.
    /// </summary>
    Task<ClaimResult> ClaimFileAsync(IngestedFile file, string worker, TimeSpan lease, bool force, CancellationToken cancellationToken);

    /// <summary>Extends every lease <paramref name="worker"/> holds to <paramref name="lease"/> from now (a heartbeat).</summary>
    Task RenewClaimsAsync(string worker, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Gives up every lease <paramref name="worker"/> still holds (its unfinished files go back to the others).</summary>
    Task ReleaseClaimsAsync(string worker, CancellationToken cancellationToken);

    /// <summary>The ingest queue: every claim (live or run out) and how many ledger files each worker finished.</summary>
    Task<QueueStatus> GetQueueStatusAsync(CancellationToken cancellationToken);

    /// <summary>What the feed follower remembered about this feed URL, or null if it never polled it.</summary>
    Task<FeedState?> GetFeedStateAsync(string feedUrl, CancellationToken cancellationToken);

    /// <summary>Replaces the remembered state of <see cref="FeedState.FeedUrl"/>.</summary>
    Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken);
}
