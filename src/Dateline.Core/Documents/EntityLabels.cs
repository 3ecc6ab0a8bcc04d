namespace Dateline.Core.Documents;

/// <summary>The entity labels Dateline produces, and how they map to the CoNLL-2003 tag set.</summary>
public static class EntityLabels
{
    public const string Person = "PERSON";
    public const string Org = "ORG";
    public const string Gpe = "GPE";
    public const string Loc = "LOC";
    public const string Norp = "NORP";
    public const string Event = "EVENT";
    public const string Law = "LAW";
    public const string Misc = "MISC";

    /// <summary>PERSON→PER, GPE/LOC→LOC, NORP/EVENT/LAW/MISC→MISC, ORG→ORG.</summary>
    public static string ToConll(string label) => label switch
    {
        Person => "PER",
        Org => "ORG",
        Gpe or Loc => "LOC",
        _ => "MISC",
    };
}
