using System.Globalization;

namespace Dateline.Storage.Stories;

/// <summary>
/// Near-duplicate detection for wire copies, reprints and updates of one story. A text becomes the set of its word
/// 5-shingles (Chinese, Japanese and Korean script: one character is one word, as it has no spaces); a 64-value MinHash
/// signature of that set gives 32 band keys of two values each (locality-sensitive hashing), so texts that share many
/// shingles share a band key with high probability (Jaccard 0.4 → 0.996) and unrelated ones almost never do. A candidate
/// found by a band key is confirmed on the exact sets: the share of the smaller text's shingles the other holds
/// (containment), which keeps a shortened wire copy or an update with added paragraphs in its story.
/// </summary>
public static class StoryShingles
{
    /// <summary>Words per shingle.</summary>
    public const int Width = 5;

    /// <summary>
    /// Texts with fewer shingles than this (about 45 words) are not matched: short briefs written from a template
    /// ("Shares rose 2 percent on …") overlap as much as copies do without being one story.
    /// </summary>
    public const int MinShingles = 40;

    /// <summary>
    /// Characters of an article's body that story matching reads (about 35,000 words): copies of one story share their
    /// opening, and a 30 MB transcript would otherwise cost its whole length in every comparison.
    /// </summary>
    public const int MaxCharacters = 200_000;

    /// <summary>Containment from which two texts are one story.</summary>
    public const double SameStory = 0.5;

    private const int Hashes = 64;
    private const int RowsPerBand = 2;

    /// <summary>The seeds of the 64 hash functions, fixed so that signatures are comparable across runs and machines.</summary>
    private static readonly ulong[] Seeds = [.. Enumerable.Range(1, Hashes).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL))];

    /// <summary>The text's distinct shingle hashes.</summary>
    public static HashSet<ulong> Of(string text)
    {
        var words = new List<ulong>();
        var i = 0;
        while (i < text.Length)
        {
            var ch = text[i];
            if (Search.CjkSegmenter.IsCjk(ch))
            {
                words.Add(Mix(ch));
                i++;
            }
            else if (char.IsLetterOrDigit(ch))
            {
                var hash = 14695981039346656037UL; // FNV-1a over the lower-cased word
                while (i < text.Length && char.IsLetterOrDigit(text[i]) && !Search.CjkSegmenter.IsCjk(text[i]))
                {
                    hash = (hash ^ char.ToLower(text[i], CultureInfo.InvariantCulture)) * 1099511628211UL;
                    i++;
                }

                words.Add(hash);
            }
            else
            {
                i++;
            }
        }

        var shingles = new HashSet<ulong>();
        for (var start = 0; start + Width <= words.Count; start++)
        {
            var h = 0UL;
            for (var k = 0; k < Width; k++)
            {
                h = Mix(h * 31 + words[start + k]);
            }

            shingles.Add(h);
        }

        return shingles;
    }

    /// <summary>The 32 band keys of the set's MinHash signature; none for a set under <see cref="MinShingles"/>.</summary>
    public static long[] BandKeys(IReadOnlyCollection<ulong> shingles)
    {
        if (shingles.Count < MinShingles)
        {
            return [];
        }

        Span<ulong> min = stackalloc ulong[Hashes];
        min.Fill(ulong.MaxValue);
        foreach (var s in shingles)
        {
            for (var h = 0; h < Hashes; h++)
            {
                var v = Mix(s ^ Seeds[h]);
                if (v < min[h])
                {
                    min[h] = v;
                }
            }
        }

        var keys = new long[Hashes / RowsPerBand];
        for (var b = 0; b < keys.Length; b++)
        {
            var key = (ulong)b;
            for (var r = 0; r < RowsPerBand; r++)
            {
                key = Mix(key * 31 + min[b * RowsPerBand + r]);
            }

            keys[b] = unchecked((long)key);
        }

        return keys;
    }

    /// <summary>The share of the smaller set's shingles that the other set holds (0 when either is under <see cref="MinShingles"/>).</summary>
    public static double Containment(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count < MinShingles || b.Count < MinShingles)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / small.Count;
    }

    /// <summary>SplitMix64's finaliser: a fast, well-mixed 64-bit hash of a 64-bit value.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
