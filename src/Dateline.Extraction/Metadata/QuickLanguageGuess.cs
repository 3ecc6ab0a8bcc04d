using System.Collections.Frozen;
using System.Reflection;

namespace Dateline.Extraction.Metadata;

/// <summary>
/// A fast first guess before the statistical detector: Japanese and Korean by their scripts, Chinese by Han without
/// kana, and a handful of Latin-script languages by the share of their function words (Data/stopwords.tsv). Returns null
/// when the evidence is not clear, and the caller asks Lingua.
/// </summary>
internal static class QuickLanguageGuess
{
    /// <summary>A language must cover at least this share of the words...</summary>
    private const double MinShare = 0.18;

    /// <summary>...and this many times the share of the next best language.</summary>
    private const double MinMargin = 2.5;

    private static readonly (string Code, FrozenSet<string> Words)[] Languages = Load();

    public static string? Guess(string text)
    {
        int kana = 0, hangul = 0, han = 0, letters = 0;
        foreach (var c in text)
        {
            if (c is >= '\u3040' and <= '\u30FF')
            {
                kana++;
            }
            else if (c is >= '\uAC00' and <= '\uD7AF')
            {
                hangul++;
            }
            else if (c is >= '\u4E00' and <= '\u9FFF')
            {
                han++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }

        var cjk = kana + hangul + han;
        if (cjk > letters)
        {
            return hangul > kana + han ? "ko" : kana > 0 && kana * 10 > han ? "ja" : kana == 0 && han > hangul ? "zh" : null;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '"', '“', '”', '(', ')', '!', '?').ToLowerInvariant()).Where(w => w.Length > 0).ToArray();
        if (words.Length < 12)
        {
            return null;
        }

        var shares = Languages.Select(l => (l.Code, Share: words.Count(l.Words.Contains) / (double)words.Length))
            .OrderByDescending(x => x.Share).ToArray();
        return shares[0].Share >= MinShare && shares[0].Share >= MinMargin * shares[1].Share ? shares[0].Code : null;
    }

    private static (string, FrozenSet<string>)[] Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dateline.Extraction.Data.stopwords.tsv")
            ?? throw new InvalidOperationException("stopwords.tsv is not embedded in Dateline.Extraction.");
        using var reader = new StreamReader(stream);
        var list = new List<(string, FrozenSet<string>)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            list.Add((cols[0], cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal)));
        }

        return [.. list];
    }
}
