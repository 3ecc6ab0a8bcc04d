using System.Buffers.Text;
using System.IO.Compression;
using System.Text.Json;
using Lingua;

namespace Dateline.Extraction.Metadata;

/// <summary>
/// Ranks Lingua's Latin-script languages for a text by letter bigrams, so that Lingua is asked to choose among the few
/// best instead of all 50 of them: loading a language's trigram model costs Lingua 15–35 ms, all Latin ones ~1 s,
/// while these tables load in tens of milliseconds. The tables are Lingua's own bigram models (the
/// <c>Lingua/LanguageModels/xx/bigrams.json.br</c> files that SearchPioneer.Lingua copies beside the application,
/// Apache-2.0, from the Leipzig Wortschatz news corpora), read as they are: P(second letter | first letter) per
/// language. A text scores the sum of the log probabilities of its distinct in-word letter pairs (each counted once, as
/// Lingua counts each distinct n-gram once); a pair a language's model lacks scores <see cref="Unseen"/>.
/// </summary>
/// <remarks>
/// Only the ranking is ours; the decision stays Lingua's. Lingua sums each language's log probabilities independently,
/// so when its winner over all languages is among the candidates it is also the winner among them (docs/PERFORMANCE.md,
/// "Cold start", for how often the ranking leaves it out).
/// </remarks>
internal sealed class BigramCandidateRanker
{
    /// <summary>Log probability of a pair missing from a language's model: about ln(1e-6), below nearly all it stores.</summary>
    private const float Unseen = -14f;

    private readonly Language[] _languages;

    // Letter pair (first << 16 | second) → one log probability per language of _languages.
    private readonly Dictionary<int, float[]> _pairs;

    private BigramCandidateRanker(Language[] languages, Dictionary<int, float[]> pairs)
    {
        _languages = languages;
        _pairs = pairs;
    }

    /// <summary>The languages ranked: every Latin-script language Lingua knows.</summary>
    public IReadOnlyList<Language> Languages => _languages;

    /// <summary>Languages whose model file was missing or unreadable; they rank last.</summary>
    public IReadOnlyList<Language> Missing { get; private init; } = [];

    /// <summary>The folder Lingua's models are copied to at build time.</summary>
    public static string ModelsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels");

    /// <summary>Reads the bigram models of every Latin-script language from <paramref name="directory"/>.</summary>
    public static BigramCandidateRanker Load(string directory)
    {
        Language[] languages = [.. LanguageInfo.AllWithLatinScript().Order()];
        var pairs = new Dictionary<int, float[]>(16_384);
        var missing = new List<Language>();
        for (var i = 0; i < languages.Length; i++)
        {
            var file = Path.Combine(directory, languages[i].IsoCode6391().ToString().ToLowerInvariant(), "bigrams.json.br");
            try
            {
                Read(File.ReadAllBytes(file), i, languages.Length, pairs);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
            {
                missing.Add(languages[i]);
                foreach (var row in pairs.Values)
                {
                    row[i] = Unseen; // forget what a file broken halfway gave
                }
            }
        }

        return new BigramCandidateRanker(languages, pairs) { Missing = missing };
    }

    /// <summary>The <paramref name="count"/> languages that fit <paramref name="text"/> best, best first.</summary>
    public Language[] Rank(string text, int count)
    {
        var scores = new double[_languages.Length];
        var seen = new HashSet<int>();
        var previous = '\0';
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (!char.IsLetter(c))
            {
                previous = '\0';
                continue;
            }

            var key = (previous << 16) | c;
            if (previous != '\0' && seen.Add(key) && _pairs.TryGetValue(key, out var row))
            {
                for (var i = 0; i < scores.Length; i++)
                {
                    scores[i] += row[i];
                }
            }

            previous = c;
        }

        var order = Enumerable.Range(0, _languages.Length).ToArray();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var byScore and not 0 ? byScore : a.CompareTo(b));
        return [.. order.Take(count).Select(i => _languages[i])];
    }

    // {"language":"ENGLISH","ngrams":{"1/26":"ća ći ćo šp ší", ...}}: a probability as a fraction, then the pairs with it.
    private static void Read(byte[] compressed, int column, int columns, Dictionary<int, float[]> pairs)
    {
        using var input = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var json = new MemoryStream(compressed.Length * 4);
        input.CopyTo(json);
        var reader = new Utf8JsonReader(json.GetBuffer().AsSpan(0, (int)json.Length));
        var logProbability = 0f;
        var inNgrams = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    inNgrams = reader.ValueTextEquals("ngrams"u8);
                    break;
                case JsonTokenType.PropertyName when inNgrams && reader.CurrentDepth == 2:
                    logProbability = LogOfFraction(reader.ValueSpan);
                    break;
                case JsonTokenType.String when inNgrams && reader.CurrentDepth == 2 && logProbability > Unseen:
                    // rarer pairs (foreign names, typos) would count for less than a pair never seen: read as unseen
                    var list = reader.GetString().AsSpan();
                    foreach (var range in list.Split(' '))
                    {
                        AddPair(list[range], column, columns, logProbability, pairs);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static void AddPair(ReadOnlySpan<char> pair, int column, int columns, float logProbability, Dictionary<int, float[]> pairs)
    {
        if (pair.Length != 2)
        {
            return; // a letter outside the Basic Multilingual Plane: never met in Latin text
        }

        var key = (pair[0] << 16) | pair[1];
        if (!pairs.TryGetValue(key, out var row))
        {
            row = new float[columns];
            Array.Fill(row, Unseen);
            pairs[key] = row;
        }

        row[column] = logProbability;
    }

    private static float LogOfFraction(ReadOnlySpan<byte> fraction)
    {
        var slash = fraction.IndexOf((byte)'/');
        return slash > 0 && Utf8Parser.TryParse(fraction[..slash], out long numerator, out _)
            && Utf8Parser.TryParse(fraction[(slash + 1)..], out long denominator, out _) && numerator > 0 && denominator > 0
            ? (float)Math.Log(numerator / (double)denominator)
            : throw new JsonException($"Not a fraction: '{System.Text.Encoding.UTF8.GetString(fraction)}'.");
    }
}
