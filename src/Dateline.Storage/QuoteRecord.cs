namespace Dateline.Storage;

/// <summary>
/// A quote as stored in an article's annotations, with the article it is in and the cross-article entity its speaker
/// resolves to (null when the speaker is unknown or not an actor). Offsets are UTF-16 [start, end) in the article body.
/// </summary>
public sealed record QuoteRecord(string ArticleId, string? ArticleTitle, string? Source, string? Published, int Index, int Start,
    int End, string Text, bool Direct, string? Cue, string? SpeakerText, string? SpeakerEntityId, string? SpeakerName);
