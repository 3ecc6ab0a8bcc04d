namespace Dateline.Nlp.Syntax;

/// <summary>
/// Lemmas from what the treebanks show: a table of (word, UPOS) → lemma for words seen in training (the most frequent
/// lemma wins), and for unseen words suffix rules "drop k letters, add s" learned per UPOS from the longest ending that
/// decides them (withdrew → withdraw is in the table; "recodified" → "recodify" by the rule learned for -ified).
/// Proper nouns keep their form; other lemmas are lower case unless the table says otherwise ("I").
/// </summary>
internal sealed class Lemmatizer
{
    private const int MaxSuffix = 6;

    private readonly Dictionary<string, string> _table;
    private readonly Dictionary<string, (int Strip, string Add)> _rules;

    // The same table and rules split by UPOS, so a lookup needs no key string (and suffixes no substring) per word.
    private readonly Dictionary<string, Dictionary<string, string>> _tableByTag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, (int Strip, string Add)>> _rulesByTag = new(StringComparer.Ordinal);

    internal Lemmatizer(Dictionary<string, string> table, Dictionary<string, (int Strip, string Add)> rules)
    {
        _table = table;
        _rules = rules;
        foreach (var (key, lemma) in table)
        {
            ByTag(_tableByTag, key, out var form)[form] = lemma;
        }

        foreach (var (key, rule) in rules)
        {
            ByTag(_rulesByTag, key, out var suffix)[suffix] = rule;
        }
    }

    private static Dictionary<string, T> ByTag<T>(Dictionary<string, Dictionary<string, T>> split, string key, out string rest)
    {
        var tab = key.IndexOf('\t');
        rest = key[(tab + 1)..];
        if (!split.TryGetValue(key[..tab], out var inner))
        {
            split[key[..tab]] = inner = new Dictionary<string, T>(StringComparer.Ordinal);
        }

        return inner;
    }

    public int TableSize => _table.Count;

    public int RuleCount => _rules.Count;

    public string Lemmatize(string form, string upos)
    {
        var lower = form.ToLowerInvariant();
        if (_tableByTag.TryGetValue(upos, out var table) && (table.TryGetValue(form, out var lemma) || table.TryGetValue(lower, out lemma)))
        {
            return lemma;
        }

        if (upos is "PROPN" or "PUNCT" or "SYM" or "NUM" or "X")
        {
            return form;
        }

        if (_rulesByTag.TryGetValue(upos, out var rules))
        {
            var suffixes = rules.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var len = Math.Min(MaxSuffix, lower.Length - 1); len >= 1; len--)
            {
                if (suffixes.TryGetValue(lower.AsSpan(lower.Length - len), out var rule) && rule.Strip < lower.Length)
                {
                    return lower[..^rule.Strip] + rule.Add;
                }
            }
        }

        return lower;
    }

    private static string Key(string form, string upos) => string.Concat(upos, "\t", form);

    public static Lemmatizer Train(IEnumerable<(string Form, string Upos, string Lemma)> words, int minRuleCount = 2)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var ruleCounts = new Dictionary<string, Dictionary<(int, string), int>>(StringComparer.Ordinal);
        foreach (var (form, upos, lemma) in words)
        {
            if (lemma is "_" or "")
            {
                continue;
            }

            Count(counts, Key(form, upos), lemma);
            if (upos is "PROPN" or "PUNCT" or "SYM" or "NUM" or "X")
            {
                continue;
            }

            var lower = form.ToLowerInvariant();
            var lemmaLower = lemma.ToLowerInvariant();
            var common = 0;
            while (common < lower.Length && common < lemmaLower.Length && lower[common] == lemmaLower[common])
            {
                common++;
            }

            if (common == 0)
            {
                continue;
            }

            var rule = (lower.Length - common, lemmaLower[common..]);
            for (var len = Math.Max(1, rule.Item1); len <= Math.Min(MaxSuffix, lower.Length - 1); len++)
            {
                Count(ruleCounts, Key(lower[^len..], upos), rule);
            }
        }

        // A suffix decides when one rule covers most words that end in it; keep only the shortest deciding ending
        // beyond which longer ones agree (longer ones are looked up first, so keep those that differ too).
        var rules = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var (key, options) in ruleCounts)
        {
            var total = options.Values.Sum();
            var (rule, count) = options.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal).First();
            if (count >= minRuleCount && count * 2 > total)
            {
                rules[key] = rule;
            }
        }

        var byRules = new Lemmatizer([], rules);
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, lemmas) in counts)
        {
            var best = lemmas.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            var form = key[(key.IndexOf('\t') + 1)..];
            var upos = key[..key.IndexOf('\t')];
            var fallback = byRules.Lemmatize(form, upos);
            if (best != fallback)
            {
                table[key] = best;
            }
        }

        return new Lemmatizer(table, rules);
    }

    private static void Count<TKey>(Dictionary<string, Dictionary<TKey, int>> counts, string key, TKey value)
        where TKey : notnull
    {
        if (!counts.TryGetValue(key, out var inner))
        {
            counts[key] = inner = [];
        }

        inner[value] = inner.GetValueOrDefault(value) + 1;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_table.Count);
        foreach (var (key, lemma) in _table.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            w.Write(lemma);
        }

        w.Write(_rules.Count);
        foreach (var (key, (strip, add)) in _rules.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            w.Write((byte)strip);
            w.Write(add);
        }
    }

    public static Lemmatizer Read(BinaryReader r)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            table[r.ReadString()] = r.ReadString();
        }

        var rules = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadString();
            var strip = r.ReadByte();
            rules[key] = (strip, r.ReadString());
        }

        return new Lemmatizer(table, rules);
    }
}
