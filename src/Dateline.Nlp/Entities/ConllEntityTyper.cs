using Dateline.Core.Documents;

namespace Dateline.Nlp.Entities;

/// <summary>
/// The typer used until a place/demonym lexicon is configured: PER → PERSON, ORG → ORG, LOC → GPE when the mention is
/// a known place name in <paramref name="places"/> (else LOC), MISC → NORP when it is a known demonym (else MISC).
/// </summary>
public sealed class ConllEntityTyper(IReadOnlySet<string> places, IReadOnlySet<string> demonyms) : IEntityTyper
{
    public static ConllEntityTyper Plain { get; } = new(new HashSet<string>(), new HashSet<string>());

    public string Label(string taggerType, string text) => taggerType switch
    {
        "PER" => EntityLabels.Person,
        "ORG" => EntityLabels.Org,
        "LOC" => places.Contains(text) ? EntityLabels.Gpe : EntityLabels.Loc,
        _ => demonyms.Contains(text) ? EntityLabels.Norp : EntityLabels.Misc,
    };
}
