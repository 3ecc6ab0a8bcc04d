using Dateline.Core.Documents;

namespace Dateline.Storage.Events;

/// <summary>An event as one article reports it, with the texts the store keeps (spans are offsets into the article body).</summary>
public sealed record ReportedEvent(EventMention Event, string SourceText, string? TargetText, string EvidenceText);

/// <summary>All the events of one article; storing it replaces what the article reported before.</summary>
/// <param name="FallbackDate">The article's date (yyyy-MM-dd), used for events the text does not date.</param>
public sealed record ArticleEvents(string ArticleId, string? FallbackDate, IReadOnlyList<ReportedEvent> Events);

/// <summary>
/// Which events to list. Actor filters match a code prefix ("JPN" matches JPNGOV); <see cref="Actor"/> matches either
/// side. Only events that count (not negated; actual or intended) unless <see cref="IncludeAll"/>. Events come newest
/// first (see <see cref="EventPosition"/>: by date, then id; undated last); paging by <see cref="After"/> (the position of
/// the last event seen); <see cref="Limit"/> null means every match. <see cref="Entity"/>,
/// <see cref="SourceEntity"/> and <see cref="TargetEntity"/> take an entity id (as <see cref="EntityRecord.Id"/>) and
/// keep events that some article reports with that entity's actor on either side, as source, or as target.
/// </summary>
public sealed record EventQuery(
    string? Actor = null,
    string? SourceActor = null,
    string? TargetActor = null,
    string? Code = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool IncludeAll = false,
    EventPosition? After = null,
    int? Limit = null,
    string? Entity = null,
    string? SourceEntity = null,
    string? TargetEntity = null)
{
    /// <summary>
    /// Reports from at most this many articles per event (the earliest first, each with every sentence it reports the
    /// event in); null lists them all. <see cref="StoredEvent.ReportCount"/> always counts every reporting article.
    /// </summary>
    public int? MaxReports { get; init; }

    /// <summary>Only the event with this id (whatever the other filters say it must also pass).</summary>
    public long? Id { get; init; }
}

/// <summary>An article that reports an event, with where in its body.</summary>
public sealed record EventReport(string ArticleId, string? Title, string? Url, string? Source, TextSpan Evidence, TextSpan Trigger);

/// <summary>A stored event with every article that reports it.</summary>
public sealed record StoredEvent(
    long Id,
    string Key,
    string? Date,
    string SourceCode,
    string SourceText,
    string TargetCode,
    string? TargetText,
    string Cameo,
    string PloverAct,
    string Plover,
    string? Mode,
    int QuadClass,
    double Goldstein,
    bool Negated,
    string Modality,
    string Evidence,
    string Rule,
    double Confidence,
    IReadOnlyList<EventReport> Reports)
{
    /// <summary>How many articles report the event; <see cref="Reports"/> may list fewer when the query capped them.</summary>
    public int ReportCount { get; init; }
}

/// <summary>Relations between two actors (code prefixes, both directions) per period.</summary>
public sealed record DyadQuery(string A, string B, string Interval = "month", DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// One period of a dyad: event counts by quad class (1 verbal cooperation … 4 material conflict), by direction, the mean
/// Goldstein score, and the denominator — how many articles the store holds for the period — with events per 100 articles.
/// </summary>
public sealed record DyadPoint(
    string Period,
    int Events,
    int VerbalCooperation,
    int MaterialCooperation,
    int VerbalConflict,
    int MaterialConflict,
    int AToB,
    int BToA,
    double? MeanGoldstein,
    long Articles,
    double? EventsPerHundredArticles);

/// <summary>Events in one month (<paramref name="Month"/> is its first day; null for undated events).</summary>
public sealed record MonthCount(DateOnly? Month, long Events);
