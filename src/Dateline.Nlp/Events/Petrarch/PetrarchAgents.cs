using System.Text.RegularExpressions;

namespace Dateline.Nlp.Events.Petrarch;

/// <summary>
/// PETRARCH agent dictionaries (<c>Phoenix.agents.txt</c>, <c>PETR.Validate.agents.txt</c>): nouns that make a group an
/// actor when a country or organisation owns them ("Danish media" → DNKMED). A line is <c>NOUN_PHRASE {plurals} [~CODE]</c>:
/// <c>~CODE</c> is appended to the owner's code (<c>CODE~</c>, a prefix in PETRARCH, is treated the same way here);
/// <c>{A B}</c> lists the plurals and <c>{}</c> says there is none, otherwise the regular plural of the last word is
/// added; <c>!SET! = A, B</c> defines a substitution set and <c>CONGRESS!PERSON!</c> expands to one noun per member.
/// </summary>
public sealed partial class PetrarchAgents
{
    /// <summary>One agent noun: its words (lower case) and the code it adds.</summary>
    public sealed record Entry(string[] Words, string Code, bool Prefix, string File, int Line);

    private readonly List<Entry> _entries = [];

    public IReadOnlyList<Entry> Entries => _entries;

    [GeneratedRegex(@"^!(?<name>[A-Za-z0-9_]+)!\s*=\s*(?<members>.+)$")]
    private static partial Regex SubstitutionSet();

    [GeneratedRegex(@"^(?<phrase>[^{\[]+?)\s*(\{(?<plurals>[^}]*)\})?\s*\[(?<code>[^\]]*)\]$")]
    private static partial Regex AgentLine();

    [GeneratedRegex(@"!([A-Za-z0-9_]+)!")]
    private static partial Regex SubstitutionMarker();

    public void Load(string path, List<DictionaryProblem> problems) => Load(Path.GetFileName(path), DictionaryText.Lines(path), problems);

    internal void Load(string file, IEnumerable<(int Line, string Text)> lines, List<DictionaryProblem> problems)
    {
        var sets = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, text) in lines)
        {
            if (SubstitutionSet().Match(text) is { Success: true } s)
            {
                sets[s.Groups["name"].Value] = [.. s.Groups["members"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                continue;
            }

            var m = AgentLine().Match(text);
            if (!m.Success)
            {
                problems.Add(new DictionaryProblem(file, line, $"not an agent line (NOUN {{plurals}} [~CODE]): '{text}'"));
                continue;
            }

            var raw = m.Groups["code"].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            var prefix = raw.EndsWith('~') && !raw.StartsWith('~');
            var code = raw.Trim('~');
            if (!raw.Contains('~', StringComparison.Ordinal) || code.Length == 0 || !code.All(char.IsLetterOrDigit))
            {
                problems.Add(new DictionaryProblem(file, line, $"agent code '[{m.Groups["code"].Value}]' must be ~CODE or CODE~"));
                continue;
            }

            List<string> phrases;
            try
            {
                phrases = Expand(m.Groups["phrase"].Value, sets);
            }
            catch (KeyNotFoundException ex)
            {
                problems.Add(new DictionaryProblem(file, line, ex.Message));
                continue;
            }

            var explicitPlurals = m.Groups["plurals"].Success;
            foreach (var phrase in phrases)
            {
                var words = DictionaryText.Words(phrase, out _);
                if (words.Length == 0)
                {
                    problems.Add(new DictionaryProblem(file, line, "empty agent noun"));
                    continue;
                }

                _entries.Add(new Entry(words, code, prefix, file, line));
                if (!explicitPlurals)
                {
                    _entries.Add(new Entry([.. words[..^1], Plural(words[^1])], code, prefix, file, line));
                }
            }

            if (explicitPlurals)
            {
                foreach (var plural in m.Groups["plurals"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    foreach (var phrase in Expand(plural, sets))
                    {
                        _entries.Add(new Entry(DictionaryText.Words(phrase, out _), code, prefix, file, line));
                    }
                }
            }
        }
    }

    private static List<string> Expand(string phrase, Dictionary<string, string[]> sets)
    {
        var marker = SubstitutionMarker().Match(phrase);
        if (!marker.Success)
        {
            return [phrase];
        }

        if (!sets.TryGetValue(marker.Groups[1].Value, out var members))
        {
            throw new KeyNotFoundException($"substitution set !{marker.Groups[1].Value}! is not defined above this line");
        }

        var result = new List<string>();
        foreach (var member in members)
        {
            result.AddRange(Expand(phrase[..marker.Index] + member + phrase[(marker.Index + marker.Length)..], sets));
        }

        return result;
    }

    /// <summary>The regular English plural: -ies after a consonant + y, -es after s/x/z/ch/sh, else -s.</summary>
    internal static string Plural(string word)
    {
        if (word.Length > 1 && word[^1] == 'y' && "aeiou".IndexOf(word[^2], StringComparison.Ordinal) < 0)
        {
            return word[..^1] + "ies";
        }

        return word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal)
            ? word + "es"
            : word + "s";
    }
}
