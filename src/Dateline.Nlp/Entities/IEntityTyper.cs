namespace Dateline.Nlp.Entities;

/// <summary>Maps a tagger type (PER, ORG, LOC, MISC) and the mention text to a Dateline entity label.</summary>
public interface IEntityTyper
{
    string Label(string taggerType, string text);
}
