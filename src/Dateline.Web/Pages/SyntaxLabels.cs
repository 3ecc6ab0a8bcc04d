using System.Collections.Frozen;

namespace Dateline.Web.Pages;

/// <summary>
/// Plain-English names for the Universal POS tags and the common Universal Dependencies relations, for the key under
/// the article page's sentence structure. Relations with a subtype fall back to their base ("obl:tmod" → "oblique").
/// </summary>
internal static class SyntaxLabels
{
    // https://universaldependencies.org/u/pos/ — the whole, fixed set of 17.
    private static readonly FrozenDictionary<string, string> Pos = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ADJ"] = "adjective",
        ["ADP"] = "preposition",
        ["ADV"] = "adverb",
        ["AUX"] = "auxiliary verb",
        ["CCONJ"] = "coordinating conjunction",
        ["DET"] = "determiner",
        ["INTJ"] = "interjection",
        ["NOUN"] = "noun",
        ["NUM"] = "number",
        ["PART"] = "particle",
        ["PRON"] = "pronoun",
        ["PROPN"] = "proper noun",
        ["PUNCT"] = "punctuation",
        ["SCONJ"] = "subordinating conjunction",
        ["SYM"] = "symbol",
        ["VERB"] = "verb",
        ["X"] = "other",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // https://universaldependencies.org/u/dep/ — the relations and subtypes English parsers produce.
    private static readonly FrozenDictionary<string, string> Relations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["root"] = "main word of the sentence",
        ["nsubj"] = "subject",
        ["nsubj:pass"] = "subject of a passive verb",
        ["csubj"] = "clause as subject",
        ["obj"] = "object",
        ["iobj"] = "indirect object",
        ["obl"] = "oblique (where, when, how, to whom)",
        ["obl:agent"] = "doer of a passive verb (by …)",
        ["obl:tmod"] = "time",
        ["obl:npmod"] = "noun used as adverb",
        ["ccomp"] = "clause as object",
        ["xcomp"] = "open clause complement",
        ["advcl"] = "adverbial clause",
        ["acl"] = "clause modifying a noun",
        ["acl:relcl"] = "relative clause",
        ["advmod"] = "adverb modifier",
        ["amod"] = "adjective modifier",
        ["nmod"] = "noun modifier",
        ["nmod:poss"] = "possessor",
        ["nmod:tmod"] = "time modifier",
        ["nummod"] = "number modifier",
        ["appos"] = "apposition",
        ["det"] = "determiner",
        ["det:predet"] = "predeterminer",
        ["case"] = "preposition or case marker",
        ["mark"] = "clause marker",
        ["aux"] = "auxiliary",
        ["aux:pass"] = "passive auxiliary",
        ["cop"] = "copula (is, was)",
        ["cc"] = "conjunction",
        ["conj"] = "conjoined word",
        ["compound"] = "compound",
        ["compound:prt"] = "verb particle",
        ["flat"] = "part of a name",
        ["fixed"] = "fixed expression",
        ["expl"] = "expletive (it, there)",
        ["parataxis"] = "loosely joined clause",
        ["discourse"] = "discourse element",
        ["vocative"] = "person addressed",
        ["dislocated"] = "dislocated element",
        ["list"] = "list item",
        ["orphan"] = "orphan of an elided verb",
        ["goeswith"] = "part of a split word",
        ["reparandum"] = "corrected word",
        ["dep"] = "unspecified dependency",
        ["punct"] = "punctuation",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string? PartOfSpeech(string upos) => Pos.GetValueOrDefault(upos);

    public static string? Relation(string relation) =>
        Relations.GetValueOrDefault(relation) ?? (relation.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? Relations.GetValueOrDefault(relation[..colon]) : null);
}
