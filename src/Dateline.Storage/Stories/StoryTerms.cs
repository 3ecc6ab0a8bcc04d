using System.Globalization;

namespace Dateline.Storage.Stories;

/// <summary>
/// The second test of a story, after copies: independent reports of one event (another outlet's own article on the same
/// talks) share its rare words — names, places, the subject — though hardly a sentence. An article is a TF-IDF vector
/// of its content words (title words count twice; words of two letters or less and function words are left out;
/// Chinese, Japanese and Korean script gives character pairs), of which the <see cref="Kept"/> heaviest are stored;
/// two articles published within <see cref="WindowDays"/> days whose vectors have a cosine of at least
/// <see cref="SameStory"/> report one story, provided both name someone in common (<see cref="Names"/>): briefs written on one
/// template share their words but not their subject. Measured on the bundled samples' same-event groups (samples/README.md):
/// see docs/QUALITY.md.
/// </summary>
public static class StoryTerms
{
    /// <summary>Terms kept per article (its heaviest).</summary>
    public const int Kept = 40;

    /// <summary>Cosine from which two articles report one story.</summary>
    public const double SameStory = 0.22;

    /// <summary>
    /// The mean cosine an article needs with the articles of a story it joins through one of them (average link, so
    /// that stories do not chain from each article's closest match). On Reuters-21578 the same value as
    /// <see cref="SameStory"/> split chained groups (732 → 742 stories) and left the samples' pairs as they were.
    /// </summary>
    public const double SameStoryMean = SameStory;

    /// <summary>Independent reports of one event are published within this many days of each other.</summary>
    public const int WindowDays = 3;

    /// <summary>Articles with fewer distinct content words than this are not compared.</summary>
    public const int MinTerms = 15;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "from", "with", "that", "this", "these", "those", "was", "were", "are", "been", "being", "has",
        "have", "had", "its", "his", "her", "hers", "their", "theirs", "they", "them", "she", "him", "who", "whom", "whose",
        "which", "what", "when", "where", "while", "will", "would", "could", "should", "shall", "may", "might", "must", "can",
        "not", "but", "than", "then", "there", "here", "into", "onto", "over", "under", "about", "after", "before", "also",
        "more", "most", "other", "some", "such", "only", "any", "all", "each", "both", "said", "says", "say", "told", "one",
        "two", "new", "did", "does", "our", "out", "you", "your", "just", "very", "because", "during", "between", "against",
        "through", "since", "until", "upon", "within", "without", "per", "via", "yet", "however", "including", "among",
    };

    /// <summary>Capitalised words that name nothing in particular: dates, company designators, titles.</summary>
    private static readonly HashSet<string> CommonCapitals = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "ltd", "plc", "llc", "company", "group", "holdings",
        "president", "minister", "prime", "secretary", "chairman", "chief", "executive", "officer", "government", "ministry",
        "department", "news", "agency", "reuters", "reuter", "press",
    };

    /// <summary>
    /// Words written with a capital inside a sentence (not its first word, not a whole line in capitals): the names an
    /// article is about. Two reports of one event share some; two earnings tables or two "X sells unit" briefs share
    /// their vocabulary but not their names.
    /// </summary>
    public static HashSet<string> Names(IEnumerable<string> paragraphs)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in paragraphs)
        {
            var start = true;
            var last = string.Empty;
            var i = 0;
            while (i < p.Length)
            {
                var ch = p[i];
                if (!char.IsLetterOrDigit(ch))
                {
                    // A full stop after a short capitalised word ("Mr.", "U.S.") is an abbreviation, not a sentence end.
                    start |= ch is '!' or '?' or ':' or '"' or '\u201C' || (ch == '.' && !(last.Length <= 3 && last.Length > 0 && char.IsUpper(last[0])));
                    i++;
                    continue;
                }

                var from = i;
                while (i < p.Length && char.IsLetterOrDigit(p[i]))
                {
                    i++;
                }

                var word = p[from..i];
                if (!start && word.Length >= 3 && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower))
                {
                    var lower = word.ToLower(CultureInfo.InvariantCulture);
                    if (!CommonCapitals.Contains(lower) && !FunctionWords.Contains(lower))
                    {
                        names.Add(lower);
                    }
                }

                start = false;
                last = word;
            }
        }

        return names;
    }

    /// <summary>Content-word counts of an article (title words twice).</summary>
    public static Dictionary<string, int> Count(string? title, string body)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(counts, title ?? string.Empty, 2);
        Add(counts, body, 1);
        return counts;
    }

    /// <summary>The L2-normalised TF-IDF weights of <paramref name="counts"/>, given each term's document frequency and the number of documents.</summary>
    public static Dictionary<string, double> Weigh(Dictionary<string, int> counts, Func<string, long> documentFrequency, long documents)
    {
        var weights = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        foreach (var (term, n) in counts)
        {
            var df = Math.Max(1, documentFrequency(term));
            weights[term] = (1 + Math.Log(n)) * Math.Log((documents + 1.0) / df);
        }

        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0)
        {
            foreach (var term in weights.Keys.ToList())
            {
                weights[term] /= norm;
            }
        }

        return weights;
    }

    /// <summary>The <see cref="Kept"/> heaviest terms (ties by term, so the choice is stable), scaled to unit length again.</summary>
    public static List<KeyValuePair<string, double>> Top(Dictionary<string, double> weights)
    {
        var top = weights.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(Kept).ToList();
        var norm = Math.Sqrt(top.Sum(kv => kv.Value * kv.Value));
        return [.. top.Select(kv => new KeyValuePair<string, double>(kv.Key, kv.Value / norm))];
    }

    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var dot = 0.0;
        foreach (var (term, w) in small)
        {
            if (large.TryGetValue(term, out var v))
            {
                dot += w * v;
            }
        }

        return dot;
    }

    private static void Add(Dictionary<string, int> counts, string text, int weight)
    {
        var i = 0;
        while (i < text.Length)
        {
            var ch = text[i];
            if (Search.CjkSegmenter.IsCjk(ch))
            {
                if (i + 1 < text.Length && Search.CjkSegmenter.IsCjk(text[i + 1]))
                {
                    Bump(text.Substring(i, 2));
                }

                i++;
            }
            else if (char.IsLetterOrDigit(ch))
            {
                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]) && !Search.CjkSegmenter.IsCjk(text[i]))
                {
                    i++;
                }

                if (i - start >= 3)
                {
                    var word = text[start..i].ToLower(CultureInfo.InvariantCulture);
                    if (!FunctionWords.Contains(word) && !word.All(char.IsDigit))
                    {
                        Bump(word);
                    }
                }
            }
            else
            {
                i++;
            }
        }

        void Bump(string term) => counts[term] = counts.GetValueOrDefault(term) + weight;
    }
}
