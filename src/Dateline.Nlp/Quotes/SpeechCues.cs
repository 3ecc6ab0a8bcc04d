using System.Collections.Frozen;
using Dateline.Nlp.Lexicons;

namespace Dateline.Nlp.Quotes;

/// <summary>Single-word speech cues from Data/speech_verbs.tsv, with their type and whether news inverts them.</summary>
internal sealed class SpeechCues
{
    /// <summary>The classes a quote extractor keeps (see the file's header): belief, evidence and stance cues are too loose.</summary>
    private static readonly FrozenSet<string> QuoteClasses = new[]
    {
        "speech", "assertion", "question", "reply", "report", "writing", "manner", "directive", "commitment",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly Lazy<SpeechCues> Default = new(Load);

    private SpeechCues(FrozenDictionary<string, Cue> verbs, FrozenSet<string> participles)
    {
        Verbs = verbs;
        Participles = participles;
    }

    /// <summary>The -ing forms ("saying", "adding"), which report speech of the clause's subject after a comma.</summary>
    public FrozenSet<string> Participles { get; }

    /// <summary>Surface form (lower case) → cue.</summary>
    public FrozenDictionary<string, Cue> Verbs { get; }

    private static SpeechCues Load()
    {
        var verbs = new Dictionary<string, Cue>(StringComparer.OrdinalIgnoreCase);
        var participles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvResource.Rows("speech_verbs.tsv"))
        {
            if (!QuoteClasses.Contains(row["class"]))
            {
                continue;
            }

            var cue = new Cue(row["cue"], row["type"], row["inversion"] == "yes", row["class"]);
            foreach (var form in TsvResource.List(row, "forms"))
            {
                if (!form.Contains(' ', StringComparison.Ordinal) && !form.EndsWith("ing", StringComparison.Ordinal))
                {
                    verbs.TryAdd(form, cue);
                }
                else if (!form.Contains(' ', StringComparison.Ordinal) && row["class"] is "speech" or "assertion" or "report")
                {
                    participles.Add(form);
                }
            }
        }

        return new SpeechCues(verbs.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), participles.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }

    internal sealed record Cue(string Lemma, string Type, bool Inversion, string Class);
}
