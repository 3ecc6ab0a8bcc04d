namespace Dateline.Storage.Events;

/// <summary>
/// An event's place in the list order of <see cref="IArticleStore.QueryEventsAsync"/>: newest date first, then the higher
/// id first among events of one date; undated events (the article gave no date and the text none) come after every
/// dated one. The key of a keyset page: the list goes on after the last event a page held.
/// </summary>
public readonly record struct EventPosition(string? Date, long Id)
{
    public static EventPosition Of(StoredEvent e) => new(e.Date, e.Id);
}
