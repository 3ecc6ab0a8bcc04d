using System.Collections.Immutable;
using System.Globalization;
using Dateline.Core.Documents;
using Dateline.Nlp.Actors;

namespace Dateline.Nlp.Events.Petrarch;

/// <summary>
/// PETRARCH dictionaries made ready for the event coder, either <b>in place of</b> the default lexicons
/// (<see cref="ReplacesDefaults"/>: only the dictionaries' verbs, agents and actor names; the default patterns,
/// agent nouns, titles, demonyms, organisations and recognised names code nothing) or <b>beside</b> them (both sets of
/// patterns and agents; where a dictionary name and a default actor overlap, the default wins unless it has no code).
/// Dictionary codes the CAMEO codebook lacks (PETRARCH's test codes such as 174K or 903) are added with the PLOVER type,
/// Goldstein score and quad class of their longest known prefix, or "UNMAPPED" when none is known.
/// </summary>
public sealed class EventDictionaries
{
    public const string UnmappedPlover = "UNMAPPED";

    private readonly Dictionary<EventPattern, PetrarchVerbs.Pattern> _patterns = new(ReferenceEqualityComparer.Instance);

    private EventDictionaries(PetrarchDictionaries source, bool replaces, EventLexicon lexicon)
    {
        Source = source;
        ReplacesDefaults = replaces;
        Lexicon = lexicon;
    }

    public PetrarchDictionaries Source { get; }

    public bool ReplacesDefaults { get; }

    /// <summary>The lexicon the coder uses: codebook + dictionary patterns and agents (+ the defaults when beside them).</summary>
    public EventLexicon Lexicon { get; }

    public IReadOnlyList<DictionaryProblem> Problems => Source.Problems;

    /// <summary>A hash of the dictionary files' contents and whether they replace the defaults (see ComponentInfo.Configuration).</summary>
    public string Fingerprint => (ReplacesDefaults ? "dictionaries-in-place:" : "dictionaries-beside:") + Source.ContentHash();

    public static EventDictionaries Create(PetrarchDictionaries source, bool replaceDefaults)
    {
        var lexicon = EventLexicon.Create(withDefaultPatterns: !replaceDefaults);
        var result = new EventDictionaries(source, replaceDefaults, lexicon);
        var rows = new List<PetrarchVerbs.Pattern>();
        foreach (var p in source.Verbs.Patterns)
        {
            if (p.Text.Length == 0 || p.Text.StartsWith('*') || p.Text.EndsWith('*'))
            {
                source.Problems.Add(new DictionaryProblem(p.File, p.Line, "pattern has no words around its verb"));
                continue;
            }

            AddCode(lexicon, p.Code);
            if (p.PairCode is { } pair)
            {
                AddCode(lexicon, pair);
            }

            rows.Add(p);
        }

        var before = lexicon.Patterns.Count;
        lexicon.AddPatterns(rows.Select(r => (r.Text, r.Code, string.Empty, $"{r.File}:{r.Line}")), EventLexicon.DefaultIrregular);
        for (var i = 0; i < rows.Count; i++)
        {
            result._patterns[lexicon.Patterns[before + i]] = rows[i];
        }

        lexicon.AddAgents(source.Agents.Entries.Select(a => new EventLexicon.Agent(a.Words, a.Code)));
        return result;
    }

    private static void AddCode(EventLexicon lexicon, string code)
    {
        if (lexicon.Code(code) is not null)
        {
            return;
        }

        if (code == "---")
        {
            // PETRARCH's null code: the pattern matches and blocks weaker ones, but codes nothing (no PLOVER type).
            lexicon.TryAddCode(new EventLexicon.CameoCode(code, "null code (dictionary)", 0, 0, string.Empty, null));
            return;
        }

        EventLexicon.CameoCode? root = null;
        for (var n = code.Length - 1; n >= 2 && root is null; n--)
        {
            root = lexicon.Code(code[..n]);
        }

        lexicon.TryAddCode(root is null
            ? new EventLexicon.CameoCode(code, "dictionary code", 0, 0, UnmappedPlover, null)
            : new EventLexicon.CameoCode(code, "dictionary code under " + root.Code, root.Goldstein, root.Quad, root.Plover.Length > 0 ? root.Plover : string.Empty, root.Mode));
    }

    /// <summary>The dictionary pattern an <see cref="EventPattern"/> was translated from, or null for a default pattern.</summary>
    internal PetrarchVerbs.Pattern? PatternOf(EventPattern pattern) => _patterns.GetValueOrDefault(pattern);

    /// <summary>
    /// Actor phrases for the dictionary's names over a document's tokens (longest name first, left to right), coded for
    /// <paramref name="date"/>; a name whose codes do not hold on that date is skipped. A span the recogniser resolved
    /// to a person is a person, else a three-letter code is a place and a longer one an organisation.
    /// </summary>
    internal List<ActorPhrase> ActorPhrases(string text, ImmutableArray<TextSpan> tokens, string[] words, DateOnly? date,
        ImmutableArray<Actor> actors, ImmutableArray<ActorMention> mentions)
    {
        var result = new List<ActorPhrase>();
        if (Source.Actors.NameCount == 0)
        {
            return result;
        }

        var people = new HashSet<string>(actors.Where(a => a.Type == EntityLabels.Person).Select(a => a.Id), StringComparer.Ordinal);
        bool Capitalised(int i) => char.IsUpper(text[tokens[i].Start]);
        for (var i = 0; i < words.Length; i++)
        {
            if (Source.Actors.Match(words, i, Capitalised) is not { } match)
            {
                continue;
            }

            var code = match.Entry.CodeOn(date);
            if (code is not null)
            {
                var span = new TextSpan(tokens[i].Start, tokens[match.End - 1].End);
                var person = mentions.Any(m => m.Span.Overlaps(span) && people.Contains(m.ActorId));
                var kind = person ? ActorPhrase.Person : code.Length == 3 ? ActorPhrase.Place : ActorPhrase.Organization;
                result.Add(new ActorPhrase(i, match.End, code, null, kind, false));
            }

            i = match.End - 1;
        }

        return result;
    }

    /// <summary>
    /// Merges dictionary phrases into the named phrases: in place of the defaults they win every overlap; beside them a
    /// default phrase wins unless it has no code.
    /// </summary>
    internal void Merge(List<ActorPhrase> named, IReadOnlyList<ActorPhrase> extra)
    {
        foreach (var x in extra)
        {
            if (ReplacesDefaults)
            {
                named.RemoveAll(n => n.Start < x.End && x.Start < n.End);
            }
            else
            {
                named.RemoveAll(n => n.Code is null && n.Start < x.End && x.Start < n.End);
                if (named.Any(n => n.Start < x.End && x.Start < n.End))
                {
                    continue;
                }
            }

            named.Add(x);
        }
    }

    /// <summary>
    /// The dictionary's actors as actor overrides for the actor stage (issue 4): a recognised name that the dictionary
    /// lists takes the dictionary's undated code (the stage has no date restrictions), after the user's own overrides.
    /// </summary>
    public ActorOverrides ActorOverrides(ActorOverrides? user)
    {
        var entries = new List<(string, ActorOverrides.Entry)>();
        var titles = CultureInfo.InvariantCulture.TextInfo;
        foreach (var e in Source.Actors.Entries)
        {
            if (e.CodeOn(null) is not { } code)
            {
                continue;
            }

            var country = code.Length >= 3 && code.All(char.IsLetter) && !code.StartsWith("IGO", StringComparison.Ordinal) && !code.StartsWith("NGO", StringComparison.Ordinal)
                && !code.StartsWith("IMG", StringComparison.Ordinal) && !code.StartsWith("MNC", StringComparison.Ordinal) ? code[..3] : null;
            var entry = new ActorOverrides.Entry(titles.ToTitleCase(string.Join(' ', e.Names[0])), code.Length == 3 ? EntityLabels.Gpe : EntityLabels.Org, code, country, null);
            foreach (var name in e.Names)
            {
                entries.Add((string.Join(' ', name), entry));
            }
        }

        return Actors.ActorOverrides.Combine(user, entries);
    }
}
