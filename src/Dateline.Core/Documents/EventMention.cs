namespace Dateline.Core.Documents;

/// <summary>One side of an event: the actor code ("JPNGOV"), the span that names it, and the document actor when known.</summary>
public sealed record EventParticipant(string Code, TextSpan Span, string? ActorId);

/// <summary>
/// A political event reported by a sentence: who (<see cref="Source"/>) did what (<see cref="Cameo"/>) to whom
/// (<see cref="Target"/>), with the evidence. <see cref="Plover"/> is the PLOVER event type of the CAMEO code under the
/// published mapping (AGREE for "wants to hold summit talks") and <see cref="Mode"/> its PLOVER mode;
/// <see cref="PloverAct"/> is the PLOVER type of the act itself (CONSULT for that intention), so aggregates can use either. <see cref="Modality"/> is actual, intended, hypothetical
/// or demanded; negated events ("did not meet") are kept and flagged.
/// </summary>
public sealed record EventMention(
    EventParticipant Source,
    EventParticipant? Target,
    string Cameo,
    string PloverAct,
    string Plover,
    string? Mode,
    int QuadClass,
    double Goldstein,
    string? Date,
    string? Location,
    bool Negated,
    string Modality,
    TextSpan Evidence,
    TextSpan Trigger,
    string Rule,
    double Confidence)
{
    public const string Actual = "actual";
    public const string Intended = "intended";
    public const string Hypothetical = "hypothetical";
    public const string Demanded = "demanded";

    /// <summary>True when the event counts in aggregates: it happened (or was announced as a decision) and was not negated.</summary>
    public bool Counts => !Negated && Modality is Actual or Intended;
}
