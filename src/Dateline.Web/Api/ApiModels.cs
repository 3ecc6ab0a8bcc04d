using System.Text.Json;
using Dateline.Core.Articles;
using Dateline.Storage;
using Dateline.Storage.Search;

namespace Dateline.Web.Api;

/// <summary>An article with all its understanding layers (the `annotate` JSON) and where its actors link to.</summary>
/// <param name="Article">The article in its public JSON form.</param>
/// <param name="Pipeline">The versioned pipeline that made the layers, or null when the article has none.</param>
/// <param name="Annotations">Sentences, tokens with their parse, entities, actors, actor mentions, times, quotes, events, with [start, end) offsets into the body.</param>
/// <param name="ActorEntities">The annotations' actor ids ("a1") → entity ids for /api/actors/{id}.</param>
/// <param name="Story">The other stored versions of this story (wire copies, reprints, updates), oldest first.</param>
public sealed record ArticleResponse(Article Article, string? Pipeline, JsonElement? Annotations, IReadOnlyDictionary<string, string> ActorEntities,
    IReadOnlyList<ArticleSummary> Story);

/// <summary>Search hits in the order asked for (relevance unless sort=date).</summary>
/// <param name="Query">The query as typed.</param>
/// <param name="Parsed">The query as understood (fully parenthesised), the same text the CLI prints.</param>
/// <param name="Total">All matches, not only this page.</param>
/// <param name="Hits">This page; each snippet is plain text with highlight ranges into it.</param>
/// <param name="Next">Cursor for the next page, or null on the last.</param>
/// <param name="Matches">Every matching article (also when stories are collapsed).</param>
/// <param name="Ranked">How many matches were ranked: the most recently stored ones when there were more than the window
/// (10,000; <c>exhaustive=true</c> ranks them all).</param>
/// <param name="Sort">The order of the hits: relevance or date (newest first, undated last).</param>
/// <param name="Facets">The ranked matches by source and by tag, the most frequent first (null when facets=0).</param>
public sealed record SearchResponse(string Query, string Parsed, long Total, IReadOnlyList<SearchHit> Hits, string? Next, long Matches, long Ranked,
    string Sort, SearchFacets? Facets, string Mode);

/// <summary>The stored articles closest in meaning to one article, best first (score: cosine similarity of title and lead).</summary>
public sealed record SimilarResponse(string Article, string Model, IReadOnlyList<SearchHit> Hits);

/// <summary>An actor across the store with the number of articles mentioning it per date.</summary>
public sealed record ActorResponse(EntityRecord Actor, IReadOnlyList<DateCount> Timeline);

/// <summary>Liveness and the store it serves.</summary>
public sealed record HealthResponse(string Status, string Store, long Articles);

/// <summary>One document in the JSON Lines record shape of <c>dateline ingest</c>; needs <c>text</c> or <c>html</c>.</summary>
public sealed record IngestDocument(string? Url, string? Html, string? Text, string? Title, string? Published, string? Source, IReadOnlyList<string>? Tags = null);

/// <summary>Documents to ingest. <c>urls</c> is refused: the API does not fetch pages (use <c>dateline follow</c>).</summary>
public sealed record IngestRequest(IReadOnlyList<IngestDocument>? Documents, IReadOnlyList<string>? Urls);

/// <summary>A document or file that did not become an article, and why.</summary>
public sealed record IngestProblem(string Input, string? Record, string Reason);

/// <summary>What an ingest through the API did (the same counts as <c>dateline ingest</c>).</summary>
public sealed record IngestResponse(int Inputs, long ArticlesRead, long Inserted, long Updated, long Duplicates,
    IReadOnlyList<IngestProblem> Problems, long ElapsedMs, IReadOnlyList<Ingestion.StoredArticle> Articles);

/// <summary>Lines of an actors file: a header line (name, aliases, type, code, country, role), then one actor per line, tab-separated.</summary>
public sealed record ActorOverridesRequest(IReadOnlyList<string> Lines);

/// <summary>How many overrides the request held and how many the store now keeps.</summary>
public sealed record ActorOverridesResponse(int Received, int Total);

/// <summary>What a reanalysis did.</summary>
/// <param name="Analysis">The analysis fingerprint the articles now carry (code, models and actor overrides).</param>
/// <param name="Pending">Articles another analysis had made (all of them when asked for all).</param>
/// <param name="Analyzed">Articles analysed again.</param>
/// <param name="Actors">Cross-article actors after the rebuild.</param>
public sealed record ReanalyzeResponse(string Analysis, int Pending, int Analyzed, long? Actors, IReadOnlyList<IngestProblem> Problems, long ElapsedMs);

/// <summary>A page of events, newest first (by date, then id; undated last).</summary>
/// <param name="Items">This page; each event with every article that reports it (evidence and trigger spans into that article's body).</param>
/// <param name="Next">Cursor for the next page, or null on the last.</param>
public sealed record EventsResponse(IReadOnlyList<Dateline.Storage.Events.StoredEvent> Items, string? Next);

/// <summary>A dyad time series: both directions between two actor code prefixes, one point per period that has events.</summary>
/// <param name="A">The first actor (code prefix, upper case).</param>
/// <param name="B">The second actor.</param>
/// <param name="Interval">day, week, month or year; a period is named by its first day.</param>
/// <param name="From">The first event date included, if limited.</param>
/// <param name="To">The last event date included, if limited.</param>
/// <param name="Points">Periods with counted events, oldest first, each with its article volume (the denominator).</param>
/// <param name="Undated">Counted events between the two actors that have no date (their articles carry none), left out of <paramref name="Points"/>.</param>
public sealed record DyadResponse(string A, string B, string Interval, DateOnly? From, DateOnly? To, IReadOnlyList<Dateline.Storage.Events.DyadPoint> Points, long Undated);

/// <summary>Attention over time: how many articles match each query per period, and the articles the store holds then.</summary>
/// <param name="Interval">day, week, month or year; a period is named by its first day (weeks start on Monday).</param>
/// <param name="From">The first publication date included, if limited.</param>
/// <param name="To">The last publication date included, if limited.</param>
/// <param name="Articles">Every article the filters keep, dated or not: what the queries' matches are drawn from.</param>
/// <param name="Undated">Of those, the articles without a date, which no period can hold.</param>
/// <param name="Totals">The articles the filters keep per period, oldest first: the denominator of each share. Periods without any article are left out.</param>
/// <param name="Queries">One entry per query, in the order asked.</param>
public sealed record AttentionResponse(string Interval, DateOnly? From, DateOnly? To, long Articles, long Undated, IReadOnlyList<PeriodCount> Totals,
    IReadOnlyList<AttentionQueryResponse> Queries);

/// <summary>One query's attention over time.</summary>
/// <param name="Query">The query as typed.</param>
/// <param name="Parsed">The query as understood (as /api/search echoes it).</param>
/// <param name="Matches">Every matching article, dated or not.</param>
/// <param name="Undated">Matching articles without a date, left out of <paramref name="Periods"/>.</param>
/// <param name="Periods">Every period of the totals, oldest first: matching articles (<c>count</c>), the period's articles (<c>total</c>) and <c>share</c> = count / total.</param>
public sealed record AttentionQueryResponse(string Query, string Parsed, long Matches, long Undated, IReadOnlyList<AttentionPoint> Periods);
