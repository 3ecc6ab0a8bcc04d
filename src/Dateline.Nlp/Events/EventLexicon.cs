using System.Collections.Frozen;
using System.Globalization;
using Dateline.Nlp.Lexicons;

namespace Dateline.Nlp.Events;

/// <summary>
/// What the event coder knows, all from Data/events/: CAMEO codes (name, Goldstein, quad class, PLOVER type and mode),
/// the verb and noun patterns that report events, the agent nouns that make a group an actor ("officials", "troops"),
/// and how governing verbs combine with the action they govern ("agreed to withdraw" → 035).
/// </summary>
public sealed class EventLexicon
{
    private static readonly Lazy<EventLexicon> DefaultLazy = new(LoadDefault);

    public static EventLexicon Default => DefaultLazy.Value;

    public sealed record CameoCode(string Code, string Name, double Goldstein, int Quad, string Plover, string? Mode);

    public sealed record Agent(string[] Words, string Code);

    private readonly Dictionary<string, CameoCode> _codes = new(StringComparer.Ordinal);
    private readonly List<(string Governing, string Governed, string Code)> _refinements = [];
    private readonly Dictionary<string, List<EventPattern>> _patternsByFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Agent>> _agentsByFirstWord = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, CameoCode> Codes => _codes;

    public IReadOnlyList<EventPattern> Patterns { get; private set; } = [];

    /// <summary>The CAMEO code, or null when it is not in the codebook.</summary>
    public CameoCode? Code(string code) => _codes.GetValueOrDefault(code);

    /// <summary>Patterns whose first word can be <paramref name="word"/> (lower case).</summary>
    public IReadOnlyList<EventPattern> PatternsStartingWith(string word) =>
        _patternsByFirstWord.TryGetValue(word, out var list) ? list : [];

    /// <summary>Agents whose first word is <paramref name="word"/> (lower case), longest first.</summary>
    public IReadOnlyList<Agent> AgentsStartingWith(string word) =>
        _agentsByFirstWord.TryGetValue(word, out var list) ? list : [];

    /// <summary>The code for <paramref name="governing"/> governing an action coded <paramref name="governed"/>: the row with the longest matching governed prefix.</summary>
    public string Refine(string governing, string governed)
    {
        string? best = null;
        var bestLength = -1;
        foreach (var (g, d, code) in _refinements)
        {
            if (!governing.StartsWith(g, StringComparison.Ordinal))
            {
                continue;
            }

            var length = d == "*" ? 0 : governed.StartsWith(d, StringComparison.Ordinal) ? d.Length : -1;
            if (length > bestLength)
            {
                (best, bestLength) = (code == "governed" ? governed : code, length);
            }
        }

        return best ?? governing;
    }

    private static EventLexicon LoadDefault() => Create(withDefaultPatterns: true);

    private static readonly Lazy<FrozenDictionary<string, (string[] Past, string[] Participle)>> IrregularLazy =
        new(() => LoadIrregular(TsvResource.Rows("events.irregular_verbs.tsv")));

    /// <summary>The irregular verb forms of Data/events/irregular_verbs.tsv.</summary>
    internal static IReadOnlyDictionary<string, (string[] Past, string[] Participle)> DefaultIrregular => IrregularLazy.Value;

    /// <summary>A new lexicon with the codebook and refinements, and the default patterns and agents when asked (other dictionaries add their own).</summary>
    internal static EventLexicon Create(bool withDefaultPatterns)
    {
        var lex = new EventLexicon();
        lex.LoadCodes(TsvResource.Rows("events.event_codes.tsv"));
        lex.LoadRefinements(TsvResource.Rows("events.event_refinements.tsv"));
        if (withDefaultPatterns)
        {
            lex.AddPatterns(TsvResource.Rows("events.event_verbs.tsv").Select(r => (r["pattern"], r["code"], r["flags"], "default")), DefaultIrregular);
            lex.LoadAgents(TsvResource.Rows("events.agents.tsv"));
        }

        return lex;
    }

    /// <summary>Adds a code that the codebook lacks (a dictionary's own code); false when it is already known.</summary>
    internal bool TryAddCode(CameoCode code) => _codes.TryAdd(code.Code, code);

    /// <summary>Adds agent nouns from another source (e.g. a PETRARCH agents dictionary).</summary>
    internal void AddAgents(IEnumerable<Agent> agents)
    {
        foreach (var agent in agents)
        {
            if (!_agentsByFirstWord.TryGetValue(agent.Words[0], out var list))
            {
                _agentsByFirstWord[agent.Words[0]] = list = [];
            }

            list.Add(agent);
        }

        foreach (var list in _agentsByFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
    }

    private void LoadCodes(IEnumerable<Dictionary<string, string>> rows)
    {
        foreach (var r in rows)
        {
            _codes[r["code"]] = new CameoCode(r["code"], r["name"], double.Parse(r["goldstein"], CultureInfo.InvariantCulture),
                int.Parse(r["quad"], CultureInfo.InvariantCulture), r["plover"], r["mode"] is { Length: > 0 } m ? m : null);
        }
    }

    private void LoadRefinements(IEnumerable<Dictionary<string, string>> rows)
    {
        foreach (var r in rows)
        {
            _refinements.Add((r["governing"], r["governed"], r["code"]));
        }
    }

    internal static FrozenDictionary<string, (string[] Past, string[] Participle)> LoadIrregular(IEnumerable<Dictionary<string, string>> rows) =>
        rows.ToFrozenDictionary(r => r["lemma"], r => (TsvResource.List(r, "past").ToArray(), TsvResource.List(r, "participle").ToArray()), StringComparer.Ordinal);

    /// <summary>Adds patterns (pattern text, CAMEO code, flags, origin); a pattern with an unknown code is an error.</summary>
    internal void AddPatterns(IEnumerable<(string Pattern, string Code, string Flags, string Origin)> rows,
        IReadOnlyDictionary<string, (string[] Past, string[] Participle)> irregular)
    {
        var all = new List<EventPattern>(Patterns);
        var id = all.Count;
        foreach (var (text, code, flags, origin) in rows)
        {
            if (!_codes.ContainsKey(code))
            {
                throw new InvalidDataException($"event pattern '{text}' ({origin}) has code {code}, which is not a CAMEO code");
            }

            var pattern = EventPattern.Parse(text, code, flags, $"{origin}:{++id}", irregular);
            all.Add(pattern);
            foreach (var first in pattern.FirstWords)
            {
                if (!_patternsByFirstWord.TryGetValue(first, out var list))
                {
                    _patternsByFirstWord[first] = list = [];
                }

                list.Add(pattern);
            }
        }

        Patterns = all;
    }

    private void LoadAgents(IEnumerable<Dictionary<string, string>> rows)
    {
        foreach (var r in rows)
        {
            foreach (var form in TsvResource.List(r, "forms").Prepend(r["agent"]))
            {
                var words = form.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!_agentsByFirstWord.TryGetValue(words[0], out var list))
                {
                    _agentsByFirstWord[words[0]] = list = [];
                }

                list.Add(new Agent(words, r["code"]));
                list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
            }
        }
    }
}
