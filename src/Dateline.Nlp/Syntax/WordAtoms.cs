using Dateline.Nlp.Learning;

namespace Dateline.Nlp.Syntax;

/// <summary>
/// The hashed surface values of a sentence's words that tagger and parser features are built from, computed once per
/// sentence: lower-cased form, form as written, prefixes and suffixes, shape, and the word's classes learned from
/// unlabelled text (<see cref="WordClusters"/>).
/// </summary>
internal sealed class WordAtoms
{
    public const ulong None = 0x5EED;

    private static readonly System.Buffers.SearchValues<char> Normalized = System.Buffers.SearchValues.Create("0123456789’‘“”—–");

    public WordAtoms(string[] words, WordClusters clusters)
    {
        var n = words.Length;
        Lower = new ulong[n];
        Form = new ulong[n];
        Prefix1 = new ulong[n];
        Prefix3 = new ulong[n];
        Suffix1 = new ulong[n];
        Suffix2 = new ulong[n];
        Suffix3 = new ulong[n];
        Suffix4 = new ulong[n];
        Shape = new ulong[n];
        Coarse = new ulong[n];
        Fine = new ulong[n];
        Flags = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            var w = words[i];
            var lower = w.ToLowerInvariant();
            Lower[i] = FeatureHash.Of(Normalize(lower));
            Form[i] = FeatureHash.Of(w);
            Prefix1[i] = FeatureHash.Of(lower.AsSpan(0, Math.Min(1, lower.Length)), false);
            Prefix3[i] = FeatureHash.Of(lower.AsSpan(0, Math.Min(3, lower.Length)), false);
            Suffix1[i] = FeatureHash.Of(lower.AsSpan(Math.Max(0, lower.Length - 1)), false);
            Suffix2[i] = FeatureHash.Of(lower.AsSpan(Math.Max(0, lower.Length - 2)), false);
            Suffix3[i] = FeatureHash.Of(lower.AsSpan(Math.Max(0, lower.Length - 3)), false);
            Suffix4[i] = FeatureHash.Of(lower.AsSpan(Math.Max(0, lower.Length - 4)), false);
            Shape[i] = ShapeHash(w);
            if (clusters.Lookup(lower) is { } c)
            {
                Coarse[i] = (ulong)c.Coarse + 1;
                Fine[i] = (ulong)c.Fine + 1;
            }

            Flags[i] = WordFlags(w, i == 0);
        }
    }

    public ulong[] Lower { get; }

    public ulong[] Form { get; }

    public ulong[] Prefix1 { get; }

    public ulong[] Prefix3 { get; }

    public ulong[] Suffix1 { get; }

    public ulong[] Suffix2 { get; }

    public ulong[] Suffix3 { get; }

    public ulong[] Suffix4 { get; }

    public ulong[] Shape { get; }

    public ulong[] Coarse { get; }

    public ulong[] Fine { get; }

    public ulong[] Flags { get; }

    /// <summary>The hash of <see cref="Entities.TokenShape.Long"/>'s shape ("Xxxxx", "dd-dd"), without building the string.</summary>
    internal static ulong ShapeHash(string w)
    {
        Span<char> shape = w.Length <= 256 ? stackalloc char[w.Length] : new char[w.Length];
        return FeatureHash.Of(shape[..Entities.TokenShape.Long(w, shape)], false);
    }

    private static ulong WordFlags(string w, bool first)
    {
        bool hyphen = false, digit = false, lower = false, letter = false;
        foreach (var ch in w)
        {
            hyphen |= ch == '-';
            digit |= char.IsDigit(ch);
            lower |= char.IsLower(ch);
            letter |= char.IsLetter(ch);
        }

        return (ulong)((char.IsUpper(w[0]) ? 1 : 0) | (hyphen ? 2 : 0) | (digit ? 4 : 0) | (first ? 8 : 0) | (w.Length > 1 && !lower && letter ? 16 : 0));
    }

    /// <summary>Digits become 0 (numbers share weights), typographic quotes and dashes their ASCII forms.</summary>
    private static string Normalize(string lower)
    {
        if (lower.AsSpan().IndexOfAny(Normalized) < 0)
        {
            return lower;
        }

        return string.Create(lower.Length, lower, (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = s[i] switch
                {
                    >= '0' and <= '9' => '0',
                    '’' or '‘' => '\'',
                    '“' or '”' => '"',
                    '—' or '–' => '-',
                    var c => c,
                };
            }
        });
    }
}
