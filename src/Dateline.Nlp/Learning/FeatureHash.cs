namespace Dateline.Nlp.Learning;

/// <summary>
/// 64-bit feature keys built without strings: a template number mixed with value hashes, shared by the quote and syntax
/// models. Deterministic across runs and machines (string.GetHashCode is randomised per process, so it is not used).
/// </summary>
internal static class FeatureHash
{
    public const ulong None = 0x5bd1e9955bd1e995UL;

    public static ulong Of(ReadOnlySpan<char> s, bool lower)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h ^= lower ? char.ToLowerInvariant(c) : c;
            h *= 1099511628211UL;
        }

        return h;
    }

    public static ulong Of(string s) => Of(s, false);

    public static ulong Mix(ulong a, ulong b)
    {
        var h = (a * 0x9E3779B97F4A7C15UL) ^ (b + 0x632BE59BD9B4E019UL);
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 29;
        return h;
    }

    public static ulong Key(int template, ulong a) => Mix((ulong)template, a);

    public static ulong Key(int template, ulong a, ulong b) => Mix(Mix((ulong)template, a), b);

    public static ulong Key(int template, ulong a, ulong b, ulong c) => Mix(Mix(Mix((ulong)template, a), b), c);

    /// <summary>Short word shape ("Ishiba" → Xx, "U.S." → X.X., "2016" → d) as a hash.</summary>
    public static ulong Shape(ReadOnlySpan<char> s)
    {
        var h = 14695981039346656037UL;
        var last = '\0';
        foreach (var ch in s)
        {
            var c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            if (c != last)
            {
                h ^= c;
                h *= 1099511628211UL;
            }

            last = c;
        }

        return h;
    }
}
