namespace Dateline.Nlp.Entities;

/// <summary>
/// The tagger's features for one token: the word and its neighbours, affixes, shapes, capitalisation in context,
/// gazetteer matches, and (added per step) the tags already given to the previous tokens.
/// </summary>
internal static class NerFeatures
{
    /// <summary>Features that do not depend on earlier decisions; computed once per sentence.</summary>
    /// <summary>Adds the second pass's document-evidence features to already computed static features.</summary>
    public static void AddDocument(string[] words, List<string>[] statics, string?[] document)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (document[i] is { } d)
            {
                statics[i].Add("doc=" + d);
                statics[i].Add("doc|sh=" + d + "|" + TokenShape.Short(words[i]));
                statics[i].Add("doc|l-1=" + d + "|" + (i > 0 ? words[i - 1].ToLowerInvariant() : "<s>"));
            }
        }
    }

    public static List<string>[] Static(string[] words, string?[] gazetteer)
    {
        var clusters = Learning.WordClusters.Default;
        var lexicon = Lexicons.Lexicon.Default.Gazetteer.Match(words);
        var classes = words.Select(clusters.Lookup).ToArray();
        string Cls((int Coarse, int Fine)? c, bool fine) => c is { } x ? (fine ? x.Fine : x.Coarse).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
        var lower = words.Select(w => w.ToLowerInvariant()).ToArray();
        var shapes = words.Select(TokenShape.Long).ToArray();
        var letters = words.Sum(w => w.Count(char.IsLetter));
        var upper = words.Sum(w => w.Count(char.IsUpper));
        var capsSentence = letters >= 8 && upper > letters * 0.8; // headlines and datelines in capitals
        var result = new List<string>[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            var l = lower[i];
            var f = new List<string>(48)
            {
                "b",
                "w=" + w,
                "l=" + l,
                "sh=" + shapes[i],
                "ssh=" + TokenShape.Short(w),
                "l-1=" + (i > 0 ? lower[i - 1] : "<s>"),
                "l+1=" + (i + 1 < words.Length ? lower[i + 1] : "</s>"),
                "l-2=" + (i > 1 ? lower[i - 2] : "<s>"),
                "l+2=" + (i + 2 < words.Length ? lower[i + 2] : "</s>"),
                "sh-1=" + (i > 0 ? shapes[i - 1] : "<s>"),
                "sh+1=" + (i + 1 < words.Length ? shapes[i + 1] : "</s>"),
                "l-1|l=" + (i > 0 ? lower[i - 1] : "<s>") + "|" + l,
                "l|l+1=" + l + "|" + (i + 1 < words.Length ? lower[i + 1] : "</s>"),
                "sh|sh+1=" + shapes[i] + "|" + (i + 1 < words.Length ? shapes[i + 1] : "</s>"),
                "sh-1|sh=" + (i > 0 ? shapes[i - 1] : "<s>") + "|" + shapes[i],
            };
            for (var k = 1; k <= 4 && k <= l.Length; k++)
            {
                f.Add("p" + k + "=" + l[..k]);
                f.Add("s" + k + "=" + l[^k..]);
            }

            if (i == 0)
            {
                f.Add("first|sh=" + shapes[i]);
            }

            if (clusters.Count > 0)
            {
                f.Add("c=" + Cls(classes[i], false));
                f.Add("cf=" + Cls(classes[i], true));
                f.Add("cf|ssh=" + Cls(classes[i], true) + "|" + TokenShape.Short(w));
                f.Add("cf-1=" + (i > 0 ? Cls(classes[i - 1], true) : "<s>"));
                f.Add("cf+1=" + (i + 1 < words.Length ? Cls(classes[i + 1], true) : "</s>"));
                f.Add("c-1|c=" + (i > 0 ? Cls(classes[i - 1], false) : "<s>") + "|" + Cls(classes[i], false));
            }

            if (capsSentence)
            {
                f.Add("caps|l=" + l);
                f.Add("caps|pos=" + (i == 0 ? "0" : i < 3 ? "1" : "n"));
            }

            if (w.Length > 1 && w.All(char.IsUpper))
            {
                f.Add("acronym");
            }

            if (gazetteer[i] is { } g)
            {
                f.Add("gz=" + g);
                f.Add("gz|sh=" + g + "|" + TokenShape.Short(w));
                f.Add("gz-1=" + (i > 0 ? gazetteer[i - 1] ?? "-" : "<s>") + "|" + g);
            }
            else if (i > 0 && gazetteer[i - 1] is { } gp)
            {
                f.Add("gz-1only=" + gp);
            }

            if (lexicon[i] is { } lx)
            {
                f.Add("lx=" + lx);
                f.Add("lx|ssh=" + lx + "|" + TokenShape.Short(w));
            }

            if (i + 1 < words.Length && lexicon[i + 1] is { } lxNext && lxNext.StartsWith("B-", StringComparison.Ordinal))
            {
                f.Add("lx+1=" + lxNext);
            }

            result[i] = f;
        }

        return result;
    }

    /// <summary>Features that join the previous token's tag ("&lt;s&gt;" at the start) with the current token.</summary>
    public static void Transition(List<string> into, string prev, string lowerWord, string shortShape)
    {
        into.Add("t-1=" + prev);
        into.Add("t-1|l=" + prev + "|" + lowerWord);
        into.Add("t-1|ssh=" + prev + "|" + shortShape);
    }
}
