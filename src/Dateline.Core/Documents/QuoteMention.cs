namespace Dateline.Core.Documents;

/// <summary>
/// A quotation: its content, whether it is direct (in quotation marks) or reported, the cue ("said", "told reporters",
/// "according to"), the speaker span as written, and the actor the speaker resolves to.
/// </summary>
public sealed record QuoteMention(TextSpan Content, bool Direct, TextSpan? Cue, TextSpan? Speaker, string? SpeakerActorId);
