using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Dateline.Nlp.Events.Petrarch;

/// <summary>
/// PETRARCH/TABARI actor dictionaries (<c>Phoenix.*.actors.txt</c>, <c>PETR.Validate.actors.txt</c>): a name line
/// (<c>_</c> or a space between words) with its codes in brackets on the same or the following lines, <c>+ALIAS</c>
/// lines that name the same actor, and date-restricted codes <c>[CODE &lt;DATE]</c>, <c>[CODE &gt;DATE]</c>,
/// <c>[CODE DATE-DATE]</c> (YYYYMMDD, or YYMMDD with 00–29 read as 20xx). A name ending in <c>_</c> matches whole
/// words only; any other name's last word also matches a capitalised word that extends it by at most three letters
/// ("ARGENTIN" → "Argentina"), a narrow stand-in for TABARI's stems.
/// </summary>
public sealed partial class PetrarchActors
{
    /// <summary>A code and the dates it holds for (inclusive; null = open).</summary>
    public sealed record DatedCode(string Code, DateOnly? From, DateOnly? Until)
    {
        public bool Holds(DateOnly date) => (From is null || date >= From) && (Until is null || date <= Until);
    }

    /// <summary>One actor: its names (lower-case words) and codes.</summary>
    public sealed record Entry(string Name, IReadOnlyList<string[]> Names, IReadOnlyList<DatedCode> Codes, string File, int Line)
    {
        /// <summary>The code on <paramref name="date"/>: a restricted code that holds wins, else the unrestricted one; with no date, the unrestricted one.</summary>
        public string? CodeOn(DateOnly? date)
        {
            if (date is { } d && Codes.FirstOrDefault(c => (c.From is not null || c.Until is not null) && c.Holds(d)) is { } dated)
            {
                return dated.Code;
            }

            return Codes.FirstOrDefault(c => c.From is null && c.Until is null)?.Code ?? (date is null ? Codes[^1].Code : null);
        }
    }

    internal sealed record Name(string[] Words, bool Exact, Entry Entry);

    private const int MaxStemExtension = 3;

    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, List<Name>> _byFirstWord = new(StringComparer.Ordinal);

    public IReadOnlyList<Entry> Entries => _entries;

    public int NameCount { get; private set; }

    [GeneratedRegex(@"^(?<code>[A-Za-z0-9\-+/]+)(\s*(?<op>[<>])\s*(?<date>\d{6}|\d{8})|\s+(?<from>\d{6}|\d{8})\s*-\s*(?<until>\d{6}|\d{8}))?$")]
    private static partial Regex CodePattern();

    /// <summary>Reads one actor file into this set, adding every bad line to <paramref name="problems"/>.</summary>
    public void Load(string path, List<DictionaryProblem> problems) => Load(Path.GetFileName(path), DictionaryText.Lines(path), problems);

    internal void Load(string file, IEnumerable<(int Line, string Text)> lines, List<DictionaryProblem> problems)
    {
        string? name = null;
        var names = new List<string[]>();
        var exact = new List<bool>();
        var codes = new List<DatedCode>();
        var startLine = 0;

        void Flush()
        {
            if (name is null)
            {
                return;
            }

            if (codes.Count == 0)
            {
                problems.Add(new DictionaryProblem(file, startLine, $"actor '{name}' has no code"));
            }
            else
            {
                var entry = new Entry(name, [.. names], [.. codes], file, startLine);
                _entries.Add(entry);
                for (var i = 0; i < names.Count; i++)
                {
                    Index(new Name(names[i], exact[i], entry));
                }
            }

            name = null;
            names.Clear();
            exact.Clear();
            codes.Clear();
        }

        foreach (var (line, text) in lines)
        {
            var bracket = text.IndexOf('[', StringComparison.Ordinal);
            var head = bracket < 0 ? text : text[..bracket];
            var tail = bracket < 0 ? string.Empty : text[bracket..];
            if (text.StartsWith('+'))
            {
                if (name is null)
                {
                    problems.Add(new DictionaryProblem(file, line, $"alias '{text}' comes before any actor"));
                    continue;
                }

                AddName(head[1..], line);
            }
            else if (head.Trim().Length > 0)
            {
                Flush();
                name = head.Trim();
                startLine = line;
                AddName(head, line);
                if (names.Count == 0)
                {
                    name = null;
                    continue;
                }
            }
            else if (name is null)
            {
                problems.Add(new DictionaryProblem(file, line, $"code '{text}' comes before any actor"));
                continue;
            }

            if (tail.Length > 0)
            {
                ParseCodes(file, line, tail, codes, problems);
            }
        }

        Flush();

        void AddName(string phrase, int line)
        {
            var words = DictionaryText.Words(phrase, out var isExact);
            if (words.Length == 0)
            {
                problems.Add(new DictionaryProblem(file, line, "empty actor name"));
                return;
            }

            names.Add(words);
            exact.Add(isExact);
        }
    }

    private static void ParseCodes(string file, int line, string tail, List<DatedCode> codes, List<DictionaryProblem> problems)
    {
        var rest = tail;
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('[', StringComparison.Ordinal);
            if (open < 0)
            {
                if (rest.Trim().Length > 0)
                {
                    problems.Add(new DictionaryProblem(file, line, $"unexpected text '{rest.Trim()}' after a code"));
                }

                return;
            }

            var close = rest.IndexOf(']', open);
            if (close < 0)
            {
                problems.Add(new DictionaryProblem(file, line, $"unclosed code bracket in '{tail}'"));
                return;
            }

            var inner = rest[(open + 1)..close].Trim();
            rest = rest[(close + 1)..];
            var m = CodePattern().Match(inner);
            if (!m.Success)
            {
                problems.Add(new DictionaryProblem(file, line, $"malformed actor code '[{inner}]'"));
                continue;
            }

            var code = m.Groups["code"].Value.ToUpperInvariant();
            DateOnly? from = null, until = null;
            if (m.Groups["op"].Success)
            {
                var date = ParseDate(m.Groups["date"].Value);
                if (m.Groups["op"].Value == "<")
                {
                    until = date.AddDays(-1);
                }
                else
                {
                    from = date.AddDays(1);
                }
            }
            else if (m.Groups["from"].Success)
            {
                (from, until) = (ParseDate(m.Groups["from"].Value), ParseDate(m.Groups["until"].Value));
                if (until < from)
                {
                    problems.Add(new DictionaryProblem(file, line, $"date range in '[{inner}]' ends before it starts"));
                    continue;
                }
            }

            codes.Add(new DatedCode(code, from, until));
        }
    }

    /// <summary>YYYYMMDD or YYMMDD (00–29 → 20xx, else 19xx); an impossible day falls back to the month's last day.</summary>
    internal static DateOnly ParseDate(string digits)
    {
        int year, rest;
        if (digits.Length == 8)
        {
            year = int.Parse(digits[..4], CultureInfo.InvariantCulture);
            rest = 4;
        }
        else
        {
            var yy = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            year = yy < 30 ? 2000 + yy : 1900 + yy;
            rest = 2;
        }

        var month = Math.Clamp(int.Parse(digits.AsSpan(rest, 2), CultureInfo.InvariantCulture), 1, 12);
        var day = Math.Clamp(int.Parse(digits.AsSpan(rest + 2, 2), CultureInfo.InvariantCulture), 1, DateTime.DaysInMonth(year, month));
        return new DateOnly(year, month, day);
    }

    private void Index(Name name)
    {
        NameCount++;
        var first = name.Words[0];
        if (!_byFirstWord.TryGetValue(first, out var list))
        {
            _byFirstWord[first] = list = [];
        }

        list.Add(name);
    }

    /// <summary>Sorts each first-word bucket longest name first; call once after loading.</summary>
    internal void Freeze()
    {
        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
    }

    /// <summary>
    /// The longest name starting at token <paramref name="i"/> of lower-cased <paramref name="words"/>; <paramref name="capitalised"/>
    /// tells whether a token starts with a capital (stem matches need one). Returns the entry and the end token, or null.
    /// </summary>
    internal (Entry Entry, int End)? Match(string[] words, int i, Func<int, bool> capitalised)
    {
        (Entry, int)? best = null;
        var bestLength = 0;
        foreach (var candidate in Candidates(words[i]))
        {
            var n = candidate.Words.Length;
            if (n <= bestLength || i + n > words.Length)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < n && ok; k++)
            {
                ok = WordMatches(candidate, k, words[i + k], capitalised(i + k));
            }

            if (ok)
            {
                best = (candidate.Entry, i + n);
                bestLength = n;
            }
        }

        return best;
    }

    private IEnumerable<Name> Candidates(string word)
    {
        if (_byFirstWord.TryGetValue(word, out var list))
        {
            foreach (var n in list)
            {
                yield return n;
            }
        }

        for (var cut = 1; cut <= MaxStemExtension && cut < word.Length; cut++)
        {
            if (_byFirstWord.TryGetValue(word[..^cut], out var stems))
            {
                foreach (var n in stems)
                {
                    if (n.Words.Length == 1 && !n.Exact)
                    {
                        yield return n;
                    }
                }
            }
        }
    }

    private static bool WordMatches(Name name, int k, string word, bool capitalised)
    {
        var expected = name.Words[k];
        if (string.Equals(expected, word, StringComparison.Ordinal))
        {
            return true;
        }

        return k == name.Words.Length - 1 && !name.Exact && capitalised && word.Length > expected.Length
            && word.Length - expected.Length <= MaxStemExtension && word.StartsWith(expected, StringComparison.Ordinal);
    }

    internal FrozenSet<string> FirstWords => _byFirstWord.Keys.ToFrozenSet(StringComparer.Ordinal);
}
