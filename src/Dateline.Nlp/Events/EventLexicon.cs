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

    private static EventLexicon LoadDefault()
    {
        var lex = new EventLexicon();
        lex.LoadCodes(TsvResource.Rows("events.event_codes.tsv"));
        lex.LoadRefinements(TsvResource.Rows("events.event_refinements.tsv"));
        var irregular = LoadIrregular(TsvResource.Rows("events.irregular_verbs.tsv"));
        lex.AddPatterns(TsvResource.Rows("events.event_verbs.tsv").Select(r => (r["pattern"], r["code"], r["flags"], "default")), irregular);
        lex.LoadAgents(TsvResource.Rows("events.agents.tsv"));
        return lex;
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
