using System.Collections.Concurrent;
using Dateline.Core.Articles;
using Lingua;

namespace Dateline.Extraction.Metadata;

/// <summary>
/// The article's language (ISO 639-1) when the page does not declare one, from the title and the first paragraphs:
/// <list type="number">
/// <item>a quick script and function-word guess (<see cref="QuickLanguageGuess"/>), which names most pages;</item>
/// <item>when that is unsure and the text is mostly Latin script, SearchPioneer.Lingua in low-accuracy mode choosing
/// among the <see cref="LatinCandidates"/> languages (<see cref="ShortTextCandidates"/> for a short text) that fit the
/// text's letter pairs best
/// (<see cref="BigramCandidateRanker"/>), so only their models are loaded (tens of ms, not the ~1 s of all 50 Latin
/// ones);</item>
/// <item>any other script: Lingua over all its languages in low-accuracy mode, which loads only the models of the
/// languages written in that script (a few, or none where the script itself names the language).</item>
/// </list>
/// Everything loads on first use and stays loaded for the process, so inputs that declare their language never pay.
/// </summary>
public static class LanguageIdentifier
{
    /// <summary>Characters of text the detector looks at; more changes little and costs time.</summary>
    private const int SampleLength = 1200;

    /// <summary>Below this many letters a guess is not worth making.</summary>
    private const int MinLetters = 40;

    /// <summary>
    /// Latin-script languages Lingua chooses among, from <see cref="ShortText"/> letters on. Over 1,000 synthetic texts
    /// (20 per language, drawn from Lingua's own models) of 300 characters the bigram ranking put Lingua's choice over all
    /// languages first in 97.6 % and within the first three in 99.5 %; of 120 characters within the first three in
    /// 99.5 %; every miss was a text Lingua itself got wrong. Three models load in ~60 ms.
    /// </summary>
    internal const int LatinCandidates = 3;

    /// <summary>
    /// Candidates for a text shorter than <see cref="ShortText"/> letters, where the ranking is less sure: of 60-character
    /// texts, four that Lingua got right had its choice 4th to 6th.
    /// </summary>
    internal const int ShortTextCandidates = 6;

    /// <summary>Letters below which a text is short for the ranking (a headline and a line).</summary>
    internal const int ShortText = 100;

    private static readonly Lazy<BigramCandidateRanker> Ranker = new(() => BigramCandidateRanker.Load(BigramCandidateRanker.ModelsDirectory));

    private static readonly Lazy<LanguageDetector> AllLanguages = new(() =>
        LanguageDetectorBuilder.FromAllLanguages().WithLowAccuracyMode().Build());

    // One detector per candidate set; the models themselves are shared by all of Lingua's detectors.
    private static readonly ConcurrentDictionary<string, LanguageDetector> CandidateDetectors = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads the bigram tables that pick Lingua's candidates now rather than on the first unclear text (a few tens of
    /// ms; Lingua's own models still load per language on first need).
    /// </summary>
    public static void Preload() => _ = Ranker.Value;

    /// <summary>The language of a title and paragraphs, or null when there is too little text or no clear answer.</summary>
    public static string? Detect(string? title, IEnumerable<string> paragraphs) => Identify(Sample(title, paragraphs)).Language;

    /// <summary>The article with <see cref="Article.Language"/> filled in when it was missing.</summary>
    public static Article Fill(Article article) =>
        article.Language is not null ? article : article with { Language = Detect(article.Title, article.Paragraphs) };

    /// <summary>
    /// The language of a sample, and the languages Lingua was asked to choose among: none when the text was too short or
    /// the quick guess named it, <see cref="LatinCandidates"/> or <see cref="ShortTextCandidates"/> for Latin script, every
    /// language for any other script.
    /// </summary>
    internal static (string? Language, IReadOnlyCollection<Language> Candidates) Identify(string text)
    {
        var letters = text.Count(char.IsLetter);
        if (letters < MinLetters)
        {
            return (null, []);
        }

        if (QuickLanguageGuess.Guess(text) is { } quick)
        {
            return (quick, []);
        }

        var detector = IsMostlyLatin(text)
            ? ForCandidates(Ranker.Value.Rank(text, letters < ShortText ? ShortTextCandidates : LatinCandidates))
            : AllLanguages.Value;
        var language = detector.DetectLanguageOf(text);
        return (language == Language.Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant(), detector.Languages);
    }

    /// <summary>The title and paragraphs as the detector reads them: at most <see cref="SampleLength"/> characters.</summary>
    internal static string Sample(string? title, IEnumerable<string> paragraphs)
    {
        var sample = new System.Text.StringBuilder(SampleLength + 200);
        if (title is not null)
        {
            sample.Append(title).Append(". ");
        }

        foreach (var p in paragraphs)
        {
            if (sample.Length >= SampleLength)
            {
                break;
            }

            sample.Append(p).Append(' ');
        }

        return sample.Length > SampleLength ? sample.ToString(0, SampleLength) : sample.ToString();
    }

    private static LanguageDetector ForCandidates(Language[] candidates)
    {
        Array.Sort(candidates);
        return CandidateDetectors.GetOrAdd(string.Join(',', candidates),
            static (_, languages) => LanguageDetectorBuilder.FromLanguages(languages).WithLowAccuracyMode().Build(), candidates);
    }

    /// <summary>More Latin letters than letters of all other scripts together: then Lingua would only weigh Latin languages.</summary>
    private static bool IsMostlyLatin(string text)
    {
        int latin = 0, other = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                _ = UnicodeScriptInfo.GetScript(c) == UnicodeScript.Latin ? latin++ : other++;
            }
        }

        return latin > other;
    }
}
